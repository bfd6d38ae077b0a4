package page

import "strings"

// Pages the browser translated. Overseas buyers often let Chrome translate
// 1688: it marks the page <html class="translated-ltr"> (translated-rtl for
// right-to-left languages), sets lang to the target language, and replaces
// every text run, and title and alt attributes too, by its translation,
// wrapped in <font style="vertical-align: inherit;"> (real capture: offer
// 983002962097 translated to Turkish, where the shop header's h1 reads
// "Shenzhen Xinyechangsheng Teknoloji A.Ş." and 入驻2年 reads "Taşındığımdan
// beri 2 yıl geçti."). Inline scripts and data responses stay Chinese.
//
// So on a translated page only the models and responses are read. The DOM
// text fragments are not: a Chinese label finds nothing there, and the
// translated words would be taken as the seller's (a translated company name
// is not the licence holder's name). What only the DOM carried stays
// unknown, and the verdict says why in a note.

// untranslatedFragments are the DOM fragments a translation leaves as they
// were: the start of the page's markup (the security-check markers are in
// comments and addresses). The "cards" fragment keeps only its ids (search.go).
var untranslatedFragments = map[string]bool{domHTML: true, DOMCards: true}

// translatedDOM drops the text fragments of a translated page's DOM.
func translatedDOM(dom map[string]string) map[string]string {
	var out map[string]string
	for k, v := range dom {
		if untranslatedFragments[k] {
			if out == nil {
				out = map[string]string{}
			}
			out[k] = v
		}
	}
	return out
}

// noteTranslated tells the buyer what a translated page means for the
// verdict, naming what stayed unknown.
func (b *builder) noteTranslated() {
	m := &b.m
	b.problem(ProblemTranslated, "your browser translated this page, so TrustLens did not read its translated text: only the data 1688 sends in Chinese")
	var unknown []string
	if m.Kind == KindOffer && !m.Offer.Title.Known {
		unknown = append(unknown, "the offer title")
	}
	if (m.Kind == KindOffer || m.Kind == KindStore) && !m.Supplier.Company.Known {
		unknown = append(unknown, "the company name")
	}
	if (m.Kind == KindOffer || m.Kind == KindStore) && !m.Supplier.StoreAgeYears.Known {
		unknown = append(unknown, "the store's years on 1688")
	}
	if len(unknown) > 0 {
		b.note("not in that data, so unknown here: %s (turn the translation off to let TrustLens read the page's own text)", strings.Join(unknown, ", "))
	}
}

// isTranslatedMarkup reports whether a tag shows the page was translated by
// the browser: the root's translated-ltr / translated-rtl class, or one of
// the <font style="vertical-align: inherit;"> wrappers Chrome puts around
// each translated run.
func isTranslatedMarkup(name string, attrs map[string]string) bool {
	switch name {
	case "html":
		for _, c := range strings.Fields(attrs["class"]) {
			if c == "translated-ltr" || c == "translated-rtl" {
				return true
			}
		}
	case "font":
		return strings.Contains(strings.ReplaceAll(attrs["style"], " ", ""), "vertical-align:inherit")
	}
	return false
}
