package rules

import (
	"github.com/trustlens/trustlens/internal/page"
)

var upfront = newPhrases(
	[]string{"全款", "先款", "先付款", "款到", "100%", "分期", "定金", "full payment", "prepayment"},
	`全款(发货|下单|付清|预付|支付|打款)?|先款后货|先付款后发货|预付全款|款到发货|付全款|100%\s*(预付|定金|付款)|不接受(分期|定金)|(full|100%)\s*(payment|prepayment)\s*(in advance|before (shipping|production|delivery))`,
)

var upfrontFullPayment = Rule{
	ID:       "upfront-full-payment",
	Severity: Medium,
	Title: Text{
		EN: "Demands full payment up front",
		ZH: "要求全款预付",
	},
	Advice: Text{
		EN: "Do not pay in full before delivery: above about 500 USD pay 30% deposit and 70% after you have checked the goods, through 1688's escrow. Full payment is acceptable only for small orders under 500 USD.",
		ZH: "不要在收货前付全款：超过约500美元时通过平台担保交易先付30%定金，验货后再付70%尾款。只有500美元以下的小单可以全款。",
	},
	Fires: "The listing demands full payment before shipping: 全款, 先款后货, 预付全款, 款到发货, 100%预付, \"full payment in advance\".",
	Guide: "“Don't pay in full. It should always be 30% first then 70% balance later. It's acceptable for them to require full payment as well in case the total cost is under 500 USD.” / “New stores that are too demanding and want a lot of money upfront”",
	Check: func(m *page.Model, c *Context) []string {
		return hitsEvidence(upfront.find(c, m, nil, maxHitsPerRule))
	},
}
