package rules

var _ = casesFor("payment-off-platform",
	ruleCase{name: "attribute asks for WeChat transfer", model: model(text("attribute 付款方式", "加微信转账")), fire: true, evidence: `attribute 付款方式: "加微信转账" (matched "加微信")`},
	ruleCase{name: "full-width V", model: model(text("title", "新款包包 加Ｖ：abc12345 优惠")), fire: true, evidence: "加Ｖ"},
	ruleCase{name: "wechat id in SKU", model: model(text("SKU", "定制请联系 微信号: tl_seller88")), fire: true, evidence: "联系 微信"},
	ruleCase{name: "QQ number", model: model(text("description", "批发价详询QQ:12345678")), fire: true, evidence: "QQ:12345678"},
	ruleCase{name: "private deal", model: model(text("description", "大货可私下交易，价格更低")), fire: true, evidence: "私下交易"},
	ruleCase{name: "personal account", model: model(text("attribute 结算", "款打个人账户")), fire: true, evidence: "个人账户"},
	ruleCase{name: "company transfer", model: model(text("description", "支持对公转账")), fire: true, evidence: "对公转账"},
	ruleCase{name: "bank card transfer", model: model(text("description", "可银行卡转账")), fire: true, evidence: "银行卡转账"},
	ruleCase{name: "english", model: model(text("description", "Please pay via WeChat for a discount")), fire: true, evidence: "pay via WeChat"},
	ruleCase{name: "long text is quoted around the match", model: model(text("description", "这是一段很长的商品描述，介绍材料、工艺、包装和售后服务的细节，内容很多很多很多很多很多。需要更低价格请加微信详谈，谢谢惠顾，欢迎选购，我们的工厂位于广东省东莞市。")), fire: true, evidence: "…"},
	ruleCase{name: "QQ sweets", model: model(text("title", "QQ糖果 水果软糖 批发"))},
	ruleCase{name: "card holder", model: model(text("title", "银行卡套 防消磁卡包"))},
	ruleCase{name: "scanner feature", model: model(text("title", "收银机 支持微信扫码 支付宝"))},
	ruleCase{name: "model number", model: model(text("attribute 型号", "WX-2000"))},
	ruleCase{name: "vitamin", model: model(text("title", "加VC泡腾片"))},
	ruleCase{name: "clean listing", model: model(text("title", "梵贞男士洗面奶补水护肤品套装"), text("attribute 产地", "广州"))},
)

// Evasions sellers use against 1688's word filter, and notices that warn
// buyers (they must not fire).
var _ = casesFor("payment-off-platform",
	ruleCase{name: "zero-width space", model: model(text("title", "加\u200b微信优惠")), fire: true, evidence: `(matched "加⟨U+200B⟩微信")`},
	ruleCase{name: "soft hyphen in 私下交易", model: model(text("description", "可私\u00ad下交易")), fire: true, evidence: "私⟨U+00AD⟩下"},
	ruleCase{name: "word joiner, BOM, LRM, variation selector", model: model(text("SKU", "微\u2060信\ufeff号\u200e:\ufe0fabc12345")), fire: true, evidence: "⟨U+2060⟩"},
	ruleCase{name: "no-break space", model: model(text("title", "加\u00a0微信")), fire: true, evidence: "加⟨U+00A0⟩微信"},
	ruleCase{name: "right-to-left override", model: model(text("title", "新款 加\u202e信微\u202c 优惠")), fire: true, evidence: "加⟨U+202E⟩信微⟨U+202C⟩"},
	ruleCase{name: "look-alike 徽信", model: model(text("title", "加徽信优惠")), fire: true, evidence: "加徽信"},
	ruleCase{name: "plus sign", model: model(text("title", "+微信 更多款式")), fire: true, evidence: "+微信"},
	ruleCase{name: "V heart", model: model(text("attribute 咨询", "加V❤：abc12345")), fire: true, evidence: "加V❤"},
	ruleCase{name: "QQ as 扣扣", model: model(text("description", "详情加扣扣")), fire: true, evidence: "加扣扣"},
	ruleCase{name: "spaced full-width digits", model: model(text("description", "Ｑ Ｑ ： １ ２ ３ ４ ５ ６ ７")), fire: true, evidence: "１ ２"},
	ruleCase{name: "honest notice", model: model(text("attribute 温馨提示", "请认准1688平台交易，请勿私下交易，谨防诈骗，不要向任何个人账户转账"))},
	ruleCase{name: "English notice", model: model(text("description", "Do not pay outside 1688. We never ask you to transfer money to a personal bank account."))},
	ruleCase{name: "company name with 微 and 信", model: model(text("store name", "深圳市微信通电子有限公司"))},
)
