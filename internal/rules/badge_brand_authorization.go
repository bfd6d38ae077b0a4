package rules

var badgeBrandAuthorization = Rule{
	ID:       "badge-brand-authorization",
	Severity: Positive,
	Weight:   4,
	Title: Text{
		EN: "Brand authorisation (品牌授权 / licensable own brand)",
		ZH: "品牌授权 / 有可授权的自有品牌",
	},
	Advice: Text{
		EN: "The seller states it owns or may license the brand. Ask for the trademark certificate or authorisation letter and check the holder's name matches the company before selling the brand abroad.",
		ZH: "卖家声明拥有或可授权该品牌。请索取商标注册证或授权书，核对持有人与公司名称一致后再在海外销售该品牌。",
	},
	Fires: "An attribute says 有可授权的自有品牌: 是, or the page shows 品牌授权.",
	Guide: "“Give priority to shops that have badges such as … “Brand Authorization””",
	Check: badgeCheck("brand-authorization"),
	Say:   badgeSay("brand-authorization"),
}
