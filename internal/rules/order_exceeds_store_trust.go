package rules

import (
	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
)

// orderExceedsStoreTrust compares the buyer's planned order with the
// first-order ceiling of the supplier's record (firstOrderCeiling,
// order_advice.go).
var orderExceedsStoreTrust = Rule{
	ID:       "order-exceeds-store-trust",
	Severity: High,
	Roles: Roles{Scope: ScopeOrder, Action: ActSamples,
		Reason: Text{EN: "your planned order is too large for this store's record", ZH: "计划订单金额超出该店铺信誉可支撑的范围"}},
	Title: Text{
		EN: "Planned order is out of proportion to this store's record",
		ZH: "计划订单金额与店铺信誉不相称",
	},
	Advice: Text{
		EN: "Do not send this amount to this store yet. Order samples and a 50-100 unit trial through 1688's escrow, split larger payments 30/70, and raise the order only as the supplier delivers.",
		ZH: "暂不要向该店铺支付此金额。先通过平台担保交易拿样品并试订50-100件，大额付款按30/70分期，供应商按时交货后再加大订单。",
	},
	Fires: "The buyer's planned order value is more than the first-order ceiling for the store: 300 USD at 1 year or less, 500 USD when the age is unknown, 1,500 at 2 years, 5,000 at 3-4, 10,000 at 5-7, 20,000 at 8+; halved for each other medium warning; samples only (0) with any other high warning.",
	Guide: "“So if you want to pay one big amount like 10,000USD to one 1 years store, they may have a risk, cause they can get money and close the store and not send you the items” / “Think of placing a small trial order (50–100 units)”",
	Combine: func(m *page.Model, c *Context, found []Finding) []string {
		if c.PlannedOrderUSD <= 0 {
			return nil
		}
		ceiling := firstOrderCeiling(m, found)
		if c.PlannedOrderUSD <= ceiling {
			return nil
		}
		age := "unknown store age"
		if a := m.Supplier.StoreAgeYears; a.Known {
			age = format.Sprintf("store age %d", a.Value)
		}
		return []string{format.Sprintf("planned order %s; %s and this page's warnings support a first order of about %s", usd(c.PlannedOrderUSD), age, usd(ceiling))}
	},
	Say: func(m *page.Model, c *Context, found []Finding) []Text {
		ceiling := firstOrderCeiling(m, found)
		record := Text{EN: "a store whose age is not shown", ZH: "未显示年限的店铺"}
		if a := m.Supplier.StoreAgeYears; a.Known {
			record = Text{EN: format.Sprintf("a store %s on 1688", YearsEN(a.Value)), ZH: format.Sprintf("入驻%d年的店铺", a.Value)}
		}
		t := Text{
			EN: format.Sprintf("You plan to order about %s; for %s with this page's warnings, a first order of about %s is what its record supports", usd(c.PlannedOrderUSD), record.EN, usd(ceiling)),
			ZH: format.Sprintf("你计划下单约%s；对%s，结合本页的危险信号，首单建议不超过约%s", usd(c.PlannedOrderUSD), record.ZH, usd(ceiling)),
		}
		if ceiling <= 0 {
			t = Text{
				EN: format.Sprintf("You plan to order about %s; with this page's warnings, only samples are advised as a first order", usd(c.PlannedOrderUSD)),
				ZH: format.Sprintf("你计划下单约%s；结合本页的危险信号，首单只建议拿样品", usd(c.PlannedOrderUSD)),
			}
		}
		return []Text{t}
	},
}
