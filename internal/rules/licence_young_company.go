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
		f, ok := founded(m)
		if !ok || f.Value.IsZero() {
			return nil
		}
		now := c.Now
		if now.IsZero() {
			now = time.Now()
		}
		years := now.Sub(f.Value).Hours() / 24 / 365.25
		date := f.Value.Format("2006-01-02")
		var out []string
		if years < youngCompanyYears {
			out = append(out, format.Sprintf("%s = %s: %.1f years ago", f.Source, date, years))
		}
		if a := m.Supplier.StoreAgeYears; a.Known && float64(a.Value) > years+1 {
			out = append(out, format.Sprintf("%s, but %s = %s (%.1f years ago)", fieldEvidence(a), f.Source, date, years))
		}
		return out
	},
}
