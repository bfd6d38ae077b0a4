package rules

var _ = casesFor("store-age-young",
	ruleCase{name: "second year", model: model(age(2)), fire: true, evidence: "tpYear = 2"},
	ruleCase{name: "first year is new, not young", model: model(age(1))},
	ruleCase{name: "third year", model: model(age(3))},
	ruleCase{name: "unknown age", model: model()},
)
