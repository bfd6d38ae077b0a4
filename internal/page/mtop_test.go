package page

import (
	"reflect"
	"strings"
	"testing"
)

// Mobile __INIT_DATA excerpt (CUPANG-SOSING, 2026-09-30): product only, no
// seller; components by numeric id, found by content (propsList).
func TestParseMobileReal(t *testing.T) {
	mobile := mustRead(t, fixtureMobile)
	for _, tc := range []struct {
		name, script string
	}{
		{"__INIT_DATA", `window.__GLOBAL_DADA={"isLogin":false};` + wrapInitData(mobile)},
		{"__INIT_DATA__", "window.__INIT_DATA__ = " + mobile + ";"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Parse(Snapshot{URL: "https://m.1688.com/offer/813724060928.html", Scripts: []string{tc.script}})
			checkInvariants(t, m)
			if m.Kind != KindOffer || m.Generation != "mobile" || !m.Readable {
				t.Fatalf("kind %s generation %q readable %v notes %q", m.Kind, m.Generation, m.Readable, m.Notes)
			}
			expectStr(t, "offer id", m.Offer.ID, "813724060928", "mobile globalData.tempModel.offerId")
			expectStr(t, "title", m.Offer.Title, "太阳眼镜木纹腿男女复古墨镜高级感潮遮阳防紫外线太阳镜复古墨镜", "mobile globalData.tempModel.offerTitle")
			expectStr(t, "unit", m.Offer.Unit, "副", "")
			if len(m.Offer.Attributes) != 24 {
				t.Errorf("%d attributes", len(m.Offer.Attributes))
			}
			expectText(t, m, "attribute 品牌", "利翔")
			expectText(t, m, "attribute 产地", "台州")
			expectText(t, m, "attribute 颜色", "亮黑,砂黑,砂灰")
			// Nothing about the seller, price or MOQ is in this excerpt.
			for what, f := range map[string]Field[string]{"company": m.Supplier.Company, "member": m.Supplier.MemberID,
				"login": m.Supplier.LoginID, "ship from": m.Offer.ShipFrom} {
				expectUnknown(t, what, f)
			}
			expectUnknown(t, "price", m.Offer.PriceMin)
			expectUnknown(t, "MOQ", m.Offer.MOQ)
			if len(m.Supplier.Badges) != 0 {
				t.Errorf("badges %v", m.Supplier.Badges)
			}
		})
	}
}

// The mobile page gets price, MOQ and SKUs from the mtop SKU gateway.
func TestMobileWithSKUResponses(t *testing.T) {
	for _, fx := range []string{fixtureMtopSKU, fixtureMtopPubSKU} {
		t.Run(fx, func(t *testing.T) {
			m := Parse(Snapshot{
				URL:     "https://m.1688.com/offer/813724060928.html",
				Scripts: []string{wrapInitData(mustRead(t, fixtureMobile))},
				Responses: []Response{{
					URL:  "https://h5api.m.1688.com/h5/mtop.mbox.fc.common.gateway/2.0/?jsv=2.7.2&appKey=12574478&api=mtop.mbox.fc.common.gateway",
					Body: "mtopjsonp3(" + mustRead(t, fx) + ")",
				}},
			})
			checkInvariants(t, m)
			expectFloat(t, "min", m.Offer.PriceMin, 3.6)
			expectFloat(t, "max", m.Offer.PriceMax, 5.5)
			expectStr(t, "price type", m.Offer.PriceType, "skuPrice", "")
			expectInt(t, "MOQ", m.Offer.MOQ, 1)
			if !strings.HasPrefix(m.Offer.MOQ.Source, "sku response ") {
				t.Errorf("MOQ source %q", m.Offer.MOQ.Source)
			}
			wantSKU := []string{"亮黑", "砂黑", "砂灰", "太阳镜", "太阳镜 加005 盒子",
				"砂灰>太阳镜 加005 盒子", "亮黑>太阳镜", "砂灰>太阳镜", "砂黑>太阳镜", "砂黑>太阳镜 加005 盒子", "亮黑>太阳镜 加005 盒子"}
			if !reflect.DeepEqual(m.Offer.SKUNames, wantSKU) {
				t.Errorf("SKUs = %q", m.Offer.SKUNames)
			}
			if fx == fixtureMtopSKU {
				expectInt(t, "sales", m.Offer.SalesCount, 95)
			} else {
				expectUnknown(t, "sales", m.Offer.SalesCount)
			}
			expectStr(t, "id", m.Offer.ID, "813724060928", "mobile globalData.tempModel.offerId")
		})
	}
}

// A SKU response for another offer (a stale capture) is not used.
func TestSKUResponseOtherOffer(t *testing.T) {
	m := Parse(Snapshot{
		URL:       "https://m.1688.com/offer/111.html",
		Responses: []Response{{URL: "https://h5api.m.1688.com/h5/mtop.mbox.fc.common.gateway/2.0/", Body: mustRead(t, fixtureMtopSKU)}},
	})
	checkInvariants(t, m)
	expectUnknown(t, "price", m.Offer.PriceMin)
	expectUnknown(t, "id", m.Offer.ID)
	expectNote(t, m, "sku response is for offer 813724060928 but the page address is offer 111")
}

// The shopcard doc excerpt (no ret, api in the body): tpYear 11, 回头率 66,
// 服务分 4.5, 好评率 99.9, 准时发货率 "- %" stays unknown.
func TestShopcard(t *testing.T) {
	excerpt := mustRead(t, fixtureShopcard)
	for _, tc := range []struct {
		name string
		resp Response
	}{
		{"api in body, no ret", Response{URL: "", Body: excerpt}},
		{"JSONP with ret, api in URL", Response{
			URL:  "https://h5api.m.1688.com/h5/mtop.1688.moga.pc.shopcard/1.0/?api=mtop.1688.moga.pc.shopcard&type=jsonp",
			Body: `mtopjsonp7({"ret":["SUCCESS::调用成功"],"v":"1.0",` + strings.TrimPrefix(strings.TrimSpace(excerpt), "{") + ")",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Parse(Snapshot{URL: "https://shop1460393846166.1688.com/page/index.htm", Responses: []Response{tc.resp}})
			checkInvariants(t, m)
			if m.Kind != KindStore || !m.Readable || m.Generation != "" {
				t.Fatalf("kind %s readable %v generation %q notes %q", m.Kind, m.Readable, m.Generation, m.Notes)
			}
			expectInt(t, "store age", m.Supplier.StoreAgeYears, 11)
			if m.Supplier.StoreAgeYears.Source != "shopcard data.model.tpYear" {
				t.Errorf("age source %q", m.Supplier.StoreAgeYears.Source)
			}
			expectFloat(t, "repurchase", m.Store.RepurchaseRate, 66)
			expectFloat(t, "service", m.Store.ServiceScore, 4.5)
			expectFloat(t, "good rate", m.Store.GoodRate, 99.9)
			expectUnknown(t, "on time", m.Store.OnTimeRate)
			expectStr(t, "shop type", m.Supplier.ShopType, "cjgc", "shopcard data.model.shopType")
			expectStr(t, "company", m.Supplier.Company, "佛山市南海区三丰手机配件有限公司", "shopcard data.model.shopName")
			expectStr(t, "winport", m.Supplier.WinportURL, "https://shop1460393846166.1688.com", "")
			// cjgc = 超级工厂 is a guess (doc §2b); the badge cites the field.
			expectBadges(t, m, map[string]string{"super-factory": `shopcard data.model.shopType = "cjgc"`})
			wantPairs := []Attribute{{"店铺回头率", "66%"}, {"店铺服务分", "4.5"}, {"准时发货率", "- %"}, {"店铺好评率", "99.9%"}}
			if !reflect.DeepEqual(m.Store.Pairs, wantPairs) {
				t.Errorf("pairs = %v", m.Store.Pairs)
			}
			expectText(t, m, "store name", "佛山市南海区三丰手机配件有限公司")
		})
	}
}

// A shopcard never overrides what the offer model said; it fills only
// what was unknown.
func TestShopcardFillsOnlyUnknown(t *testing.T) {
	m := Parse(Snapshot{
		URL:       "https://detail.1688.com/offer/597090034012.html",
		Scripts:   []string{wrapInitData(mustRead(t, fixtureG2Slsj))},
		Responses: []Response{{Body: mustRead(t, fixtureShopcard)}},
	})
	checkInvariants(t, m)
	expectStr(t, "company", m.Supplier.Company, "广州欧博化妆品有限公司", "g2 globalData.tempModel.companyName")
	expectInt(t, "store age", m.Supplier.StoreAgeYears, 11)
	expectStr(t, "shop type", m.Supplier.ShopType, "cjgc", "")
}

// Failed mtop responses yield nothing and say why.
func TestMtopFailed(t *testing.T) {
	tests := []struct {
		name, url, body, note string
		problem               Problem
	}{
		{"captcha JSONP", "https://h5api.m.1688.com/h5/mtop.1688.moga.pc.shopcard/1.0/?type=jsonp",
			`mtopjsonp2({"api":"mtop.1688.moga.pc.shopcard","data":{"model":{"tpYear":11,"shopName":"X公司","shopData":[{"dataKey":"店铺回头率","dataValue":"66%"}]}},"ret":["FAIL_SYS_USER_VALIDATE::哎哟喂,被挤爆啦,请稍后重试"],"v":"1.0"})`,
			"shopcard response failed: FAIL_SYS_USER_VALIDATE", ProblemResponseFailed},
		{"token empty, api only in body", "",
			`{"api":"mtop.1688.moga.pc.shopcard","data":{},"ret":["FAIL_SYS_TOKEN_EMPTY::令牌为空"]}`,
			"shopcard response failed: FAIL_SYS_TOKEN_EMPTY", ProblemResponseFailed},
		{"sku gateway session expired", "https://h5api.m.1688.com/h5/mtop.mbox.fc.common.gateway/2.0/",
			`mtopjsonp1({"ret":["FAIL_SYS_SESSION_EXPIRED::Session过期"],"data":{"result":{"data":{"orderParamModel":{"orderParam":{"beginNum":5}}}}}})`,
			"sku response failed: FAIL_SYS_SESSION_EXPIRED", ProblemResponseFailed},
		{"ret as a string", "https://h5api.m.1688.com/h5/mtop.1688.moga.pc.shopcard/1.0/",
			`{"ret":"FAIL_SYS_ILLEGAL_ACCESS::非法请求","data":{"model":{"tpYear":3}}}`,
			"shopcard response failed: FAIL_SYS_ILLEGAL_ACCESS", ProblemResponseFailed},
		{"truncated body", "https://h5api.m.1688.com/h5/mtop.1688.moga.pc.shopcard/1.0/",
			`mtopjsonp2({"api":"mtop.1688.moga.pc.shopcard","data":{"model":{"tpYear":11`,
			"shopcard response not readable", ProblemNotReadable},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Parse(Snapshot{URL: "https://shop1460393846166.1688.com/", Responses: []Response{{URL: tc.url, Body: tc.body}}})
			checkInvariants(t, m)
			if m.Readable {
				t.Error("readable from a failed response")
			}
			expectUnknown(t, "store age", m.Supplier.StoreAgeYears)
			expectUnknown(t, "company", m.Supplier.Company)
			expectUnknown(t, "repurchase", m.Store.RepurchaseRate)
			expectUnknown(t, "MOQ", m.Offer.MOQ)
			if len(m.Store.Pairs) != 0 || len(m.Supplier.Badges) != 0 {
				t.Errorf("pairs %v badges %v", m.Store.Pairs, m.Supplier.Badges)
			}
			expectNote(t, m, tc.note)
			if m.Problems != tc.problem {
				t.Errorf("problems %b, want %b", m.Problems, tc.problem)
			}
		})
	}
}

// tpYear 0 / -1 / absent and "-" values are unknown, never zero.
func TestShopcardMissingValues(t *testing.T) {
	for _, year := range []string{`0`, `-1`, `"-"`, `null`, `""`, `"abc"`, `1.5`} {
		body := `{"api":"mtop.1688.moga.pc.shopcard","data":{"model":{"tpYear":` + year + `,"shopData":[
		  {"dataKey":"店铺回头率","dataValue":"-"},{"dataKey":"店铺服务分","dataValue":""},{"dataKey":"店铺好评率","dataValue":"--%"},
		  {"dataKey":"准时发货率","dataValue":"- %"}]}}}`
		m := Parse(Snapshot{URL: "https://shopabc.1688.com/", Responses: []Response{{Body: body}}})
		checkInvariants(t, m)
		expectUnknown(t, "age "+year, m.Supplier.StoreAgeYears)
		expectUnknown(t, "repurchase", m.Store.RepurchaseRate)
		expectUnknown(t, "service", m.Store.ServiceScore)
		expectUnknown(t, "good", m.Store.GoodRate)
		expectUnknown(t, "on time", m.Store.OnTimeRate)
	}
	// tpYear as a numeric string is read; 1 is a valid first-year value.
	m := Parse(Snapshot{Responses: []Response{{Body: `{"api":"mtop.1688.moga.pc.shopcard","data":{"model":{"tpYear":"1"}}}`}}})
	expectInt(t, "age", m.Supplier.StoreAgeYears, 1)
}

// The real store header response (moduleasyncservice, wp_pc_common_header):
// tpYear as "8年", sellerType super_factory, customerStar "4.0分".
func TestStoreHeaderResponse(t *testing.T) {
	m := Parse(Snapshot{
		URL: "https://winport.m.1688.com/page/index.html?memberId=b2b-406915100661872",
		Responses: []Response{{
			URL:  "https://h5api.m.1688.com/h5/mtop.alibaba.alisite.cbu.server.moduleasyncservice/1.0/",
			Body: mustRead(t, fixtureStoreHeader),
		}},
	})
	checkInvariants(t, m)
	if m.Kind != KindStore || !m.Readable {
		t.Fatalf("kind %s readable %v notes %q", m.Kind, m.Readable, m.Notes)
	}
	expectStr(t, "company", m.Supplier.Company, "广州领宸科技有限公司", "store module data.data.companyName")
	expectInt(t, "age", m.Supplier.StoreAgeYears, 8)
	expectFloat(t, "service", m.Store.ServiceScore, 4.0)
	expectStr(t, "shop type", m.Supplier.ShopType, "super_factory", "")
	expectBadges(t, m, map[string]string{"super-factory": `store module data.data.sellerType = "super_factory"`})
	expectText(t, m, "store tag", "ISO 9001认证")
	if len(m.Store.Pairs) != 11 { // 4 businessTags + 7 cardDetail
		t.Errorf("pairs = %v", m.Store.Pairs)
	}

	// The licence response of the same api (data.companyName, data.sellerType).
	m = Parse(Snapshot{URL: "https://wp.m.1688.com/page/businessinfor.html?memberId=b2b-406915100661872",
		Responses: []Response{{Body: mustRead(t, fixtureBusinessInfo)}}})
	checkInvariants(t, m)
	expectStr(t, "company", m.Supplier.Company, "广州领宸科技有限公司", "store module data.companyName")
	expectUnknown(t, "age", m.Supplier.StoreAgeYears)
}
