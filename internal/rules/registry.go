package rules

import (
	"sort"
	"strconv"
	"strings"

	"github.com/trustlens/trustlens/internal/format"
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
	&moqAboveTrial,
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
	&hiddenCharacters,
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
			return format.Errorf("rule id %s registered twice", r.ID)
		}
		seen[r.ID] = true
	}
	return nil
}

// maxPlaces bounds the places one finding lists.
const maxPlaces = 5

func joinNote(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "; " + b
}

// Evaluate runs every registered rule on the model and returns the findings
// (at most one per rule) sorted by severity, then id.
func Evaluate(m *page.Model, c *Context) []Finding {
	if c == nil {
		c = &Context{}
	}
	var out []Finding
	add := func(r *Rule, evidence []string) {
		if len(evidence) > 0 {
			out = append(out, Finding{ID: r.ID, Severity: r.Severity, Title: r.Title, Evidence: strings.Join(evidence, "; "), Advice: r.Advice,
				Said: r.Say(m, c, out)})
		}
	}
	for _, r := range Registry {
		switch {
		case r.Check != nil:
			add(r, r.Check(m, c))
		case r.Find != nil:
			if places, note := r.Find(m, c); len(places) > 0 {
				said := make([]Text, 0, len(places)+2)
				for _, p := range places[:min(len(places), maxPlaces)] {
					said = append(said, placeSaid(p))
				}
				if len(places) > maxPlaces {
					n := len(places) - maxPlaces
					note = joinNote(strconv.Itoa(n)+" more places", note)
					places = places[:maxPlaces]
					said = append(said, Text{EN: format.Sprintf("… and %d more places on the page", n), ZH: format.Sprintf("……页面上另有%d处", n)})
				}
				if r.Say != nil {
					said = append(said, r.Say(m, c, out)...)
				}
				out = append(out, Finding{ID: r.ID, Severity: r.Severity, Title: r.Title,
					Evidence: joinNote(placesEvidence(places), note), Places: places, Note: note, Advice: r.Advice, Said: said})
			}
		}
	}
	for _, r := range Registry {
		if r.Combine != nil {
			add(r, r.Combine(m, c, out))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := out[i].Severity.Rank(), out[j].Severity.Rank(); a != b {
			return a < b
		}
		return out[i].ID < out[j].ID
	})
	return out
}
