package page

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestKindOf(t *testing.T) {
	tests := []struct {
		url  string
		want Kind
	}{
		{"https://sale.1688.com/factory/card.html?memberId=b2b-1634230375&__recSource__=win_port&facMemId=b2b-1634230375", KindStore},
		{"https://sale.1688.com/factory/other.html", KindUnknown},
		{"https://shop1467652076311.1688.com/page/offerlist.htm", KindStore},
		{"https://ccgame.1688.com/page/contactinfo.html", KindStore},
		{"https://detail.1688.com/offer/597090034012.html", KindOffer},
		{"https://detail.1688.com/offer/597090034012.html?sk=consign#x", KindOffer},
		{"http://DETAIL.1688.COM/offer/1.html", KindOffer},
		{"https://m.1688.com/offer/813724060928.html?sk=order", KindOffer},
		{"https://detail.1688.com/offer/abc.html", KindUnknown},
		{"https://detail.1688.com/", KindUnknown},
		{"https://shop1467652076311.1688.com", KindStore},
		{"https://shop3e67986509770.1688.com/page/creditdetail.htm", KindStore},
		{"http://wwm16888.1688.com", KindStore},
		{"https://ccgame.1688.com/page/index.html", KindStore},
		{"https://winport.m.1688.com/page/index.html?memberId=b2b-29266662898cf9d", KindStore},
		{"https://wp.m.1688.com/page/businessinfor.html?memberId=b2b-1&bizCode=winport", KindStore},
		{"https://m.1688.com/winport/b2b-22175540303633d894.html", KindStore},
		{"https://s.1688.com/selloffer/offer_search.htm?keywords=%C4%A7", KindSearch},
		{"https://www.1688.com/", KindUnknown},
		{"https://sale.1688.com/factory/card.html?memberId=b2b-1", KindStore},
		{"https://h5api.m.1688.com/h5/mtop.1688.moga.pc.shopcard/1.0/", KindUnknown},
		{"https://evil1688.com/offer/1.html", KindUnknown},
		{"https://detail.1688.com.evil.com/offer/1.html", KindUnknown},
		{"javascript:alert(1)//detail.1688.com/offer/1.html", KindUnknown},
		{"ftp://detail.1688.com/offer/1.html", KindUnknown},
		{"", KindUnknown},
		{"%%%", KindUnknown},
	}
	for _, tc := range tests {
		if got := KindOf(tc.url); got != tc.want {
			t.Errorf("KindOf(%q) = %s, want %s", tc.url, got, tc.want)
		}
	}
}

// A page without any model: nothing known, not readable, no badges.
func TestNoModel(t *testing.T) {
	for _, s := range []Snapshot{
		{},
		{URL: "https://detail.1688.com/offer/597090034012.html"},
		{URL: "https://detail.1688.com/offer/597090034012.html", Scripts: []string{
			"var a = 1; window.__INIT_DATA_URL = '/x';",
			"if (window.__INIT_DATA) { run(window.__INIT_DATA) }",
			"window.context = window.context || {};",
			`{"not":"a model"}`,
		}, Responses: []Response{{URL: "https://g.alicdn.com/x.js", Body: "!function(){}()"}, {Body: `{"data":{"x":1}}`}}},
	} {
		m := Parse(s)
		checkInvariants(t, m)
		if m.Readable || m.Generation != "" {
			t.Errorf("readable %v generation %q", m.Readable, m.Generation)
		}
		expectAllUnknown(t, m)
		if len(m.Texts) != 0 || len(m.Supplier.Badges) != 0 || m.Supplier.Signs != nil {
			t.Errorf("texts %v badges %v signs %v", m.Texts, m.Supplier.Badges, m.Supplier.Signs)
		}
	}
}

// expectAllUnknown checks every Field of the model is unknown.
func expectAllUnknown(t *testing.T, m Model) {
	t.Helper()
	o, s, st := m.Offer, m.Supplier, m.Store
	for name, known := range map[string]bool{
		"id": o.ID.Known, "title": o.Title.Known, "unit": o.Unit.Known, "min": o.PriceMin.Known, "max": o.PriceMax.Known,
		"type": o.PriceType.Known, "moq": o.MOQ.Known, "sales text": o.SalesText.Known, "period": o.SalesPeriod.Known,
		"sales": o.SalesCount.Known, "ship": o.ShipFrom.Known, "logistics": o.Logistics.Known,
		"member": s.MemberID.Known, "login": s.LoginID.Known, "user": s.UserID.Known, "company": s.Company.Known,
		"winport": s.WinportURL.Known, "age": s.StoreAgeYears.Known, "business": s.BusinessType.Known,
		"shop type": s.ShopType.Known, "repurchase": st.RepurchaseRate.Known, "service": st.ServiceScore.Known,
		"good": st.GoodRate.Known, "on time": st.OnTimeRate.Known,
	} {
		if known {
			t.Errorf("%s known", name)
		}
	}
	if len(o.PriceTiers)+len(o.Guarantees)+len(o.Attributes)+len(o.SKUNames)+len(o.Tags)+len(o.OfficialDoc)+len(st.Pairs) != 0 {
		t.Errorf("lists not empty: %+v %+v", o, st)
	}
}

// Broken models never panic, never yield values, and say what happened.
func TestMalformed(t *testing.T) {
	g2 := mustRead(t, fixtureG2Slsj)
	g3 := mustRead(t, fixtureG3)
	tests := []struct {
		name, script, note string
	}{
		{"truncated G2", "window.__INIT_DATA=" + g2[:len(g2)/2], "g2 __INIT_DATA model found but not readable: unbalanced"},
		{"unbalanced G2", "window.__INIT_DATA={\"globalData\":{\"tempModel\":{\"offerId\":1}};", "unbalanced"},
		{"mismatched brackets", `window.__INIT_DATA={"globalData":[}]};`, "unbalanced"},
		{"unterminated string", `window.__INIT_DATA={"globalData":"abc};`, "unbalanced"},
		{"invalid JSON inside balanced braces", `window.__INIT_DATA={"globalData":{tempModel:{offerId:1,,}}};`, "not valid JSON even after quoting bare keys"},
		{"G3 truncated", g3[:len(g3)-2000], "g3 window.context model found but not readable"},
		{"G3 argument not an object", "window.context=(function(b,d){return d})(window.contextPath, null);", "argument is not an object"},
		{"G3 without result", `window.context=(function(b,d){return d})(window.contextPath,{"x":1});`, "no result object"},
		{"too deep", "window.__INIT_DATA=" + strings.Repeat(`{"a":`, maxNesting+1) + "1" + strings.Repeat("}", maxNesting+1), "nested too deep"},
		{"neither globalData nor data", `window.__INIT_DATA={"seed":1};`, "neither globalData nor data"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Parse(Snapshot{URL: "https://detail.1688.com/offer/597090034012.html", Scripts: []string{tc.script}})
			checkInvariants(t, m)
			if m.Readable {
				t.Error("readable")
			}
			expectAllUnknown(t, m)
			expectNote(t, m, tc.note)
		})
	}
}

// Wrong types in the right places are ignored, not coerced into values.
func TestWrongTypes(t *testing.T) {
	js := `{"globalData":{"tempModel":{"offerId":{"x":1},"offerTitle":123,"companyName":["a"],"sellerMemberId":true,
	  "sellerUserId":"12ab","saledCount":"many"},"sellerSign":{"isTp":"true","isSlsj":1},"businessType":7,
	  "orderParamModel":{"orderParam":{"beginNum":-3,"skuParam":{"skuPriceType":"rangePrice","skuRangePrices":[{"price":"NaN","beginAmount":"1"},{"price":"0x10","beginAmount":1},{"price":"-1","beginAmount":1},{"price":"Infinity"}]}}}},
	 "data":[1,2,3]}`
	m := Parse(Snapshot{URL: "https://detail.1688.com/offer/1.html", Scripts: []string{wrapInitData(js)}})
	checkInvariants(t, m)
	expectAllUnknown(t, m)
	if len(m.Supplier.Badges) != 0 || len(m.Supplier.Signs) != 0 {
		t.Errorf("badges %v signs %v", m.Supplier.Badges, m.Supplier.Signs)
	}
}

// Hostile strings are data: kept byte for byte, never interpreted.
func TestHostileStrings(t *testing.T) {
	const xss = `<img src=x onerror=alert(1)>`
	const tricky = `"}];alert(1);//` // would break a naive regex cut
	model := map[string]any{
		"globalData": map[string]any{
			"tempModel": map[string]any{
				"offerId": 1, "offerTitle": tricky, "companyName": xss, "sellerLoginId": "a.b*c?d|e#f@g",
				"sellerMemberId": "b2b-1", "winportUrl": "javascript:alert(1)",
			},
		},
		"data": map[string]any{"x": map[string]any{"componentType": "@ali/tdmod-od-pc-attribute-new",
			"data": []any{map[string]any{"name": "</script><script>", "value": "${x}{{y}}"}}}},
	}
	js, err := json.Marshal(model)
	if err != nil {
		t.Fatal(err)
	}
	m := Parse(Snapshot{URL: "https://detail.1688.com/offer/1.html", Scripts: []string{wrapInitData(string(js))}})
	checkInvariants(t, m)
	expectStr(t, "company", m.Supplier.Company, xss, "")
	expectStr(t, "title", m.Offer.Title, tricky, "")
	expectStr(t, "login", m.Supplier.LoginID, "a.b*c?d|e#f@g", "")
	expectStr(t, "winport", m.Supplier.WinportURL, "javascript:alert(1)", "") // stored as text; the UI must not link it blindly
	expectText(t, m, "store name", xss)
	expectText(t, m, "attribute </script><script>", "${x}{{y}}")

	// The same through a shopcard on a store page, and through the DOM.
	body := fmt.Sprintf(`{"api":"mtop.1688.moga.pc.shopcard","data":{"model":{"shopName":%q,"tpYear":2}}}`, xss)
	m = Parse(Snapshot{URL: "https://shopx1.1688.com/", Responses: []Response{{Body: body}}})
	expectStr(t, "shopcard company", m.Supplier.Company, xss, "shopcard data.model.shopName")
	m = Parse(Snapshot{URL: "https://shopx1.1688.com/", DOM: map[string]string{"storeName": xss}})
	expectStr(t, "DOM company", m.Supplier.Company, xss, "DOM storeName")
}

// Inputs over the caps: cut, reported in Notes, and still bounded.
func TestCaps(t *testing.T) {
	g2 := wrapInitData(mustRead(t, fixtureG2Default))
	t.Run("script padded past MaxScriptBytes still reads", func(t *testing.T) {
		s := g2 + strings.Repeat(" ", MaxScriptBytes)
		m := Parse(Snapshot{URL: "https://detail.1688.com/offer/833454967766.html", Scripts: []string{s}})
		if !m.Readable {
			t.Errorf("not readable: %q", m.Notes)
		}
		expectNote(t, m, "cap hit: script 0 truncated")
	})
	t.Run("model larger than MaxScriptBytes is cut and not read", func(t *testing.T) {
		s := `window.__INIT_DATA={"globalData":{"tempModel":{"offerId":1,"offerTitle":"` + strings.Repeat("长", MaxScriptBytes/3) + `"}}};`
		m := Parse(Snapshot{Scripts: []string{s}})
		checkInvariants(t, m)
		if m.Readable {
			t.Error("readable")
		}
		expectNote(t, m, "cap hit: script 0 truncated")
		expectNote(t, m, "not readable: unbalanced")
	})
	t.Run("scripts together past MaxScriptsBytes: the one that would pass it is left out", func(t *testing.T) {
		pad := "var x='" + strings.Repeat("a", MaxScriptBytes-10) + "';"
		url := "https://detail.1688.com/offer/833454967766.html"
		// Two full scripts fill the budget: the model after them is left out.
		m := Parse(Snapshot{URL: url, Scripts: []string{pad, pad, g2}})
		if m.Readable {
			t.Error("the model past MaxScriptsBytes was read")
		}
		expectNote(t, m, "cap hit: script 2 (")
		// The model first: read; the second pad is left out instead.
		m = Parse(Snapshot{URL: url, Scripts: []string{pad, g2, pad}})
		if !m.Readable {
			t.Errorf("not readable: %q", m.Notes)
		}
		expectNote(t, m, "cap hit: script 2 (")
		// The same through the JSON the extension sends.
		js, _ := json.Marshal(Snapshot{URL: url, Scripts: []string{pad, pad, g2}})
		s, err := DecodeSnapshot(js)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Scripts) != 2 || !strings.Contains(fmt.Sprint(s.Notes), "cap hit: script 2 (") {
			t.Errorf("decoded %d scripts, notes %v", len(s.Scripts), s.Notes)
		}
	})
	t.Run("counts", func(t *testing.T) {
		scripts := make([]string, MaxScripts+10)
		for i := range scripts {
			scripts[i] = "var x;"
		}
		scripts[MaxScripts+5] = g2 // beyond the cap: not read
		resps := make([]Response, MaxResponses+1)
		dom := map[string]string{}
		for i := 0; i < MaxDOMFragments+3; i++ {
			dom[fmt.Sprintf("f%03d", i)] = "入驻3年"
		}
		dom["header"] = strings.Repeat("a", MaxDOMBytes) + "入驻9年"
		m := Parse(Snapshot{Scripts: scripts, Responses: resps, DOM: dom})
		checkInvariants(t, m)
		if m.Readable {
			t.Error("script beyond MaxScripts was read")
		}
		expectNote(t, m, "cap hit: 74 scripts")
		expectNote(t, m, fmt.Sprintf("cap hit: %d responses", MaxResponses+1))
		expectNote(t, m, "cap hit: 68 DOM fragments")
		expectNote(t, m, `cap hit: DOM fragment "header" truncated`)
		// header was cut before 入驻9年; the first other fragment gives 3.
		expectInt(t, "age", m.Supplier.StoreAgeYears, 3)
	})
	t.Run("url", func(t *testing.T) {
		m := Parse(Snapshot{URL: "https://detail.1688.com/offer/1.html?" + strings.Repeat("a", MaxURLBytes)})
		if len(m.URL) != MaxURLBytes {
			t.Errorf("url %d bytes", len(m.URL))
		}
		expectNote(t, m, "cap hit: url")
	})
}

// A model for another offer than the address (left behind by in-page
// navigation) is not attributed to this page.
func TestStaleModel(t *testing.T) {
	m := Parse(Snapshot{URL: "https://detail.1688.com/offer/123.html", Scripts: []string{wrapInitData(mustRead(t, fixtureG2Slsj))}})
	checkInvariants(t, m)
	if m.Readable {
		t.Error("readable")
	}
	expectAllUnknown(t, m)
	expectNote(t, m, "g2 model is for offer 597090034012 but the page address is offer 123: ignored")
}

// DOM fragments are a fallback only.
func TestDOMFallback(t *testing.T) {
	t.Run("store page text (real, 深圳橙色之城科技有限公司)", func(t *testing.T) {
		p, ok := realStorePages(t)["shop"]
		if !ok {
			t.Fatal("no shop page in the capture")
		}
		m := Parse(Snapshot{URL: p.URL, DOM: map[string]string{"title": p.Title, "body": p.Text}})
		checkInvariants(t, m)
		// A store page's text names the company (at its start) and the
		// store age: enough for a readable store page.
		if m.Kind != KindStore || !m.Readable {
			t.Errorf("kind %s readable %v", m.Kind, m.Readable)
		}
		expectInt(t, "age", m.Supplier.StoreAgeYears, 11)
		if m.Supplier.StoreAgeYears.Source != `DOM body: "入驻11年"` {
			t.Errorf("source %q", m.Supplier.StoreAgeYears.Source)
		}
		expectUnknown(t, "title on a store page", m.Offer.Title)
	})
	t.Run("JSON wins over DOM", func(t *testing.T) {
		m := Parse(Snapshot{
			URL:       "https://shop1460393846166.1688.com/",
			Responses: []Response{{Body: mustRead(t, fixtureShopcard)}},
			DOM:       map[string]string{"header": "入驻2年 实力商家 深度验厂", "storeName": "Other Co", "title": "t"},
		})
		expectInt(t, "age", m.Supplier.StoreAgeYears, 11)
		expectStr(t, "company", m.Supplier.Company, "佛山市南海区三丰手机配件有限公司", "")
		expectBadges(t, m, map[string]string{
			"super-factory":      `shopcard data.model.shopType = "cjgc"`,
			"powerful-merchant":  `DOM header: "实力商家"`,
			"deep-factory-audit": `DOM header: "深度验厂"`,
		})
	})
	t.Run("badge words only in badges/header fragments", func(t *testing.T) {
		m := Parse(Snapshot{URL: "https://detail.1688.com/offer/1.html",
			DOM: map[string]string{"body": "推荐: 超级工厂 深度验商 诚信通5年", "badges": "深度验商", "title": "Offer title", "description": "加微信下单"}})
		checkInvariants(t, m)
		expectBadges(t, m, map[string]string{"deep-merchant-audit": `DOM badges: "深度验商"`})
		expectInt(t, "age", m.Supplier.StoreAgeYears, 5)
		expectStr(t, "title", m.Offer.Title, "Offer title", "DOM title")
		expectText(t, m, "description", "加微信下单")
		if m.Readable {
			t.Error("DOM alone made the page readable")
		}
	})
}

// Store globals: window.pageData (shop pages) and window.__STORE_DATA (G2
// offer pages). No real sample was found (doc §3a): composed from the
// field names the doc lists.
func TestStoreGlobals(t *testing.T) {
	pageData := `window.pageData = {"components":{"123":{"moduleName":"wp_pc_common_header","moduleData":{
	  "companyName":"某某工厂","tpYear":6,"isShili":true,"customerStar":"4.5分","byrRepeatRateText":"35%",
	  "factoryInfo":{"shopTag":[{"text":"入围2024必找工厂榜"},{"text":"深度验厂"}]}}},
	  "9":{"moduleName":"wp_pc_offerlist","moduleData":{"companyName":"ignored"}}},
	  "globalData":{"features":{"isFactory":true,"isShiliFactory":true}}};`
	m := Parse(Snapshot{URL: "https://shop1abc.1688.com/page/index.htm", Scripts: []string{pageData}})
	checkInvariants(t, m)
	if !m.Readable {
		t.Fatalf("not readable: %q", m.Notes)
	}
	expectStr(t, "company", m.Supplier.Company, "某某工厂", "pageData components.123.moduleData.companyName")
	expectInt(t, "age", m.Supplier.StoreAgeYears, 6)
	expectFloat(t, "service", m.Store.ServiceScore, 4.5)
	expectFloat(t, "repurchase", m.Store.RepurchaseRate, 35)
	expectBadges(t, m, map[string]string{
		"powerful-merchant":  "pageData components.123.moduleData.isShili = true",
		"powerful-factory":   "pageData.globalData.features.isShiliFactory = true",
		"deep-factory-audit": `pageData components.123.moduleData.factoryInfo.shopTag[].text = "深度验厂"`,
	})

	storeData := `window.__STORE_DATA={"components":{"38229149":{"moduleData":{"companyName":"X有限公司","superFactory":true}}}};`
	m = Parse(Snapshot{URL: "https://detail.1688.com/offer/597090034012.html",
		Scripts: []string{wrapInitData(mustRead(t, fixtureG2Slsj)), storeData}})
	expectStr(t, "company from G2 first", m.Supplier.Company, "广州欧博化妆品有限公司", "")
	if b, ok := m.HasBadge("super-factory"); !ok || b.Source != "__STORE_DATA components.38229149.moduleData.superFactory = true" {
		t.Errorf("super-factory badge %+v %v", b, ok)
	}
}

// Parse recovers from a panic (a bug) with a Note; parse does not, so the
// fuzzer sees it. Here only the contract: Parse of anything returns.
func TestParseNeverPanicsOnOddSnapshots(t *testing.T) {
	for _, s := range []Snapshot{
		{Scripts: []string{"", "{", "}", "window.__INIT_DATA=", "window.__INIT_DATA={", "window.context=(function(b,d){})(window.contextPath,"}},
		{Responses: []Response{{Body: "mtopjsonp1("}, {Body: "cb({"}, {Body: "{"}, {Body: "(" + strings.Repeat("[", 10000)}}},
		{DOM: map[string]string{"": "", "header": "入驻999999999999999999999年"}},
	} {
		m := Parse(s)
		checkInvariants(t, m)
	}
}
