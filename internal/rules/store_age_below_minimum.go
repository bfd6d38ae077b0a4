package rules

import (
	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
)

// MaxMinStoreYears bounds the buyer's minimum store age (the options page
// offers 0-30; 0 is "no minimum").
const MaxMinStoreYears = 30

// storeAgeBelowMinimum is the buyer's own threshold (options: minimum store
// age). It is a preference, not a warning sign of the supplier: it is not
// counted by warning-signs-combined, and the order ceiling is not halved for
// it (the store age is already that ceiling's base). A young store is one
// finding: where store-age-new or store-age-young already fired, this rule
// does not add a second penalty for the same age.
var storeAgeBelowMinimum = Rule{
	ID:       "store-age-below-minimum",
	Severity: Medium,
	Roles: Roles{StoreAge: true, Preference: true, Action: ActSamples,
		Reason: Text{EN: "store younger than your minimum ({years})", ZH: "店铺年限（{n}年）低于你的最低要求"}},
	Title: Text{
		EN: "Younger than your minimum store age",
		ZH: "店铺年限低于你设定的最低要求",
	},
	Advice: Text{
		EN: "You asked for older stores (TrustLens options). Prefer a supplier that meets your minimum; if you still buy here, keep to samples and a small trial order paid through 1688's escrow.",
		ZH: "你设定了最低店铺年限（TrustLens设置）。优先选择满足要求的供应商；如仍在此购买，请只拿样品和小额试单，并通过1688担保交易付款。",
	},
	Fires: "The buyer set a minimum store age in the options (`buyer.minStoreYears`, 1-30), the store's age is known and lower, and neither store-age-new nor store-age-young fired (one finding per store age). Unknown age does not fire (it already keeps the level below trusted); the panel notes that it cannot be checked.",
	Guide: "“A minimum of three years selling experience in a 1688 store is required for the 1688 seller” — the buyer may ask for more (or accept less) for their own goods.",
	Combine: func(m *page.Model, c *Context, found []Finding) []string {
		a := m.Supplier.StoreAgeYears
		if c.MinStoreYears <= 0 || !a.Known || a.Value >= c.MinStoreYears {
			return nil
		}
		for _, f := range found {
			if RolesOf(f.ID).StoreAge && f.Severity != Positive {
				return nil // the age is already a finding: counted once
			}
		}
		return []string{format.Sprintf("%s; your minimum is %d years", fieldEvidence(a), c.MinStoreYears)}
	},
	Say: func(m *page.Model, c *Context, _ []Finding) []Text {
		out := storeAgeSaid(m)
		return append(out, Text{
			EN: format.Sprintf("Your minimum store age (TrustLens options) is %s", YearsEN(c.MinStoreYears)),
			ZH: format.Sprintf("你在TrustLens设置中要求店铺至少入驻%d年", c.MinStoreYears),
		})
	},
}
