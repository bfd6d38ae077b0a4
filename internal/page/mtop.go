package page

import (
	"strings"

	"github.com/tidwall/gjson"
)

// mtop data responses (doc §1 "mtop gateway", §2c, §3b). Bodies are JSONP
// `mtopjsonpN({...})` or plain JSON, identified by the api name in the
// request URL or in the body's "api" field, else by their data shape.
const (
	apiShopcard    = "mtop.1688.moga.pc.shopcard"
	apiFCGateway   = "mtop.mbox.fc.common.gateway"
	apiModuleAsync = "moduleasyncservice" // mtop.alibaba.alisite.cbu.server[.pc].moduleasyncservice
	apiTPDocument  = "mtop.com.alibaba.business.query.tpdocument."

	pathAPI      = "api"
	pathRet      = "ret"
	pathRetFirst = "0" // ret is ["SUCCESS::调用成功"]

	// shopcard
	pathShopcardModel = "data.model"
	pathShopName      = "shopName"
	pathShopType      = "shopType"
	pathIconType      = "iconType"
	pathShopURL       = "shopUrl"
	pathShopData      = "shopData"
	pathDataKey       = "dataKey"
	pathDataValue     = "dataValue"

	// SKU gateway
	pathSKUResult = "data.result.data"
	pathOBITitle  = "title"

	// moduleasyncservice: header under data.data, licence under data
	pathModuleHeader = "data.data"
	pathModuleData0  = "data"

	srcShopcard = "shopcard data.model."
	srcSKU      = "sku response data.result.data."
)

type apiKind int

const (
	apiUnknown apiKind = iota
	apiKindShopcard
	apiKindSKU
	apiKindModule
	apiKindTPDoc
)

func (k apiKind) label() string {
	switch k {
	case apiKindShopcard:
		return "shopcard"
	case apiKindSKU:
		return "sku"
	case apiKindModule:
		return "store module"
	case apiKindTPDoc:
		return "tpdocument"
	}
	return "mtop"
}

func apiOf(s string) apiKind {
	s = strings.ToLower(s)
	switch {
	case strings.Contains(s, apiShopcard):
		return apiKindShopcard
	case strings.Contains(s, apiFCGateway):
		return apiKindSKU // also used for the factory card: checked by shape below
	case strings.Contains(s, apiModuleAsync):
		return apiKindModule
	case strings.Contains(s, apiTPDocument):
		return apiKindTPDoc
	}
	return apiUnknown
}

// readResponse reads one captured response.
func (b *builder) readResponse(i int, r Response) {
	if isReviewURL(r.URL) {
		return // read once, by readReviews
	}
	if isDescriptionResponse(r) {
		b.readDescription(r)
		return
	}
	js, ok := unwrapJSONP(r.Body)
	if !ok {
		return // not JSON: nothing we read
	}
	root, why := cutJSON(js, false)
	kind := apiOf(r.URL)
	if why != "" {
		if kind != apiUnknown {
			b.problem(ProblemNotReadable, "%s response not readable: %s", kind.label(), why)
		}
		return
	}
	apiName := r.URL
	if kind == apiUnknown {
		apiName = root.Get(pathAPI).Str
		kind = apiOf(apiName)
	}
	if kind == apiUnknown {
		kind = shapeOf(root)
	}
	label := kind.label()
	if kind == apiKindTPDoc {
		sub := tpdocName(apiName)
		if sub == "" {
			sub = tpdocName(root.Get(pathAPI).Str)
		}
		label += " " + sub
	}
	if ret := root.Get(pathRet); ret.Exists() {
		first := ret
		if ret.IsArray() {
			first = ret.Get(pathRetFirst)
		}
		if !strings.HasPrefix(first.Str, "SUCCESS") {
			if kind != apiUnknown {
				code, _, _ := strings.Cut(first.Str, "::")
				if code == "" {
					code = "no status"
				}
				b.problem(ProblemResponseFailed, "%s response failed: %s", label, truncateUTF8(code, 80))
			}
			return
		}
	}
	switch kind {
	case apiKindShopcard:
		b.readShopcard(root.Get(pathShopcardModel))
	case apiKindSKU:
		b.readSKUResponse(root.Get(pathSKUResult))
	case apiKindModule:
		// The header sits under data.data, the licence (business info)
		// under data; whichever carries store fields is read.
		h, src := root.Get(pathModuleHeader), "store module data.data"
		if !isStoreObject(h) {
			h, src = root.Get(pathModuleData0), "store module data"
		}
		b.readStoreHeader(h, src)
	case apiKindTPDoc:
		b.readTPDocument(root, label)
	}
}

// isStoreObject reports whether a module response object carries store
// header or licence fields.
func isStoreObject(h gjson.Result) bool {
	if !h.IsObject() {
		return false
	}
	for _, p := range []string{pathCompanyName, pathTpYear, pathSellerType, pathBusinessInfo, pathMemberID} {
		if h.Get(p).Exists() {
			return true
		}
	}
	return false
}

// shapeOf recognises a response without api name (like the doc excerpts).
func shapeOf(root gjson.Result) apiKind {
	if m := root.Get(pathShopcardModel); m.IsObject() && (m.Get(pathShopData).IsArray() || m.Get(pathTpYear).Exists()) {
		return apiKindShopcard
	}
	if d := root.Get(pathSKUResult); d.IsObject() && (d.Get(pathSkuModel).IsObject() || d.Get(pathOrderParamModel).IsObject()) {
		return apiKindSKU
	}
	return apiUnknown
}

// readShopcard reads mtop.1688.moga.pc.shopcard data.model.
func (b *builder) readShopcard(m gjson.Result) {
	if !m.IsObject() {
		return
	}
	sup, st := &b.m.Supplier, &b.m.Store
	got := false
	if y, ok := yearsOf(m.Get(pathTpYear)); ok {
		fill(&sup.StoreAgeYears, y, srcShopcard+pathTpYear)
		got = true
	}
	for _, p := range []string{pathShopType, pathIconType} {
		if v, ok := str(m.Get(p)); ok {
			fill(&sup.ShopType, v, srcShopcard+p)
			b.shopTypeBadge(v, srcShopcard+p)
		}
	}
	if v, ok := str(m.Get(pathShopName)); ok {
		fill(&sup.Company, v, srcShopcard+pathShopName)
		got = true
	}
	if v, ok := str(m.Get(pathShopURL)); ok {
		fill(&sup.WinportURL, v, srcShopcard+pathShopURL)
	}
	n := 0
	m.Get(pathShopData).ForEach(func(_, e gjson.Result) bool {
		if n++; n > maxListItems {
			return false
		}
		key, ok := str(e.Get(pathDataKey))
		if !ok {
			return true
		}
		val := e.Get(pathDataValue)
		shown, _ := str(val)
		if shown == "" && val.Type == gjson.Number {
			shown = val.Raw
		}
		st.Pairs = append(st.Pairs, Attribute{Name: key, Value: shown})
		got = true
		src := srcShopcard + "shopData[" + key + "]"
		f, ok := parseStat(shown, "分")
		if !ok {
			return true // "- %", "-", "": unknown, never zero
		}
		switch {
		case strings.Contains(key, "回头率") && f <= 100:
			fill(&st.RepurchaseRate, f, src)
		case strings.Contains(key, "服务分") && f <= 5:
			fill(&st.ServiceScore, f, src)
		case strings.Contains(key, "好评率") && f <= 100:
			fill(&st.GoodRate, f, src)
		case strings.Contains(key, "准时发货") && f <= 100:
			fill(&st.OnTimeRate, f, src)
		}
		return true
	})
	if got {
		b.gotStoreModel = true
	}
}

// readSKUResponse reads the SKU gateway body (mobile pages get price, MOQ
// and SKUs this way): data.result.data.{offerBaseInfo, skuModel, orderParamModel}.
func (b *builder) readSKUResponse(d gjson.Result) {
	if !d.IsObject() || (!d.Get(pathSkuModel).IsObject() && !d.Get(pathOrderParamModel).IsObject()) {
		return // e.g. the factory card, served by the same gateway
	}
	base := d.Get(pathOfferBaseInfo)
	id, _ := numericID(base.Get(pathOfferID))
	if !b.acceptOffer(id, "sku response") {
		return
	}
	o := &b.m.Offer
	if id != "" {
		fill(&o.ID, id, srcSKU+"offerBaseInfo.offerId")
	}
	if v, ok := str(base.Get(pathOBITitle)); ok {
		fill(&o.Title, v, srcSKU+"offerBaseInfo.title")
	}
	if v, ok := str(base.Get(pathOfferUnit)); ok {
		fill(&o.Unit, v, srcSKU+"offerBaseInfo.offerUnit")
	}
	opm := d.Get(pathOrderParamModel)
	b.readOrderParam(opm.Get(pathOrderParam), srcSKU+"orderParamModel.orderParam")
	sp := opm.Get(pathSkuParam)
	kind, _ := str(sp.Get(pathPriceDispType))
	b.readPrices(sp.Get(pathCurrentPrices), kind, srcSKU+"orderParamModel.skuParam.currentPrices")
	b.readSKUModel(d.Get(pathSkuModel))
}
