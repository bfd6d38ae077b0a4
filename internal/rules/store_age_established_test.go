package rules

var _ = casesFor("store-age-established",
	ruleCase{name: "third year", model: model(age(3)), fire: true, evidence: "tpYear = 3"},
	ruleCase{name: "eleven years", model: model(age(11)), fire: true, evidence: "11"},
	ruleCase{name: "second year", model: model(age(2))},
	ruleCase{name: "unknown age", model: model()},
)
