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

// BadgeInfo is one badge of the catalogue: its id, its name as the page
// shows it (ZH) and in English, how a sentence names it ("factory audited
// on site"), what it means and what it does not prove.
type BadgeInfo struct {
	ID       string `json:"id"`
	EN       string `json:"en"`
	ZH       string `json:"zh"`
	Phrase   string `json:"phrase"`
	Means    string `json:"means"`
	NotProof string `json:"notProof"`
}

// badgeCatalogue is every badge id the core writes (docs/verdict.md), most
// telling first: search cards show the first two a supplier has.
var badgeCatalogue = [...]BadgeInfo{
	{"super-factory", "Super Factory", "超级工厂", "Super Factory",
		"1688's top factory tier, with verified production capacity.",
		"Does not prove this listing is made there or that quality is checked per order."},
	{"powerful-factory", "Powerful Factory", "实力工厂", "Powerful Factory",
		"Factory membership with verified production facilities.",
		"Does not prove product quality or compliance for your market."},
	{"deep-factory-audit", "Deep Factory Audit", "深度验厂", "factory audited on site",
		"A third-party inspector visited the factory.",
		"Does not prove the audit is recent or covers this product."},
	{"deep-merchant-audit", "Deep Merchant Audit", "深度验商", "merchant audited on site",
		"A third party checked the company's registration and premises.",
		"Does not prove it makes the goods: it may be a trader."},
	{"powerful-merchant", "Powerful Merchant", "实力商家", "Powerful Merchant",
		"Higher-tier paid membership with extra checks of the company.",
		"Does not prove it owns a factory or that this product meets your standard."},
	{"brand-authorization", "Brand Authorization", "品牌授权", "own licensable brand",
		"The seller says it can license its own brand.",
		"Does not prove it is authorised for any other brand shown."},
	{"trustpass", "TrustPass", "诚信通", "TrustPass",
		"Paid 1688 membership; the business registration was checked once.",
		"Does not prove the goods are good or the seller is honest: any registered business can buy it."},
}

// BadgeCatalogue returns the badge catalogue, most telling first.
func BadgeCatalogue() []BadgeInfo { return badgeCatalogue[:] }

// isBadgeID reports whether id is in the catalogue. Remembered facts carry
// ids from earlier pages; only these are accepted.
func isBadgeID(id string) bool {
	for _, b := range badgeCatalogue {
		if b.ID == id {
			return true
		}
	}
	return false
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
