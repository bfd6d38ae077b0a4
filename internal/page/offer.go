package page

import (
	"sort"

	"github.com/tidwall/gjson"
)

// Shapes shared by G2 globalData, G3 Root.fields.dataJson, the mobile model
// and the mtop SKU gateway response.
const (
	pathOrderParam    = "orderParam"       // in orderParamModel
	pathBeginNum      = "beginNum"         // MOQ
	pathSaledCount    = "saledCount"       // sales count
	pathSkuParam      = "skuParam"         // in orderParam (and orderParamModel on mobile)
	pathSkuPriceType  = "skuPriceType"     // "skuPrice" | "rangePrice"
	pathSkuRange      = "skuRangePrices"   // [{price, beginAmount}]
	pathPriceDispType = "priceDisplayType" // same meaning as skuPriceType
	pathCurrentPrices = "currentPrices"    // [{price, beginAmount}]
	pathPrice         = "price"
	pathBeginAmount   = "beginAmount"
	pathSkuProps      = "skuProps" // [{prop, value:[{name}]}]
	pathPropValue     = "value"
	pathName          = "name"
	pathValue         = "value"
	pathValues        = "values"
	pathSkuInfoMap    = "skuInfoMap" // {"黑色&gt;XL": {...}}
	pathSpecAttrs     = "specAttrs"
	pathTypeRange     = "rangePrice"
)

// maxListItems bounds how many entries of one list (SKUs, attributes, tags,
// price rows) are kept; real pages have tens.
const maxListItems = 500

// readPrices reads a price list [{price, beginAmount}] of the given kind.
// It sets PriceMin/PriceMax from the lowest and highest price and, for
// "rangePrice" lists only, the quantity tiers. For "skuPrice" lists the
// rows are the cheapest and dearest SKU, not quantity breaks (in the
// 597090034012 sample the same list says beginAmount 1 and 3 for them), so
// no tiers are made. It reports whether any price was read.
func (b *builder) readPrices(list gjson.Result, priceType, src string) bool {
	if !list.IsArray() {
		return false
	}
	o := &b.m.Offer
	var tiers []PriceTier
	lo, hi, n := 0.0, 0.0, 0
	list.ForEach(func(_, e gjson.Result) bool {
		if n >= maxListItems {
			return false
		}
		p, ok := floatOf(e.Get(pathPrice))
		if !ok || p < 0 {
			return true
		}
		if n == 0 || p < lo {
			lo = p
		}
		if n == 0 || p > hi {
			hi = p
		}
		n++
		if q, ok := intOf(e.Get(pathBeginAmount)); ok && q >= 1 {
			tiers = append(tiers, PriceTier{MinQty: q, Price: p})
		}
		return true
	})
	if n == 0 {
		return false
	}
	fill(&o.PriceMin, lo, src)
	fill(&o.PriceMax, hi, src)
	if priceType != "" {
		fill(&o.PriceType, priceType, src)
	}
	if priceType == pathTypeRange && len(o.PriceTiers) == 0 && len(tiers) > 0 {
		sort.SliceStable(tiers, func(i, j int) bool { return tiers[i].MinQty < tiers[j].MinQty })
		o.PriceTiers = tiers
	}
	return true
}

// readOrderParam reads orderParamModel.orderParam: MOQ, sales count and the
// price list.
func (b *builder) readOrderParam(op gjson.Result, src string) {
	if !op.IsObject() {
		return
	}
	o := &b.m.Offer
	if n, ok := intOf(op.Get(pathBeginNum)); ok && n >= 1 {
		fill(&o.MOQ, n, src+"."+pathBeginNum)
	}
	if n, ok := intOf(op.Get(pathSaledCount)); ok && n >= 0 {
		fill(&o.SalesCount, n, src+"."+pathSaledCount)
	}
	sp := op.Get(pathSkuParam)
	kind, _ := str(sp.Get(pathSkuPriceType))
	b.readPrices(sp.Get(pathSkuRange), kind, src+"."+pathSkuParam+"."+pathSkuRange)
}

// readSKUModel reads SKU names: every skuProps value name, then every
// skuInfoMap key with its `&gt;` separators unescaped.
func (b *builder) readSKUModel(sm gjson.Result) {
	if !sm.IsObject() {
		return
	}
	b.readSKUProps(sm.Get(pathSkuProps))
	m := sm.Get(pathSkuInfoMap)
	if !m.IsObject() { // an empty skuInfoMap is sometimes [] (833454967766)
		return
	}
	n := 0
	m.ForEach(func(k, _ gjson.Result) bool {
		if n++; n > maxListItems {
			return false
		}
		b.addSKU(unescapeSKU(k.Str))
		return true
	})
}

func (b *builder) readSKUProps(props gjson.Result) {
	n := 0
	props.ForEach(func(_, p gjson.Result) bool {
		p.Get(pathPropValue).ForEach(func(_, v gjson.Result) bool {
			if n++; n > maxListItems {
				return false
			}
			if s, ok := str(v.Get(pathName)); ok {
				b.addSKU(unescapeSKU(s))
			}
			return true
		})
		return n <= maxListItems
	})
}

// readAttributes reads a [{name, value, values}] list into Offer.Attributes
// (only when no earlier source filled them).
func (b *builder) readAttributes(list gjson.Result) {
	if len(b.m.Offer.Attributes) > 0 || !list.IsArray() {
		return
	}
	b.m.Offer.Attributes = readPairs(list, pathName, pathValue)
}

// readPairs reads [{<nameKey>, <valueKey>}] pairs; a missing value falls
// back to the `values` list joined with "," (the page shows it that way).
func readPairs(list gjson.Result, nameKey, valueKey string) []Attribute {
	var out []Attribute
	list.ForEach(func(_, e gjson.Result) bool {
		if len(out) >= maxListItems {
			return false
		}
		name, ok := str(e.Get(nameKey))
		if !ok {
			return true
		}
		v := e.Get(valueKey)
		val, ok := str(v)
		if !ok && v.Type == gjson.Number {
			val, ok = v.Raw, true
		}
		if !ok {
			var parts []string
			e.Get(pathValues).ForEach(func(_, x gjson.Result) bool {
				if s, ok := str(x); ok {
					parts = append(parts, s)
				}
				return len(parts) < maxListItems
			})
			if len(parts) == 0 {
				return true
			}
			val = joinComma(parts)
		}
		out = append(out, Attribute{Name: name, Value: val})
		return true
	})
	return out
}

func joinComma(parts []string) string {
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	buf := make([]byte, 0, n)
	for i, p := range parts {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, p...)
	}
	return string(buf)
}
