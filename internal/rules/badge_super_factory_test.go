package rules

var _ = casesFor("badge-super-factory",
	ruleCase{name: "cjgc shop type", model: model(badge("super-factory", "shopcard data.model.shopType = cjgc")), fire: true, evidence: "cjgc"},
	ruleCase{name: "powerful merchant only", model: model(badge("powerful-merchant", "globalData.sellerSign.isSlsj = true"))},
)
