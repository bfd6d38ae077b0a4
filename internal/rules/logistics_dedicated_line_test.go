package rules

var _ = casesFor("logistics-dedicated-line",
	ruleCase{name: "international line", model: model(text("logistics", "美国专线 双清包税")), fire: true, evidence: "美国专线"},
	ruleCase{name: "internal tracking", model: model(text("description", "发货后提供内部单号")), fire: true, evidence: "内部单号"},
	ruleCase{name: "english", model: model(text("description", "Ship by dedicated line, 7 days")), fire: true, evidence: "dedicated line"},
	ruleCase{name: "official logistics", model: model(text("logistics", "承诺48小时发货 官方物流"))},
	ruleCase{name: "domestic freight line", model: model(text("description", "广州至上海物流专线，次日达"))},
	ruleCase{name: "SF express", model: model(text("description", "顺丰包邮 菜鸟仓发货"))},
)
