package page

import (
	"strings"
	"testing"
)

// seedFixtures are the real captures used as fuzz seeds.
var seedFixtures = []string{fixtureG2Slsj, fixtureG2Default, fixtureG3, fixtureMobile, fixtureMtopSKU,
	fixtureMtopPubSKU, fixtureShopcard, fixtureStoreHeader, fixtureBusinessInfo}

// FuzzParse feeds arbitrary text as a page script, a response body and a
// DOM fragment. parse (without Parse's recover) must never panic and the
// model must keep its invariants. Seeds: every real fixture, wrapped the
// way pages carry it, plus small hostile shapes.
func FuzzParse(f *testing.F) {
	for _, name := range seedFixtures {
		s := mustRead(f, name)
		switch name {
		case fixtureG2Slsj, fixtureG2Default:
			f.Add("https://detail.1688.com/offer/597090034012.html", wrapInitData(s), "", "")
		case fixtureMobile:
			f.Add("https://m.1688.com/offer/813724060928.html", wrapInitData(s), "", "入驻3年")
		case fixtureG3:
			f.Add("https://detail.1688.com/offer/943009939489.html", s, "", "")
		default:
			f.Add("https://shop1.1688.com/", "", s, "")
			f.Add("https://shop1.1688.com/", "", "mtopjsonp1("+s+")", "")
		}
	}
	f.Add("", `window.context=(function(b,d){})(window.contextPath,{"result":{"data":{"shippingServices":{"fields":{"freightInfo":{"$ref":"$.result.data.shippingServices.fields.freightInfo"}}}}}})`, "", "")
	f.Add("", `window.__INIT_DATA={"globalData":{"tempModel":{"offerId":1e400}},"data":{"1":{"data":{"propsList":[{"name":1}]}}}}`, `{"ret":"FAIL","api":"mtop.1688.moga.pc.shopcard"}`, "诚信通99年")
	f.Add("https://x.1688.com/", "window.pageData={1:{2:[3,{4:'5'}]}}", "cb({\"data\":{\"model\":{\"tpYear\":\"3年\"}}})", "")
	// Store pages: the real page texts (one label per line and one line),
	// the tpdocument bodies and the licence response.
	for _, tc := range []struct{ url, fixture string }{
		{urlLCLicence, fixtureLicenceText},
		{urlLCCredit, fixtureCreditText},
		{urlLCContact, fixtureContactText},
	} {
		f.Add(tc.url, "", "", mustRead(f, tc.fixture))
	}
	for _, p := range []struct{ url, text string }{
		{"https://ccgame.1688.com/page/index.html", "深圳橙色之城科技有限公司 关注 ·0粉丝 入驻11年 服务分 4.0 主营类目: 数码、电脑 为你推荐 回头率 9%"},
		{"https://sale.1688.com/factory/card.html?memberId=b2b-1634230375", "合作方式 接外贸订单 不支持 为你推荐相似工厂 100%履约率 |98%响应率 |29%回头率 AAA诚信等级"},
		{"https://wp.m.1688.com/page/businessinfor.html?memberId=b2b-1634230375", "主体资质 该信息于2026年03月27日通过中诚信专业认证 公司名称 深圳橙色之城科技有限公司 注册资本 10万元 成立日期 2013-02-21 年报时间 2026"},
		{"https://ccgame.1688.com/page/contactinfo.html", "深圳橙色之城科技有限公司 电话：暂无 地址：暂无 技术支持：旺铺管理入口"},
	} {
		f.Add(p.url, "", "", p.text)
	}
	for name, body := range tpDocs(f) {
		f.Add("https://winport.m.1688.com/page/index.html?memberId=b2b-406915100661872", "", body, "tpdocument "+name)
	}
	f.Add("https://wp.m.1688.com/page/businessinfor.html?memberId=b2b-406915100661872", `window.pageData={"components":{"1":{"moduleName":"wp_pc_shop_basic_info","moduleData":{"businessInfo":{"startYear":"Thu May 07 10:06:48 CST 2026"}}}}}`,
		mustRead(f, fixtureBusinessInfo), "2017-09-28")

	f.Fuzz(func(t *testing.T, url, script, body, dom string) {
		s := Snapshot{
			URL:       url,
			Scripts:   []string{script, "window.__INIT_DATA=" + script, "window.context=(function(b,d){})(window.contextPath," + script},
			Responses: []Response{{URL: url, Body: body}, {URL: "https://h5api.m.1688.com/h5/mtop.1688.moga.pc.shopcard/1.0/", Body: body}},
			DOM:       map[string]string{"header": dom, "title": dom, "body": dom, "offerTitles": dom},
			// Remembered facts about "the same" seller, built from the input.
			Remembered: &SupplierFacts{MemberID: "b2b-406915100661872", Company: dom, Founded: dom, LicenceFounded: body,
				BusinessModel: dom, Badges: []string{dom, "super-factory"}, SeenURL: url, SeenAt: dom},
		}
		m := parse(s)
		checkInvariants(t, m)
	})
}

// FuzzScanObject checks the brace scanner on arbitrary text: no panic, and
// a reported object is a prefix that starts and ends with matching
// brackets, with depth within the limit.
func FuzzScanObject(f *testing.F) {
	for _, name := range seedFixtures {
		s := mustRead(f, name)
		f.Add(s, 0)
		if i := strings.IndexByte(s, '{'); i >= 0 {
			f.Add(s, i)
		}
	}
	for _, s := range []string{`{}`, `[]`, `{"a":"}"}`, `{'a':"'"}`, `{"a":"\"}"}`, `{[}]`, `{"a":1`, `\`, `{"\`, `{{{{`, `]`} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, start int) {
		end, depth, ok := scanObject(s, start)
		if !ok {
			return
		}
		if start < 0 || end <= start || end > len(s) {
			t.Fatalf("bad range [%d,%d) of %d", start, end, len(s))
		}
		open, close := s[start], s[end-1]
		if !(open == '{' && close == '}' || open == '[' && close == ']') {
			t.Fatalf("object %q does not match brackets", s[start:end])
		}
		if depth < 1 || depth > maxNesting {
			t.Fatalf("depth %d", depth)
		}
		// Scanning the cut again gives the same object.
		if end2, _, ok2 := scanObject(s[start:end], 0); !ok2 || end2 != end-start {
			t.Fatalf("rescan of %q: %d %v", s[start:end], end2, ok2)
		}
		// quoteBareKeys never breaks balance.
		if _, _, ok3 := scanObject(quoteBareKeys(s[start:end]), 0); !ok3 {
			t.Fatalf("quoteBareKeys unbalanced %q", s[start:end])
		}
	})
}

// FuzzFromHTML: the HTML scanner never panics and keeps its caps.
func FuzzFromHTML(f *testing.F) {
	f.Add("", `<html><title>t</title><script>window.__INIT_DATA={}</script><p>x</p></html>`)
	f.Add("", `<script`)
	f.Add("", `<a href='x`)
	f.Add("", `<!--`)
	f.Add("", `&#xFFFFFFFF;&#55296;&;`)
	f.Add("https://detail.1688.com/offer/1.html", "<script>window.context=(function(b,d){})(window.contextPath,"+mustRead(f, fixtureG3)+"</script>")
	f.Fuzz(func(t *testing.T, url, html string) {
		s := FromHTML(url, []byte(html))
		if len(s.Scripts) > MaxScripts || len(s.DOM["body"]) > MaxDOMBytes {
			t.Fatalf("caps: %d scripts, body %d", len(s.Scripts), len(s.DOM["body"]))
		}
		checkInvariants(t, parse(s))
	})
}

// FuzzDecodeSnapshot: never panics; what it accepts respects the caps.
func FuzzDecodeSnapshot(f *testing.F) {
	f.Add(`{"url":"https://detail.1688.com/offer/1.html","scripts":["a"],"responses":[{"url":"u","body":"b"}],"dom":{"title":"t"}}`)
	f.Add(`{"scripts":[1]}`)
	f.Add(`{"dom":{"a":null}}`)
	f.Add(`{"url":"https://winport.m.1688.com/page/index.html?memberId=b2b-1","remembered":{"memberId":"b2b-1","storeAgeYears":3,"badges":["trustpass"],"seenAt":"2026-01-01T00:00:00Z"}}`)
	f.Add(`{"remembered":{"storeAgeYears":1e9,"badges":[null]}}`)
	f.Fuzz(func(t *testing.T, in string) {
		s, err := DecodeSnapshot([]byte(in))
		if err != nil {
			return
		}
		if len(s.Scripts) > MaxScripts || len(s.Responses) > MaxResponses || len(s.DOM) > MaxDOMFragments || len(s.URL) > MaxURLBytes {
			t.Fatal("caps not applied")
		}
		checkInvariants(t, parse(s))
	})
}
