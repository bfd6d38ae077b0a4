package rules

import "github.com/trustlens/trustlens/internal/page"

// 1688 counts store years from 1 in the first year (tpYear, 入驻N年,
// 诚信通N年), so "1" means under a year on the platform.
var storeAgeNew = Rule{
	ID:       "store-age-new",
	Severity: High,
	Roles: Roles{StoreAge: true, Action: ActSamples,
		Reason: Text{EN: "New store ({years} on 1688)", ZH: "新店（入驻{n}年）"}},
	Title: Text{
		EN: "New store: 1 year or less on 1688",
		ZH: "新店：入驻1688不满1年",
	},
	Advice: Text{
		EN: "Pop-up stores take payments for 3-12 months and then vanish. Pay only through 1688's escrow (never WeChat or a bank transfer), start with samples and a 50-100 unit trial order, and do not send a large sum until the store has a track record.",
		ZH: "“快闪店”常在经营3-12个月收款后关店。只通过1688平台担保交易付款（不要微信或银行转账），先拿样品并试订50-100件，店铺有交易记录前不要大额付款。",
	},
	Fires: "Store age (shopcard `tpYear`, 入驻N年 or 诚信通N年) is 1 or less.",
	Guide: "“Pop-Up Stores That Collect Cash Then Disappear … Such new stores are at a greater risk since they have no history.” / “pay one big amount like 10,000USD to one 1 years store, they may have a risk”",
	Check: func(m *page.Model, _ *Context) []string {
		if a := m.Supplier.StoreAgeYears; a.Known && a.Value <= 1 {
			return []string{fieldEvidence(a)}
		}
		return nil
	},
	Say: func(m *page.Model, _ *Context, _ []Finding) []Text { return storeAgeSaid(m) },
}
