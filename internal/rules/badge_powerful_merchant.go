package rules

var badgePowerfulMerchant = Rule{
	ID:       "badge-powerful-merchant",
	Severity: Positive,
	Weight:   8,
	Title: Text{
		EN: "Powerful Merchant (实力商家)",
		ZH: "实力商家",
	},
	Advice: Text{
		EN: "1688 vets Powerful Merchants' credentials and capacity and charges for the tier. It does not prove this product's quality: still test samples.",
		ZH: "实力商家经平台审核资质与实力。但不代表此商品质量合格：仍需测试样品。",
	},
	Fires: "The page marks the seller as 实力商家: `sellerSign.isSlsj` true or `businessType` \"slsj\".",
	Guide: "“Give priority to shops that have badges such as “Deep Factory Audit”, “Powerful Merchant” or “Brand Authorization””",
	Check: badgeCheck("powerful-merchant"),
	Say:   badgeSay("powerful-merchant"),
}
