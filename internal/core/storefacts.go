package core

import (
	"time"

	"github.com/trustlens/trustlens/internal/dates"
	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/rules"
)

// StoreFact is one value a store page showed, as shown, with where it was
// read. Key names the value for the panel (see the lists below).
type StoreFact struct {
	Key    string `json:"key"`
	Value  string `json:"value"`
	Source string `json:"source"`
}

// StoreFactsOut is what a store page (licence page, factory card, credit
// profile …) showed about the supplier, for the panel to show back.
type StoreFactsOut struct {
	// Licence keys: company, creditCode, founded (YYYY-MM-DD), regCapital,
	// legalRep, companyType, regAuthority, term, address, scope,
	// verifiedBy, verifiedAt.
	Licence []StoreFact `json:"licence"`
	// NameMatchesStore is the licence check: false when licence-mismatch
	// fired, true when the licence's and the store's names were both read
	// (from different places) and it did not, else null.
	NameMatchesStore *bool `json:"nameMatchesStore"`
	// Factory keys: businessModel, founded, area, employees, exportSupport
	// ("yes" / "no"), address, mainCategory.
	Factory []StoreFact `json:"factory"`
}

// storeFactsOut collects the facts of a store page; nil elsewhere and when
// the page showed none.
func storeFactsOut(m *page.Model, findings []rules.Finding) *StoreFactsOut {
	if m.Kind != page.KindStore {
		return nil
	}
	out := &StoreFactsOut{Licence: []StoreFact{}, Factory: []StoreFact{}}
	str := func(list *[]StoreFact, key string, f page.Field[string]) {
		if f.Known && f.Value != "" {
			*list = append(*list, StoreFact{key, f.Value, f.Source})
		}
	}
	day := func(list *[]StoreFact, key string, f page.Field[time.Time]) {
		if f.Known {
			*list = append(*list, StoreFact{key, f.Value.In(dates.China).Format(time.DateOnly), f.Source})
		}
	}
	lic, sup := &m.Supplier.Licence, &m.Supplier
	str(&out.Licence, "company", lic.Company)
	str(&out.Licence, "creditCode", lic.CreditCode)
	day(&out.Licence, "founded", lic.Founded)
	str(&out.Licence, "regCapital", lic.RegCapital)
	str(&out.Licence, "legalRep", lic.LegalRep)
	str(&out.Licence, "companyType", lic.CompanyType)
	str(&out.Licence, "regAuthority", lic.RegAuthority)
	str(&out.Licence, "term", lic.Term)
	str(&out.Licence, "address", lic.Address)
	str(&out.Licence, "scope", lic.Scope)
	str(&out.Licence, "verifiedBy", lic.VerifiedBy)
	day(&out.Licence, "verifiedAt", lic.VerifiedAt)

	str(&out.Factory, "businessModel", sup.BusinessModel)
	day(&out.Factory, "founded", sup.Founded)
	str(&out.Factory, "area", sup.FactoryArea)
	str(&out.Factory, "employees", sup.Employees)
	if f := sup.ExportSupport; f.Known {
		v := "no"
		if f.Value {
			v = "yes"
		}
		out.Factory = append(out.Factory, StoreFact{"exportSupport", v, f.Source})
	}
	str(&out.Factory, "address", sup.Address)
	str(&out.Factory, "mainCategory", sup.MainCategory)

	// The check needs two names: a store name taken from the licence
	// itself (a licence page seen first) proves nothing.
	if lic.Company.Known && sup.Company.Known && lic.Company.Source != sup.Company.Source {
		match := true
		for _, f := range findings {
			if f.ID == "licence-mismatch" {
				match = false
			}
		}
		out.NameMatchesStore = &match
	}
	if len(out.Licence) == 0 && len(out.Factory) == 0 {
		return nil
	}
	return out
}
