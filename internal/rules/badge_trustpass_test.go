package rules

var _ = casesFor("badge-trustpass",
	ruleCase{name: "isTp", model: model(badge("trustpass", "globalData.sellerSign.isTp = true")), fire: true, evidence: "isTp"},
	ruleCase{name: "none", model: model()},
)
