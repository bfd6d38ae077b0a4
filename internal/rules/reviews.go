package rules

import (
	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/reviews"
)

// reviewReport analyses the page's reviews once per evaluation and shares
// the report between the review rules and the verdict.
func (c *Context) reviewReport(m *page.Model) *reviews.Report {
	if m.Reviews == nil || m.Reviews.Len() == 0 && m.Reviews.Summary() == nil {
		return nil
	}
	if c.reviews == nil {
		o := reviews.Options{Now: c.Now}
		if s, ok := salesOf(m); ok {
			o.Sales = &s
		}
		r := reviews.AnalyzeWith(m.Reviews, o)
		c.reviews = &r
	}
	return c.reviews
}

// ReviewReport returns the review analysis made during Evaluate (nil when the
// page carried no reviews), for the verdict.
func (c *Context) ReviewReport() *reviews.Report { return c.reviews }

// salesOf is the offer's sales figure: the text as shown ("3.5万+",
// "月销1000+") keeps its window and "+"; a bare count is a year's.
func salesOf(m *page.Model) (reviews.Sales, bool) {
	if t := m.Offer.SalesText; t.Known {
		if s, ok := reviews.ParseSales(t.Value); ok {
			return s, true
		}
	}
	if n := m.Offer.SalesCount; n.Known {
		return reviews.Sales{Count: n.Value, WindowDays: 365}, true
	}
	return reviews.Sales{}, false
}

// reviewRule turns a review detector of the reviews catalogue into a rule:
// its text and thresholds live with the detector, its evidence is the
// detector's.
func reviewRule(id string) Rule {
	d := reviews.DetectorByID(id)
	return Rule{
		ID:       d.ID,
		Severity: Severity(d.Severity),
		Title:    Text{EN: d.Title.EN, ZH: d.Title.ZH},
		Advice:   Text{EN: d.Advice.EN, ZH: d.Advice.ZH},
		Fires:    d.Fires,
		Guide:    d.Guide,
		Check: func(m *page.Model, c *Context) []string {
			rep := c.reviewReport(m)
			if rep == nil {
				return nil
			}
			for _, f := range rep.Findings {
				if f.ID == id {
					return []string{f.Evidence}
				}
			}
			return nil
		},
		Say: func(m *page.Model, c *Context, _ []Finding) []Text {
			var out []Text
			for _, f := range c.reviewReport(m).Findings {
				if f.ID == id {
					for _, t := range f.Said {
						out = append(out, Text{EN: t.EN, ZH: t.ZH})
					}
				}
			}
			return out
		},
	}
}
