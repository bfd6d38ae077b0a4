package rules

var _ = casesFor("factory-claim-unverified",
	ruleCase{name: "source factory in title, no audit", model: model(text("title", "源头工厂 男士洗面奶 批发")), fire: true, evidence: `title: "源头工厂 男士洗面奶 批发" (matched "源头")`},
	ruleCase{name: "trading company claims factory", model: model(text("store name", "义乌某某工厂"), bizModel("经销批发"), badge("deep-factory-audit", "x")), fire: true, evidence: "business model credit page 经营模式 = 经销批发"},
	ruleCase{name: "english manufacturer", model: model(text("store slogan", "Professional manufacturer since 2005")), fire: true, evidence: "manufacturer"},
	ruleCase{name: "store offer titles", model: model(text("store offer title", "厂家直销 手机壳")), fire: true, evidence: "厂家"},
	ruleCase{name: "backed by deep factory audit", model: model(text("title", "源头工厂 洗面奶"), badge("deep-factory-audit", "x"))},
	ruleCase{name: "backed by super factory", model: model(text("title", "工厂直供"), badge("super-factory", "x"))},
	ruleCase{name: "platform tier words are not claims", model: model(text("tag", "超级工厂"), text("store name", "实力工厂 认证"))},
	ruleCase{name: "place-of-origin attribute value", model: model(text("attribute 产地", "广东"))},
	ruleCase{name: "no claim", model: model(text("title", "男士洗面奶"))},
)
