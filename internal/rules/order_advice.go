package rules

import (
	"math"
	"strconv"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
)

// USDPerCNY converts a planned order typed in CNY. A fixed rate is enough
// for advice whose thresholds are round numbers; docs/order-advice.md says so.
const USDPerCNY = 0.14

// splitAboveUSD: "Don't pay in full … 30% first then 70% … acceptable … full
// payment … in case the total cost is under 500 USD."
const splitAboveUSD = 500

// OrderAdvice is what the panel shows under the planned order value.
type OrderAdvice struct {
	PlannedUSD float64 `json:"plannedUsd"`
	// CeilingUSD is the largest first order this supplier's record supports
	// (see firstOrderCeiling); 0 means samples only.
	CeilingUSD float64 `json:"ceilingUsd"`
	// Tone grows stronger as store age falls and warnings rise:
	// "ok", "careful", "strong", "stop".
	Tone  string `json:"tone"`
	Steps []Text `json:"steps"`
}

// firstOrderCeiling is the first-order size, in USD, that the supplier's
// known record supports. The guide's example is the anchor: 10,000 USD to a
// one-year store "may have a risk"; three years is the minimum it asks for.
// Unknown age is treated like a young store, never like an old one.
func firstOrderCeiling(m *page.Model, found []Finding) float64 {
	ceiling := 500.0
	if a := m.Supplier.StoreAgeYears; a.Known {
		switch {
		case a.Value <= 1:
			ceiling = 300
		case a.Value == 2:
			ceiling = 1500
		case a.Value <= 4:
			ceiling = 5000
		case a.Value <= 7:
			ceiling = 10000
		default:
			ceiling = 20000
		}
	}
	high, medium := 0, 0
	for _, f := range found {
		switch {
		case RolesOf(f.ID).StoreAge, RolesOf(f.ID).ScopeOf() == ScopeOrder:
			// store age is already the base of the ceiling; the order is what it judges
		case f.Severity == High:
			high++
		case f.Severity == Medium:
			medium++
		}
	}
	if high > 0 {
		return 0
	}
	return ceiling * math.Pow(0.5, float64(medium))
}

// upperFirst upper-cases an ASCII first letter.
func upperFirst(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

func usd(v float64) string {
	return format.Sprintf("%s USD", thousands(int(math.Round(v))))
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// AdviseOrder turns a planned order value into the guide's payment advice for
// this supplier. found are the page's findings (without order advice).
func AdviseOrder(plannedUSD float64, m *page.Model, found []Finding) OrderAdvice {
	ceiling := firstOrderCeiling(m, found)
	a := OrderAdvice{PlannedUSD: plannedUSD, CeilingUSD: ceiling}
	a.Steps = append(a.Steps, Text{
		EN: "Pay only through 1688's checkout (Alipay escrow holds the money until you confirm delivery). Never pay by WeChat, QQ or bank transfer.",
		ZH: "只通过1688下单付款（支付宝担保交易在确认收货前保管货款）。不要通过微信、QQ或银行转账付款。",
	})
	switch {
	case ceiling == 0:
		a.Tone = "stop"
		a.Steps = append(a.Steps, Text{
			EN: "This page shows a serious warning sign: do not place this order. At most buy a sample through escrow while you look for another supplier.",
			ZH: "此页面有严重危险信号：不要下此订单。最多通过担保交易购买样品，同时寻找其他供应商。",
		})
		return a
	case plannedUSD > ceiling:
		a.Tone = "strong"
		if ceiling < 1000 {
			a.Tone = "stop"
		}
		a.Steps = append(a.Steps, Text{
			EN: format.Sprintf("%s is more than this supplier's record supports for a first order (about %s). Start with samples and a 50-100 unit trial order; grow the orders as deliveries arrive as promised.", usd(plannedUSD), usd(ceiling)),
			ZH: format.Sprintf("%s 超出该供应商记录可支撑的首单金额（约 %s）。先拿样品并试订50-100件，按时交货后再逐步加大订单。", usd(plannedUSD), usd(ceiling)),
		})
	case plannedUSD > ceiling/2:
		a.Tone = "careful"
	default:
		a.Tone = "ok"
	}
	// The payment plan is for the order the buyer should place: the planned
	// amount, or the first order the record supports when the plan is
	// larger (so "do not send this amount" is never followed by a deposit
	// on that very amount).
	order := min(plannedUSD, ceiling)
	first := Text{}
	if order < plannedUSD {
		first = Text{EN: format.Sprintf("For a first order of about %s: ", usd(order)), ZH: format.Sprintf("首单约 %s 时：", usd(order))}
	}
	if order > splitAboveUSD {
		a.Steps = append(a.Steps, Text{
			EN: first.EN + format.Sprintf("above 500 USD do not pay in full: 30%% deposit (about %s), 70%% (about %s) after you have checked the goods.", usd(order*0.3), usd(order*0.7)),
			ZH: first.ZH + format.Sprintf("超过500美元不要全款：先付30%%定金（约 %s），验货后再付70%%（约 %s）。", usd(order*0.3), usd(order*0.7)),
		})
		a.Steps[len(a.Steps)-1].EN = upperFirst(a.Steps[len(a.Steps)-1].EN)
		a.Steps = append(a.Steps, Text{
			EN: "Sign 1688's online purchase contract (e-signature) with delivery dates, specifications, after-sales terms and penalties; keep the chat history and receipts.",
			ZH: "使用1688在线采购合同（电子签章），写明交期、规格、售后和违约条款；保留聊天记录和付款凭证。",
		})
	} else if order > 0 {
		a.Steps = append(a.Steps, Text{
			EN: first.EN + "under 500 USD full payment through escrow is acceptable. Order samples first if you have not tested this product.",
			ZH: first.ZH + "500美元以下可通过担保交易全款支付。如未测试过该产品，请先拿样品。",
		})
		a.Steps[len(a.Steps)-1].EN = upperFirst(a.Steps[len(a.Steps)-1].EN)
	}
	if order >= 5000 {
		a.Steps = append(a.Steps, Text{
			EN: "For an order this size book a third-party pre-shipment inspection (e.g. Bureau Veritas, Intertek) and insist on a verified carrier (Cainiao, SF Express) with checkable tracking.",
			ZH: "此金额的订单请安排第三方出货前验货（如必维、天祥），并坚持使用可查询单号的正规物流（菜鸟、顺丰）。",
		})
	}
	return a
}
