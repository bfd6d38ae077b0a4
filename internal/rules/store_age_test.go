package rules

var _ = casesFor("store-age-new",
	ruleCase{name: "first year", model: model(age(1)), fire: true, evidence: "tpYear = 1"},
	ruleCase{name: "zero read as new", model: model(age(0)), fire: true, evidence: "= 0"},
	ruleCase{name: "second year", model: model(age(2))},
	ruleCase{name: "unknown age", model: model()},
)

var _ = casesFor("store-age-young",
	ruleCase{name: "second year", model: model(age(2)), fire: true, evidence: "tpYear = 2"},
	ruleCase{name: "first year is new, not young", model: model(age(1))},
	ruleCase{name: "third year", model: model(age(3))},
	ruleCase{name: "unknown age", model: model()},
)

var _ = casesFor("store-age-below-minimum",
	ruleCase{name: "4 years, minimum 5", model: model(age(4)), ctx: Context{MinStoreYears: 5}, fire: true, evidence: "tpYear = 4; your minimum is 5 years"},
	ruleCase{name: "first year, minimum 3: store-age-new already counts the age once", model: model(age(1)), ctx: Context{MinStoreYears: 3}},
	ruleCase{name: "2 years, minimum 3: store-age-young already counts it", model: model(age(2)), ctx: Context{MinStoreYears: 3}},
	ruleCase{name: "exactly the minimum", model: model(age(5)), ctx: Context{MinStoreYears: 5}},
	ruleCase{name: "no minimum set", model: model(age(1))},
	ruleCase{name: "unknown age", model: model(), ctx: Context{MinStoreYears: 5}},
)

var _ = casesFor("store-age-established",
	ruleCase{name: "third year", model: model(age(3)), fire: true, evidence: "tpYear = 3"},
	ruleCase{name: "eleven years", model: model(age(11)), fire: true, evidence: "11"},
	ruleCase{name: "second year", model: model(age(2))},
	ruleCase{name: "unknown age", model: model()},
)
