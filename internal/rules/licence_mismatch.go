package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/trustlens/trustlens/internal/format"
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

// legalSuffixes are the legal-form endings a name is compared without,
// longest first. They are removed after the noise characters, so
// "Co., Ltd." is "coltd" by then.
var legalSuffixes = [...]string{"股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司", "商行", "经营部", "工作室", "厂", "coltd", "limited", "ltd", "inc"}

// isNameNoise: spaces and punctuation left out of a compared name.
func isNameNoise(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\f', '\r', '·', '.', ',', '，', '、', '-', '_':
		return true
	}
	return false
}

// dropRegions removes a region or note in brackets: an opening bracket, 1
// to 12 characters without a closing one, a closing bracket ("(广州)",
// "（深圳）"); as regexp's ReplaceAllString of [(（][^)）]{1,12}[)）].
func dropRegions(s string) string {
	if !strings.ContainsAny(s, "(（") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == '(' || r == '（' {
			n, j, closed := 0, i+w, false
			for j < len(s) && n <= 12 {
				c, cw := utf8.DecodeRuneInString(s[j:])
				if c == ')' || c == '）' {
					closed = true
					j += cw
					break
				}
				n++
				j += cw
			}
			if closed && n >= 1 {
				i = j
				continue
			}
		}
		b = append(b, s[i:i+w]...)
		i += w
	}
	return string(b)
}

// dropNoise removes the characters isNameNoise names, keeping every other
// byte as it is.
func dropNoise(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isNameNoise(r) {
			b = append(b, s[i:i+w]...)
		}
		i += w
	}
	return string(b)
}

// normCompany reduces a company name to its core for comparison.
func normCompany(s string) string {
	n := txt.Fold(s).S
	n = dropRegions(n)
	n = dropNoise(n)
	for i := 0; i < 2; i++ {
		n = trimLegalSuffix(n)
	}
	if rs := []rune(n); len(rs) > maxCompareRunes {
		n = string(rs[:maxCompareRunes])
	}
	return n
}

// trimLegalSuffix removes the longest legal-form ending.
func trimLegalSuffix(n string) string {
	best := ""
	for _, suf := range legalSuffixes {
		if len(suf) > len(best) && strings.HasSuffix(n, suf) {
			best = suf
		}
	}
	return n[:len(n)-len(best)]
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
	Roles: Roles{Action: ActLicence,
		Reason: Text{EN: "business licence names a different company", ZH: "营业执照上的公司名称不一致"}},
	Title: Text{
		EN: "Business licence names a different company",
		ZH: "营业执照公司名称与店铺不符",
	},
	Advice: Text{
		EN: "The licence behind this store belongs to another company. Ask why, and check both names in the National Enterprise Credit Information Publicity System (国家企业信用信息公示系统). Do not pay until the company you contract with is the one on the licence.",
		ZH: "该店铺的营业执照属于另一家公司。请询问原因，并在国家企业信用信息公示系统核对两个名称。签约方与执照公司一致之前不要付款。",
	},
	Fires: format.Sprintf("The licence's company name and the store's company name differ after normalising (brackets with a region, legal-form suffixes such as 有限公司, spacing): Levenshtein similarity under %.2f.", minNameSimilarity),
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
		return []string{format.Sprintf("licence %q (%s) vs store %q (%s): similarity %.2f", lic.Value, lic.Source, store.Value, store.Source, sim)}
	},
	Say: func(m *page.Model, _ *Context, _ []Finding) []Text {
		lic, store := m.Supplier.Licence.Company, m.Supplier.Company
		return []Text{{
			EN: format.Sprintf("The business licence (营业执照) is in the name of “%s”, but the store trades as “%s”", lic.Value, store.Value),
			ZH: format.Sprintf("营业执照上的公司是“%s”，而店铺的公司名是“%s”", lic.Value, store.Value),
		}}
	},
}
