package reviews_test

import (
	. "github.com/trustlens/trustlens/internal/reviews"
	"regexp"
	"testing"
)

func TestCatalogue(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for _, d := range Detectors {
		switch {
		case !kebab.MatchString(d.ID):
			t.Errorf("%q not kebab-case", d.ID)
		case d.Title.EN == "" || d.Title.ZH == "" || d.Advice.EN == "" || d.Advice.ZH == "" || d.Fires == "" || d.Guide == "":
			t.Errorf("%s: missing text", d.ID)
		case SevRank(d.Severity) > 3:
			t.Errorf("%s: severity %q", d.ID, d.Severity)
		case seen[d.ID]:
			t.Errorf("%s twice", d.ID)
		}
		seen[d.ID] = true
	}
	for _, id := range allDetectors {
		if !seen[id] {
			t.Errorf("%s not in the catalogue", id)
		}
	}
	if len(Detectors) != len(allDetectors) {
		t.Errorf("%d catalogue entries, %d detectors", len(Detectors), len(allDetectors))
	}
}
