package rules

var _ = casesFor("badge-powerful-merchant",
	ruleCase{name: "isSlsj", model: model(badge("powerful-merchant", "globalData.sellerSign.isSlsj = true")), fire: true, evidence: "isSlsj = true"},
	ruleCase{name: "plain trustpass member", model: model(badge("trustpass", "globalData.sellerSign.isTp = true"))},
	ruleCase{name: "no badges", model: model()},
)
