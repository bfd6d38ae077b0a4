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
	pathEstablished     = "establishedYear"
	pathMainCate        = "mainCate"
	pathEntAddress      = "addr.entAddress"
	pathAddress         = "address"
	pathShopURLCommon   = "commonUrl.shopUrl"
	pathCertInfo        = "certInfo"
	pathCertType        = "certType"
	pathCertNum         = "certNum"
	pathCompanyLabel    = "companyLabel"    // SEEN-CODE (doc §3a): "深度认证"
	pathFactoryAuth     = "factoryAuthText" // SEEN-CODE (doc §3a): "深度认证 编号:…"
	pathServiceStarList = "lindormDataModel.serviceStarList"
	pathServiceKey      = "serviceKey"
	pathScore           = "score"
	pathCardCode        = "code"
	pathInfoUnit        = "extendInfo.infoUnit"
	moduleBasicInfo     = "wp_pc_shop_basic_info"

	// cardDetail codes
	cardFoundTime     = "found_time"
	cardAcreage       = "acreage"
	cardWorkerNum     = "worker_num"
	cardEmployeeTotal = "employeeTotal" // SEEN-CODE (doc §3a)

	// licence response: data.businessInfo.* and data.*
	pathBusinessInfo    = "businessInfo"
	pathSocialCredit    = "socialCreditCode"
	pathRegCode         = "regCode"
	pathRegCapital      = "regCapital"
	pathPrincipal       = "companyPrincipal"
	pathLegalStatus     = "legalStatus"
	pathRegOrgan        = "regOrgan"
	pathBusinessLine    = "companyBusinessLine"
	pathCompanyAddr     = "companyAddress"
	pathAuthProvider    = "authProviderName"
	pathAuthPassDate    = "authPassDate"
	pathCheckYear       = "checkYear"
	pathYearStarted     = "companyYearStarted"
	pathStartYear       = "startYear"
	pathFundDate        = "fundDate"
	pathBusinessLineTop = "businessLine"
	pathProductionSvc   = "productionService"

	unitWanYuan     = "万元"
	tagExportOrders = "支持外贸订单"
)

// Text.Where labels of store texts.
const (
	whereCertificate  = "certificate"
	whereCreditTag    = "credit tag"
	whereMainProducts = "main products"
	whereLicenceScope = "licence scope"
	whereOfferTitle   = "store offer title"
	whereSlogan       = "store slogan"
	whereStoreName    = "store name"
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
		b.problem(ProblemNotReadable, "__STORE_DATA found but not readable: %s", why)
		return
	}
	n := 0
	root.Get(pathComponents).ForEach(func(k, c gjson.Result) bool {
		md := c.Get(pathModuleData)
		name := c.Get(pathModuleName)
		// By moduleName when the component has one, else by content
		// (the userscript that reads __STORE_DATA shows no moduleName).
		if name.Str == moduleHeader || name.Str == moduleBasicInfo || (!name.Exists() && md.Get(pathCompanyName).Exists()) {
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
		b.problem(ProblemNotReadable, "pageData found but not readable: %s", why)
		return
	}
	n := 0
	root.Get(pathComponents).ForEach(func(k, c gjson.Result) bool {
		switch c.Get(pathModuleName).Str {
		case moduleHeader, moduleBasicInfo:
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
	if id, ok := str(h.Get(pathMemberID)); ok && !b.acceptSeller(id, src) {
		return
	}
	sup, st := &b.m.Supplier, &b.m.Store
	got := false
	if id, ok := str(h.Get(pathMemberID)); ok && isMemberID(id) {
		fill(&sup.MemberID, id, src+".memberId")
	}
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
		fill(&sup.BusinessModel, v, src+".bizTypeName")
	}
	if t, raw, ok := dateOf(h.Get(pathEstablished)); ok {
		fill(&sup.Founded, t, src+".establishedYear = "+quote(raw))
	}
	if v, ok := str(h.Get(pathMainCate)); ok {
		fill(&sup.MainCategory, v, src+".mainCate")
	}
	if v, ok := str(h.Get(pathEntAddress)); ok {
		fill(&sup.Address, v, src+"."+pathEntAddress)
	}
	if v, ok := str(h.Get(pathAddress)); ok { // §3b: a plain address in the async header
		fill(&sup.Address, v, src+"."+pathAddress)
	}
	if v, ok := str(h.Get(pathShopURLCommon)); ok {
		fill(&sup.WinportURL, v, src+"."+pathShopURLCommon)
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
		{pathIsShiliFactory, "powerful-factory"},
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
				if strings.Contains(v, tagExportOrders) {
					// GUESS: the factory tag 支持外贸订单 says what the
					// factory card's 接外贸订单 支持 says.
					fill(&sup.ExportSupport, true, src+"."+p+"[].text = "+quote(v))
				}
			}
			n++
			return n < maxListItems
		})
	}
	b.readCertInfo(h.Get(pathCertInfo), src+"."+pathCertInfo)
	st.Pairs = append(st.Pairs, readPairs(h.Get(pathBusinessTags), pathText, pathValue)...)
	st.Pairs = append(st.Pairs, readPairs(h.Get(pathCardDetail), pathCardTitle, pathCardInfo)...)
	b.addServiceStars(readPairs(h.Get(pathBusinessTags), pathText, pathValue))
	b.readServiceStarList(h.Get(pathServiceStarList))
	b.readCardDetail(h.Get(pathCardDetail), src+"."+pathCardDetail)
	if bi := h.Get(pathBusinessInfo); bi.IsObject() {
		b.readBusinessInfo(h, src)
		got = true
	}
	if got {
		b.gotStoreModel = true
	}
}

// acceptSeller decides whether store data about member id may be used: it
// must not contradict the member id of the page address nor one read
// earlier (a stale response of another store).
func (b *builder) acceptSeller(id, what string) bool {
	if b.u.memberID != "" && id != b.u.memberID {
		b.note("%s is for member %s but the page address is member %s: ignored", what, truncateUTF8(id, 64), b.u.memberID)
		return false
	}
	if m := b.m.Supplier.MemberID; m.Known && m.Value != id {
		b.note("%s is for member %s, not member %s read earlier: ignored", what, truncateUTF8(id, 64), m.Value)
		return false
	}
	return true
}

// readCertInfo reads the header's certInfo: its texts are shown (as a
// certificate Text) and looked at for badge words (深度认证, doc §3a).
func (b *builder) readCertInfo(ci gjson.Result, src string) {
	if !ci.IsObject() {
		return
	}
	var parts []string
	for _, p := range []string{pathCertType, pathCertNum, pathCompanyLabel, pathFactoryAuth} {
		v, ok := str(ci.Get(p))
		if !ok {
			continue
		}
		parts = append(parts, v)
		for _, w := range badgeWords {
			if strings.Contains(v, w.word) {
				b.addBadge(w.id, src+"."+p+" = "+quote(v))
			}
		}
	}
	if len(parts) > 0 {
		b.texts = append(b.texts, Text{Where: whereCertificate, Text: strings.Join(parts, " ")})
	}
}

// serviceStarNames are the serviceKeys of lindormDataModel.serviceStarList
// with the labels the header shows for them (doc §3b, Greasyfork 523901).
var serviceStarNames = map[string]string{
	"rdf_group_value_new": "售后体验",
	"goods_group_value":   "商品体验",
	"lgt_group_value_new": "物流体验",
	"dspt_group_value":    "纠纷解决",
	"cst_group_value_new": "咨询体验",
}

// readServiceStarList reads [{serviceKey, score}] into Store.ServiceStars;
// unknown keys are kept under their raw name.
func (b *builder) readServiceStarList(list gjson.Result) {
	var stars []Attribute
	n := 0
	list.ForEach(func(_, e gjson.Result) bool {
		key, ok := str(e.Get(pathServiceKey))
		if !ok {
			return true
		}
		score := e.Get(pathScore)
		v, ok := str(score)
		if !ok && score.Type == gjson.Number {
			v, ok = score.Raw, true
		}
		if !ok {
			return true
		}
		name := key
		if cn, ok := serviceStarNames[key]; ok {
			name = cn
		}
		stars = append(stars, Attribute{Name: name, Value: v})
		n++
		return n < maxListItems
	})
	b.addServiceStars(stars)
}

// addServiceStars appends scores for aspects not yet known.
func (b *builder) addServiceStars(stars []Attribute) {
	st := &b.m.Store
next:
	for _, s := range stars {
		if len(st.ServiceStars) >= maxListItems {
			return
		}
		for _, have := range st.ServiceStars {
			if have.Name == s.Name {
				continue next
			}
		}
		st.ServiceStars = append(st.ServiceStars, s)
	}
}

// readCardDetail reads the header's cardDetail [{code, title, info,
// extendInfo.infoUnit}] by code: founding, factory area, staff.
func (b *builder) readCardDetail(list gjson.Result, src string) {
	sup := &b.m.Supplier
	n := 0
	list.ForEach(func(_, e gjson.Result) bool {
		if n++; n > maxListItems {
			return false
		}
		code, _ := str(e.Get(pathCardCode))
		info := e.Get(pathCardInfo)
		val, ok := str(info)
		if !ok && info.Type == gjson.Number {
			val, ok = info.Raw, true
		}
		if !ok || strings.Trim(val, "-— ") == "" {
			return true
		}
		unit, _ := str(e.Get(pathInfoUnit))
		at := src + "[" + code + "]"
		switch code {
		case cardFoundTime:
			if t, ok := parseDate(val); ok {
				fill(&sup.Founded, t, at+".info = "+quote(val))
			}
		case cardAcreage:
			fill(&sup.FactoryArea, withUnit(val, unit), at+".info")
		case cardWorkerNum, cardEmployeeTotal:
			fill(&sup.Employees, withUnit(val, unit), at+".info")
		}
		return true
	})
}

// withUnit appends a unit the value does not already end with.
func withUnit(v, unit string) string {
	if unit == "" || strings.HasSuffix(v, unit) {
		return v
	}
	return v + unit
}

// readBusinessInfo reads the licence response (moduleasyncservice for the
// 主体资质 page, or wp_pc_shop_basic_info): d.businessInfo.* plus the
// store's own fundDate, productionService and businessLine. Field paths
// are SEEN-DATA in the 406915100661872 capture; their meaning is checked
// against the licence page text of the same company (same values).
func (b *builder) readBusinessInfo(d gjson.Result, src string) {
	bi := d.Get(pathBusinessInfo)
	sup, lic := &b.m.Supplier, &b.m.Supplier.Licence
	bsrc := src + "." + pathBusinessInfo + "."
	for _, f := range []struct {
		field *Field[string]
		path  string
	}{
		{&lic.Company, pathCompanyName},
		{&lic.CreditCode, pathSocialCredit},
		{&lic.RegNumber, pathRegCode},
		{&lic.LegalRep, pathPrincipal},
		{&lic.CompanyType, pathLegalStatus},
		{&lic.RegAuthority, pathRegOrgan},
		{&lic.Scope, pathBusinessLine},
		{&lic.Address, pathCompanyAddr},
		{&lic.VerifiedBy, pathAuthProvider},
		{&lic.AnnualReport, pathCheckYear},
	} {
		if v, ok := str(bi.Get(f.path)); ok {
			fill(f.field, strings.TrimSpace(v), bsrc+f.path)
		}
	}
	if v, ok := idOf(bi.Get(pathRegCapital)); ok {
		v = strings.TrimSpace(v)
		if _, plain := parseDecimal(v); plain {
			// GUESS (doc §3b): a bare number is in 万元 (ten thousand
			// yuan); the licence page of the same company shows "500万元"
			// for regCapital "500".
			fill(&lic.RegCapital, v+unitWanYuan, bsrc+pathRegCapital+" = "+quote(v)+" (unit 万元 assumed)")
		} else {
			fill(&lic.RegCapital, v, bsrc+pathRegCapital)
		}
	}
	for _, p := range []string{pathYearStarted, pathStartYear} {
		if t, raw, ok := dateOf(bi.Get(p)); ok {
			fill(&lic.Founded, t, bsrc+p+" = "+quote(raw))
		}
	}
	if t, raw, ok := dateOf(bi.Get(pathAuthPassDate)); ok {
		fill(&lic.VerifiedAt, t, bsrc+pathAuthPassDate+" = "+quote(raw))
	}
	if t, raw, ok := dateOf(d.Get(pathFundDate)); ok {
		fill(&sup.Founded, t, src+"."+pathFundDate+" = "+quote(raw))
	}
	if v, ok := str(d.Get(pathBusinessLineTop)); ok {
		fill(&sup.MainCategory, v, src+"."+pathBusinessLineTop)
	}
	if v, ok := str(d.Get(pathProductionSvc)); ok {
		b.texts = append(b.texts, Text{Where: whereMainProducts, Text: v})
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
