package rules

import (
	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/reviews"
	"github.com/trustlens/trustlens/internal/reviews/reviewgen"
)

// scenario builds a readable offer model carrying a generated review set
// (internal/reviews/reviewgen: composed sets with planted clusters, bursts and
// repeat reviewers, and clean sets where nothing may fire).
func scenario(name string) page.Model {
	for _, c := range reviewgen.Scenarios() {
		if c.Name != name {
			continue
		}
		g := reviewgen.Generate(c)
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

// reviewCases: the rule fires on the set with its sign planted, quoting
// what was planted (evidence), and on no clean set.
func reviewCases(id, planted, evidence string) bool {
	ctx := Context{Now: testNow}
	return casesFor(id,
		ruleCase{name: "planted " + planted, model: scenario(planted), ctx: ctx, fire: true, evidence: evidence},
		ruleCase{name: "clean set", model: scenario("clean"), ctx: ctx},
		ruleCase{name: "clean big set", model: scenario("clean-hoodie-big"), ctx: ctx},
		ruleCase{name: "no reviews", model: model(), ctx: ctx},
	)
}

var (
	_ = reviewCases("review-near-duplicate", "clusters", "7 reviews from 7 buyers say")
	_ = reviewCases("review-burst", "burst", "33 reviews on 2026-08-27 to 2026-08-28")
	_ = reviewCases("review-rating-skew", "skew", "are five stars")
	_ = reviewCases("review-generic", "generic", "template praise")
	_ = reviewCases("review-repeat-reviewer", "repeat", "wrote 5 near-identical reviews")
	_ = reviewCases("reviews-vs-sales", "sales", "but the page shows 40 sold")
)
