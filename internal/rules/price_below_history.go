package rules

import (
	"sort"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
)

// A price under half of what the team usually saw for the same offer is the
// same "too cheap to believe" signal as price-outlier-low, measured against
// the offer's own history instead of its neighbours (the 50% line is the
// practitioner rule in reviews-research.md). Three observations at least, so
// one odd sighting is not a history.
const (
	belowHistoryShare   = 0.5
	minHistoryPrices    = 3
	maxHistoryPriceSeen = 1e7
)

var priceBelowHistory = Rule{
	ID:       "price-below-history",
	Roles:    Roles{Scope: ScopeOffer, Action: ActAskPrice},
	Severity: Medium,
	Title: Text{
		EN: "Price far below what your team has seen for this offer",
		ZH: "价格远低于团队记录的历史价格",
	},
	Advice: Text{
		EN: "A sudden drop to under half the usual price can be bait for a scam or a sign of a cheaper, downgraded product. Ask why, order a sample at this price, and compare it with an earlier one before a bulk order.",
		ZH: "价格突然降到平时的一半以下，可能是诈骗诱饵或降级产品。请询问原因，按此价格先拿样品，并与之前的样品对比后再下大货。",
	},
	Fires: format.Sprintf("The offer's lowest price today is under %.0f%% of the median of the prices your team recorded for it (at least %d observations).", belowHistoryShare*100, minHistoryPrices),
	Guide: "“Prices that are ‘very cheap to believe.’” / “Tools like … AliTools help analyze seller credibility and price history.”",
	Check: func(m *page.Model, c *Context) []string {
		h, ok := belowHistory(m, c)
		if !ok {
			return nil
		}
		return []string{format.Sprintf("%s = ¥%.2f vs the team's median ¥%.2f of %d observations (%.0f%%)", m.Offer.PriceMin.Source, h.now, h.median, h.seen, h.now/h.median*100)}
	},
	Say: func(m *page.Model, c *Context, _ []Finding) []Text {
		h, _ := belowHistory(m, c)
		share := h.now / h.median * 100
		return []Text{{
			EN: format.Sprintf("Price today ¥%.2f is %.0f%% of the usual ¥%.2f your team recorded for this offer (%d times)", h.now, share, h.median, h.seen),
			ZH: format.Sprintf("今日价格¥%.2f，仅为团队%d次记录的中位价¥%.2f的%.0f%%", h.now, h.seen, h.median, share),
		}}
	},
}

// history is today's price against the team's recorded prices.
type history struct {
	now, median float64
	seen        int
}

// belowHistory reports today's lowest price against the median of the
// team's observations, ok when it is under belowHistoryShare of it.
func belowHistory(m *page.Model, c *Context) (history, bool) {
	if c.Team == nil || !m.Offer.PriceMin.Known || m.Offer.PriceMin.Value <= 0 {
		return history{}, false
	}
	var seen []float64
	for _, p := range c.Team.Prices {
		if p.Min > 0 && p.Min < maxHistoryPriceSeen {
			seen = append(seen, p.Min)
		}
	}
	if len(seen) < minHistoryPrices {
		return history{}, false
	}
	sort.Float64s(seen)
	med := seen[len(seen)/2]
	if len(seen)%2 == 0 {
		med = (seen[len(seen)/2-1] + seen[len(seen)/2]) / 2
	}
	now := m.Offer.PriceMin.Value
	if now >= med*belowHistoryShare {
		return history{}, false
	}
	return history{now: now, median: med, seen: len(seen)}, true
}
