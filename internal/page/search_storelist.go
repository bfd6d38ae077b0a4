package page

import (
	"strings"

	"github.com/tidwall/gjson"
)

// A store's own offer list: the Wp_pc_common_offerlist module in the shop
// page's pageData script, whose titles are also the store's own wording.

// pageDataOfferPaths are where the offer list module's moduleData keeps its
// offers: the module response's data.content.offerList (SEEN-DATA in the
// store-catalog derivative) without the response envelope, or one level up.
var pageDataOfferPaths = [...]string{"content.offerList", "offerList", "data.content.offerList", "data.offerList"}

// readPageDataOffers reads the store offer list module
// (moduleName wp_pc_common_offerlist, any case: doc §3b writes
// Wp_pc_common_offerlist) from a shop page's window.pageData.
func (r *cardReader) readPageDataOffers(sc string) {
	// The module name first: its first letter is rarer in a model than
	// "pageData"'s, so on the large offer models that carry neither the
	// search stops at far fewer candidates (in WebAssembly each one costs
	// a call).
	if !containsFold(sc, svcStoreOffers) || !strings.Contains(sc, markerPageData) {
		return
	}
	i, ok := findAssignment(sc, markerPageData)
	if !ok {
		return
	}
	root, why := cutJSON(sc[i:], true)
	if why != "" {
		return // readPageDataScript notes it
	}
	n := 0
	root.Get(pathComponents).ForEach(func(_, c gjson.Result) bool {
		if strings.EqualFold(c.Get(pathModuleName).Str, svcStoreOffers) {
			r.readList(firstArray(c.Get(pathModuleData), pageDataOfferPaths[:]), listStore)
		}
		n++
		return n < maxListItems
	})
}

// addStoreOfferTitles adds the store offer list's titles to the model's
// texts as store offer titles (claims the store makes), unless the DOM
// already gave the same title; at most MaxStoreOfferTitles in all.
func addStoreOfferTitles(m *Model, titles []string) {
	have := map[string]bool{}
	for _, t := range m.Texts {
		if t.Where == whereOfferTitle {
			have[t.Text] = true
		}
	}
	for _, t := range titles {
		if len(have) >= MaxStoreOfferTitles {
			return
		}
		if !have[t] {
			have[t] = true
			m.Texts = append(m.Texts, Text{Where: whereOfferTitle, Text: t})
		}
	}
}
