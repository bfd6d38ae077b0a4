package rules

import "github.com/trustlens/trustlens/internal/page"

var storeAgeYoung = Rule{
	ID:       "store-age-young",
	Severity: Medium,
	Roles: Roles{StoreAge: true, Action: ActSamples,
		Reason: Text{EN: "Young store ({years} on 1688)", ZH: "较新店铺（入驻{n}年）"}},
	Title: Text{
		EN: "Young store: 2 years on 1688 (the guide asks for 3+)",
		ZH: "店铺较新：入驻1688第2年（建议3年以上）",
	},
	Advice: Text{
		EN: "Keep the first order small and pay through 1688's escrow. Above about 500 USD split the payment 30% deposit / 70% on delivery, and order samples first.",
		ZH: "首单保持小额并通过平台担保交易付款。超过约500美元时按30%定金、70%尾款分期付款，并先拿样品。",
	},
	Fires: "Store age is exactly 2 years as 1688 counts it (the second year on the platform).",
	Guide: "“A minimum of three years selling experience in a 1688 store is required for the 1688 seller”",
	Check: func(m *page.Model, _ *Context) []string {
		if a := m.Supplier.StoreAgeYears; a.Known && a.Value == 2 {
			return []string{fieldEvidence(a)}
		}
		return nil
	},
	Say: func(m *page.Model, _ *Context, _ []Finding) []Text { return storeAgeSaid(m) },
}
