package page

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// Store data in the 2026 shapes (internal/page/testdata/real/SOURCES.md,
// "Found 2026-12"): DERIVED bodies keep the real field structure with
// replaced values.
const (
	fixtureHeader2026    = "store-header-common-header.sanitized-derivative.json"
	fixtureLicence2026   = "store-licence-basic-info.sanitized-derivative.json"
	fixtureOfferList2026 = "store-offerlist-ordinary-store.sanitized-derivative.json"
	fixtureG3AuthName    = "offer-996518024136.g3-context-trimmed.html"
	moduleURL            = "https://h5api.m.1688.com/h5/mtop.alibaba.alisite.cbu.server.moduleasyncservice/1.0/?jsv=2.7.2&type=jsonp&callback=mtopjsonp4"
	shopHome             = "https://shop1234567890.1688.com/page/index.html"
)

func storeModel(t *testing.T, url string, bodies ...string) Model {
	t.Helper()
	s := Snapshot{URL: url}
	for _, b := range bodies {
		s.Responses = append(s.Responses, Response{URL: moduleURL, Body: b})
	}
	m := Parse(s)
	checkInvariants(t, m)
	return m
}

// The 2026 header: scalars are strings with units.
func TestHeader2026StringsWithUnits(t *testing.T) {
	m := storeModel(t, shopHome, mustRead(t, fixtureHeader2026))
	if !m.Readable {
		t.Fatalf("not readable: %v", m.Notes)
	}
	expectStr(t, "company", m.Supplier.Company, "脱敏五金工具有限公司", "store module data.data.companyName")
	expectInt(t, "tpYear \"4年\"", m.Supplier.StoreAgeYears, 4)
	expectFloat(t, "customerStar \"4.5分\"", m.Store.ServiceScore, 4.5)
	expectFloat(t, "byrRepeatRateText \"31.5%\"", m.Store.RepurchaseRate, 31.5)
	expectBadges(t, m, map[string]string{
		"powerful-factory":   `store module data.data.sellerType = "shili_factory"`,
		"deep-factory-audit": `store module data.data.certInfo.certType = "深度认证"`,
	})
}

// sellerType values and their tiers.
func TestSellerTypeTiers(t *testing.T) {
	for _, c := range []struct{ value, badge string }{
		{"shili_factory", "powerful-factory"},
		{"super_factory", "super-factory"},
		{"ordinary", ""},
	} {
		body := strings.Replace(mustRead(t, fixtureHeader2026), `"sellerType": "shili_factory"`, `"sellerType": "`+c.value+`"`, 1)
		body = strings.Replace(body, `"certType": "深度认证"`, `"certType": "普通"`, 1)
		m := storeModel(t, shopHome, body)
		want := map[string]string{}
		if c.badge != "" {
			want[c.badge] = `store module data.data.sellerType = "` + c.value + `"`
		}
		expectBadges(t, m, want)
	}
}

// The licence body: companyYearStarted and socialCreditCode.
func TestLicence2026Keys(t *testing.T) {
	m := storeModel(t, "https://wp.m.1688.com/page/businessinfor.html?memberId=b2b-sanitized-supplier", mustRead(t, fixtureLicence2026))
	lic := m.Supplier.Licence
	expectStr(t, "licence company", lic.Company, "脱敏工具有限公司", "store module data.businessInfo.companyName")
	expectStr(t, "credit code", lic.CreditCode, "SANITIZED-CREDIT-CODE", "store module data.businessInfo.socialCreditCode")
	if !lic.Founded.Known || !lic.Founded.Value.Equal(time.Date(2024, 5, 27, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))) ||
		lic.Founded.Source != `store module data.businessInfo.companyYearStarted = "2024-05-27"` {
		t.Errorf("founded %+v", lic.Founded)
	}
	if !lic.Scope.Known || !strings.Contains(lic.Scope.Value, "电动工具制造") {
		t.Errorf("scope %+v", lic.Scope)
	}
}

// The store's offer list module, through moduleasyncservice: cards, and
// its titles as the store's own claims.
func TestStoreOfferListModuleTitles(t *testing.T) {
	m := storeModel(t, "https://shop1234567890.1688.com/page/offerlist.html", mustRead(t, fixtureOfferList2026))
	if len(m.Cards) != 1 || m.Cards[0].OfferID != "900000000001" || m.Cards[0].Title != "家用组合工具套装" || !m.Cards[0].Price.Known || m.Cards[0].Price.Value != 19.9 {
		t.Fatalf("cards %+v", m.Cards)
	}
	expectText(t, m, "store offer title", "家用组合工具套装")

	// On an offer page, a store list (a recommendation module) is no claim of this page.
	o := Parse(Snapshot{URL: "https://detail.1688.com/offer/900000000009.html", Responses: []Response{{URL: moduleURL, Body: mustRead(t, fixtureOfferList2026)}}})
	if hasText(o, "store offer title", "家用组合工具套装") {
		t.Error("store offer titles read on an offer page")
	}
}

// pageDataScript is a shop page's window.pageData with the given modules
// (composed around the DERIVED module bodies: no real pageData sample).
func pageDataScript(t *testing.T, modules map[string]any) string {
	comps := map[string]any{}
	i := 0
	for name, data := range modules {
		i++
		comps[strings.Repeat("1", i)] = map[string]any{"moduleName": name, "moduleData": data}
	}
	b, err := json.Marshal(map[string]any{"components": comps})
	if err != nil {
		t.Fatal(err)
	}
	return "window.pageData=" + string(b) + ";"
}

func moduleData(t *testing.T, name, path string) any {
	var v map[string]any
	if err := json.Unmarshal([]byte(mustRead(t, name)), &v); err != nil {
		t.Fatal(err)
	}
	for _, k := range strings.Split(path, ".") {
		v = v[k].(map[string]any)
	}
	return v
}

// The offer list module in pageData (moduleName Wp_pc_common_offerlist).
func TestStoreOfferListInPageData(t *testing.T) {
	list := moduleData(t, fixtureOfferList2026, "data")
	list.(map[string]any)["content"].(map[string]any)["offerList"] = append(
		list.(map[string]any)["content"].(map[string]any)["offerList"].([]any),
		map[string]any{"id": "900000000002", "subject": "源头工厂直销 组合工具箱", "offerPrice": "25.00"})
	sc := pageDataScript(t, map[string]any{
		"wp_pc_common_header":    moduleData(t, fixtureHeader2026, "data.data"),
		"Wp_pc_common_offerlist": list,
	})
	m := Parse(Snapshot{URL: shopHome, Scripts: []string{sc}, DOM: map[string]string{"offerTitles": "家用组合工具套装"}})
	checkInvariants(t, m)
	if len(m.Cards) != 2 {
		t.Fatalf("cards %+v", m.Cards)
	}
	expectText(t, m, "store offer title", "源头工厂直销 组合工具箱")
	n := 0
	for _, x := range m.Texts {
		if x.Text == "家用组合工具套装" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("a title in the DOM and the module is %d texts, want 1", n)
	}
}

// G3 shopInfo.authCompanyName "广州衣秀缘服饰商行(个人独资)" next to companyName
// "广州衣秀缘服饰商行" (REAL-TRIMMED capture of offer 996518024136): the
// licence holder, read as such.
func TestG3AuthCompanyName(t *testing.T) {
	m := Parse(FromHTML("", []byte(mustRead(t, fixtureG3AuthName))))
	checkInvariants(t, m)
	expectStr(t, "company", m.Supplier.Company, "广州衣秀缘服饰商行", "g3 result.data.productTitle.fields.shopInfo.companyName")
	expectStr(t, "licence company", m.Supplier.Licence.Company, "广州衣秀缘服饰商行(个人独资)", "g3 result.data.productTitle.fields.shopInfo.authCompanyName")
	expectFloat(t, "byrRepeatRate3m", m.Store.RepurchaseRate, 39.28)
}
