package rules

import (
	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/reviews"
)

// scenario builds a readable offer model carrying a generated review set
// (internal/reviews/gen.go: composed sets with planted clusters, bursts and
// repeat reviewers, and clean sets where nothing may fire).
func scenario(name string) page.Model {
	for _, c := range reviews.Scenarios() {
		if c.Name != name {
			continue
		}
		g := reviews.Generate(c)
		set := reviews.NewSet()
		set.Add(g.Reviews...)
		set.AddSummary(&g.Summary)
		return model(func(m *page.Model) {
			m.Reviews = set
			m.Offer.SalesCount.Set(g.Sales.Count, "generated sales")
		})
	}
	panic("no scenario " + name)
}

func reviewCases(id, planted string) bool {
	ctx := Context{Now: testNow}
	return casesFor(id,
		ruleCase{name: "planted " + planted, model: scenario(planted), ctx: ctx, fire: true},
		ruleCase{name: "clean set", model: scenario("clean"), ctx: ctx},
		ruleCase{name: "clean big set", model: scenario("clean-hoodie-big"), ctx: ctx},
		ruleCase{name: "no reviews", model: model(), ctx: ctx},
	)
}

var (
	_ = reviewCases("review-near-duplicate", "clusters")
	_ = reviewCases("review-burst", "burst")
	_ = reviewCases("review-rating-skew", "skew")
	_ = reviewCases("review-generic", "generic")
	_ = reviewCases("review-repeat-reviewer", "repeat")
	_ = reviewCases("reviews-vs-sales", "sales")
)
