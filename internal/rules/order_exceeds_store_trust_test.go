package rules

var _ = casesFor("order-exceeds-store-trust",
	ruleCase{name: "guide's example: 10,000 USD to a 1-year store", model: model(age(1)), ctx: planned(10000), fire: true, evidence: "planned order 10,000 USD; store age 1"},
	ruleCase{name: "5,000 USD with unknown age", model: model(), ctx: planned(5000), fire: true, evidence: "unknown store age"},
	ruleCase{name: "any amount with a high warning", model: model(age(11), text("title", "加微信")), ctx: planned(100), fire: true, evidence: "about 0 USD"},
	ruleCase{name: "8,000 USD to an 11-year store", model: model(age(11)), ctx: planned(8000)},
	ruleCase{name: "15,000 USD to an 11-year store under the buyer's minimum of 15: the ceiling is not halved", model: model(age(11)), ctx: Context{PlannedOrderUSD: 15000, MinStoreYears: 15}},
	ruleCase{name: "no planned value", model: model(age(1))},
	ruleCase{name: "200 USD trial at a new store", model: model(age(1)), ctx: planned(200)},
)
