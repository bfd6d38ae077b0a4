package rules

var badgeDeepMerchantAudit = Rule{
	ID:       "badge-deep-merchant-audit",
	Severity: Positive,
	Weight:   6,
	Title: Text{
		EN: "Deep Merchant Audit (深度验商)",
		ZH: "深度验商",
	},
	Advice: Text{
		EN: "A third party verified the business (licence, premises, operations). It does not show the company makes the goods itself: a factory claim still needs 深度验厂 or a video call of the line.",
		ZH: "第三方已核验企业资质与经营情况。但不证明其自己生产：工厂身份仍需深度验厂或视频看厂。",
	},
	Fires: "The seller carries 深度验商 (business verification) in a badge field or badge text.",
	Guide: "“Verify Business Qualifications: Confirm that the supplier's business license, registered capital, operating range and other information are consistent”",
	Check: badgeCheck("deep-merchant-audit"),
	Say:   badgeSay("deep-merchant-audit"),
}
