package rules

var _ = casesFor("warning-signs-combined",
	ruleCase{name: "new store, WeChat, full payment", model: model(age(1), text("description", "加微信详谈，款到发货")), fire: true, evidence: "3 warning signs: payment-off-platform, store-age-new, upfront-full-payment"},
	ruleCase{name: "young store, dedicated line, full payment", model: model(age(2), text("logistics", "美国专线"), text("description", "先款后货")), fire: true, evidence: "logistics-dedicated-line"},
	ruleCase{name: "two signs are not a combination", model: model(age(1), text("description", "款到发货"))},
	ruleCase{name: "info findings do not count", model: model(age(2), text("title", "儿童玩具"), text("description", "款到发货"))},
	ruleCase{name: "the buyer's own minimum is not a sign", model: model(age(1), text("description", "款到发货")), ctx: Context{MinStoreYears: 3}},
)
