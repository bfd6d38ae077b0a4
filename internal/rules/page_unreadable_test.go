package rules

import (
	"strings"
	"testing"

	"github.com/trustlens/trustlens/internal/page"
)

var _ = casesFor("page-unreadable",
	ruleCase{name: "no model", model: page.Model{Kind: page.KindOffer}, fire: true, evidence: "no page model"},
	ruleCase{name: "failed response noted", model: page.Model{Kind: page.KindOffer, Notes: []string{"shopcard response failed: FAIL_SYS_USER_VALIDATE"}, Problems: page.ProblemResponseFailed}, fire: true, evidence: "FAIL_SYS_USER_VALIDATE"},
	ruleCase{name: "readable", model: model()},
)

// Each kind of problem the page package reports has its own words for the
// buyer; the first of several wins in a fixed order.
func TestUnreadableSaid(t *testing.T) {
	for _, tc := range []struct {
		problems page.Problem
		blocked  string
		want     string
	}{
		{0, "", "carries no product or store data"},
		{page.ProblemSingleFile, "", "single file (MHTML)"},
		{page.ProblemResponseFailed, "", "1688 refused"},
		{page.ProblemSavedDamaged, "", "(HAR) is damaged"},
		{page.ProblemNotReadable, "", "damaged or in a form"},
		{page.ProblemTranslated, "", "translated this page"},
		{page.ProblemTranslated | page.ProblemResponseFailed, "", "1688 refused"},
		{page.ProblemResponseFailed, page.BlockedCaptcha, "security check (captcha)"},
		{0, page.BlockedLogin, "log in"},
	} {
		m := page.Model{Kind: page.KindOffer, Problems: tc.problems, Blocked: tc.blocked}
		if got := unreadableSaid(&m); !strings.Contains(got.EN, tc.want) || got.ZH == "" {
			t.Errorf("problems %b blocked %q: %q, want it to say %q", tc.problems, tc.blocked, got.EN, tc.want)
		}
	}
}
