package page

import (
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// G2 PC (`window.__INIT_DATA={…}`, about 2021-2025) and mobile
// (m.1688.com, `window.__INIT_DATA` or `__INIT_DATA__`) models: plain JSON
// with `globalData` and `data` {componentId: {componentType, data}}. See
// docs/research/1688-pages.md §2a and §2c.
const (
	pathData       = "data"
	pathGlobalData = "globalData"

	// globalData members
	pathTempModel       = "tempModel"
	pathOfferBaseInfo   = "offerBaseInfo"
	pathSellerSign      = "sellerSign"
	pathSigns           = "signs"
	pathBusinessType    = "businessType"
	pathOrderParamModel = "orderParamModel"
	pathSkuModel        = "skuModel"
	pathDetailModel     = "detailModel"

	// tempModel / offerBaseInfo / detailModel fields
	pathOfferID          = "offerId"
	pathOfferTitle       = "offerTitle"
	pathOfferUnit        = "offerUnit"
	pathCompanyName      = "companyName"
	pathSellerUserID     = "sellerUserId"
	pathSellerLoginID    = "sellerLoginId"
	pathSellerMemberID   = "sellerMemberId"
	pathWinportURL       = "winportUrl"
	pathSellerWinportURL = "sellerWinportUrl"

	// data components
	pathComponentType  = "componentType"
	pathTitle          = "title"
	pathSaleNum        = "saleNum"
	pathSaleCountDate  = "saleCountDate"
	pathUnit           = "unit"
	pathTagList        = "tagList"
	pathText           = "text"
	pathLabels         = "labels"
	pathPriceModel     = "priceModel"
	pathLocation       = "location"
	pathFreightInfo    = "freightInfo"
	pathLogisticsText  = "logisticsText"
	pathDeliveryLimit  = "deliveryLimitText"
	pathGuaranteeList  = "guaranteeList"
	pathServiceName    = "serviceName"
	pathOfficialDocs   = "officialDocInfos"
	pathPropsList      = "propsList"
	pathSubject        = "subject"
	pathOfferImgList   = "offerImgList"
	pathMemberID       = "memberId"
	pathSellerSignFull = "globalData.sellerSign" // for badge sources
)

// Component slots, found by componentType suffix (PC) or, when the type is
// absent or unknown (mobile), by content.
const (
	slotTitle = iota
	slotPrice
	slotLogistics
	slotService
	slotCert
	slotAttrs
	slotOrder
	slotMainPic
	slotTab
	nSlots
)

var componentSuffixes = [...]struct {
	suffix string
	slot   int
}{
	{"-offer-title", slotTitle},
	{"-offer-price", slotPrice},
	{"-offer-logistics", slotLogistics},
	{"-offer-service", slotService},
	{"-warning-cert", slotCert},
	{"-attribute-new", slotAttrs},
	{"-dsc-order", slotOrder},
	{"-main-pic", slotMainPic},
	{"-offer-tab", slotTab},
}

// component is one entry of `data`, with a short name used in sources.
type component struct {
	d    gjson.Result
	name string
}

// readInitDataScript cuts `__INIT_DATA` (or `__INIT_DATA__`) out of a script.
func (b *builder) readInitDataScript(sc string) {
	i, ok := findAssignment(sc, markerInitData, "__")
	if !ok {
		return
	}
	gen := genG2
	if b.u.host == "m.1688.com" || strings.Contains(sc, markerInitData+"__") {
		gen = genMobile
	}
	root, why := cutJSON(sc[i:], true)
	if why != "" {
		b.problem(ProblemNotReadable, "%s __INIT_DATA model found but not readable: %s", gen, why)
		return
	}
	b.readG2(root, gen)
}

// readG2 reads a parsed G2 or mobile model.
func (b *builder) readG2(root gjson.Result, gen string) {
	top := fields(root, pathData, pathGlobalData)
	data, global := top[0], top[1]
	if !global.IsObject() && !data.IsObject() {
		b.note("%s __INIT_DATA model has neither globalData nor data", gen)
		return
	}
	g := fields(global, pathTempModel, pathOfferBaseInfo, pathSellerSign, pathBusinessType, pathOrderParamModel, pathSkuModel, pathDetailModel)
	temp, base, sellerSign, businessType, orderParamModel, skuModel, detail := g[0], g[1], g[2], g[3], g[4], g[5], g[6]
	comps := classifyComponents(data)

	src := func(path string) string { return gen + " " + path }
	const tm, bi = "globalData.tempModel.", "globalData.offerBaseInfo."

	// The offer id decides whether this model belongs to this page.
	var id, idSrc string
	for _, c := range []struct {
		r    gjson.Result
		path string
	}{
		{temp.Get(pathOfferID), tm + pathOfferID},
		{base.Get(pathOfferID), bi + pathOfferID},
		{detail.Get(pathOfferID), "globalData.detailModel." + pathOfferID},
	} {
		if v, ok := numericID(c.r); ok {
			id, idSrc = v, c.path
			break
		}
	}
	if !b.acceptOffer(id, gen+" model") {
		return
	}
	o, sup := &b.m.Offer, &b.m.Supplier
	if id != "" {
		fill(&o.ID, id, src(idSrc))
	}

	title, price, logi, svc, cert, attrs := comps[slotTitle], comps[slotPrice], comps[slotLogistics], comps[slotService], comps[slotCert], comps[slotAttrs]

	// Title and unit.
	if v, ok := str(title.d.Get(pathTitle)); ok {
		fill(&o.Title, v, src(title.name+" data.title"))
	}
	if v, ok := str(temp.Get(pathOfferTitle)); ok {
		fill(&o.Title, v, src(tm+pathOfferTitle))
	}
	if v, ok := str(comps[slotMainPic].d.Get(pathSubject)); ok {
		fill(&o.Title, v, src(comps[slotMainPic].name+" data.subject"))
	}
	if v, ok := str(temp.Get(pathOfferUnit)); ok {
		fill(&o.Unit, v, src(tm+pathOfferUnit))
	}
	if v, ok := str(title.d.Get(pathUnit)); ok {
		fill(&o.Unit, v, src(title.name+" data.unit"))
	}

	// Sales.
	if v, ok := str(title.d.Get(pathSaleNum)); ok {
		if fill(&o.SalesText, v, src(title.name+" data.saleNum")) {
			if p, ok := str(title.d.Get(pathSaleCountDate)); ok {
				fill(&o.SalesPeriod, p, src(title.name+" data.saleCountDate"))
			}
		}
	}

	// Price, MOQ, sales count: orderParam first, then the price component.
	b.readOrderParam(orderParamModel.Get(pathOrderParam), src("globalData.orderParamModel.orderParam"))
	if pm := price.d.Get(pathPriceModel); pm.IsObject() {
		kind, _ := str(pm.Get(pathPriceDispType))
		b.readPrices(pm.Get(pathCurrentPrices), kind, src(price.name+" data.priceModel.currentPrices"))
	}
	if n, ok := intOf(temp.Get(pathSaledCount)); ok && n >= 0 {
		fill(&o.SalesCount, n, src(tm+pathSaledCount))
	}

	// Logistics.
	fi := logi.d.Get(pathFreightInfo)
	if v, ok := str(logi.d.Get(pathLocation)); ok {
		fill(&o.ShipFrom, v, src(logi.name+" data.location"))
	}
	if v, ok := str(fi.Get(pathLocation)); ok {
		fill(&o.ShipFrom, v, src(logi.name+" data.freightInfo.location"))
	}
	if v, ok := str(fi.Get(pathLogisticsText)); ok {
		fill(&o.Logistics, v, src(logi.name+" data.freightInfo.logisticsText"))
	}
	if v, ok := str(logi.d.Get(pathDeliveryLimit)); ok {
		fill(&o.Logistics, v, src(logi.name+" data.deliveryLimitText"))
	}

	// Guarantees, attributes, certificates, tags, SKUs.
	if len(o.Guarantees) == 0 {
		svc.d.Get(pathGuaranteeList).ForEach(func(_, g gjson.Result) bool {
			if v, ok := str(g.Get(pathServiceName)); ok {
				o.Guarantees = append(o.Guarantees, v)
			}
			return len(o.Guarantees) < maxListItems
		})
	}
	b.readAttributes(attrs.d)
	if len(o.OfficialDoc) == 0 {
		o.OfficialDoc = readPairs(cert.d.Get(pathOfficialDocs), pathName, pathValue)
	}
	n := 0
	title.d.Get(pathTagList).ForEach(func(_, t gjson.Result) bool {
		if v, ok := str(t.Get(pathText)); ok {
			b.addTag(v, title.name+" tagList[].text")
		}
		n++
		return n < maxListItems
	})
	title.d.Get(pathLabels).ForEach(func(_, t gjson.Result) bool {
		if v, ok := str(t); ok {
			b.addTag(v, title.name+" labels[]")
		}
		n++
		return n < maxListItems
	})
	b.readSKUModel(skuModel)

	// Supplier.
	for _, f := range []struct {
		field *Field[string]
		r     gjson.Result
		path  string
		read  func(gjson.Result) (string, bool)
	}{
		{&sup.Company, temp.Get(pathCompanyName), tm + pathCompanyName, str},
		{&sup.MemberID, temp.Get(pathSellerMemberID), tm + pathSellerMemberID, str},
		{&sup.MemberID, base.Get(pathSellerMemberID), bi + pathSellerMemberID, str},
		{&sup.MemberID, comps[slotTab].d.Get(pathMemberID), comps[slotTab].name + " data.memberId", str},
		{&sup.LoginID, temp.Get(pathSellerLoginID), tm + pathSellerLoginID, str},
		{&sup.LoginID, base.Get(pathSellerLoginID), bi + pathSellerLoginID, str},
		{&sup.UserID, temp.Get(pathSellerUserID), tm + pathSellerUserID, numericID},
		{&sup.UserID, base.Get(pathSellerUserID), bi + pathSellerUserID, numericID},
		// The PC store address (shop….1688.com) first, the mobile winport second.
		{&sup.WinportURL, base.Get(pathSellerWinportURL), bi + pathSellerWinportURL, str},
		{&sup.WinportURL, temp.Get(pathWinportURL), tm + pathWinportURL, str},
	} {
		if v, ok := f.read(f.r); ok {
			fill(f.field, v, src(f.path))
		}
	}

	// Seller signs, then the business type (so a powerful-merchant badge
	// cites sellerSign.isSlsj first).
	b.readSellerSign(sellerSign)
	if v, ok := str(businessType); ok {
		fill(&sup.BusinessType, v, src("globalData.businessType"))
		if v == "slsj" {
			// GUESS (doc §2a): "slsj" = 实力商家 by its pinyin initials; it
			// appears together with sellerSign.isSlsj in the 597090034012 sample.
			b.addBadge("powerful-merchant", `globalData.businessType = "slsj"`)
		}
	}
	if v, ok := str(comps[slotOrder].d.Get(pathBusinessType)); ok {
		fill(&sup.BusinessType, v, src(comps[slotOrder].name+" data.businessType"))
	}

	b.foundOfferModel(gen)
}

// readSellerSign reads globalData.sellerSign (top-level booleans first,
// then sellerSign.signs) into Supplier.Signs and the badges they imply.
func (b *builder) readSellerSign(ss gjson.Result) {
	if !ss.IsObject() {
		return
	}
	read := func(obj gjson.Result, path string) {
		obj.ForEach(func(k, v gjson.Result) bool {
			val, ok := boolOf(v)
			if !ok || len(b.m.Supplier.Signs) >= maxListItems {
				return true
			}
			b.sign(k.Str, val)
			if !val {
				return true
			}
			switch k.Str {
			case "isTp": // 诚信通 TrustPass (GUESS from the name, doc §2a)
				b.addBadge("trustpass", path+".isTp = true")
			case "isSlsj": // 实力商家 (GUESS from the pinyin initials, doc §2a)
				b.addBadge("powerful-merchant", path+".isSlsj = true")
			}
			return true
		})
	}
	read(ss, pathSellerSignFull)
	read(ss.Get(pathSigns), pathSellerSignFull+"."+pathSigns)
}

// classifyComponents walks `data` once and files each entry under a slot:
// by componentType suffix when the type is known, else by its content. The
// first entry for a slot wins. Numeric component ids are never used.
func classifyComponents(data gjson.Result) [nSlots]component {
	var out [nSlots]component
	seen := 0
	data.ForEach(func(k, v gjson.Result) bool {
		if seen++; seen > maxListItems {
			return false
		}
		if !v.IsObject() {
			return true
		}
		d := v.Get(pathData)
		ct := v.Get(pathComponentType).Str
		slot, name := -1, ""
		for _, c := range componentSuffixes {
			if strings.HasSuffix(ct, c.suffix) {
				slot, name = c.slot, c.suffix[1:]
				break
			}
		}
		if slot < 0 {
			slot = slotByContent(d)
			name = "data." + k.Str
		}
		if slot == slotAttrs && d.IsObject() {
			d = d.Get(pathPropsList) // mobile: {propsList:[{name,value}]}
		}
		if slot >= 0 && !out[slot].d.Exists() && d.Exists() && d.Type != gjson.Null {
			out[slot] = component{d: d, name: name}
		}
		return true
	})
	return out
}

// slotByContent recognises a component by the fields it carries.
func slotByContent(d gjson.Result) int {
	switch {
	case d.IsArray():
		return -1
	case !d.IsObject():
		return -1
	case d.Get(pathPropsList).IsArray():
		return slotAttrs
	case d.Get(pathSaleNum).Exists() || (d.Get(pathTitle).Exists() && d.Get(pathTagList).Exists()):
		return slotTitle
	case d.Get(pathPriceModel + "." + pathCurrentPrices).IsArray():
		return slotPrice
	case d.Get(pathGuaranteeList).IsArray():
		return slotService
	case d.Get(pathOfficialDocs).IsArray():
		return slotCert
	case d.Get(pathLocation).Exists() && d.Get(pathFreightInfo).Exists():
		return slotLogistics
	case d.Get(pathOfferImgList).Exists() && d.Get(pathSubject).Exists():
		return slotMainPic
	}
	return -1
}

// quote renders a string value for a badge source: `x = "cjgc"`.
func quote(s string) string { return strconv.Quote(s) }
