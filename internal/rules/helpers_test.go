package rules

import (
	"time"

	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/reviews"
	"github.com/trustlens/trustlens/internal/reviews/reviewgen"
)

// Helpers the rules' cases share: the clock, store and licence facts,
// team data and generated review sets.

var testNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

func company(name string) func(*page.Model) {
	return func(m *page.Model) { m.Supplier.Company.Set(name, "globalData.tempModel.companyName") }
}

func licence(name string, founded time.Time) func(*page.Model) {
	return func(m *page.Model) {
		if name != "" {
			m.Supplier.Licence.Company.Set(name, "licence 公司名称")
		}
		if !founded.IsZero() {
			m.Supplier.Licence.Founded.Set(founded, "licence 成立日期")
		}
	}
}

func bizModel(v string) func(*page.Model) {
	return func(m *page.Model) { m.Supplier.BusinessModel.Set(v, "credit page 经营模式") }
}

func date(y, mo, d int) time.Time { return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC) }

func teamCtx(t Team) Context { return Context{Team: &t} }

func seen(prices ...float64) []PriceSeen {
	var out []PriceSeen
	for i, p := range prices {
		out = append(out, PriceSeen{Min: p, Max: p, At: time.Date(2026, 10, 1+i, 0, 0, 0, 0, time.UTC)})
	}
	return out
}

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
