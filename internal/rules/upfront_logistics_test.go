package rules

var _ = casesFor("upfront-full-payment",
	ruleCase{name: "款到发货 attribute", model: model(text("attribute 交易条款", "款到发货，不退不换")), fire: true, evidence: "款到发货"},
	ruleCase{name: "全款 in description", model: model(text("description", "大货需全款，先款后货")), fire: true, evidence: "全款"},
	ruleCase{name: "english", model: model(text("description", "100% payment before shipping")), fire: true, evidence: "100% payment before shipping"},
	ruleCase{name: "deposit terms", model: model(text("description", "30%定金，70%尾款发货前付清"))},
	ruleCase{name: "normal listing", model: model(text("title", "男士洗面奶 补水"))},
)

var _ = casesFor("logistics-dedicated-line",
	ruleCase{name: "international line", model: model(text("logistics", "美国专线 双清包税")), fire: true, evidence: "美国专线"},
	ruleCase{name: "internal tracking", model: model(text("description", "发货后提供内部单号")), fire: true, evidence: "内部单号"},
	ruleCase{name: "english", model: model(text("description", "Ship by dedicated line, 7 days")), fire: true, evidence: "dedicated line"},
	ruleCase{name: "official logistics", model: model(text("logistics", "承诺48小时发货 官方物流"))},
	ruleCase{name: "domestic freight line", model: model(text("description", "广州至上海物流专线，次日达"))},
	ruleCase{name: "SF express", model: model(text("description", "顺丰包邮 菜鸟仓发货"))},
)
