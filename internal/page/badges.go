package page

import "strings"

// Badge words as the pages show them (doc §5). Matching is by substring of
// a tag / label text, so "深度验厂报告" still counts.
var badgeWords = [...]struct{ word, id string }{
	{"超级工厂", "super-factory"},
	{"实力工厂", "powerful-factory"},
	{"深度验厂", "deep-factory-audit"},
	{"深度验商", "deep-merchant-audit"},
	{"品牌授权", "brand-authorization"},
	{"实力商家", "powerful-merchant"},
	// GUESS (doc §3a, §5): 深度认证 is the header's certInfo wording for the
	// numbered on-site audit report; mapped to the factory audit.
	{"深度认证", "deep-factory-audit"},
}

// badgeIDs is the documented set of badge ids (see Badge). Remembered
// facts carry ids from earlier pages; only these are accepted.
var badgeIDs = map[string]bool{
	"trustpass": true, "powerful-merchant": true, "super-factory": true, "powerful-factory": true,
	"deep-factory-audit": true, "deep-merchant-audit": true, "brand-authorization": true,
}

// Attribute that implies brand authorisation (SEEN-DATA in the
// 597090034012 sample; no badge field for it was found, doc §5).
const (
	attrOwnBrand    = "有可授权的自有品牌"
	attrOwnBrandYes = "是"
)

// badgesFromTags looks for badge words in offer tags / labels and store
// tags, and at the brand attribute. It runs after every JSON source, so a
// badge carried by a flag keeps the flag as its source.
func (b *builder) badgesFromTags() {
	for _, list := range [][]tagSource{b.tagSrc, b.store} {
		for _, t := range list {
			for _, w := range badgeWords {
				if strings.Contains(t.text, w.word) {
					b.addBadge(w.id, t.src+" = "+quote(t.text))
				}
			}
		}
	}
	for _, a := range b.m.Offer.Attributes {
		if a.Name == attrOwnBrand && strings.TrimSpace(a.Value) == attrOwnBrandYes {
			b.addBadge("brand-authorization", "attribute "+attrOwnBrand+" = "+quote(a.Value))
		}
	}
}
