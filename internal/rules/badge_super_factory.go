package rules

var badgeSuperFactory = Rule{
	ID:       "badge-super-factory",
	Severity: Positive,
	Weight:   10,
	Title: Text{
		EN: "Super Factory (超级工厂)",
		ZH: "超级工厂",
	},
	Advice: Text{
		EN: "1688's top factory tier, given after checks of the production site. It does not replace samples, a video call of the line, or a pre-shipment inspection.",
		ZH: "1688最高等级的工厂认证，经生产现场核验。但不能代替样品、视频看厂或出货前验货。",
	},
	Fires: "The seller carries 超级工厂: shop type `cjgc` (shopcard / sellerIdentity) or the badge text.",
	Guide: "“Give priority to shops that have badges … because they show that the platform or a third party has verified the companies credentials and capabilities.”",
	Check: badgeCheck("super-factory"),
	Say:   badgeSay("super-factory"),
}
