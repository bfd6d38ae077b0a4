package rules

var badgeDeepFactoryAudit = Rule{
	ID:       "badge-deep-factory-audit",
	Severity: Positive,
	Weight:   8,
	Title: Text{
		EN: "Deep Factory Audit (深度验厂)",
		ZH: "深度验厂",
	},
	Advice: Text{
		EN: "A third party inspected the factory on site, so the factory claim is backed. Check the audit date and scope; it says nothing about this product's quality.",
		ZH: "第三方已实地验厂，工厂身份有依据。请核对验厂日期和范围；这不代表此商品质量。",
	},
	Fires: "The seller carries 深度验厂 (factory inspection) in a badge field or badge text.",
	Guide: "“Check Certification Logos: Give priority to shops that have badges such as “Deep Factory Audit””",
	Check: badgeCheck("deep-factory-audit"),
	Say:   badgeSay("deep-factory-audit"),
}
