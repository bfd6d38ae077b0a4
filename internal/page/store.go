package page

import (
	"strings"

	"github.com/tidwall/gjson"
)

// Store-header data. Three carriers share one field set (doc §2a, §3a, §3b):
//   - `window.__STORE_DATA.components[<id>].moduleData` on G2 offer pages
//     (SEEN-CODE only: a userscript reads it; no real sample here),
//   - `window.pageData.components[<id>].{moduleName, moduleData}` on shop
//     pages, header = moduleName "wp_pc_common_header" (SEEN-CODE only),
//   - the mtop `…moduleasyncservice` response for wp_pc_common_header
//     (SEEN-DATA: company-b2b-406915100661872.wp_pc_common_header…jsonp).
const (
	pathComponents   = "components"
	pathModuleName   = "moduleName"
	pathModuleData   = "moduleData"
	moduleHeader     = "wp_pc_common_header"
	pathPageFeatures = "globalData.features"

	pathTpYear          = "tpYear"
	pathSellerType      = "sellerType"
	pathCustomerStar    = "customerStar"
	pathRepeatRateText  = "byrRepeatRateText"
	pathRetentionRate   = "retentionRate"
	pathBizTypeName     = "bizTypeName"
	pathIsShili         = "isShili"
	pathSuperFactory    = "superFactory"
	pathShiliFactory    = "shiliFactory"
	pathFactoryInspect  = "factoryInspection"
	pathBusinessInspect = "businessInspection"
	pathShopTags        = "factoryInfo.shopTag"
	pathFactoryTags     = "pcV2FactoryTags"
	pathBusinessTags    = "businessTags"
	pathCardDetail      = "cardDetail"
	pathCardTitle       = "title"
	pathCardInfo        = "info"
	pathIsShiliFactory  = "isShiliFactory"
)

// readStoreDataScript reads window.__STORE_DATA: every component's
// moduleData that looks like a store header.
func (b *builder) readStoreDataScript(sc string) {
	i, ok := findAssignment(sc, markerStoreData)
	if !ok {
		return
	}
	root, why := cutJSON(sc[i:], true)
	if why != "" {
		b.note("__STORE_DATA found but not readable: %s", why)
		return
	}
	n := 0
	root.Get(pathComponents).ForEach(func(k, c gjson.Result) bool {
		md := c.Get(pathModuleData)
		if md.Get(pathCompanyName).Exists() {
			b.readStoreHeader(md, "__STORE_DATA components."+k.Str+".moduleData")
		}
		n++
		return n < maxListItems
	})
}

// readPageDataScript reads window.pageData of shop pages.
func (b *builder) readPageDataScript(sc string) {
	i, ok := findAssignment(sc, markerPageData)
	if !ok {
		return
	}
	root, why := cutJSON(sc[i:], true)
	if why != "" {
		b.note("pageData found but not readable: %s", why)
		return
	}
	n := 0
	root.Get(pathComponents).ForEach(func(k, c gjson.Result) bool {
		if c.Get(pathModuleName).Str == moduleHeader {
			b.readStoreHeader(c.Get(pathModuleData), "pageData components."+k.Str+".moduleData")
		}
		n++
		return n < maxListItems
	})
	f := root.Get(pathPageFeatures)
	if v, ok := boolOf(f.Get(pathIsShiliFactory)); ok && v {
		b.addBadge("powerful-factory", "pageData.globalData.features.isShiliFactory = true")
	}
}

// readStoreHeader reads one store header object; src names where it sits.
func (b *builder) readStoreHeader(h gjson.Result, src string) {
	if !h.IsObject() {
		return
	}
	sup, st := &b.m.Supplier, &b.m.Store
	got := false
	if v, ok := str(h.Get(pathCompanyName)); ok {
		fill(&sup.Company, v, src+".companyName")
		got = true
	}
	if y, ok := yearsOf(h.Get(pathTpYear)); ok {
		fill(&sup.StoreAgeYears, y, src+".tpYear")
		got = true
	}
	if v, ok := str(h.Get(pathSellerType)); ok {
		fill(&sup.ShopType, v, src+".sellerType")
		b.shopTypeBadge(v, src+".sellerType")
	}
	if v, ok := str(h.Get(pathBizTypeName)); ok {
		fill(&sup.BusinessType, v, src+".bizTypeName")
	}
	if v, ok := str(h.Get(pathCustomerStar)); ok {
		if f, ok := parseStat(v, "分"); ok && f <= 5 {
			fill(&st.ServiceScore, f, src+".customerStar")
		}
	}
	if v, ok := str(h.Get(pathRepeatRateText)); ok {
		if f, ok := parseStat(v, "%"); ok && f <= 100 {
			fill(&st.RepurchaseRate, f, src+".byrRepeatRateText")
		}
	}
	if f, ok := floatOf(h.Get(pathRetentionRate)); ok && f >= 0 && f <= 1 {
		fill(&st.RepurchaseRate, f*100, src+".retentionRate")
	}
	for _, flag := range []struct{ path, badge string }{
		{pathIsShili, "powerful-merchant"},
		{pathSuperFactory, "super-factory"},
		{pathShiliFactory, "powerful-factory"},
		{pathFactoryInspect, "deep-factory-audit"},
		{pathBusinessInspect, "deep-merchant-audit"},
	} {
		if v, ok := boolOf(h.Get(flag.path)); ok && v {
			b.addBadge(flag.badge, src+"."+flag.path+" = true")
		}
	}
	for _, p := range []string{pathShopTags, pathFactoryTags} {
		n := 0
		h.Get(p).ForEach(func(_, t gjson.Result) bool {
			if v, ok := str(t.Get(pathText)); ok {
				b.store = append(b.store, tagSource{v, src + "." + p + "[].text"})
			}
			n++
			return n < maxListItems
		})
	}
	st.Pairs = append(st.Pairs, readPairs(h.Get(pathBusinessTags), pathText, pathValue)...)
	st.Pairs = append(st.Pairs, readPairs(h.Get(pathCardDetail), pathCardTitle, pathCardInfo)...)
	if got {
		b.gotStoreModel = true
	}
}

// yearsOf reads a store age: an integer ≥1, as a number, a numeric string
// or text like "8年". 0, -1 and anything else mean unknown.
func yearsOf(r gjson.Result) (int, bool) {
	if n, ok := intOf(r); ok {
		return n, n >= 1 && n <= 100
	}
	s, ok := str(r)
	if !ok {
		return 0, false
	}
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "年"))
	n := 0
	if !isDigits(s) || len(s) > 3 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n, n >= 1 && n <= 100
}

// parseStat reads a shown figure such as "66%", "4.5", "4.0分". "- %", "-",
// "" and "--" mean missing (unknown), never zero.
func parseStat(s, unit string) (float64, bool) {
	s = strings.TrimSpace(s)
	if unit != "" {
		s = strings.TrimSpace(strings.TrimSuffix(s, unit))
	}
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	if s == "" || strings.Trim(s, "-— ") == "" {
		return 0, false
	}
	f, ok := parseDecimal(s)
	if !ok || f < 0 {
		return 0, false
	}
	return f, true
}
