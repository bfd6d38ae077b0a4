package rules

var _ = casesFor("store-age-new",
	ruleCase{name: "first year", model: model(age(1)), fire: true, evidence: "tpYear = 1"},
	ruleCase{name: "zero read as new", model: model(age(0)), fire: true, evidence: "= 0"},
	ruleCase{name: "second year", model: model(age(2))},
	ruleCase{name: "unknown age", model: model()},
)
