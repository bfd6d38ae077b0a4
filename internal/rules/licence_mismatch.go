package rules

import (
	"fmt"
	"regexp"

	"github.com/agnivade/levenshtein"
	"github.com/trustlens/trustlens/internal/page"
	txt "github.com/trustlens/trustlens/internal/text"
)

// minNameSimilarity: company names that differ only in a legal-form suffix
// or a region in brackets normalise to the same string; genuinely different
// companies share little. 0.8 tolerates one or two characters of difference
// in a typical 6-10 character core name (a typo, 市 dropped) and nothing more.
const minNameSimilarity = 0.8

// maxCompareRunes bounds the strings given to Levenshtein.
const maxCompareRunes = 64

var (
	regionInBrackets = regexp.MustCompile(`[(（][^)）]{1,12}[)）]`)
	legalSuffix      = regexp.MustCompile(`(股份有限公司|有限责任公司|有限公司|集团公司|公司|商行|经营部|工作室|厂|co\.?,?\s*ltd\.?|limited|ltd\.?|inc\.?)$`)
	nameNoise        = regexp.MustCompile(`[\s·.,，、\-_]+`)
)

// normCompany reduces a company name to its core for comparison.
func normCompany(s string) string {
	n := txt.Fold(s).S
	n = regionInBrackets.ReplaceAllString(n, "")
	n = nameNoise.ReplaceAllString(n, "")
	for i := 0; i < 2; i++ {
		n = legalSuffix.ReplaceAllString(n, "")
	}
	if rs := []rune(n); len(rs) > maxCompareRunes {
		n = string(rs[:maxCompareRunes])
	}
	return n
}

// nameSimilarity is 1 - edit distance / longer length, on normalised names.
func nameSimilarity(a, b string) float64 {
	na, nb := normCompany(a), normCompany(b)
	la, lb := len([]rune(na)), len([]rune(nb))
	if la == 0 || lb == 0 {
		return 0
	}
	d := levenshtein.ComputeDistance(na, nb)
	return 1 - float64(d)/float64(max(la, lb))
}

var licenceMismatch = Rule{
	ID:       "licence-mismatch",
	Severity: High,
	Title: Text{
		EN: "Business licence names a different company",
		ZH: "营业执照公司名称与店铺不符",
	},
	Advice: Text{
		EN: "The licence behind this store belongs to another company. Ask why, and check both names in the National Enterprise Credit Information Publicity System (国家企业信用信息公示系统). Do not pay until the company you contract with is the one on the licence.",
		ZH: "该店铺的营业执照属于另一家公司。请询问原因，并在国家企业信用信息公示系统核对两个名称。签约方与执照公司一致之前不要付款。",
	},
	Fires: fmt.Sprintf("The licence's company name and the store's company name differ after normalising (brackets with a region, legal-form suffixes such as 有限公司, spacing): Levenshtein similarity under %.2f.", minNameSimilarity),
	Guide: "“Incongruous particulars with regard to business permits” / “Confirm that the supplier’s business license, registered capital, operating range and other information are consistent with what is available in the National Enterprise Credit Information Publicity System.”",
	Check: func(m *page.Model, _ *Context) []string {
		lic, store := m.Supplier.Licence.Company, m.Supplier.Company
		if !lic.Known || !store.Known || lic.Value == "" || store.Value == "" {
			return nil
		}
		sim := nameSimilarity(lic.Value, store.Value)
		if sim >= minNameSimilarity {
			return nil
		}
		return []string{fmt.Sprintf("licence %q (%s) vs store %q (%s): similarity %.2f", lic.Value, lic.Source, store.Value, store.Source, sim)}
	},
}
