package rules

var _ = casesFor("store-age-below-minimum",
	ruleCase{name: "4 years, minimum 5", model: model(age(4)), ctx: Context{MinStoreYears: 5}, fire: true, evidence: "tpYear = 4; your minimum is 5 years"},
	ruleCase{name: "first year, minimum 3: store-age-new already counts the age once", model: model(age(1)), ctx: Context{MinStoreYears: 3}},
	ruleCase{name: "2 years, minimum 3: store-age-young already counts it", model: model(age(2)), ctx: Context{MinStoreYears: 3}},
	ruleCase{name: "exactly the minimum", model: model(age(5)), ctx: Context{MinStoreYears: 5}},
	ruleCase{name: "no minimum set", model: model(age(1))},
	ruleCase{name: "unknown age", model: model(), ctx: Context{MinStoreYears: 5}},
)
