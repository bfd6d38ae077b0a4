package rules

import (
	"reflect"
	"testing"

	"github.com/trustlens/trustlens/internal/page"
)

func price(p float64) func(*page.Model) {
	return func(m *page.Model) { m.Offer.PriceMin.Set(p, "search offers tradePrice.offerPrice.priceInfo.price") }
}

func peers(ps ...float64) func(*page.Model) {
	return func(m *page.Model) { m.PeerPrices = ps }
}

// around68 are 24 comparable prices with median 6.80 (Q3/Q1 about 1.3).
var around68 = []float64{5.2, 5.5, 5.8, 5.9, 6.0, 6.2, 6.3, 6.5, 6.6, 6.7, 6.75, 6.8, 6.8, 6.85, 6.9, 7.0, 7.2, 7.4, 7.5, 7.8, 8.0, 8.3, 8.8, 9.5}

var _ = casesFor("price-outlier-low",
	ruleCase{name: "31% of the median of 24 cards", model: model(price(2.10), peers(around68...)), fire: true,
		evidence: "¥2.10 vs median ¥6.80 of 24 cards on this page (31%)"},
	ruleCase{name: "just under half", model: model(price(3.3), peers(around68...)), fire: true, evidence: "(49%)"},
	ruleCase{name: "unsorted peers are sorted", model: model(price(1), peers(9.5, 5.2, 6.8, 6.8, 7, 6, 6.5, 8, 7.5)), fire: true, evidence: "median ¥6.80 of 9 cards"},
	ruleCase{name: "half the median is not below half", model: model(price(3.40), peers(around68...))},
	ruleCase{name: "60% of the median", model: model(price(4.1), peers(around68...))},
	ruleCase{name: "offer page without comparables", model: model(price(0.5))},
	ruleCase{name: "seven cards are too few", model: model(price(1), peers(6, 6.5, 6.8, 6.8, 7, 7.2, 7.5))},
	ruleCase{name: "price unknown", model: model(peers(around68...))},
	ruleCase{name: "different products: Q3/Q1 over 4", model: model(price(2), peers(1, 2, 3, 4, 6.8, 20, 40, 80, 160))},
	ruleCase{name: "one absurd card does not move the median", model: model(price(4), peers(append([]float64{0.01, 9999}, around68...)...))},
)

func TestQuantile(t *testing.T) {
	s := []float64{1, 2, 3, 4}
	for q, want := range map[float64]float64{0: 1, 0.5: 2.5, 1: 4, 0.25: 1.75} {
		if got := quantile(s, q); got != want {
			t.Errorf("quantile(%v) = %v, want %v", q, got, want)
		}
	}
	if got := quantile([]float64{7}, 0.5); got != 7 {
		t.Errorf("one value: %v", got)
	}
}

func card(offer string, p float64, unit string, moq int) page.Card {
	c := page.Card{OfferID: offer}
	if p > 0 {
		c.Price.Set(p, "test price")
	}
	if unit != "" {
		c.Unit.Set(unit, "test unit")
	}
	if moq > 0 {
		c.MOQ.Set(moq, "test moq")
	}
	return c
}

func TestPricePeers(t *testing.T) {
	cards := []page.Card{
		card("1", 5, "个", 2),
		card("2", 6, "个", 2),
		card("3", 7, "个", 3),
		card("4", 1, "吨", 1),    // another unit: not comparable
		card("5", 2, "个", 1000), // bulk MOQ: not comparable
		card("6", 0, "", 0),     // no price
		card("7", 6, "", 0),     // unit unknown: comparable
		card("8", 3, "/个", 20),  // "/个" is 个; 20 is not bulk (under 50)
	}
	p := NewPricePeers(cards)
	if !reflect.DeepEqual(p.sorted, []float64{3, 5, 6, 6, 7}) {
		t.Fatalf("sorted = %v", p.sorted)
	}
	if got := p.For(1); !reflect.DeepEqual(got, []float64{3, 5, 6, 7}) {
		t.Errorf("For(1) = %v", got)
	}
	for _, i := range []int{3, 4, 5, -1, 99} {
		if got := p.For(i); got != nil {
			t.Errorf("For(%d) = %v, want nil", i, got)
		}
	}
	if got := p.For(0); !reflect.DeepEqual(got, []float64{3, 6, 6, 7}) || !reflect.DeepEqual(p.sorted, []float64{3, 5, 6, 6, 7}) {
		t.Errorf("For(0) = %v, sorted now %v", got, p.sorted)
	}
	var o page.Offer
	o.ID.Set("2", "x")
	o.PriceMin.Set(1, "x")
	if got := p.ForOffer(&o); !reflect.DeepEqual(got, []float64{3, 5, 6, 7}) {
		t.Errorf("ForOffer = %v", got)
	}
	o.Unit.Set("吨", "x")
	if got := p.ForOffer(&o); got != nil {
		t.Errorf("ForOffer in another unit = %v", got)
	}
	var nilPeers *PricePeers
	if nilPeers.For(0) != nil || nilPeers.ForOffer(&o) != nil {
		t.Error("nil peers")
	}
}
