package rules

var _ = casesFor("badge-powerful-merchant",
	ruleCase{name: "isSlsj", model: model(badge("powerful-merchant", "globalData.sellerSign.isSlsj = true")), fire: true, evidence: "isSlsj = true"},
	ruleCase{name: "plain trustpass member", model: model(badge("trustpass", "globalData.sellerSign.isTp = true"))},
	ruleCase{name: "no badges", model: model()},
)

var _ = casesFor("badge-super-factory",
	ruleCase{name: "cjgc shop type", model: model(badge("super-factory", "shopcard data.model.shopType = cjgc")), fire: true, evidence: "cjgc"},
	ruleCase{name: "powerful merchant only", model: model(badge("powerful-merchant", "globalData.sellerSign.isSlsj = true"))},
)

var _ = casesFor("badge-deep-factory-audit",
	ruleCase{name: "badge text", model: model(badge("deep-factory-audit", `header text "深度验厂"`)), fire: true, evidence: "深度验厂"},
	ruleCase{name: "deep merchant audit is not a factory audit", model: model(badge("deep-merchant-audit", `header text "深度验商"`))},
)
