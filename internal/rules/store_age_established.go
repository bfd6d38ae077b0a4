package rules

import "github.com/trustlens/trustlens/internal/page"

var storeAgeEstablished = Rule{
	ID:       "store-age-established",
	Roles:    Roles{StoreAge: true},
	Severity: Positive,
	Title: Text{
		EN: "Established store: 3+ years on 1688",
		ZH: "老店：入驻1688三年以上",
	},
	Advice: Text{
		EN: "Store age is a good sign but not proof of quality: still order samples and pay through 1688's escrow.",
		ZH: "店铺年限是积极信号，但不代表品质有保证：仍需先拿样品并通过平台担保交易付款。",
	},
	Fires: "Store age is 3 years or more. Weight grows with age: +15 at 3-4 years, +20 at 5-7, +25 at 8 or more.",
	Guide: "“A minimum of three years selling experience in a 1688 store is required”; the membership costs about RMB 6,688 a year, so years on the platform are a costly signal.",
	Check: func(m *page.Model, _ *Context) []string {
		if a := m.Supplier.StoreAgeYears; a.Known && a.Value >= 3 {
			return []string{fieldEvidence(a)}
		}
		return nil
	},
	Say: func(m *page.Model, _ *Context, _ []Finding) []Text { return storeAgeSaid(m) },
}

// establishedWeight scales the positive weight with store age.
func establishedWeight(years int) int {
	switch {
	case years >= 8:
		return 25
	case years >= 5:
		return 20
	default:
		return 15
	}
}
