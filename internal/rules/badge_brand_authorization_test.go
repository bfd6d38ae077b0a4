package rules

var _ = casesFor("badge-brand-authorization",
	ruleCase{name: "licensable own brand", model: model(badge("brand-authorization", "attribute 有可授权的自有品牌 = 是")), fire: true, evidence: "有可授权的自有品牌"},
	ruleCase{name: "none", model: model(badge("trustpass", "x"))},
)
