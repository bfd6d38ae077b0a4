package page

import (
	"strings"

	"github.com/tidwall/gjson"
)

// G3 PC model (current since 2026-09): the second argument of
//
//	window.context=(function(b,d){…})(window.contextPath,{"result":{…}});
//
// It is a JavaScript object literal, not JSON: bare numeric keys
// (`skuWeight:{5846845077736:0.1030}`) and fastjson `$ref` pointer nodes.
// See docs/research/1688-pages.md §2b and the real script
// testdata/real/offer-943009939489.g3-context.js.txt.
const (
	pathG3Result = "result"
	pathG3Data   = "data"   // in result
	pathG3Global = "global" // in result

	// under result.data
	pathG3DataJSON        = "Root.fields.dataJson"
	pathG3Gallery         = "gallery.fields"
	pathG3ProductTitle    = "productTitle.fields" // SECONDARY in the doc; not in the sample
	pathG3ShippingFreight = "shippingServices.fields.freightInfo"

	// under result.global
	pathG3Model = "globalData.model"

	// under result.global.globalData.model
	pathG3SellerModel   = "sellerModel"
	pathG3TradeModel    = "tradeModel"
	pathG3OfferDetail   = "offerDetail"
	pathG3DetailFreight = "detailDescription.freightInfo"

	// fields
	pathLoginID         = "loginId"
	pathUserID          = "userId"
	pathSellerIdentity  = "sellerIdentity"
	pathMinPrice        = "minPrice"
	pathMaxPrice        = "maxPrice"
	pathOfferPriceModel = "offerPriceModel"
	pathSaleCount       = "saleCount"
	pathFeatureAttrs    = "featureAttributes"
	pathSkuMap          = "skuMap"
	pathNewSaleCount    = "newSaleCount"
	pathShopInfo        = "shopInfo"
	pathAuthCompanyName = "authCompanyName"
	pathRepeatRate3m    = "byrRepeatRate3m"

	// sources
	srcG3Model    = "g3 result.global.globalData.model."
	srcG3Data     = "g3 result.data."
	badgeG3Seller = "result.global.globalData.model.sellerModel.sellerIdentity"
)

// readG3Script cuts the model argument out of the IIFE and reads it.
func (b *builder) readG3Script(sc string) {
	from := 0
	if k := strings.Index(sc, markerG3Start); k >= 0 {
		from = k + len(markerG3Start)
	}
	k := strings.Index(sc[from:], markerG3Call)
	if k < 0 {
		return
	}
	i := skipSpace(sc, from+k+len(markerG3Call))
	if i >= len(sc) || sc[i] != '{' {
		b.note("g3 window.context model found but its argument is not an object")
		return
	}
	root, why := cutJSON(sc[i:], true)
	if why != "" {
		b.problem(ProblemNotReadable, "g3 window.context model found but not readable: %s", why)
		return
	}
	b.readG3(root)
}

// readG3 reads a parsed G3 model.
func (b *builder) readG3(root gjson.Result) {
	res := root.Get(pathG3Result)
	if !res.IsObject() {
		b.note("g3 window.context model has no result object")
		return
	}
	top := fields(res, pathG3Data, pathG3Global)
	data, global := top[0], top[1]
	model := global.Get(pathG3Model)
	mf := fields(model, pathG3SellerModel, pathG3TradeModel, pathG3OfferDetail)
	seller, trade, detail := mf[0], mf[1], mf[2]
	dj := data.Get(pathG3DataJSON)
	df := fields(dj, pathOfferBaseInfo, pathOrderParamModel, pathSkuModel, pathTempModel)
	base, orderParamModel, skuModel, temp := df[0], df[1], df[2], df[3]
	gallery := data.Get(pathG3Gallery)
	ptitle := data.Get(pathG3ProductTitle)

	// The freight block is shared through a $ref from shippingServices;
	// resolve it there, else read the target directly.
	freight := deref(root, data.Get(pathG3ShippingFreight))
	freightSrc := srcG3Data + pathG3ShippingFreight
	if !freight.IsObject() {
		freight = deref(root, model.Get(pathG3DetailFreight))
		freightSrc = srcG3Model + pathG3DetailFreight
	}

	o, sup := &b.m.Offer, &b.m.Supplier
	const djSrc = srcG3Data + pathG3DataJSON + "."

	var id, idSrc string
	for _, c := range []struct {
		r   gjson.Result
		src string
	}{
		{detail.Get(pathOfferID), srcG3Model + "offerDetail.offerId"},
		{trade.Get(pathOfferID), srcG3Model + "tradeModel.offerId"},
		{gallery.Get(pathOfferID), srcG3Data + pathG3Gallery + ".offerId"},
		{base.Get(pathOfferID), djSrc + "offerBaseInfo.offerId"},
		{temp.Get(pathOfferID), djSrc + "tempModel.offerId"},
	} {
		if v, ok := numericID(c.r); ok {
			id, idSrc = v, c.src
			break
		}
	}
	if !b.acceptOffer(id, "g3 model") {
		return
	}
	if id != "" {
		fill(&o.ID, id, idSrc)
	}

	setStr := func(f *Field[string], r gjson.Result, src string) {
		if v, ok := str(r); ok {
			fill(f, v, src)
		}
	}
	setStr(&o.Title, detail.Get(pathSubject), srcG3Model+"offerDetail.subject")
	setStr(&o.Title, gallery.Get(pathSubject), srcG3Data+pathG3Gallery+".subject")
	setStr(&o.Title, temp.Get(pathOfferTitle), djSrc+"tempModel.offerTitle")
	setStr(&o.Title, ptitle.Get(pathTitle), srcG3Data+pathG3ProductTitle+".title")
	setStr(&o.Unit, trade.Get(pathUnit), srcG3Model+"tradeModel.unit")
	setStr(&o.Unit, temp.Get(pathOfferUnit), djSrc+"tempModel.offerUnit")
	setStr(&o.SalesText, ptitle.Get(pathNewSaleCount), srcG3Data+pathG3ProductTitle+".newSaleCount")

	// Price: tradeModel min/max, then its current price list (kind from
	// priceDisplayType), then the dataJson orderParam.
	if lo, ok := floatOf(trade.Get(pathMinPrice)); ok && lo >= 0 {
		if hi, ok := floatOf(trade.Get(pathMaxPrice)); ok && hi >= lo {
			fill(&o.PriceMin, lo, srcG3Model+"tradeModel.minPrice")
			fill(&o.PriceMax, hi, srcG3Model+"tradeModel.maxPrice")
		}
	}
	opm := trade.Get(pathOfferPriceModel)
	kind, _ := str(opm.Get(pathPriceDispType))
	b.readPrices(opm.Get(pathCurrentPrices), kind, srcG3Model+"tradeModel.offerPriceModel.currentPrices")
	if n, ok := intOf(trade.Get(pathBeginAmount)); ok && n >= 1 {
		fill(&o.MOQ, n, srcG3Model+"tradeModel.beginAmount")
	}
	if n, ok := intOf(trade.Get(pathSaleCount)); ok && n >= 0 {
		fill(&o.SalesCount, n, srcG3Model+"tradeModel.saleCount")
	}
	b.readOrderParam(orderParamModel.Get(pathOrderParam), djSrc+"orderParamModel.orderParam")
	if n, ok := intOf(temp.Get(pathSaledCount)); ok && n >= 0 {
		fill(&o.SalesCount, n, djSrc+"tempModel.saledCount")
	}

	// Freight.
	setStr(&o.ShipFrom, freight.Get(pathLocation), freightSrc+".location")
	setStr(&o.Logistics, freight.Get(pathLogisticsText), freightSrc+".logisticsText")

	// Attributes and SKUs.
	b.readAttributes(detail.Get(pathFeatureAttrs))
	b.readSKUModel(skuModel)
	b.readSKUProps(detail.Get(pathSkuProps))
	n := 0
	trade.Get(pathSkuMap).ForEach(func(_, s gjson.Result) bool {
		if v, ok := str(s.Get(pathSpecAttrs)); ok {
			b.addSKU(unescapeSKU(v))
		}
		n++
		return n < maxListItems
	})

	// Seller.
	setStr(&sup.Company, seller.Get(pathCompanyName), srcG3Model+"sellerModel.companyName")
	setStr(&sup.Company, temp.Get(pathCompanyName), djSrc+"tempModel.companyName")
	setStr(&sup.Company, ptitle.Get(pathShopInfo+"."+pathCompanyName), srcG3Data+pathG3ProductTitle+".shopInfo.companyName")
	// authCompanyName is the company 1688 verified (认证) for the store: the
	// licence holder. It may carry a legal-form suffix companyName lacks
	// ("广州衣秀缘服饰商行(个人独资)", real capture of offer 996518024136).
	setStr(&sup.Licence.Company, ptitle.Get(pathShopInfo+"."+pathAuthCompanyName), srcG3Data+pathG3ProductTitle+".shopInfo."+pathAuthCompanyName)
	if v, ok := str(ptitle.Get(pathShopInfo + "." + pathRepeatRate3m)); ok {
		if f, ok := parseStat(v, "%"); ok && f <= 100 {
			fill(&b.m.Store.RepurchaseRate, f, srcG3Data+pathG3ProductTitle+".shopInfo."+pathRepeatRate3m)
		}
	}
	setStr(&sup.LoginID, seller.Get(pathLoginID), srcG3Model+"sellerModel.loginId")
	setStr(&sup.LoginID, base.Get(pathSellerLoginID), djSrc+"offerBaseInfo.sellerLoginId")
	setStr(&sup.MemberID, seller.Get(pathMemberID), srcG3Model+"sellerModel.memberId")
	setStr(&sup.MemberID, base.Get(pathSellerMemberID), djSrc+"offerBaseInfo.sellerMemberId")
	if v, ok := numericID(seller.Get(pathUserID)); ok {
		fill(&sup.UserID, v, srcG3Model+"sellerModel.userId")
	}
	if v, ok := numericID(base.Get(pathSellerUserID)); ok {
		fill(&sup.UserID, v, djSrc+"offerBaseInfo.sellerUserId")
	}
	setStr(&sup.WinportURL, seller.Get(pathWinportURL), srcG3Model+"sellerModel.winportUrl")
	setStr(&sup.WinportURL, base.Get(pathSellerWinportURL), djSrc+"offerBaseInfo.sellerWinportUrl")
	if v, ok := str(seller.Get(pathSellerIdentity)); ok {
		fill(&sup.ShopType, v, srcG3Model+"sellerModel.sellerIdentity")
		b.shopTypeBadge(v, badgeG3Seller)
	}

	b.foundOfferModel(genG3)
}

// shopTypeBadge maps a seller identity / shop type code to a badge.
func (b *builder) shopTypeBadge(v, field string) {
	switch v {
	case "cht": // 诚信通 (SEEN-DATA in the G3 sample as sellerIdentity)
		b.addBadge("trustpass", field+" = "+quote(v))
	case "cjgc", "super_factory":
		// "cjgc" = 超级工厂 is a GUESS (doc §2b, §5: pinyin initials of
		// 超级工厂, seen with isPmPlus); "super_factory" is the store header's
		// sellerType (SEEN-DATA in the wp_pc_common_header capture).
		b.addBadge("super-factory", field+" = "+quote(v))
	case "shili_factory":
		// 实力工厂: the store header's sellerType in the 2026 common-header
		// derivative (real field structure; the tier is read from its name,
		// as super_factory is 超级工厂).
		b.addBadge("powerful-factory", field+" = "+quote(v))
	}
}
