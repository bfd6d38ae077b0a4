package rules

import (
	"fmt"
	"sort"

	"github.com/trustlens/trustlens/internal/page"
)

// Registry is the whole catalogue, in display order. Adding a rule means
// adding its file and one line here; the meta-test fails otherwise.
var Registry = []*Rule{
	&pageUnreadable,
	&storeAgeNew,
	&storeAgeYoung,
	&storeAgeEstablished,
	&storeAgeBelowMinimum,
	&paymentOffPlatform,
	&upfrontFullPayment,
	&logisticsDedicatedLine,
	&certsMissing,
	&factoryClaimUnverified,
	&licenceMismatch,
	&licenceYoungCompany,
	&factoryAddressWithheld,
	&exportNotSupported,
	&lowRepurchaseRate,
	&highDisputeRate,
	&lowServiceScoreRule,
	&reviewNearDuplicate,
	&reviewBurst,
	&reviewRatingSkew,
	&reviewGeneric,
	&reviewRepeatReviewer,
	&reviewsVsSales,
	&supplierBlocked,
	&teamReported,
	&priceBelowHistory,
	&priceOutlierLow,
	&warningSignsCombined,
	&orderExceedsStoreTrust,
	&badgePowerfulMerchant,
	&badgeSuperFactory,
	&badgeDeepFactoryAudit,
	&badgeDeepMerchantAudit,
	&badgeTrustpass,
	&badgeBrandAuthorization,
}

// ByID returns the registered rule with that id.
func ByID(id string) (*Rule, bool) {
	for _, r := range Registry {
		if r.ID == id {
			return r, true
		}
	}
	return nil, false
}

// ValidateRegistry checks every rule definition and that ids are unique.
func ValidateRegistry() error {
	seen := map[string]bool{}
	for _, r := range Registry {
		if err := r.Validate(); err != nil {
			return err
		}
		if seen[r.ID] {
			return fmt.Errorf("rule id %s registered twice", r.ID)
		}
		seen[r.ID] = true
	}
	return nil
}

// Evaluate runs every registered rule on the model and returns the findings
// sorted by severity, then id.
func Evaluate(m *page.Model, c *Context) []Finding {
	if c == nil {
		c = &Context{}
	}
	var out []Finding
	add := func(r *Rule, evidence []string) {
		for _, ev := range evidence {
			out = append(out, Finding{ID: r.ID, Severity: r.Severity, Title: r.Title, Evidence: ev, Advice: r.Advice})
		}
	}
	for _, r := range Registry {
		if r.Check != nil {
			add(r, r.Check(m, c))
		}
	}
	for _, r := range Registry {
		if r.Combine != nil {
			add(r, r.Combine(m, c, out))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := out[i].Severity.rank(), out[j].Severity.rank(); a != b {
			return a < b
		}
		return out[i].ID < out[j].ID
	})
	return out
}
