package rules

var _ = casesFor("badge-deep-factory-audit",
	ruleCase{name: "badge text", model: model(badge("deep-factory-audit", `header text "深度验厂"`)), fire: true, evidence: "深度验厂"},
	ruleCase{name: "deep merchant audit is not a factory audit", model: model(badge("deep-merchant-audit", `header text "深度验商"`))},
)
