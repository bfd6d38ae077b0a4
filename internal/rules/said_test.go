package rules

import (
	"strings"
	"testing"
)

// developerWords are what a buyer must never meet in the evidence the panel
// leads with: field paths, mtop codes, "field = value".
var developerWords = []string{"data.", "components.", "moduleData", " = ", "FAIL_SYS", "shopcard", "pageData", "globalData", "__", "tpYear", "sellerSign"}

// checkSaid reports what makes a finding's buyer evidence unfit: missing,
// one language missing, the technical evidence repeated, developer words,
// rule ids, and for text rules a page quote in Chinese without an English
// gloss (names and the buyer's own notes are quoted as they are).
func checkSaid(f Finding) []string {
	var bad []string
	if len(f.Said) == 0 {
		return []string{"no buyer evidence"}
	}
	var en []string
	for _, s := range f.Said {
		en = append(en, s.EN)
		if s.EN == "" || !hasHan(s.ZH) {
			bad = append(bad, "a line without English or Chinese: "+s.EN+" / "+s.ZH)
		}
		if s.EN == f.Evidence || s.ZH == f.Evidence || strings.Contains(f.Evidence, s.EN) {
			bad = append(bad, "repeats the technical evidence: "+s.EN)
		}
		// Quotes are the page's own words: a seller's id may well hold
		// an underscore; the words around them are ours.
		for _, t := range []string{unquoted(s.EN), unquoted(s.ZH)} {
			for _, w := range developerWords {
				if strings.Contains(t, w) {
					bad = append(bad, "developer words "+w+" in: "+t)
				}
			}
			if strings.Contains(t, "_") {
				bad = append(bad, "an underscore (a field or code name) in: "+t)
			}
			for _, r := range Registry {
				if strings.Contains(t, r.ID) {
					bad = append(bad, "rule id "+r.ID+" in: "+t)
				}
			}
		}
		if q := quotedHan(s.EN); q != "" && len(f.Places) > 0 {
			bad = append(bad, "Chinese quoted without an English gloss: "+q+" in: "+s.EN)
		}
	}
	if strings.Join(en, "; ") == f.Evidence {
		bad = append(bad, "the same as the technical evidence")
	}
	return bad
}

// unquoted is s without its “quotes”.
func unquoted(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "“")
		j := strings.Index(s, "”")
		if i < 0 || j < i {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[j+len("”"):]
	}
}

// quotedHan returns the first “quote” in s whose Chinese is not followed by
// an English gloss in brackets, "" when every one is glossed.
func quotedHan(s string) string {
	for {
		i := strings.Index(s, "“")
		if i < 0 {
			return ""
		}
		j := strings.Index(s[i:], "”")
		if j < 0 {
			return ""
		}
		q := s[i : i+j+len("”")]
		s = s[i+j+len("”"):]
		if hasHan(q) && !strings.HasPrefix(s, " (") {
			return q
		}
	}
}

// Every registered rule, on each of its firing cases (the cases in
// <rule>_test.go), words its evidence for a buyer: TestCatalogueConventions
// makes sure each rule has one, so no rule escapes this test.
func TestSaidForEveryRule(t *testing.T) {
	for _, r := range Registry {
		fired := 0
		for _, c := range ruleCases[r.ID] {
			if !c.fire {
				continue
			}
			m, ctx := c.model, c.ctx
			for _, f := range Evaluate(&m, &ctx) {
				if f.ID != r.ID {
					continue
				}
				fired++
				for _, b := range checkSaid(f) {
					t.Errorf("%s/%s: %s (technical evidence %q)", r.ID, c.name, b, f.Evidence)
				}
			}
		}
		if fired == 0 {
			t.Errorf("%s: no firing case made a finding", r.ID)
		}
	}
}

// checkSaid itself catches what it is for: the technical evidence copied,
// a field path, an unglossed Chinese quote.
func TestCheckSaidCatches(t *testing.T) {
	for _, f := range []Finding{
		{Evidence: "shopcard data.model.tpYear = 1", Said: []Text{{EN: "shopcard data.model.tpYear = 1", ZH: "shopcard data.model.tpYear = 1"}}},
		{Evidence: "x", Said: []Text{{EN: "Store age from pageData components.1001.moduleData.tpYear", ZH: "店铺年限"}}},
		{Evidence: "x", Places: []Place{{Where: "title", Quote: "联系我们"}}, Said: []Text{{EN: "The title says “联系我们”", ZH: "标题写着“联系我们”"}}},
		{Evidence: "x", Said: []Text{{EN: "Dispute rate 5% (data.model.disputeRate)", ZH: "纠纷率5%"}}},
		{Evidence: "x", Said: []Text{{EN: "The code says tp_year", ZH: "年限"}}},
		{Evidence: "x", Said: []Text{{EN: "Fired by payment-off-platform", ZH: "付款"}}},
		{Evidence: "x"},
	} {
		if len(checkSaid(f)) == 0 {
			t.Errorf("checkSaid passed %+v", f.Said)
		}
	}
}

// Every ask of the corpus a text rule fires on is quoted to the buyer with
// an English gloss of its Chinese: the glossary covers the words sellers
// use.
func TestCorpusQuotesGlossed(t *testing.T) {
	missing := 0
	for _, l := range loadCorpus(t) {
		if len(l.expect) == 0 || !hasHan(l.text) {
			continue
		}
		m := model(text(l.where, l.text))
		for _, f := range Evaluate(&m, &Context{}) {
			if !l.expect[f.ID] || len(f.Places) == 0 {
				continue
			}
			if s := placeSaid(f.Places[0]); hasHan(f.Places[0].Quote) && glossOf(f.Places[0].Quote) == "" {
				missing++
				t.Errorf("%s:%d %s: no gloss for %s", l.file, l.line, f.ID, s.EN)
			}
		}
	}
	if missing > 0 {
		t.Logf("%d quotes without a gloss: extend the glossary in said.go", missing)
	}
}
