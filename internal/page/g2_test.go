package page

import (
	"reflect"
	"testing"
)

// The two real G2 __INIT_DATA models (median314/ext-1688-single-product,
// see testdata/real/SOURCES.md), asserted on concrete values.
func TestParseG2Real(t *testing.T) {
	type want struct {
		id, title, unit, company, memberID, loginID, userID, winport string
		priceMin, priceMax                                           float64
		priceType                                                    string
		tiers                                                        []PriceTier
		moq                                                          int
		salesText, salesPeriod                                       string
		salesCount                                                   int
		shipFrom                                                     string
		logistics                                                    string // "" = unknown
		businessType                                                 string
		signs                                                        map[string]bool
		badges                                                       map[string]string
		guarantees                                                   []string
		tags                                                         []string
		officialDoc                                                  []Attribute
		attrs                                                        map[string]string // a few that must be there
		nAttrs                                                       int
		skus                                                         []string
	}
	tests := []struct {
		name    string
		fixture string
		url     string
		want    want
	}{
		{
			name:    "597090034012 powerful merchant",
			fixture: fixtureG2Slsj,
			url:     "https://detail.1688.com/offer/597090034012.html",
			want: want{
				id:        "597090034012",
				title:     "梵贞男士洗面奶补水护肤品套装面霜洁面乳素颜霜男士护肤套盒批发",
				unit:      "套",
				company:   "广州欧博化妆品有限公司",
				memberID:  "b2b-29266662898cf9d",
				loginID:   "一枝春1688",
				userID:    "2926666289",
				winport:   "https://shop1467652076311.1688.com",
				priceMin:  2.30,
				priceMax:  20.52,
				priceType: "skuPrice",
				tiers:     nil, // skuPrice: min/max of SKUs, not quantity breaks
				moq:       3,
				salesText: "3.5万+", salesPeriod: "一年内", salesCount: 35960,
				shipFrom:     "广东省肇庆市",
				logistics:    "承诺48小时发货",
				businessType: "slsj",
				signs: map[string]bool{"isTp": true, "isSlsj": true, "isChtMember": false, "isIndustrySeller": false,
					"isEaseBuyDealer": false, "isFactoryDealer": true},
				badges: map[string]string{
					"trustpass":           "globalData.sellerSign.isTp = true",
					"powerful-merchant":   "globalData.sellerSign.isSlsj = true",
					"brand-authorization": `attribute 有可授权的自有品牌 = "是"`,
				},
				guarantees:  []string{"退货包运费", "7天无理由退货", "晚发必赔", "极速退款"},
				tags:        []string{"跨境Select", "镇店之宝", "一件代发"},
				officialDoc: []Attribute{{"非特化妆品备案证号", "粤G妆网备字2021527306"}},
				attrs: map[string]string{"品牌": "梵贞", "生产许可证号": "粤妆20170506", "产地": "广州",
					"主要下游平台": "亚马逊,速卖通", "有可授权的自有品牌": "是"},
				nAttrs: 23,
				skus: []string{"男士劲肤酷爽五件套/盒装（新）", "男士三件套/盒装(新)", "三件套/盒装", "男士护肤五件套（新包装）",
					"洁面乳（新包装）80g", "洁面乳（新包装）168g", "爽肤水（新）120ml", "精华乳（新）120ml",
					"轻透素颜霜(新)50g", "保湿霜（新包装）/50g"},
			},
		},
		{
			name:    "833454967766 ordinary trustpass member",
			fixture: fixtureG2Default,
			url:     "https://detail.1688.com/offer/833454967766.html?sk=order",
			want: want{
				id:        "833454967766",
				title:     "中性2024 BEST GIFT TYPE -C MINI WIRELESS CIGARETTE LIGHTER",
				unit:      "个",
				company:   "东莞市兴瑞达光电有限公司",
				memberID:  "b2b-22175540303633d894",
				loginID:   "兴瑞达光电",
				userID:    "2217554030363",
				winport:   "https://shop8996220k705y4.1688.com",
				priceMin:  8.80,
				priceMax:  8.80,
				priceType: "rangePrice",
				tiers:     []PriceTier{{MinQty: 100, Price: 8.80}},
				moq:       100,
				salesText: "1000+", salesPeriod: "一年内", salesCount: 1000,
				shipFrom:     "广东省东莞市",
				logistics:    "", // logisticsText and deliveryLimitText are empty on this page
				businessType: "default",
				signs: map[string]bool{"isTp": true, "isSlsj": false, "isChtMember": false, "isIndustrySeller": false,
					"isEaseBuyDealer": true, "isFactoryDealer": true},
				badges:      map[string]string{"trustpass": "globalData.sellerSign.isTp = true"},
				guarantees:  nil, // offer-service data is null
				tags:        nil,
				officialDoc: nil,
				attrs:       map[string]string{"品牌": "XRD", "材质": "金属", "是否属于礼品": "是，商务礼品"},
				nAttrs:      19,
				skus:        nil, // skuInfoMap is [] and there are no skuProps
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Parse(Snapshot{URL: tc.url, Scripts: []string{wrapInitData(mustRead(t, tc.fixture))}})
			checkInvariants(t, m)
			w := tc.want
			if m.Kind != KindOffer || m.Generation != "g2" || !m.Readable {
				t.Fatalf("kind %s generation %q readable %v", m.Kind, m.Generation, m.Readable)
			}
			if len(m.Notes) != 0 {
				t.Errorf("notes: %q", m.Notes)
			}
			o, s := m.Offer, m.Supplier
			expectStr(t, "offer id", o.ID, w.id, "g2 globalData.tempModel.offerId")
			expectStr(t, "title", o.Title, w.title, "g2 offer-title data.title")
			expectStr(t, "unit", o.Unit, w.unit, "")
			expectStr(t, "company", s.Company, w.company, "g2 globalData.tempModel.companyName")
			expectStr(t, "member id", s.MemberID, w.memberID, "")
			expectStr(t, "login id", s.LoginID, w.loginID, "")
			expectStr(t, "user id", s.UserID, w.userID, "")
			expectStr(t, "winport", s.WinportURL, w.winport, "g2 globalData.offerBaseInfo.sellerWinportUrl")
			expectFloat(t, "price min", o.PriceMin, w.priceMin)
			expectFloat(t, "price max", o.PriceMax, w.priceMax)
			expectStr(t, "price type", o.PriceType, w.priceType, "")
			if !reflect.DeepEqual(o.PriceTiers, w.tiers) {
				t.Errorf("tiers = %v, want %v", o.PriceTiers, w.tiers)
			}
			expectInt(t, "MOQ", o.MOQ, w.moq)
			expectStr(t, "sales text", o.SalesText, w.salesText, "g2 offer-title data.saleNum")
			expectStr(t, "sales period", o.SalesPeriod, w.salesPeriod, "")
			expectInt(t, "sales count", o.SalesCount, w.salesCount)
			expectStr(t, "ship from", o.ShipFrom, w.shipFrom, "g2 offer-logistics data.location")
			if w.logistics == "" {
				expectUnknown(t, "logistics", o.Logistics)
			} else {
				expectStr(t, "logistics", o.Logistics, w.logistics, "g2 offer-logistics data.freightInfo.logisticsText")
				expectText(t, m, "logistics", w.logistics)
			}
			expectStr(t, "business type", s.BusinessType, w.businessType, "g2 globalData.businessType")
			expectUnknown(t, "store age", s.StoreAgeYears) // not in G2 models (doc §2a)
			expectUnknown(t, "repurchase", m.Store.RepurchaseRate)
			if !reflect.DeepEqual(s.Signs, w.signs) {
				t.Errorf("signs = %v, want %v", s.Signs, w.signs)
			}
			expectBadges(t, m, w.badges)
			if !reflect.DeepEqual(o.Guarantees, w.guarantees) {
				t.Errorf("guarantees = %q, want %q", o.Guarantees, w.guarantees)
			}
			if !reflect.DeepEqual(o.Tags, w.tags) {
				t.Errorf("tags = %q, want %q", o.Tags, w.tags)
			}
			if !reflect.DeepEqual(o.OfficialDoc, w.officialDoc) {
				t.Errorf("official docs = %v, want %v", o.OfficialDoc, w.officialDoc)
			}
			if len(o.Attributes) != w.nAttrs {
				t.Errorf("%d attributes, want %d", len(o.Attributes), w.nAttrs)
			}
			for name, val := range w.attrs {
				found := false
				for _, a := range o.Attributes {
					found = found || (a.Name == name && a.Value == val)
				}
				if !found {
					t.Errorf("attribute %s = %s missing", name, val)
				}
				expectText(t, m, "attribute "+name, val)
			}
			if !reflect.DeepEqual(o.SKUNames, w.skus) {
				t.Errorf("SKUs = %q, want %q", o.SKUNames, w.skus)
			}
			expectText(t, m, "title", w.title)
			expectText(t, m, "store name", w.company)
			for _, tag := range w.tags {
				expectText(t, m, "tag", tag)
			}
			for _, sku := range w.skus {
				expectText(t, m, "SKU", sku)
			}
		})
	}
}

// The offer id is read from its raw JSON text: a float64 round trip would
// print 5.97090034012e+11.
func TestG2IDsAreRaw(t *testing.T) {
	js := `{"globalData":{"tempModel":{"offerId":597090034012,"offerTitle":"t","sellerUserId":2926666289,"companyName":"c"}}}`
	m := Parse(Snapshot{Scripts: []string{wrapInitData(js)}})
	expectStr(t, "offer id", m.Offer.ID, "597090034012", "")
	expectStr(t, "user id", m.Supplier.UserID, "2926666289", "")

	js = `{"globalData":{"tempModel":{"offerId":5.97090034012e+11,"offerTitle":"t"}}}`
	m = Parse(Snapshot{Scripts: []string{wrapInitData(js)}})
	expectUnknown(t, "float offer id", m.Offer.ID)
}

// Components are found by componentType, never by numeric id, and the
// values may arrive as strings or numbers.
func TestG2ComponentsByType(t *testing.T) {
	js := `{"globalData":{"tempModel":{"offerId":"123","offerTitle":"temp title"},
	  "orderParamModel":{"orderParam":{"beginNum":"2","skuParam":{"skuPriceType":"rangePrice",
	    "skuRangePrices":[{"price":"9.5","beginAmount":"10"},{"price":8,"beginAmount":100},{"price":"10.00","beginAmount":2}]}}}},
	 "data":{
	  "1":{"componentType":"@ali/tdmod-od-pc-offer-logistics","data":{"location":"浙江省义乌市","freightInfo":{"logisticsText":""},"deliveryLimitText":"承诺72小时发货"}},
	  "999":{"componentType":"@ali/tdmod-od-pc-offer-title","data":{"title":"component title","saleNum":"月销1000+","tagList":[{"type":"X","text":"超级工厂"},{"text":"深度验厂"}],"labels":["实力工厂","深度验商","品牌授权"]}}}}`
	m := Parse(Snapshot{URL: "https://detail.1688.com/offer/123.html", Scripts: []string{wrapInitData(js)}})
	checkInvariants(t, m)
	expectStr(t, "title", m.Offer.Title, "component title", "g2 offer-title data.title")
	expectStr(t, "sales", m.Offer.SalesText, "月销1000+", "")
	expectUnknown(t, "sales period", m.Offer.SalesPeriod)
	expectInt(t, "MOQ", m.Offer.MOQ, 2)
	expectFloat(t, "min", m.Offer.PriceMin, 8)
	expectFloat(t, "max", m.Offer.PriceMax, 10)
	want := []PriceTier{{2, 10}, {10, 9.5}, {100, 8}}
	if !reflect.DeepEqual(m.Offer.PriceTiers, want) {
		t.Errorf("tiers = %v, want %v", m.Offer.PriceTiers, want)
	}
	expectStr(t, "ship from", m.Offer.ShipFrom, "浙江省义乌市", "")
	expectStr(t, "logistics", m.Offer.Logistics, "承诺72小时发货", "g2 offer-logistics data.deliveryLimitText")
	expectBadges(t, m, map[string]string{
		"super-factory":       `offer-title tagList[].text = "超级工厂"`,
		"deep-factory-audit":  `offer-title tagList[].text = "深度验厂"`,
		"powerful-factory":    `offer-title labels[] = "实力工厂"`,
		"deep-merchant-audit": `offer-title labels[] = "深度验商"`,
		"brand-authorization": `offer-title labels[] = "品牌授权"`,
	})
}
