package page

import (
	"regexp"
	"strconv"
	"strings"
)

// DOM text fragments are the last resort: they are read only for what the
// JSON sources left unknown. Patterns from doc §3c: `入驻(\d+)年` on store
// headers and credit pages; `诚信通(\d+)年` is our own guess of a form.
var storeAgePatterns = [...]*regexp.Regexp{
	regexp.MustCompile(`入驻\s*(\d{1,3})\s*年`),
	regexp.MustCompile(`诚信通\s*(\d{1,3})\s*年`),
}

// DOM fragment names (Snapshot.DOM keys) the parser reads.
const (
	domTitle       = "title"
	domStoreName   = "storeName"
	domHeader      = "header"
	domBadges      = "badges"
	domDescription = "description"
)

// domBadgeWords are looked for only in the "badges" and "header" fragments:
// the page body also lists other suppliers (recommendations), whose badges
// are not this seller's.
var domBadgeWords = [...]struct{ word, id string }{
	{"实力商家", "powerful-merchant"},
	{"超级工厂", "super-factory"},
	{"深度验厂", "deep-factory-audit"},
	{"深度验商", "deep-merchant-audit"},
}

func (b *builder) readDOM(dom map[string]string) {
	if len(dom) == 0 {
		return
	}
	names := sortedDOMNames(dom) // header, badges … first; then the rest, stable
	sup := &b.m.Supplier
	if !sup.StoreAgeYears.Known {
	find:
		for _, name := range names {
			text := dom[name]
			for _, re := range storeAgePatterns {
				m := re.FindStringSubmatch(text)
				if m == nil {
					continue
				}
				n, err := strconv.Atoi(m[1])
				if err != nil || n < 1 || n > 100 {
					continue
				}
				sup.StoreAgeYears.Set(n, "DOM "+name+": "+quote(m[0]))
				break find
			}
		}
	}
	for _, name := range []string{domBadges, domHeader} {
		text, ok := dom[name]
		if !ok {
			continue
		}
		for _, w := range domBadgeWords {
			if strings.Contains(text, w.word) {
				b.addBadge(w.id, "DOM "+name+": "+quote(w.word))
			}
		}
	}
	if v := strings.TrimSpace(dom[domTitle]); v != "" && b.m.Kind != KindStore {
		// A store page's <title> is the store's, not an offer title.
		fill(&b.m.Offer.Title, v, "DOM title")
	}
	if v := strings.TrimSpace(dom[domStoreName]); v != "" {
		fill(&sup.Company, v, "DOM storeName")
	}
}
