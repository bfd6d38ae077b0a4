package rules

import (
	"time"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
)

// youngCompanyYears: a company founded less than this many years ago has no
// track record the guide would accept ("a minimum of three years"), and pop-up
// stores are typically fresh companies.
const youngCompanyYears = 2

// founded returns the best-known founding date: the licence's, else the one
// the store claims.
func founded(m *page.Model) (page.Field[time.Time], bool) {
	if f := m.Supplier.Licence.Founded; f.Known {
		return f, true
	}
	if f := m.Supplier.Founded; f.Known {
		return f, true
	}
	return page.Field[time.Time]{}, false
}

var licenceYoungCompany = Rule{
	ID:       "licence-young-company",
	Roles:    Roles{Action: ActLicence},
	Severity: Medium,
	Title: Text{
		EN: "Company founded recently, or after the history the store claims",
		ZH: "公司成立时间短，或晚于店铺声称的经营年限",
	},
	Advice: Text{
		EN: "A young company has no track record to lose. Keep orders small, pay through 1688's escrow, split larger payments 30/70, and check the founding date in the National Enterprise Credit Information Publicity System.",
		ZH: "新成立的公司没有可失去的信誉。保持小额订单，通过平台担保交易付款，大额按30/70分期，并在国家企业信用信息公示系统核对成立日期。",
	},
	Fires: format.Sprintf("The licence's founding date (or the founding date the store shows) is less than %d years ago, or the store claims more years on 1688 than the company has existed (one year of slack for 1688's counting from 1).", youngCompanyYears),
	Guide: "“It is possible for a seller to do business for between 3 and 12 months, get huge payments and then close shop” / “Incongruous particulars with regard to business permits”",
	Check: func(m *page.Model, c *Context) []string {
		a, ok := companyAge(m, c)
		if !ok {
			return nil
		}
		var out []string
		if a.young {
			out = append(out, format.Sprintf("%s = %s: %.1f years ago", a.founded.Source, a.date, a.years))
		}
		if a.predates {
			out = append(out, format.Sprintf("%s, but %s = %s (%.1f years ago)", fieldEvidence(m.Supplier.StoreAgeYears), a.founded.Source, a.date, a.years))
		}
		return out
	},
	Say: func(m *page.Model, c *Context, _ []Finding) []Text {
		a, _ := companyAge(m, c)
		var out []Text
		if a.young {
			out = append(out, from(Text{
				EN: format.Sprintf("Company founded on %s, %.1f years ago", a.date, a.years),
				ZH: format.Sprintf("公司成立于%s，距今%.1f年", a.date, a.years),
			}, a.founded.Source))
		}
		if a.predates {
			y := m.Supplier.StoreAgeYears.Value
			out = append(out, Text{
				EN: format.Sprintf("The store claims %s on 1688, but the company was founded on %s (%.1f years ago)", YearsEN(y), a.date, a.years),
				ZH: format.Sprintf("店铺显示入驻1688共%d年，但公司成立于%s（距今%.1f年）", y, a.date, a.years),
			})
		}
		return out
	},
}

// companyFacts is what licence-young-company reads: the founding date, how
// long ago it was, whether that is recent, and whether the store claims
// more years on 1688 than the company has existed (one year of slack for
// 1688's counting from 1).
type companyFacts struct {
	founded         page.Field[time.Time]
	date            string
	years           float64
	young, predates bool
}

func companyAge(m *page.Model, c *Context) (companyFacts, bool) {
	f, ok := founded(m)
	if !ok || f.Value.IsZero() {
		return companyFacts{}, false
	}
	now := c.Now
	if now.IsZero() {
		now = time.Now()
	}
	years := now.Sub(f.Value).Hours() / 24 / 365.25
	a := m.Supplier.StoreAgeYears
	return companyFacts{founded: f, date: f.Value.Format("2006-01-02"), years: years,
		young: years < youngCompanyYears, predates: a.Known && float64(a.Value) > years+1}, true
}
