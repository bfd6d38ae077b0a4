package rules

var _ = casesFor("badge-deep-merchant-audit",
	ruleCase{name: "search card tag", model: model(badge("deep-merchant-audit", `tag "深度验商"`)), fire: true, evidence: "深度验商"},
	ruleCase{name: "factory audit only", model: model(badge("deep-factory-audit", `tag "深度验厂"`))},
)
