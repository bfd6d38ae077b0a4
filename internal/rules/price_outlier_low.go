package rules

import (
	"math"
	"sort"
	"strings"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
)

// Thresholds of price-outlier-low.
//
//   - 50% of the median: the practitioner rule of thumb "A price more than
//     50% below comparable listings suggests bait" (docs/research/
//     reviews-research.md), for the guide's warning sign “Prices that are
//     'very cheap to believe.'”.
//   - The median, not the mean: one absurd card (a ¥0.01 bait SKU, a ¥9,999
//     bundle) moves a mean but not a median.
//   - At least 8 comparable priced cards besides the one judged, so that
//     the median is not one or two neighbours (a search page shows 60, a
//     store list 30).
//   - The middle half of those prices within a factor of 4 (Q3/Q1 ≤ 4):
//     a wider spread means the cards are different products (a broad
//     search, a store selling ¥2 parts and ¥200 machines), where "half the
//     median" says nothing about one of them.
//   - Comparable cards: a card priced in another unit than the page's
//     usual one (when units are shown), or with a bulk MOQ (10 times the
//     page's median MOQ and at least 50), is neither judged nor counted:
//     wholesale quantities are legitimately cheaper per unit.
const (
	outlierRatio     = 0.5
	outlierMinPeers  = 8
	outlierMaxSpread = 4.0
	bulkMOQFactor    = 10
	bulkMOQMin       = 50
)

var priceOutlierLow = Rule{
	ID:       "price-outlier-low",
	Severity: Medium,
	Roles: Roles{Scope: ScopeOffer, Card: CardCheap, Action: ActAskPrice,
		Reason: Text{EN: "price far below similar listings", ZH: "价格远低于同类商品"}},
	Title: Text{
		EN: "Price far below similar listings on this page",
		ZH: "价格远低于本页同类商品",
	},
	Advice: Text{
		EN: "A price this far under similar listings is a common bait: it may be for a minor variant (SKU) or a tiny quantity, or the goods may be fake or never ship. Open the listing and check which variant and quantity the price is for, get the price of your variant in writing in 1688's chat, order a sample first, and pay only through 1688's escrow.",
		ZH: "价格远低于同类商品是常见的诱饵：可能只是某个次要规格（SKU）或极小数量的价格，也可能是假货或根本不发货。请打开商品页确认该价格对应的规格和数量，在1688旺旺中书面确认你所需规格的价格，先拿样品，并只通过1688担保交易付款。",
	},
	Fires: format.Sprintf("A card's (or the page offer's) lowest unit price is under %.0f%% of the median of at least %d comparable priced cards on the same page, and the middle half of those prices lies within a factor of %.0f (Q3/Q1). Cards in another unit than the page's usual one, or with a bulk MOQ (%d× the page's median and at least %d), are left out. Without such cards (an offer page alone) the rule does not fire.", outlierRatio*100, outlierMinPeers, outlierMaxSpread, bulkMOQFactor, bulkMOQMin),
	Guide: "“Prices that are ‘very cheap to believe.’” (the guide's warning signs); practitioner rule of thumb: “A price more than 50% below comparable listings suggests bait.”",
	Check: func(m *page.Model, _ *Context) []string {
		o, ok := priceOutlier(m)
		if !ok {
			return nil
		}
		return []string{format.Sprintf("¥%.2f vs median ¥%.2f of %d cards on this page (%.0f%%)",
			o.price, o.median, o.peers, math.Round(100*o.price/o.median))}
	},
	Say: func(m *page.Model, _ *Context, _ []Finding) []Text {
		o, _ := priceOutlier(m)
		share := math.Round(100 * o.price / o.median)
		return []Text{{
			EN: format.Sprintf("Price ¥%.2f is %.0f%% of the middle price (¥%.2f) of %d similar listings on this page", o.price, share, o.median, o.peers),
			ZH: format.Sprintf("价格¥%.2f，仅为本页%d个同类商品中位价¥%.2f的%.0f%%", o.price, o.peers, o.median, share),
		}}
	},
}

// outlier is a price under outlierRatio of its comparable peers' median.
type outlier struct {
	price, median float64
	peers         int
}

// priceOutlier reports the page offer's price against the comparable card
// prices on the same page, ok when it is an outlier.
func priceOutlier(m *page.Model) (outlier, bool) {
	p := m.Offer.PriceMin
	peers := m.PeerPrices
	if !p.Known || p.Value <= 0 || len(peers) < outlierMinPeers {
		return outlier{}, false
	}
	if !sort.Float64sAreSorted(peers) {
		peers = append([]float64(nil), peers...)
		sort.Float64s(peers)
	}
	med := quantile(peers, 0.5)
	q1, q3 := quantile(peers, 0.25), quantile(peers, 0.75)
	if med <= 0 || q1 <= 0 || q3/q1 > outlierMaxSpread || p.Value >= outlierRatio*med {
		return outlier{}, false
	}
	return outlier{price: p.Value, median: med, peers: len(peers)}, true
}

// quantile interpolates the q-quantile of sorted values.
func quantile(sorted []float64, q float64) float64 {
	pos := q * float64(len(sorted)-1)
	lo := int(pos)
	if lo+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[lo] + (pos-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// PricePeers are the comparable prices of one page's cards, worked out
// once per page; For and ForOffer give each model its PeerPrices.
type PricePeers struct {
	sorted  []float64 // comparable card prices, ascending
	in      []bool    // in[i]: card i is comparable (its price is in sorted)
	price   []float64
	offerID []string
	unit    string // the page's usual unit, "" when no card shows one
	moqMed  int    // median MOQ of the cards that show one, 0 when none
}

// NewPricePeers picks the comparable cards of a page.
func NewPricePeers(cards []page.Card) *PricePeers {
	p := &PricePeers{in: make([]bool, len(cards)), price: make([]float64, len(cards)), offerID: make([]string, len(cards))}
	units := map[string]int{}
	var moqs []int
	for _, c := range cards {
		if c.Unit.Known {
			units[normUnit(c.Unit.Value)]++
		}
		if c.MOQ.Known && c.MOQ.Value >= 1 {
			moqs = append(moqs, c.MOQ.Value)
		}
	}
	best := 0
	for u, n := range units {
		if n > best || n == best && u < p.unit {
			p.unit, best = u, n
		}
	}
	if len(moqs) > 0 {
		sort.Ints(moqs)
		p.moqMed = moqs[len(moqs)/2]
	}
	for i, c := range cards {
		p.offerID[i] = c.OfferID
		if p.comparable(c.Price, c.Unit, c.MOQ) {
			p.in[i], p.price[i] = true, c.Price.Value
			p.sorted = append(p.sorted, c.Price.Value)
		}
	}
	sort.Float64s(p.sorted)
	return p
}

// comparable reports whether a price may be compared with the page's.
func (p *PricePeers) comparable(price page.Field[float64], unit page.Field[string], moq page.Field[int]) bool {
	if !price.Known || price.Value <= 0 {
		return false
	}
	if unit.Known && p.unit != "" && normUnit(unit.Value) != p.unit {
		return false
	}
	if moq.Known && p.moqMed > 0 && moq.Value >= bulkMOQMin && moq.Value >= bulkMOQFactor*p.moqMed {
		return false
	}
	return true
}

// For returns the comparable prices of the page without card i's own, or
// nil when card i is not comparable.
func (p *PricePeers) For(i int) []float64 {
	if p == nil || i < 0 || i >= len(p.in) || !p.in[i] {
		return nil
	}
	k := sort.SearchFloat64s(p.sorted, p.price[i])
	out := make([]float64, 0, len(p.sorted)-1)
	out = append(out, p.sorted[:k]...)
	return append(out, p.sorted[k+1:]...)
}

// ForOffer returns the comparable card prices for the page's own offer:
// all of them except the cards of the same offer, or nil when the offer
// is not comparable.
func (p *PricePeers) ForOffer(o *page.Offer) []float64 {
	if p == nil || !p.comparable(o.PriceMin, o.Unit, o.MOQ) {
		return nil
	}
	var out []float64
	for i, in := range p.in {
		if in && (!o.ID.Known || p.offerID[i] != o.ID.Value) {
			out = append(out, p.price[i])
		}
	}
	sort.Float64s(out)
	return out
}

func normUnit(u string) string {
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(u), "/"))
}
