package rules

var _ = casesFor("badge-deep-merchant-audit",
	ruleCase{name: "search card tag", model: model(badge("deep-merchant-audit", `tag "深度验商"`)), fire: true, evidence: "深度验商"},
	ruleCase{name: "factory audit only", model: model(badge("deep-factory-audit", `tag "深度验厂"`))},
)

var _ = casesFor("badge-trustpass",
	ruleCase{name: "isTp", model: model(badge("trustpass", "globalData.sellerSign.isTp = true")), fire: true, evidence: "isTp"},
	ruleCase{name: "none", model: model()},
)

var _ = casesFor("badge-brand-authorization",
	ruleCase{name: "licensable own brand", model: model(badge("brand-authorization", "attribute 有可授权的自有品牌 = 是")), fire: true, evidence: "有可授权的自有品牌"},
	ruleCase{name: "none", model: model(badge("trustpass", "x"))},
)
