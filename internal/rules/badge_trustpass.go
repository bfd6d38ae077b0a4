package rules

var badgeTrustpass = Rule{
	ID:       "badge-trustpass",
	Severity: Positive,
	Weight:   2,
	Title: Text{
		EN: "TrustPass member (诚信通)",
		ZH: "诚信通会员",
	},
	Advice: Text{
		EN: "TrustPass is the paid membership (about RMB 6,688 a year) most sellers need to trade on 1688. It shows a verified company paid for the year, not that it is reliable: look at how many years it has held it.",
		ZH: "诚信通是在1688经营所需的付费会员（约6688元/年）。它说明企业已认证并付费，不代表可靠：请看它已连续多少年。",
	},
	Fires: "The page marks the seller as a 诚信通 member: `sellerSign.isTp` true or seller identity `cht`.",
	Guide: "“the annual membership fee for sellers on the 1688 platform is typically: RMB 6,688 per year … a Chengxintong (诚信通) membership, which is required for most factories and suppliers”",
	Check: badgeCheck("trustpass"),
	Say:   badgeSay("trustpass"),
}
