package page

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

// URLs of the 406915100661872 store. The captures do not record the page
// addresses: the licence and mobile-home forms are the documented ones
// (doc §1; the header's commonUrl.shopUrl is the mobile home), the shop
// host of the credit and contact pages is COMPOSED.
const (
	urlLC         = "https://winport.m.1688.com/page/index.html?memberId=b2b-406915100661872"
	urlLCLicence  = "https://wp.m.1688.com/page/businessinfor.html?memberId=b2b-406915100661872&bizCode=winport"
	urlLCCredit   = "https://shop0000000000000.1688.com/page/creditdetail.htm" // composed host
	urlLCContact  = "https://shop0000000000000.1688.com/page/contactinfo.htm"  // composed host
	memberLC      = "b2b-406915100661872"
	companyLC     = "广州领宸科技有限公司"
	apiModuleURL  = "https://h5api.m.1688.com/h5/mtop.alibaba.alisite.cbu.server.moduleasyncservice/1.0/?jsv=2.7.2&appKey=12574478&api=mtop.alibaba.alisite.cbu.server.moduleasyncservice&type=jsonp"
	companyCC     = "深圳橙色之城科技有限公司"
	memberCC      = "b2b-1634230375"
	memberG2Slsj  = "b2b-29266662898cf9d"
	companyG2Slsj = "广州欧博化妆品有限公司"
)

func expectDate(t *testing.T, what string, f Field[time.Time], want string) {
	t.Helper()
	if !f.Known || formatDate(f.Value) != want {
		t.Errorf("%s = %v (known %v, source %q), want %s", what, f.Value, f.Known, f.Source, want)
	}
}

func expectBool(t *testing.T, what string, f Field[bool], want bool) {
	t.Helper()
	if !f.Known || f.Value != want {
		t.Errorf("%s = %v (known %v), want %v", what, f.Value, f.Known, want)
	}
}

func expectSourceHas(t *testing.T, what, src, sub string) {
	t.Helper()
	if !strings.Contains(src, sub) {
		t.Errorf("%s source %q does not contain %q", what, src, sub)
	}
}

// realStorePages reads the five real page texts of 深圳橙色之城科技有限公司.
func realStorePages(t *testing.T) map[string]struct{ URL, Title, Text string } {
	t.Helper()
	var capture struct {
		Pages []struct {
			PageType string `json:"page_type"`
			URL      string `json:"url"`
			Title    string `json:"title"`
			Text     string `json:"text"`
		} `json:"pages"`
	}
	if err := json.Unmarshal([]byte(mustRead(t, fixtureStoreTexts)), &capture); err != nil {
		t.Fatal(err)
	}
	out := map[string]struct{ URL, Title, Text string }{}
	for _, p := range capture.Pages {
		out[p.PageType] = struct{ URL, Title, Text string }{p.URL, p.Title, p.Text}
	}
	if len(out) != 5 {
		t.Fatalf("%d pages", len(out))
	}
	return out
}

// tpDocs reads the four real tpdocument bodies, by name.
func tpDocs(t testing.TB) map[string]string {
	t.Helper()
	var docs map[string]string
	if err := json.Unmarshal([]byte(mustRead(t, fixtureTPDocs)), &docs); err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestStorePageKinds(t *testing.T) {
	for _, tc := range []struct {
		url, page, member string
	}{
		{"https://shop1467652076311.1688.com", StoreHome, ""},
		{"https://shop1467652076311.1688.com/", StoreHome, ""},
		{"https://shop1467652076311.1688.com/page/index.htm", StoreHome, ""},
		{"https://ccgame.1688.com/page/index.html", StoreHome, ""},
		{"https://shop1467652076311.1688.com/page/offerlist.htm?sortType=timedown", StoreOfferList, ""},
		{"https://shop3e67986509770.1688.com/page/creditdetail.htm", StoreCredit, ""},
		{"https://ccgame.1688.com/page/creditdetail.html", StoreCredit, ""},
		{"https://ccgame.1688.com/page/contactinfo.html", StoreContact, ""},
		{"https://wwm16888.1688.com/page/contactinfo.htm", StoreContact, ""},
		{"https://shop3e67986509770.1688.com/page/albumlist.htm", "", ""},
		{"https://shop3e67986509770.1688.com/page/creditdetail_remark.htm", "", ""},
		{"https://wp.m.1688.com/page/businessinfor.html?memberId=b2b-1634230375&bizCode=winport", StoreLicence, memberCC},
		{"https://sale.1688.com/factory/card.html?memberId=b2b-1634230375&__recSource__=win_port&facMemId=b2b-1634230375", StoreFactoryCard, memberCC},
		{"https://sale.1688.com/factory/card.html?facMemId=b2b-1634230375", StoreFactoryCard, memberCC},
		{"https://winport.m.1688.com/page/index.html?memberId=b2b-29266662898cf9d", StoreHome, memberG2Slsj},
		{"https://m.1688.com/winport/b2b-22175540303633d894.html", StoreHome, "b2b-22175540303633d894"},
		{"https://winport.m.1688.com/page/index.html?memberId=not-a-member", StoreHome, ""},
		{"https://winport.m.1688.com/page/index.html?memberId=b2b-1%3Cscript%3E", StoreHome, ""},
	} {
		m := Parse(Snapshot{URL: tc.url})
		checkInvariants(t, m)
		if m.Kind != KindStore || m.StorePage != tc.page {
			t.Errorf("%s: kind %s page %q, want store %q", tc.url, m.Kind, m.StorePage, tc.page)
		}
		if tc.member == "" {
			expectUnknown(t, tc.url+" member", m.Supplier.MemberID)
		} else {
			expectStr(t, tc.url+" member", m.Supplier.MemberID, tc.member, "page address memberId")
		}
		if m.Readable {
			t.Errorf("%s: readable from the address alone", tc.url)
		}
	}
	for _, u := range []string{"https://detail.1688.com/offer/1.html?memberId=b2b-1", "https://s.1688.com/?memberId=b2b-1"} {
		m := Parse(Snapshot{URL: u})
		if m.StorePage != "" || m.Supplier.MemberID.Known {
			t.Errorf("%s: page %q member %v", u, m.StorePage, m.Supplier.MemberID)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2017-09-28", "2017-09-28T00:00:00+08:00"},
		{"2017/9/8", "2017-09-08T00:00:00+08:00"},
		{"2017.09.28", "2017-09-28T00:00:00+08:00"},
		{"2017-09-28 10:06:48", "2017-09-28T10:06:48+08:00"},
		{"2017.09", "2017-09-01T00:00:00+08:00"},
		{"2017-09", "2017-09-01T00:00:00+08:00"},
		{"2017年09月28日", "2017-09-28T00:00:00+08:00"},
		{"2026年3月27日", "2026-03-27T00:00:00+08:00"},
		{"2017年9月", "2017-09-01T00:00:00+08:00"},
		// Java Date.toString(): CST on 1688 servers is China time (doc §3b).
		{"Thu May 07 10:06:48 CST 2026", "2026-05-07T10:06:48+08:00"},
		{"Thu May 07 02:06:48 GMT 2026", "2026-05-07T10:06:48+08:00"}, // the same instant, in China time
		{"Thu May 07 02:06:48 GMT+0800 2026", "2026-05-07T02:06:48+08:00"},
		{"Thu May 07 02:06:48 GMT+08:00 2026", "2026-05-07T02:06:48+08:00"},
		// Epoch milliseconds, as digit strings (numbers: TestDateOf).
		{"1755501815000", "2025-08-18T15:23:35+08:00"},
		{"1506528000000", "2017-09-28T00:00:00+08:00"},
		{" 2017-09-28 ", "2017-09-28T00:00:00+08:00"},
	} {
		got, ok := parseDate(tc.in)
		if !ok || got.Format(time.RFC3339) != tc.want {
			t.Errorf("parseDate(%q) = %v %v, want %s", tc.in, got.Format(time.RFC3339), ok, tc.want)
		}
	}
	for _, in := range []string{"", "-", "暂无", "2017-02-30", "2017-13-01", "2017-00", "1800-01-01", "2300-01-01",
		"0", "1755501815", "17555018150000000", "Thu May 07 10:06:48 PST 2026", "Thu Foo 07 10:06:48 CST 2026",
		"Thu May 32 10:06:48 CST 2026", "2017-09-28至今", "２０１７-09-28", "2017-09-28 25:00"} {
		if got, ok := parseDate(in); ok {
			t.Errorf("parseDate(%q) = %v, want rejected", in, got)
		}
	}
}

func TestDateOf(t *testing.T) {
	m := Parse(Snapshot{URL: urlLCLicence, Responses: []Response{{Body: `{"api":"mtop.alibaba.alisite.cbu.server.moduleasyncservice","data":{"companyName":"X有限公司","businessInfo":{
	  "startYear":1506528000000,"authPassDate":"Thu May 07 10:06:48 CST 2026","companyYearStarted":"-"}}}`}}})
	checkInvariants(t, m)
	expectDate(t, "licence founded from epoch ms number", m.Supplier.Licence.Founded, "2017-09-28")
	expectSourceHas(t, "founded", m.Supplier.Licence.Founded.Source, `startYear = "1506528000000"`)
	expectDate(t, "verified at from Java date text", m.Supplier.Licence.VerifiedAt, "2026-05-07")
	if got := m.Supplier.Licence.VerifiedAt.Value.Format(time.RFC3339); got != "2026-05-07T10:06:48+08:00" {
		t.Errorf("verified at %s", got)
	}
	for _, bad := range []string{`1.5e12`, `-1`, `0`, `true`, `"abc"`, `{}`} {
		m := Parse(Snapshot{Responses: []Response{{Body: `{"api":"x.moduleasyncservice","data":{"businessInfo":{"startYear":` + bad + `}}}`}}})
		checkInvariants(t, m)
		expectUnknown(t, "founded "+bad, m.Supplier.Licence.Founded)
	}
}

// The real header module response (wp_pc_common_header, 406915100661872).
func TestStoreHeaderFields(t *testing.T) {
	m := Parse(Snapshot{URL: urlLC, Responses: []Response{{URL: apiModuleURL, Body: mustRead(t, fixtureStoreHeader)}}})
	checkInvariants(t, m)
	if !m.Readable || m.StorePage != StoreHome {
		t.Fatalf("readable %v page %q notes %q", m.Readable, m.StorePage, m.Notes)
	}
	sup := m.Supplier
	const src = "store module data.data."
	expectStr(t, "member", sup.MemberID, memberLC, "page address memberId")
	expectInt(t, "age", sup.StoreAgeYears, 8)
	expectDate(t, "founded (month only: the 1st)", sup.Founded, "2017-09-01")
	expectSourceHas(t, "founded", sup.Founded.Source, src+`establishedYear = "2017.09"`)
	expectStr(t, "main category", sup.MainCategory, "运动户外", src+"mainCate")
	expectStr(t, "address", sup.Address, "广东省广州市番禺区测试路1号", src+"addr.entAddress")
	expectStr(t, "factory area", sup.FactoryArea, "6600m²", src+"cardDetail[acreage].info")
	expectStr(t, "employees", sup.Employees, "27人", src+"cardDetail[worker_num].info")
	expectStr(t, "winport", sup.WinportURL, "https://winport.m.1688.com/page/index.html?memberId=b2b-406915100661872", src+"commonUrl.shopUrl")
	// GUESS: the factory tag 支持外贸订单 means export orders are taken.
	expectBool(t, "export", sup.ExportSupport, true)
	expectUnknown(t, "business model (no bizTypeName here)", sup.BusinessModel)
	expectBadges(t, m, map[string]string{"super-factory": src + `sellerType = "super_factory"`})
	wantStars := []Attribute{{"售后体验", "3.3"}, {"商品体验", "3.7"}, {"物流体验", "3.0"}, {"咨询体验", "4.0"}}
	if !reflect.DeepEqual(m.Store.ServiceStars, wantStars) {
		t.Errorf("service stars %v", m.Store.ServiceStars)
	}
	expectText(t, m, "certificate", "sgs 编号:CANWT00473363")
	expectText(t, m, "store name", companyLC)
	expectUnknown(t, "licence company", sup.Licence.Company)
}

// Composed from the field names of doc §3b (no real body seen): the async
// header with bizTypeName, retentionRate and lindormDataModel.serviceStarList.
func TestStoreHeaderAsyncFields(t *testing.T) {
	body := `mtopjsonp2({"api":"mtop.alibaba.alisite.cbu.server.pc.moduleasyncservice","ret":["SUCCESS::调用成功"],"data":{"data":{
	  "memberId":"b2b-29266662898cf9d","companyName":"某某工厂","tpYear":3,"bizTypeName":"生产加工","address":"浙江省义乌市",
	  "retentionRate":0.42,"isShiliFactory":true,
	  "lindormDataModel":{"serviceStarList":[{"serviceKey":"rdf_group_value_new","score":"4.5"},{"serviceKey":"dspt_group_value","score":3},
	    {"serviceKey":"new_key","score":"5.0"},{"serviceKey":"goods_group_value"}]},
	  "certInfo":{"certType":"深度认证","certNum":"编号:123"}}}})`
	m := Parse(Snapshot{URL: "https://winport.m.1688.com/page/index.html?memberId=b2b-29266662898cf9d", Responses: []Response{{Body: body}}})
	checkInvariants(t, m)
	const src = "store module data.data."
	expectStr(t, "business type", m.Supplier.BusinessType, "生产加工", src+"bizTypeName")
	expectStr(t, "business model", m.Supplier.BusinessModel, "生产加工", src+"bizTypeName")
	expectStr(t, "address", m.Supplier.Address, "浙江省义乌市", src+"address")
	expectFloat(t, "repurchase", m.Store.RepurchaseRate, 42)
	wantStars := []Attribute{{"售后体验", "4.5"}, {"纠纷解决", "3"}, {"new_key", "5.0"}}
	if !reflect.DeepEqual(m.Store.ServiceStars, wantStars) {
		t.Errorf("service stars %v", m.Store.ServiceStars)
	}
	expectBadges(t, m, map[string]string{
		"powerful-factory":   src + "isShiliFactory = true",
		"deep-factory-audit": src + `certInfo.certType = "深度认证"`, // GUESS mapping
	})

	// The same response on another member's store page is stale: ignored.
	m = Parse(Snapshot{URL: urlLC, Responses: []Response{{Body: body}}})
	checkInvariants(t, m)
	expectUnknown(t, "company", m.Supplier.Company)
	expectNote(t, m, "is for member b2b-29266662898cf9d but the page address is member b2b-406915100661872: ignored")
	if m.Readable || len(m.Supplier.Badges) != 0 {
		t.Errorf("readable %v badges %v", m.Readable, m.Supplier.Badges)
	}
}

// __STORE_DATA components are read by moduleName when they carry one
// (COMPOSED: no real sample, doc §2a / §3a).
func TestStoreDataModuleName(t *testing.T) {
	sd := `window.__STORE_DATA={"components":{
	  "1":{"moduleName":"wp_pc_offerlist","moduleData":{"companyName":"推荐公司","tpYear":20}},
	  "2":{"moduleName":"wp_pc_common_header","moduleData":{"companyName":"X有限公司","tpYear":4,"establishedYear":"2019.03"}}}};`
	m := Parse(Snapshot{URL: "https://shopabc123.1688.com/page/index.htm", Scripts: []string{sd}})
	checkInvariants(t, m)
	expectStr(t, "company", m.Supplier.Company, "X有限公司", "__STORE_DATA components.2.moduleData.companyName")
	expectInt(t, "age", m.Supplier.StoreAgeYears, 4)
	expectDate(t, "founded", m.Supplier.Founded, "2019-03-01")
	// Offer titles and slogans are not read for the store age.
	m = Parse(Snapshot{URL: "https://shopabc123.1688.com/", DOM: map[string]string{"offerTitles": "入驻10年老店 清仓", "slogan": "诚信通20年"}})
	expectUnknown(t, "age from titles", m.Supplier.StoreAgeYears)
}

// The real licence response (businessinfo, 406915100661872).
func TestBusinessInfoResponse(t *testing.T) {
	m := Parse(Snapshot{URL: urlLCLicence, Responses: []Response{{URL: apiModuleURL, Body: mustRead(t, fixtureBusinessInfo)}}})
	checkInvariants(t, m)
	if !m.Readable || m.StorePage != StoreLicence {
		t.Fatalf("readable %v page %q notes %q", m.Readable, m.StorePage, m.Notes)
	}
	lic := m.Supplier.Licence
	const src = "store module data.businessInfo."
	expectStr(t, "company", lic.Company, companyLC, src+"companyName")
	expectStr(t, "credit code", lic.CreditCode, "91440101MA5A3ERG2F", src+"socialCreditCode")
	expectStr(t, "reg number", lic.RegNumber, "91440101MA5A3ERG2F", src+"regCode")
	// "500" is shown as 500万元 on the licence page: the unit is assumed and said so.
	expectStr(t, "capital", lic.RegCapital, "500万元", src+`regCapital = "500" (unit 万元 assumed)`)
	expectStr(t, "legal rep", lic.LegalRep, "李刚", src+"companyPrincipal")
	expectStr(t, "type", lic.CompanyType, "有限责任公司(自然人投资或控股)", src+"legalStatus")
	expectStr(t, "authority", lic.RegAuthority, "广州市番禺区市场监督管理局", src+"regOrgan")
	expectStr(t, "scope", lic.Scope, "游艺用品制造;经营投币夹公仔机;货物进出口;", src+"companyBusinessLine")
	expectStr(t, "address", lic.Address, "广东省广州市番禺区测试路1号", src+"companyAddress")
	expectStr(t, "annual report", lic.AnnualReport, "2025", src+"checkYear")
	expectDate(t, "licence founded", lic.Founded, "2017-09-28")
	expectSourceHas(t, "licence founded", lic.Founded.Source, `companyYearStarted = "2017-09-28"`)
	expectStr(t, "verified by", lic.VerifiedBy, "联信", src+"authProviderName")
	expectDate(t, "verified at", lic.VerifiedAt, "2025-08-18")
	expectUnknown(t, "term (not in the response)", lic.Term)
	sup := m.Supplier
	expectStr(t, "member", sup.MemberID, memberLC, "page address memberId")
	expectStr(t, "supplier company", sup.Company, companyLC, "store module data.companyName")
	expectDate(t, "store founded (fundDate)", sup.Founded, "2017-09-28")
	expectSourceHas(t, "store founded", sup.Founded.Source, `fundDate = "2017年09月28日"`)
	expectStr(t, "main category", sup.MainCategory, "运动户外", "store module data.businessLine")
	expectBadges(t, m, map[string]string{"super-factory": `store module data.sellerType = "super_factory"`})
	expectText(t, m, "main products", "电玩游戏机、游乐场设备、游戏机及配件")
	expectText(t, m, "licence scope", "游艺用品制造;经营投币夹公仔机;货物进出口;")

	// On another member's page the response is ignored.
	m = Parse(Snapshot{URL: "https://wp.m.1688.com/page/businessinfor.html?memberId=b2b-1634230375",
		Responses: []Response{{Body: mustRead(t, fixtureBusinessInfo)}}})
	checkInvariants(t, m)
	expectUnknown(t, "licence company", m.Supplier.Licence.Company)
	expectNote(t, m, "store module data is for member b2b-406915100661872 but the page address is member b2b-1634230375")

	// The same data as a pageData module (wp_pc_shop_basic_info; COMPOSED
	// from the response: no real pageData sample).
	var resp struct {
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal([]byte(mustRead(t, fixtureBusinessInfo)), &resp); err != nil {
		t.Fatal(err)
	}
	script := `window.pageData={"components":{"77":{"moduleName":"wp_pc_shop_basic_info","moduleData":` + string(resp.Data) + `}}};`
	m = Parse(Snapshot{URL: urlLCLicence, Scripts: []string{script}})
	checkInvariants(t, m)
	expectStr(t, "pageData licence code", m.Supplier.Licence.CreditCode, "91440101MA5A3ERG2F", "pageData components.77.moduleData.businessInfo.socialCreditCode")
	if !m.Readable {
		t.Error("not readable")
	}
}

// The four real tpdocument bodies: certificate, regchanges, credit, and a
// failed patent (UNKNOWN_FAIL_CODE).
func TestTPDocuments(t *testing.T) {
	docs := tpDocs(t)
	var resps []Response
	for _, name := range []string{"certificate", "regchanges", "credit", "patent"} {
		resps = append(resps, Response{Body: docs[name]})
	}
	m := Parse(Snapshot{URL: urlLC, Responses: resps})
	checkInvariants(t, m)
	sup := m.Supplier
	expectStr(t, "credit level", sup.CreditLevel, "AA", "tpdocument credit data.data.aliAuth.creditLevel")
	expectStr(t, "credit code", sup.Licence.CreditCode, "91440101MA5A3ERG2F", "tpdocument regchanges data.data.socialCreditCode")
	if !reflect.DeepEqual(sup.Certificates, []string{"营业执照"}) {
		t.Errorf("certificates %q", sup.Certificates)
	}
	expectText(t, m, "certificate", "营业执照")
	for _, tag := range []string{"多产业布局", "拥有外观设计专利", "拥有实用新型专利", "TOP20%商家"} {
		expectText(t, m, "credit tag", tag)
	}
	expectNote(t, m, "tpdocument patent response failed: UNKNOWN_FAIL_CODE")
	// Without the company the page is not readable (nothing names the seller).
	if m.Readable {
		t.Error("readable without a company")
	}

	// api only in the request URL; a body with SUCCESS but an error code.
	m = Parse(Snapshot{URL: urlLC, Responses: []Response{{
		URL:  "https://h5api.m.1688.com/h5/mtop.com.alibaba.business.query.tpdocument.credit/1.0/?type=jsonp",
		Body: `mtopjsonp3({"ret":["SUCCESS::调用成功"],"data":{"code":"407","errMsg":"业务处理出错","data":{"aliAuth":{"creditLevel":"AAA"}}}})`,
	}}})
	checkInvariants(t, m)
	expectUnknown(t, "credit level", m.Supplier.CreditLevel)
	expectNote(t, m, "tpdocument credit response failed: code 407 业务处理出错")
}

func parseText(t *testing.T, url, name, text string) Model {
	t.Helper()
	m := Parse(Snapshot{URL: url, DOM: map[string]string{name: text}})
	checkInvariants(t, m)
	return m
}

// The three real page texts of 406915100661872: one label per line.
func TestStoreTextsOneLabelPerLine(t *testing.T) {
	t.Run("licence", func(t *testing.T) {
		text := mustRead(t, fixtureLicenceText)
		for _, layout := range []struct{ name, text string }{
			{"lines", text},
			{"one line", strings.Join(strings.Fields(text), " ")}, // the same text in the other layout
		} {
			m := parseText(t, urlLCLicence, "body", layout.text)
			lic := m.Supplier.Licence
			const src = "DOM body: licence "
			expectStr(t, layout.name+" company", lic.Company, companyLC, src+"公司名称")
			expectStr(t, "capital", lic.RegCapital, "500万元", src+"注册资本")
			expectStr(t, "credit code", lic.CreditCode, "91440101MA5A3ERG2F", src+"统一社会信用代码")
			expectStr(t, "reg number", lic.RegNumber, "91440101MA5A3ERG2F", src+"注册号")
			expectStr(t, "authority", lic.RegAuthority, "广州市番禺区市场监督管理局", "")
			expectStr(t, "term", lic.Term, "2017-09-28 至 至今", src+"营业期限")
			expectStr(t, "scope", lic.Scope, "游艺用品制造;经营投币夹公仔机;货物进出口;", "")
			expectStr(t, "address", lic.Address, "广东省广州市番禺区测试路1号", "")
			expectStr(t, "legal rep", lic.LegalRep, "李刚", "")
			expectStr(t, "type", lic.CompanyType, "有限责任公司(自然人投资或控股)", "")
			expectStr(t, "annual report", lic.AnnualReport, "2025", "")
			expectDate(t, "licence founded", lic.Founded, "2017-09-28")
			expectUnknown(t, "verified (not on this page)", lic.VerifiedBy)
			// 成立日期 on a licence is the licence's, not a store claim.
			expectUnknown(t, "store founded", m.Supplier.Founded)
			expectStr(t, "supplier company", m.Supplier.Company, companyLC, src+"公司名称")
			if !m.Readable || m.StorePage != StoreLicence {
				t.Errorf("readable %v page %q", m.Readable, m.StorePage)
			}
		}
	})
	t.Run("credit", func(t *testing.T) {
		m := parseText(t, urlLCCredit, "body", mustRead(t, fixtureCreditText))
		st, sup := m.Store, m.Supplier
		expectFloat(t, "repurchase", st.RepurchaseRate, 14)
		if st.RepurchaseRate.Source != `DOM body: "回头率 14%"` {
			t.Errorf("repurchase source %q", st.RepurchaseRate.Source)
		}
		expectFloat(t, "dispute", st.DisputeRate, 0)
		expectFloat(t, "quality return", st.QualityReturnRate, 0)
		expectFloat(t, "pickup", st.Pickup48hRate, 0)
		expectFloat(t, "fulfil", st.Fulfil48hRate, 0)
		expectFloat(t, "response", st.Response3mRate, 93.05)
		expectInt(t, "paid orders", st.PaidOrders30d, 0)
		expectStr(t, "business model", sup.BusinessModel, "生产型", `DOM body: "经营模式 生产型"`)
		expectDate(t, "store founded", sup.Founded, "2017-09-28")
		expectStr(t, "factory area", sup.FactoryArea, "3100m²", "")
		expectStr(t, "employees", sup.Employees, "27人", "")
		expectStr(t, "main category", sup.MainCategory, "运动户外", "")
		expectStr(t, "company", sup.Company, companyLC, `DOM body: start of text "广州领宸科技有限公司"`)
		expectUnknown(t, "service (not on the page)", st.ServiceScore)
		expectUnknown(t, "age (not on the page)", sup.StoreAgeYears)
		if !m.Readable || m.StorePage != StoreCredit {
			t.Errorf("readable %v page %q", m.Readable, m.StorePage)
		}
	})
	t.Run("contact", func(t *testing.T) {
		m := parseText(t, urlLCContact, "body", mustRead(t, fixtureContactText))
		expectStr(t, "address", m.Supplier.Address, "广东省广州市番禺区测试路1号", `DOM body: "地址：广东省广州市番禺区测试路1号"`)
		expectStr(t, "company", m.Supplier.Company, companyLC, "")
		if m.Readable {
			t.Error("a contact page alone (company and address) is not a readable store model")
		}
	})
}

// The five real page texts of 深圳橙色之城科技有限公司: all on one line.
func TestStoreTextsOneLine(t *testing.T) {
	pages := realStorePages(t)
	read := func(kind string) Model {
		p := pages[kind]
		m := Parse(Snapshot{URL: p.URL, DOM: map[string]string{"title": p.Title, "body": p.Text}})
		checkInvariants(t, m)
		return m
	}
	t.Run("shop", func(t *testing.T) {
		m := read("shop")
		expectInt(t, "age", m.Supplier.StoreAgeYears, 11)
		expectFloat(t, "service", m.Store.ServiceScore, 4.0)
		expectStr(t, "main category", m.Supplier.MainCategory, "数码、电脑", "")
		expectStr(t, "company", m.Supplier.Company, companyCC, `DOM body: start of text "深圳橙色之城科技有限公司"`)
		// The footer's 地址 is not read off a shop page, only the contact page's.
		expectUnknown(t, "address", m.Supplier.Address)
		if !m.Readable || m.StorePage != StoreHome {
			t.Errorf("readable %v page %q", m.Readable, m.StorePage)
		}
	})
	t.Run("credit", func(t *testing.T) {
		m := read("credit_detail")
		sup := m.Supplier
		expectInt(t, "age", sup.StoreAgeYears, 11)
		expectFloat(t, "service", m.Store.ServiceScore, 4.0)
		expectStr(t, "capital", sup.Licence.RegCapital, "10.0万人民币", `DOM body: "注册资金 10.0万人民币"`)
		expectStr(t, "business model", sup.BusinessModel, "生产厂家", `DOM body: "经营模式 生产厂家"`)
		expectStr(t, "employees", sup.Employees, "51 - 100 人", "")
		expectStr(t, "factory area", sup.FactoryArea, "12800m²", "")
		expectStr(t, "credit level", sup.CreditLevel, "BBB", `DOM body: "诚信通体系 BBB"`)
		expectUnknown(t, "repurchase (not shown)", m.Store.RepurchaseRate)
		if m.StorePage != StoreCredit || !m.Readable {
			t.Errorf("page %q readable %v", m.StorePage, m.Readable)
		}
	})
	t.Run("factory card", func(t *testing.T) {
		p := pages["factory_archive"]
		// The recommended factories below the card carry their own rates.
		if !strings.Contains(p.Text, "29%回头率") || !strings.Contains(p.Text, "回头率 三钻工厂") {
			t.Fatal("fixture changed")
		}
		m := read("factory_archive")
		expectBool(t, "export", m.Supplier.ExportSupport, false)
		expectSourceHas(t, "export", m.Supplier.ExportSupport.Source, "接外贸订单 不支持")
		for what, f := range map[string]Field[float64]{"repurchase": m.Store.RepurchaseRate, "fulfil": m.Store.Fulfil48hRate,
			"response": m.Store.Response3mRate} {
			expectUnknown(t, what+" (other companies' figures)", f)
		}
		expectUnknown(t, "credit level (other companies' AAA)", m.Supplier.CreditLevel)
		expectUnknown(t, "main category (主营: is empty)", m.Supplier.MainCategory)
		expectStr(t, "member", m.Supplier.MemberID, memberCC, "page address memberId")
		expectStr(t, "company", m.Supplier.Company, companyCC, `DOM title: "深圳橙色之城科技有限公司-企业信息查询黄页-阿里巴巴"`)
		if m.StorePage != StoreFactoryCard {
			t.Errorf("page %q", m.StorePage)
		}
	})
	t.Run("contact", func(t *testing.T) {
		m := read("contact_info")
		// 暂无 (none given) is kept raw: rules can say the address is withheld.
		expectStr(t, "address", m.Supplier.Address, "暂无", `DOM body: "地址：暂无"`)
		expectStr(t, "company", m.Supplier.Company, companyCC, "")
		expectInt(t, "age", m.Supplier.StoreAgeYears, 11)
	})
	t.Run("licence", func(t *testing.T) {
		m := read("business_info")
		lic := m.Supplier.Licence
		expectStr(t, "company", lic.Company, companyCC, "DOM body: licence 公司名称")
		expectStr(t, "credit code", lic.CreditCode, "91440300062709904R", "")
		expectStr(t, "reg number", lic.RegNumber, "91440300062709904R", "")
		expectStr(t, "capital", lic.RegCapital, "10万元", "DOM body: licence 注册资本")
		expectStr(t, "authority", lic.RegAuthority, "龙岗局", "")
		expectStr(t, "term", lic.Term, "2013-02-21 至 至今", "")
		expectStr(t, "address", lic.Address, "广东虎门", "")
		expectStr(t, "legal rep", lic.LegalRep, "刘坤妮", "")
		expectStr(t, "type", lic.CompanyType, "有限责任公司", "")
		expectStr(t, "annual report", lic.AnnualReport, "2026", "")
		if !strings.HasPrefix(lic.Scope.Value, "一般经营项目:电子产品") || !strings.HasSuffix(lic.Scope.Value, "（法律、行政法规、国务院决定规定在登记前须经批准的项目除外）") {
			t.Errorf("scope %q", lic.Scope.Value)
		}
		expectDate(t, "founded", lic.Founded, "2013-02-21")
		expectStr(t, "verified by", lic.VerifiedBy, "中诚信", `DOM body: "该信息于2026年03月27日通过中诚信专业认证"`)
		expectDate(t, "verified at", lic.VerifiedAt, "2026-03-27")
		expectUnknown(t, "store founded", m.Supplier.Founded)
		expectStr(t, "member", m.Supplier.MemberID, memberCC, "")
		expectStr(t, "company", m.Supplier.Company, companyCC, "")
		if !m.Readable || m.StorePage != StoreLicence {
			t.Errorf("readable %v page %q", m.Readable, m.StorePage)
		}
	})
}

// Text rules: placeholders are unknown, the header fragment is read on
// offer pages, the body only on store pages, and a cut ends the own text.
func TestStoreTextRules(t *testing.T) {
	m := parseText(t, urlLCCredit, "body", "X有限公司\n回头率\n-\n纠纷率\n暂无\n48H履约率\n- %\n经营模式\n-\n厂房面积\n暂无\n服务分\n-")
	for what, f := range map[string]Field[float64]{"repurchase": m.Store.RepurchaseRate, "dispute": m.Store.DisputeRate,
		"fulfil": m.Store.Fulfil48hRate, "service": m.Store.ServiceScore} {
		expectUnknown(t, what, f)
	}
	expectUnknown(t, "business model", m.Supplier.BusinessModel)
	expectUnknown(t, "factory area", m.Supplier.FactoryArea)

	// The first shown value of a label decides: a "-" is not replaced by a
	// later figure (which may be someone else's).
	m = parseText(t, urlLCCredit, "body", "X有限公司 回头率 - 服务分 -- 经营模式 暂无 店铺推荐 回头率 30% 服务分 4.8 经营模式 贸易型")
	expectUnknown(t, "repurchase after -", m.Store.RepurchaseRate)
	expectUnknown(t, "service after --", m.Store.ServiceScore)
	expectUnknown(t, "model after 暂无", m.Supplier.BusinessModel)
	// A figure before its label (factory-card layout) is not read as the
	// value of the label before it.
	m = parseText(t, urlLCCredit, "body", "X有限公司 29%回头率 100%履约率 回头率 14 %")
	expectFloat(t, "repurchase", m.Store.RepurchaseRate, 14)
	m = parseText(t, urlLCCredit, "body", "X有限公司 回头率 250% 服务分 9.5 纠纷率 0.5%")
	expectUnknown(t, "repurchase 250", m.Store.RepurchaseRate)
	expectUnknown(t, "service 9.5", m.Store.ServiceScore)
	expectFloat(t, "dispute", m.Store.DisputeRate, 0.5)

	// Offer page: the header (this seller's block) is read, the body is not.
	m = Parse(Snapshot{URL: "https://detail.1688.com/offer/1.html", DOM: map[string]string{
		"header": "回头率 35% 服务分 4.5 经营模式 生产厂家", "body": "纠纷率 1% 为你推荐 回头率 99%"}})
	checkInvariants(t, m)
	expectFloat(t, "header repurchase", m.Store.RepurchaseRate, 35)
	expectStr(t, "header model", m.Supplier.BusinessModel, "生产厂家", `DOM header: "经营模式 生产厂家"`)
	expectUnknown(t, "body dispute on an offer page", m.Store.DisputeRate)

	// Footer and recommendation markers end the own text.
	for _, marker := range otherSellerMarkers {
		m = parseText(t, urlLCCredit, "body", "X有限公司 "+marker+" 回头率 50% 纠纷率 2%")
		expectUnknown(t, "after "+marker, m.Store.RepurchaseRate)
	}
	// 成立日期 outside a licence block is a store claim; 2017.09成立 too.
	m = parseText(t, urlLCCredit, "body", "X有限公司 成立日期 2015-03-04")
	expectDate(t, "founded", m.Supplier.Founded, "2015-03-04")
	m = parseText(t, urlLCCredit, "body", "X有限公司 2016.05成立 入驻3年")
	expectDate(t, "founded", m.Supplier.Founded, "2016-05-01")
	expectSourceHas(t, "founded", m.Supplier.Founded.Source, "2016.05成立")
	// 地址 is read only on the contact page.
	m = parseText(t, urlLCCredit, "body", "X有限公司 地址：某地")
	expectUnknown(t, "address on a credit page", m.Supplier.Address)
	// No-break spaces (in the real texts) separate like spaces.
	m = parseText(t, urlLCCredit, "body", "X有限公司\u00a0经营模式\u00a0贸易型\u3000回头率\u00a012%")
	expectStr(t, "model", m.Supplier.BusinessModel, "贸易型", "")
	expectFloat(t, "repurchase", m.Store.RepurchaseRate, 12)
}

func TestSplitLabels(t *testing.T) {
	labels := []string{"公司名称", "注册号", "注册地址"}
	for _, tc := range []struct {
		in   string
		want map[string]string
	}{
		{"公司名称 甲公司 注册号 123 注册地址 某路 1 号", map[string]string{"公司名称": "甲公司", "注册号": "123", "注册地址": "某路 1 号"}},
		{"公司名称\n甲公司\n\n注册号\n123\n注册地址\n某路 1 号\n其他\n", map[string]string{"公司名称": "甲公司", "注册号": "123", "注册地址": "某路 1 号"}},
		{"公司名称：甲公司 注册号:123", map[string]string{"公司名称": "甲公司", "注册号": "123"}},
		// Inside a word a label does not count.
		{"新注册号码 1 公司名称 乙 旧注册地址x", map[string]string{"公司名称": "乙 旧注册地址x"}},
		{"", nil},
		{"公司名称", map[string]string{"公司名称": ""}},
	} {
		if got := splitLabels(tc.in, labels); !reflect.DeepEqual(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("splitLabels(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Offer titles, slogan and store badges from DOM fragments.
func TestStoreFragments(t *testing.T) {
	titles := make([]string, 0, 205)
	for i := 0; i < 205; i++ {
		titles = append(titles, "适用PS4手柄 "+itoaTest(i))
	}
	m := Parse(Snapshot{URL: "https://ccgame.1688.com/page/offerlist.htm", DOM: map[string]string{
		"offerTitles": strings.Join(titles, "\n") + "\n\n",
		"slogan":      "源头工厂 支持一件代发",
		"storeName":   companyCC,
		"header":      companyCC + " 诚信通 实力工厂 深度认证 入驻11年",
	}})
	checkInvariants(t, m)
	n := 0
	for _, x := range m.Texts {
		if x.Where == "store offer title" {
			n++
		}
	}
	if n != MaxStoreOfferTitles {
		t.Errorf("%d offer titles", n)
	}
	expectText(t, m, "store offer title", "适用PS4手柄 0")
	expectText(t, m, "store slogan", "源头工厂 支持一件代发")
	expectText(t, m, "store name", companyCC)
	expectNote(t, m, "more than 200 store offer titles")
	expectBadges(t, m, map[string]string{
		"trustpass":          `DOM header: "诚信通"`,
		"powerful-factory":   `DOM header: "实力工厂"`,
		"deep-factory-audit": `DOM header: "深度认证"`,
	})
	if m.StorePage != StoreOfferList || !m.Readable {
		t.Errorf("page %q readable %v", m.StorePage, m.Readable)
	}
}

func itoaTest(i int) string { b, _ := json.Marshal(i); return string(b) }

// Remembered facts fill what the page left unknown, for the same seller only.
func TestRemembered(t *testing.T) {
	g2 := wrapInitData(mustRead(t, fixtureG2Slsj))
	age := 8
	facts := &SupplierFacts{MemberID: memberG2Slsj, Company: companyG2Slsj, StoreAgeYears: &age, Founded: "2017-09-28",
		BusinessModel: "生产厂家", LicenceCompany: companyG2Slsj, LicenceFounded: "2017-09-01",
		Badges: []string{"super-factory", "powerful-merchant", "made-up"}, SeenURL: "https://shop1467652076311.1688.com/page/creditdetail.htm",
		SeenAt: "2026-08-11T09:04:28Z"}
	const src = "remembered from https://shop1467652076311.1688.com/page/creditdetail.htm (2026-08-11)"

	t.Run("fills the offer page's missing age", func(t *testing.T) {
		m := Parse(Snapshot{URL: "https://detail.1688.com/offer/597090034012.html", Scripts: []string{g2}, Remembered: facts})
		checkInvariants(t, m)
		expectInt(t, "age", m.Supplier.StoreAgeYears, 8)
		if m.Supplier.StoreAgeYears.Source != src {
			t.Errorf("age source %q", m.Supplier.StoreAgeYears.Source)
		}
		expectDate(t, "founded", m.Supplier.Founded, "2017-09-28")
		expectStr(t, "model", m.Supplier.BusinessModel, "生产厂家", src)
		expectStr(t, "licence company", m.Supplier.Licence.Company, companyG2Slsj, src)
		expectDate(t, "licence founded", m.Supplier.Licence.Founded, "2017-09-01")
		// The page's own values stay.
		expectStr(t, "company", m.Supplier.Company, companyG2Slsj, "g2 globalData.tempModel.companyName")
		expectBadges(t, m, map[string]string{
			"powerful-merchant":   "globalData.sellerSign.isSlsj = true",
			"trustpass":           "globalData.sellerSign.isTp = true",
			"brand-authorization": `attribute 有可授权的自有品牌 = "是"`,
			"super-factory":       src,
		})
	})
	t.Run("does not override a known age", func(t *testing.T) {
		m := Parse(Snapshot{URL: "https://detail.1688.com/offer/597090034012.html", Scripts: []string{g2},
			Responses: []Response{{Body: mustRead(t, fixtureShopcard)}}, Remembered: facts})
		checkInvariants(t, m)
		expectInt(t, "age", m.Supplier.StoreAgeYears, 11)
		expectSourceHas(t, "age", m.Supplier.StoreAgeYears.Source, "shopcard")
	})
	t.Run("not for another member", func(t *testing.T) {
		other := *facts
		other.MemberID = "b2b-1634230375"
		m := Parse(Snapshot{URL: "https://detail.1688.com/offer/597090034012.html", Scripts: []string{g2}, Remembered: &other})
		checkInvariants(t, m)
		expectUnknown(t, "age", m.Supplier.StoreAgeYears)
		expectUnknown(t, "founded", m.Supplier.Founded)
		if _, ok := m.HasBadge("super-factory"); ok {
			t.Error("badge from another member")
		}
		expectNote(t, m, "remembered facts are for member b2b-1634230375")
	})
	t.Run("by company when the page has no member id", func(t *testing.T) {
		f := &SupplierFacts{Company: companyCC, StoreAgeYears: &age, SeenURL: "https://ccgame.1688.com/", SeenAt: "bad"}
		m := Parse(Snapshot{URL: "https://ccgame.1688.com/page/contactinfo.html", DOM: map[string]string{"storeName": companyCC}, Remembered: f})
		checkInvariants(t, m)
		expectStr(t, "company", m.Supplier.Company, companyCC, "DOM storeName")
		expectInt(t, "age", m.Supplier.StoreAgeYears, 8)
		if m.Supplier.StoreAgeYears.Source != "remembered from https://ccgame.1688.com/ (date unknown)" {
			t.Errorf("source %q", m.Supplier.StoreAgeYears.Source)
		}
		if m.Readable {
			t.Error("remembered facts made the page readable")
		}
		m = Parse(Snapshot{URL: "https://ccgame.1688.com/page/contactinfo.html", DOM: map[string]string{"storeName": "别的公司"}, Remembered: f})
		expectUnknown(t, "age for another company", m.Supplier.StoreAgeYears)
		// Facts with a company only are not used when the page has a member id.
		m = Parse(Snapshot{URL: "https://sale.1688.com/factory/card.html?memberId=b2b-1634230375", DOM: map[string]string{"storeName": companyCC}, Remembered: f})
		expectUnknown(t, "age without member id", m.Supplier.StoreAgeYears)
	})
	t.Run("FactsOf", func(t *testing.T) {
		defer func(f func() time.Time) { now = f }(now)
		now = func() time.Time { return time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC) }
		m := Parse(Snapshot{URL: urlLCLicence, Responses: []Response{
			{Body: mustRead(t, fixtureBusinessInfo)}, {URL: apiModuleURL, Body: mustRead(t, fixtureStoreHeader)}}})
		got := FactsOf(&m)
		eight := 8
		want := &SupplierFacts{MemberID: memberLC, Company: companyLC, StoreAgeYears: &eight, Founded: "2017-09-28",
			LicenceCompany: companyLC, LicenceFounded: "2017-09-28", Badges: []string{"super-factory"},
			SeenURL: urlLCLicence, SeenAt: "2026-09-01T12:00:00Z"}
		if !reflect.DeepEqual(got, want) {
			gj, _ := json.Marshal(got)
			t.Errorf("FactsOf = %s", gj)
		}
		js, _ := json.Marshal(got)
		for _, key := range []string{`"memberId"`, `"storeAgeYears":8`, `"licenceFounded"`, `"seenUrl"`, `"seenAt"`} {
			if !strings.Contains(string(js), key) {
				t.Errorf("JSON %s lacks %s", js, key)
			}
		}
		// Remembered values are not re-emitted with a new date.
		m = Parse(Snapshot{URL: "https://detail.1688.com/offer/597090034012.html", Scripts: []string{g2}, Remembered: facts})
		got = FactsOf(&m)
		if got.StoreAgeYears != nil || got.Founded != "" || got.LicenceCompany != "" || got.MemberID != memberG2Slsj ||
			!reflect.DeepEqual(got.Badges, []string{"powerful-merchant", "trustpass", "brand-authorization"}) {
			t.Errorf("FactsOf after remembered = %+v", got)
		}
		if FactsOf(&Model{}) != nil || FactsOf(nil) != nil {
			t.Error("facts without a seller")
		}
	})
	t.Run("snapshot JSON", func(t *testing.T) {
		in := Snapshot{URL: "https://detail.1688.com/offer/597090034012.html", Remembered: facts}
		js, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(js), `"remembered":{"memberId":"b2b-29266662898cf9d"`) {
			t.Errorf("json %s", js)
		}
		got, err := DecodeSnapshot(js)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Remembered, facts) {
			t.Errorf("decoded %+v", got.Remembered)
		}
		for _, bad := range []string{`{"remembered":"x"}`, `{"remembered":{"storeAgeYears":"8"}}`, `{"remembered":{"badges":[1]}}`,
			`{"remembered":{"company":1}}`, `{"remembered":{"badges":"x"}}`} {
			s, err := DecodeSnapshot([]byte(bad))
			if err != nil || s.Remembered != nil {
				t.Errorf("%s: err %v remembered %+v", bad, err, s.Remembered)
			}
			expectNote(t, Parse(s), "remembered facts ignored")
		}
		s, err := DecodeSnapshot([]byte(`{"remembered":{"company":null,"storeAgeYears":null,"extra":{"x":1},"badges":["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q","r"]}}`))
		if err != nil || s.Remembered == nil || len(s.Remembered.Badges) != maxFactBadges {
			t.Errorf("err %v remembered %+v", err, s.Remembered)
		}
		expectNote(t, Parse(s), "cap hit: more than 16 remembered badges")
	})
}
