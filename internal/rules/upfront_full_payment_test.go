package rules

var _ = casesFor("upfront-full-payment",
	ruleCase{name: "款到发货 attribute", model: model(text("attribute 交易条款", "款到发货，不退不换")), fire: true, evidence: "款到发货"},
	ruleCase{name: "全款 in description", model: model(text("description", "大货需全款，先款后货")), fire: true, evidence: "全款"},
	ruleCase{name: "english", model: model(text("description", "100% payment before shipping")), fire: true, evidence: "100% payment before shipping"},
	ruleCase{name: "deposit terms", model: model(text("description", "30%定金，70%尾款发货前付清"))},
	ruleCase{name: "normal listing", model: model(text("title", "男士洗面奶 补水"))},
)
