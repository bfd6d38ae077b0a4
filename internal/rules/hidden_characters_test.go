package rules

var _ = casesFor("hidden-characters",
	ruleCase{name: "zero-width space inside the title", model: model(text("title", "加\u200b微信优惠")), fire: true, evidence: `title: "加⟨U+200B⟩微信优惠"`},
	ruleCase{name: "right-to-left override in the company name", model: model(text("store name", "义乌市\u202e司公限有易贸\u202c")), fire: true, evidence: "⟨U+202E⟩"},
	ruleCase{name: "soft hyphen in an attribute", model: model(text("attribute 联系", "私\u00ad下")), fire: true, evidence: "⟨U+00AD⟩"},
	ruleCase{name: "emoji joiner and variation selector are not hidden words", model: model(text("title", "爆款❤\ufe0f 情侣款👨\u200d👩\u200d👧 家庭装"))},
	ruleCase{name: "stray zero-width space in a pasted description", model: model(text("description", "材质\u200b说明"))},
	ruleCase{name: "clean listing", model: model(text("title", "梵贞男士洗面奶"), text("store name", "广州欧博化妆品有限公司"))},
)
