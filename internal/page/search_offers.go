package page

import (
	"strings"

	"github.com/tidwall/gjson"
)

// Offer cards of the offer search data response (offerList[] of
// marketOfferResultViewService, and the older offerResult[]) and of a
// store's offer list module: one JSON object per offer.

// Members of an offer card (search offerList[], store offerList[], and the
// older offerResult[] whose fields sit under attr).
var offerKeys = [...]string{
	"id", "offerId", "information", "tradePrice", "company", "subject", "simpleSubject", "title",
	"priceInfo", "price", "offerPrice", "quantityBegin", "beginAmount", "unit", "tags", "attr",
}

const (
	okID = iota
	okOfferID
	okInformation
	okTradePrice
	okCompany
	okSubject
	okSimpleSubject
	okTitle
	okPriceInfo
	okPrice
	okOfferPrice
	okQuantityBegin
	okBeginAmount
	okUnit
	okTags
	okAttr
	nOfferKeys
)

// Members of the nested objects of an offer card: information, tradePrice,
// tradePrice.offerPrice. Each is read in one pass (members), not once per
// alternative.
var (
	infoKeys  = [...]string{"subject", "simpleSubject", "title", "offerId", "id", "unit", "quantityBegin", "tags"}
	tradeKeys = [...]string{"offerPrice", "priceInfo", "unit", "quantityBegin"}
	opKeys    = [...]string{"priceInfo", "valueString", "unit", "quantityBegin"}
)

const (
	ikSubject = iota
	ikSimpleSubject
	ikTitle
	ikOfferID
	ikID
	ikUnit
	ikQuantityBegin
	ikTags
	nInfoKeys
)

const (
	tkOfferPrice = iota
	tkPriceInfo
	tkUnit
	tkQuantityBegin
	nTradeKeys
)

const (
	opPriceInfo = iota
	opValueString
	opUnit
	opQuantityBegin
	nOpKeys
)

const pathPriceInfoPrice = "price" // in priceInfo

// valueAt is a candidate value with the path it sits at.
type valueAt struct {
	v    gjson.Result
	path string
}

// readOfferItem reads one offer card; src starts every Field source.
func readOfferItem(item gjson.Result, src string) Card {
	var f [nOfferKeys]gjson.Result
	members(item, offerKeys[:], f[:])
	if f[okAttr].IsObject() && !f[okTradePrice].Exists() && !f[okCompany].Exists() {
		// offerResult[] of the older rpc responses: {title, attr:{company, tradePrice, …}}
		var a [nOfferKeys]gjson.Result
		members(f[okAttr], offerKeys[:], a[:])
		for i := range f {
			if !f[i].Exists() {
				f[i] = a[i]
			}
		}
	}
	var info [nInfoKeys]gjson.Result
	var trade [nTradeKeys]gjson.Result
	var op [nOpKeys]gjson.Result
	members(f[okInformation], infoKeys[:], info[:])
	members(f[okTradePrice], tradeKeys[:], trade[:])
	opv := trade[tkOfferPrice]
	members(opv, opKeys[:], op[:])

	var c Card
	for _, v := range [...]gjson.Result{f[okID], f[okOfferID], info[ikOfferID], info[ikID]} {
		if id, ok := numericID(v); ok {
			c.OfferID = id
			break
		}
	}
	for _, v := range [...]gjson.Result{f[okSubject], info[ikSubject], f[okSimpleSubject], info[ikSimpleSubject], f[okTitle], info[ikTitle]} {
		if s, ok := str(v); ok {
			if c.Title = cardText(stripTags(s)); c.Title != "" {
				break
			}
		}
	}

	// Price: the search's structured value first, then its display string.
	for _, pc := range [...]valueAt{
		{op[opPriceInfo], "tradePrice.offerPrice.priceInfo"},
		{op[opValueString], "tradePrice.offerPrice.valueString"},
		{opv, "tradePrice.offerPrice"},
		{trade[tkPriceInfo], "tradePrice.priceInfo"},
		{f[okPriceInfo], "priceInfo"},
		{f[okOfferPrice], "offerPrice"},
		{f[okPrice], "price"},
	} {
		v, path := pc.v, pc.path
		if v.IsObject() && strings.HasSuffix(path, "priceInfo") {
			v, path = v.Get(pathPriceInfoPrice), path+"."+pathPriceInfoPrice
		}
		if p, unit, ok := priceOf(v); ok {
			c.Price.Set(p, src+path)
			if unit != "" {
				c.Unit.Set(unit, src+path)
			}
			break
		}
	}
	if !c.Unit.Known {
		for _, uc := range [...]valueAt{{f[okUnit], "unit"}, {op[opUnit], "tradePrice.offerPrice.unit"}, {trade[tkUnit], "tradePrice.unit"}, {info[ikUnit], "information.unit"}} {
			if u, ok := str(uc.v); ok {
				if u = cleanUnit(u); u != "" {
					c.Unit.Set(u, src+uc.path)
					break
				}
			}
		}
	}
	for _, mc := range [...]valueAt{{f[okQuantityBegin], "quantityBegin"}, {f[okBeginAmount], "beginAmount"}, {op[opQuantityBegin], "tradePrice.offerPrice.quantityBegin"},
		{trade[tkQuantityBegin], "tradePrice.quantityBegin"}, {info[ikQuantityBegin], "information.quantityBegin"}} {
		if n, ok := moqOf(mc.v); ok {
			c.MOQ.Set(n, src+mc.path)
			break
		}
	}
	if s, ok := str(f[okCompany]); ok {
		c.Company = cardText(s) // a plain company name
	}
	readCompanyObject(&c, f[okCompany], src+"company.")
	addCardTags(&c, f[okTags], src+"tags")
	addCardTags(&c, info[ikTags], src+"information.tags")
	return c
}
