package rules

import (
	"github.com/trustlens/trustlens/internal/page"
	txt "github.com/trustlens/trustlens/internal/text"
)

// upfront finds a demand for full payment before shipping. 全款 alone (支持
// 全款或定金) and "no cash on delivery" (不支持货到付款, common 1688
// boilerplate) are not demands.
var upfront = newPhrases(txt.MustCompile(
	`全款 发货|付清|预付|打款|后发货|才发|才能发货|先付|到账`,
	`先款后货`, `先付款 后|再 发货|发`, `先付后发`, `预付全款`, `款到 发货|即发|才发`, `货款到账后发货`,
	`付全款|需全款|须全款|必须全款|只接受全款|仅接受全款|要求全款|只收全款|仅支持全款|只支持全款`,
	`100% 预付|定金|付款|全款|prepayment|payment`,
	`不接受|不支持|不收|不做 分期|定金|订金|尾款`,
	`^ full|100% _ payment|prepayment _ in_advance|before|upfront|first|required`,
	`^ pay _ in _ full _ before|first|upfront|in_advance`,
	`^ full _ prepayment|upfront_payment`,
), nil, nil)

var upfrontFullPayment = Rule{
	ID:       "upfront-full-payment",
	Severity: Medium,
	Roles: Roles{Action: ActNoFullPay, ReasonVerb: true,
		Reason: Text{EN: "demands full payment up front", ZH: "要求全款预付"}},
	Title: Text{
		EN: "Demands full payment up front",
		ZH: "要求全款预付",
	},
	Advice: Text{
		EN: "Do not pay in full before delivery: above about 500 USD pay 30% deposit and 70% after you have checked the goods, through 1688's escrow. Full payment is acceptable only for small orders under 500 USD.",
		ZH: "不要在收货前付全款：超过约500美元时通过平台担保交易先付30%定金，验货后再付70%尾款。只有500美元以下的小单可以全款。",
	},
	Fires: "A page text demands full payment before shipping: 全款发货, 先款后货, 预付全款, 款到发货, 100%预付, 不接受定金, \"full payment in advance\". A warning (不要付全款) does not fire.",
	Guide: "“Don't pay in full. It should always be 30% first then 70% balance later. It's acceptable for them to require full payment as well in case the total cost is under 500 USD.” / “New stores that are too demanding and want a lot of money upfront”",
	Find: func(m *page.Model, c *Context) ([]Place, string) {
		return upfront.find(c, m, nil), ""
	},
}
