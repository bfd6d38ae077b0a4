package page

import (
	"strconv"
	"strings"
)

// DOM text fragments are the last resort: they are read only for what the
// JSON sources left unknown. Forms from doc §3c: "入驻11年" on store headers
// and credit pages; "诚信通11年" is our own guess of a form. Spaces may
// stand around the figure ("入驻 11 年").
var storeAgeLabels = [...]string{"入驻", "诚信通"}

// findYears finds the first "<label> N 年" in text, N of 1 to 3 digits with
// optional ASCII white space (\t \n \f \r and space) around it: the whole
// match and the figure.
func findYears(text, label string) (whole, figure string, ok bool) {
	for off := 0; ; {
		i := strings.Index(text[off:], label)
		if i < 0 {
			return "", "", false
		}
		start := off + i
		j := skipASCIISpace(text, start+len(label))
		k := j
		for k < len(text) && k-j < 4 && '0' <= text[k] && text[k] <= '9' {
			k++
		}
		if n := k - j; n >= 1 && n <= 3 {
			if end := skipASCIISpace(text, k); strings.HasPrefix(text[end:], "年") {
				return text[start : end+len("年")], text[j:k], true
			}
		}
		off = start + len(label)
	}
}

// skipASCIISpace skips the white space of a regexp's \s from i.
func skipASCIISpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

// DOM fragment names (Snapshot.DOM keys) the parser reads.
const (
	domTitle       = "title"
	domStoreName   = "storeName"
	domHeader      = "header"
	domBadges      = "badges"
	domDescription = "description"
	domBody        = "body"        // the page's visible text
	domOfferTitles = "offerTitles" // titles of the offers a shop page lists, one per line
	domSlogan      = "slogan"      // the store's slogan / self-description
)

// Store offer titles kept as Texts: at most MaxStoreOfferTitles, each cut
// to MaxStoreOfferTitleChars characters by the extension.
const (
	MaxStoreOfferTitles     = 200
	MaxStoreOfferTitleChars = 300
)

// domBadgeWords are looked for only in the "badges" and "header" fragments:
// the page body also lists other suppliers (recommendations), whose badges
// are not this seller's.
var domBadgeWords = [...]struct{ word, id string }{
	{"实力商家", "powerful-merchant"},
	{"超级工厂", "super-factory"},
	{"实力工厂", "powerful-factory"},
	{"深度验厂", "deep-factory-audit"},
	{"深度验商", "deep-merchant-audit"},
	{"深度认证", "deep-factory-audit"}, // GUESS, see badgeWords
	{"诚信通", "trustpass"},
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
			if name == domOfferTitles || name == domSlogan {
				continue // offer titles and slogans are the seller's wording, not the site's figures
			}
			text := ownText(dom[name])
			for _, label := range storeAgeLabels {
				whole, figure, ok := findYears(text, label)
				if !ok {
					continue
				}
				n, err := strconv.Atoi(figure)
				if err != nil || n < 1 || n > 100 {
					continue
				}
				sup.StoreAgeYears.Set(n, "DOM "+name+": "+quote(whole))
				break find
			}
		}
	}
	for _, name := range []string{domBadges, domHeader} {
		text, ok := dom[name]
		if !ok {
			continue
		}
		text = ownText(text)
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
	b.readStoreText(dom)
	n := 0
	for _, line := range strings.Split(dom[domOfferTitles], "\n") {
		if line = strings.TrimSpace(line); line != "" {
			if n++; n > MaxStoreOfferTitles {
				b.note("more than %d store offer titles: the rest not read", MaxStoreOfferTitles)
				break
			}
			b.texts = append(b.texts, Text{Where: whereOfferTitle, Text: line})
		}
	}
	if v := strings.TrimSpace(dom[domSlogan]); v != "" {
		b.texts = append(b.texts, Text{Where: whereSlogan, Text: v})
	}
}
