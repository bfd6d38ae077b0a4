package page

import (
	"reflect"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

// The real G3 inline script of offer 943009939489 (2026-09-12), exactly as
// shipped: bare numeric keys in skuWeight, \uXXXX escapes, $ref nodes.
// Personal fields are placeholders in the capture; they must still be read.
func TestParseG3Real(t *testing.T) {
	m := Parse(Snapshot{URL: "https://detail.1688.com/offer/943009939489.html", Scripts: []string{mustRead(t, fixtureG3)}})
	checkInvariants(t, m)
	if m.Kind != KindOffer || m.Generation != "g3" || !m.Readable {
		t.Fatalf("kind %s generation %q readable %v notes %q", m.Kind, m.Generation, m.Readable, m.Notes)
	}
	if len(m.Notes) != 0 {
		t.Errorf("notes: %q", m.Notes)
	}
	const model = "g3 result.global.globalData.model."
	o, s := m.Offer, m.Supplier
	title := "跨境中大型犬边牧拉布拉多柴犬四脚衣冲锋衣防水防风狗狗衣服雨衣"
	expectStr(t, "offer id", o.ID, "943009939489", model+"offerDetail.offerId")
	expectStr(t, "title", o.Title, title, model+"offerDetail.subject")
	expectStr(t, "unit", o.Unit, "件", model+"tradeModel.unit")
	expectFloat(t, "price min", o.PriceMin, 20.50)
	expectFloat(t, "price max", o.PriceMax, 41.50)
	if o.PriceMin.Source != model+"tradeModel.minPrice" || o.PriceMax.Source != model+"tradeModel.maxPrice" {
		t.Errorf("price sources %q %q", o.PriceMin.Source, o.PriceMax.Source)
	}
	expectStr(t, "price type", o.PriceType, "skuPrice", "")
	if len(o.PriceTiers) != 0 {
		t.Errorf("tiers %v for a skuPrice offer", o.PriceTiers)
	}
	expectInt(t, "MOQ", o.MOQ, 1)
	expectInt(t, "sales count", o.SalesCount, 392)
	expectUnknown(t, "sales text", o.SalesText) // productTitle is not in this capture
	// freightInfo is a $ref from shippingServices to detailDescription.
	expectStr(t, "ship from", o.ShipFrom, "地区占位", "g3 result.data.shippingServices.fields.freightInfo.location")
	expectStr(t, "logistics", o.Logistics, "物流占位", "")
	expectStr(t, "company", s.Company, "店铺公司占位有限公司", model+"sellerModel.companyName")
	expectStr(t, "login id", s.LoginID, "店铺占位", model+"sellerModel.loginId")
	expectStr(t, "member id", s.MemberID, "b2b-placeholder-seller", model+"sellerModel.memberId")
	expectStr(t, "user id", s.UserID, "1000000000002", model+"sellerModel.userId")
	expectStr(t, "shop type", s.ShopType, "cht", model+"sellerModel.sellerIdentity")
	expectStr(t, "winport", s.WinportURL, "https://shopmp.1688.com", "")
	expectBadges(t, m, map[string]string{
		"trustpass": `result.global.globalData.model.sellerModel.sellerIdentity = "cht"`,
	})
	wantAttrs := []Attribute{{"材质", "涤纶"}, {"品牌", "无"}, {"产品类别", "雨衣"}, {"风格", "休闲风"}}
	if !reflect.DeepEqual(o.Attributes, wantAttrs) {
		t.Errorf("attributes = %v", o.Attributes)
	}
	for _, sku := range []string{"黑色", "米色", "黄色", "XL（背长35cm）", "8XL（背长72cm）",
		"黄色>XL（背长35cm）", "黑色>3XL（背长45cm）", "黑色>XL（背长35cm）"} {
		expectText(t, m, "SKU", sku)
	}
	if len(o.SKUNames) != 17 { // 3 colours + 8 sizes + 6 combinations
		t.Errorf("%d SKU names: %q", len(o.SKUNames), o.SKUNames)
	}
	for _, n := range o.SKUNames {
		if strings.Contains(n, "&gt;") {
			t.Errorf("SKU %q still escaped", n)
		}
	}
	expectText(t, m, "title", title)
	expectText(t, m, "attribute 材质", "涤纶")
	expectText(t, m, "logistics", "物流占位")
	expectText(t, m, "store name", "店铺公司占位有限公司")
}

// G3 takes priority over a G2 model of the same offer on the same page.
func TestG3BeforeG2(t *testing.T) {
	g2 := `{"globalData":{"tempModel":{"offerId":943009939489,"offerTitle":"old title","companyName":"old co"}}}`
	m := Parse(Snapshot{
		URL:     "https://detail.1688.com/offer/943009939489.html",
		Scripts: []string{wrapInitData(g2), mustRead(t, fixtureG3)},
	})
	if m.Generation != "g3" {
		t.Errorf("generation %q", m.Generation)
	}
	expectStr(t, "title", m.Offer.Title, "跨境中大型犬边牧拉布拉多柴犬四脚衣冲锋衣防水防风狗狗衣服雨衣", "")
	expectStr(t, "company", m.Supplier.Company, "店铺公司占位有限公司", "")
}

func TestQuoteBareKeys(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{5846845077736:0.1030,5846845077737:0.1200}`, `{"5846845077736":0.1030,"5846845077737":0.1200}`},
		{`{"a":{1:2}, b : [1,2,{c:3}]}`, `{"a":{"1":2}, "b" : [1,2,{"c":3}]}`},
		{`{"s":"{1:2}","t":"a,b:c"}`, `{"s":"{1:2}","t":"a,b:c"}`}, // strings untouched
		{`{"s":"\"{1:2}"}`, `{"s":"\"{1:2}"}`},                     // escaped quote inside a string
		{`{"u":"\u5E97"}`, `{"u":"\u5E97"}`},
		{`[1, 2, 3]`, `[1, 2, 3]`},
		{`{}`, `{}`},
	}
	for _, tc := range tests {
		if got := quoteBareKeys(tc.in); got != tc.want {
			t.Errorf("quoteBareKeys(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestDeref(t *testing.T) {
	root := gjson.Parse(`{"result":{"a":{"$ref":"$.result.b"},"b":{"$ref":"$.result.c[1]"},"c":[0,{"x":"y"}],
	  "loop":{"$ref":"$.result.loop"},"chain":{"$ref":"$.result.a.x"},"bad":{"$ref":"@"},"missing":{"$ref":"$.nope.x"}}}`)
	tests := []struct{ path, want string }{
		{"result.a", `{"x":"y"}`},
		{"result.chain", `"y"`}, // through two references on the way
		{"result.c", `[0,{"x":"y"}]`},
		{"result.loop", ``},
		{"result.bad", ``},
		{"result.missing", ``},
	}
	for _, tc := range tests {
		if got := deref(root, root.Get(tc.path)).Raw; got != tc.want {
			t.Errorf("deref(%s) = %q, want %q", tc.path, got, tc.want)
		}
	}
}
