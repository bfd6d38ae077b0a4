package page

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// The fixtures under testdata/search are composed, not captured (no real
// search body was available): see testdata/search/README.md for the field
// names they use and the cases planted in them.
const (
	urlOfferSearch   = "https://s.1688.com/selloffer/offer_search.htm?keywords=%CA%D6%BB%FA%BF%C7"
	urlCompanySearch = "https://s.1688.com/company/company_search.htm?keywords=%CA%CE%C6%B7"
	urlStoreOffers   = "https://shop1467652076311.1688.com/page/offerlist.htm"
	svcOffersURL     = "https://search.1688.com/service/marketOfferResultViewService?keywords=%CA%D6%BB%FA%BF%C7&async=true&asyncCount=20&beginPage=1&pageSize=60&startIndex="
	svcCompaniesURL  = "https://search.1688.com/service/companySearchBusinessService?keywords=%CA%CE%C6%B7&beginPage=1&pageSize=30&pageName=supplier"
	svcStoreListURL  = "https://h5api.m.1688.com/h5/mtop.alibaba.alisite.cbu.server.moduleasyncservice/1.0/?jsv=2.7.2&api=mtop.alibaba.alisite.cbu.server.moduleAsyncService&callback=mtopjsonp7&data=%7B%22componentKey%22%3A%22Wp_pc_common_offerlist%22%7D"
)

func searchFixture(tb testing.TB, name string) string {
	tb.Helper()
	return mustRead(tb, filepath.Join("..", "search", name))
}

// offerSearchResponses are the three async responses of one 60-card page.
func offerSearchResponses(tb testing.TB) []Response {
	var rs []Response
	for _, start := range []int{0, 20, 40} {
		rs = append(rs, Response{URL: svcOffersURL + fmt.Sprint(start), Body: searchFixture(tb, fmt.Sprintf("offer-search-%d.json", start))})
	}
	return rs
}

func cardByOffer(t *testing.T, m Model, id string) Card {
	t.Helper()
	for _, c := range m.Cards {
		if c.OfferID == id {
			return c
		}
	}
	t.Fatalf("no card for offer %s", id)
	return Card{}
}

// offerID of the i-th composed offer (testdata/search/README.md).
func offerID(i int) string { return fmt.Sprint(7400000000 + i*13) }

func hasCardBadge(c Card, id string) (Badge, bool) {
	for _, b := range c.Badges {
		if b.ID == id {
			return b, true
		}
	}
	return Badge{}, false
}

func TestKindOfSearchPages(t *testing.T) {
	for u, want := range map[string]Kind{
		urlOfferSearch:   KindSearch,
		urlCompanySearch: KindSearch,
		urlStoreOffers:   KindStore,
		"https://s.1688.com/youyuan/index.htm?tab=imageSearch":         KindSearch,
		"https://search.1688.com/service/marketOfferResultViewService": KindUnknown, // the data service, not a page
	} {
		if got := KindOf(u); got != want {
			t.Errorf("KindOf(%s) = %s, want %s", u, got, want)
		}
	}
	if m := Parse(Snapshot{URL: urlStoreOffers}); m.StorePage != StoreOfferList {
		t.Errorf("offer list store page = %q", m.StorePage)
	}
}

func TestCardValueTexts(t *testing.T) {
	for in, want := range map[string]int{`"3年"`: 3, `"诚信通3年"`: 3, `"入驻 11 年"`: 11, `5`: 5, `"第2年"`: 2} {
		if got, ok := yearsText(gjson.Parse(in)); !ok || got != want {
			t.Errorf("yearsText(%s) = %d %v, want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{`"0年"`, `"1000年"`, `-1`, `"年"`, `"三年"`, `""`, `101`} {
		if got, ok := yearsText(gjson.Parse(in)); ok {
			t.Errorf("yearsText(%s) = %d, want unknown", in, got)
		}
	}
	for in, want := range map[string]int{`"≥2件"`: 2, `"2件起批"`: 2, `"起批量 1,000"`: 1000, `3`: 3, `"100个起订"`: 100} {
		if got, ok := moqOf(gjson.Parse(in)); !ok || got != want {
			t.Errorf("moqOf(%s) = %d %v, want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{`"0.5吨"`, `0`, `-3`, `"件"`, `"99999999999件"`, `1.5`} {
		if got, ok := moqOf(gjson.Parse(in)); ok {
			t.Errorf("moqOf(%s) = %d, want unknown", in, got)
		}
	}
	if got := MemberKey("a-b2b-2926666289"); got != "b2b-2926666289" {
		t.Errorf("MemberKey = %q", got)
	}
	if got := MemberKey("a-bcd"); got != "a-bcd" {
		t.Errorf("MemberKey(a-bcd) = %q", got)
	}
	if got := stripTags("<font color=red>手机壳</font> 款<b>1"); got != "手机壳 款1" {
		t.Errorf("stripTags = %q", got)
	}
}

func TestSearchOffersJSON(t *testing.T) {
	m := Parse(Snapshot{URL: urlOfferSearch, Responses: offerSearchResponses(t)})
	if m.Kind != KindSearch || len(m.Cards) != 60 {
		t.Fatalf("kind %s, %d cards; notes %q", m.Kind, len(m.Cards), m.Notes)
	}
	if m.Readable {
		t.Error("a search page has no page model of its own: Readable must stay false")
	}
	c0 := m.Cards[0]
	if c0.OfferID != offerID(0) || c0.Title != "手机壳适用iPhone15磨砂硅胶防摔 款0" || c0.Company != "深圳市第0电子科技有限公司" ||
		c0.MemberID != "b2b-22000001000c" || c0.Key != "offer:"+offerID(0) {
		t.Errorf("card 0 = %+v", c0)
	}
	expectFloat(t, "card 0 price", c0.Price, 5.2)
	if c0.Price.Source != "search offers tradePrice.offerPrice.priceInfo.price" {
		t.Errorf("price source %q", c0.Price.Source)
	}
	expectStr(t, "card 0 unit", c0.Unit, "个", "search offers tradePrice.offerPrice.unit")
	expectInt(t, "card 0 moq", c0.MOQ, 2)
	expectUnknown(t, "card 0 years (no tpYear)", c0.Years)
	c1 := cardByOffer(t, m, offerID(1))
	expectInt(t, "card 1 years", c1.Years, 2)
	if c1.Years.Source != "search offers company.tpYear" {
		t.Errorf("years source %q", c1.Years.Source)
	}
	if b, ok := hasCardBadge(cardByOffer(t, m, offerID(3)), "super-factory"); !ok || b.Source != "search offers company.superFactory = true" {
		t.Errorf("card 3 super-factory badge: %+v %v", b, ok)
	}
	if b, ok := hasCardBadge(cardByOffer(t, m, offerID(2)), "deep-factory-audit"); !ok || !strings.Contains(b.Source, `"深度验厂"`) {
		t.Errorf("card 2 tag badge: %+v %v", b, ok)
	}
	expectFloat(t, "card 17 (planted cheap)", cardByOffer(t, m, offerID(17)).Price, 2.1)
	c23 := cardByOffer(t, m, offerID(23))
	expectFloat(t, "card 23 range low end", c23.Price, 3.5)
	if c23.Price.Source != "search offers tradePrice.offerPrice.valueString" {
		t.Errorf("card 23 source %q", c23.Price.Source)
	}
	expectFloat(t, "card 50 display string", cardByOffer(t, m, offerID(50)).Price, 7.2)
	expectInt(t, "card 31 bulk MOQ", cardByOffer(t, m, offerID(31)).MOQ, 1000)
	expectStr(t, "card 40 unit", cardByOffer(t, m, offerID(40)).Unit, "套", "")
	if got := cardByOffer(t, m, offerID(12)).MemberID; got != "a-b2b-22000001084c" {
		t.Errorf("card 12 member id %q (kept as the page writes it)", got)
	}
	checkCards(t, m.Cards)

	// The same response twice (a re-sent async chunk) does not double the cards.
	rs := offerSearchResponses(t)
	m2 := Parse(Snapshot{URL: urlOfferSearch, Responses: append(rs, rs[0])})
	if len(m2.Cards) != 60 {
		t.Errorf("repeated response: %d cards", len(m2.Cards))
	}
}

func TestSearchDOMCardsFallback(t *testing.T) {
	m := Parse(Snapshot{URL: urlOfferSearch, DOM: map[string]string{DOMCards: searchFixture(t, "dom-cards-60.json")}})
	if len(m.Cards) != 60 {
		t.Fatalf("%d cards; notes %q", len(m.Cards), m.Notes)
	}
	c1 := m.Cards[1]
	if c1.Key != "c1" || c1.OfferID != offerID(1) || c1.Company != "深圳市第1电子科技有限公司" {
		t.Errorf("card 1 = %+v", c1)
	}
	expectFloat(t, "DOM split price", c1.Price, 6.5)
	if c1.Price.Source != `DOM card price "¥ 6 .50"` {
		t.Errorf("price source %q", c1.Price.Source)
	}
	expectInt(t, "DOM years", c1.Years, 2)
	expectInt(t, "DOM moq", c1.MOQ, 3)
	if b, ok := hasCardBadge(c1, "trustpass"); !ok || b.Source != `DOM card tag "诚信通"` {
		t.Errorf("trustpass from the card's own tag: %+v %v", b, ok)
	}
	expectUnknown(t, "card 0 years", m.Cards[0].Years)
	expectFloat(t, "DOM range", m.Cards[23].Price, 3.5)
	checkCards(t, m.Cards)
}

func TestSearchMergeJSONAndDOM(t *testing.T) {
	m := Parse(Snapshot{URL: urlOfferSearch, Responses: offerSearchResponses(t),
		DOM: map[string]string{DOMCards: searchFixture(t, "dom-cards-60.json"), "title": "手机壳 - 阿里巴巴"}})
	if len(m.Cards) != 60 {
		t.Fatalf("merged into %d cards, want 60; notes %q", len(m.Cards), m.Notes)
	}
	c4 := cardByOffer(t, m, offerID(4))
	if c4.Key != "c4" {
		t.Errorf("DOM key not kept: %q", c4.Key)
	}
	if c4.Price.Source != "search offers tradePrice.offerPrice.priceInfo.price" {
		t.Errorf("JSON price should win, got %q", c4.Price.Source)
	}
	expectInt(t, "years filled from the DOM", c4.Years, 5)
	if !strings.HasPrefix(c4.Years.Source, "DOM card years") {
		t.Errorf("years source %q", c4.Years.Source)
	}
	expectUnknown(t, "card 0 years (neither carrier)", cardByOffer(t, m, offerID(0)).Years)
	c3 := cardByOffer(t, m, offerID(3))
	_, sf := hasCardBadge(c3, "super-factory")
	_, tp := hasCardBadge(c3, "trustpass")
	if !sf || !tp {
		t.Errorf("badges not merged: %+v", c3.Badges)
	}
	// Unknown years: cards 0, 8, 16, … (neither carrier) only.
	unknown := 0
	for _, c := range m.Cards {
		if !c.Years.Known {
			unknown++
		}
	}
	if unknown != 8 {
		t.Errorf("%d cards with unknown years, want 8", unknown)
	}
	checkCards(t, m.Cards)
}

func TestCompanySearch(t *testing.T) {
	dom := `[{"key":"s9","memberId":"b2b-22000001763f","years":"6年","tags":["深度验商"]},{"key":"s99","company":"只在页面上的公司","years":"4年"}]`
	m := Parse(Snapshot{URL: urlCompanySearch, Responses: []Response{{URL: svcCompaniesURL, Body: searchFixture(t, "company-search.json")}},
		DOM: map[string]string{DOMCards: dom}})
	if len(m.Cards) != 31 {
		t.Fatalf("%d cards; notes %q", len(m.Cards), m.Notes)
	}
	c1 := m.Cards[1]
	if c1.Company != "义乌市第1饰品有限公司" || c1.LoginID != "yiwu1" || c1.MemberID != "b2b-22000001707f" || c1.OfferID != "" || c1.Key != "member:b2b-22000001707f" {
		t.Errorf("card 1 = %+v", c1)
	}
	expectInt(t, "tpServiceYear", c1.Years, 2)
	if c1.Years.Source != "supplier search companyModel.tpServiceYear" {
		t.Errorf("source %q", c1.Years.Source)
	}
	expectUnknown(t, "tpServiceYear -1", m.Cards[0].Years)
	expectUnknown(t, "tpServiceYear -1", m.Cards[5].Years)
	if m.Cards[7].MemberID != "b2b-22000001749d" {
		t.Errorf("enterpriseId carrier: %q", m.Cards[7].MemberID)
	}
	c9 := m.Cards[9]
	if c9.MemberID != "a-b2b-22000001763f" || c9.Key != "s9" {
		t.Errorf("a-b2b- card merged with the DOM card by member key: %+v", c9)
	}
	expectInt(t, "JSON years win", c9.Years, 10)
	if _, ok := hasCardBadge(c9, "deep-merchant-audit"); !ok {
		t.Errorf("DOM tag badge not merged: %+v", c9.Badges)
	}
	want := map[int][]string{
		1: {"powerful-factory", "deep-merchant-audit", "trustpass"},
		2: {"powerful-merchant", "trustpass"},
		3: {"super-factory"},
		7: {"deep-factory-audit", "trustpass", "powerful-merchant"},
	}
	for i, ids := range want {
		got := map[string]bool{}
		for _, b := range m.Cards[i].Badges {
			got[b.ID] = true
		}
		if len(got) != len(ids) {
			t.Errorf("card %d badges %+v, want %v", i, m.Cards[i].Badges, ids)
		}
		for _, id := range ids {
			if !got[id] {
				t.Errorf("card %d lacks %s: %+v", i, id, m.Cards[i].Badges)
			}
		}
	}
	if b, _ := hasCardBadge(m.Cards[3], "super-factory"); b.Source != "supplier search wrapper.superFactory = 1" {
		t.Errorf("flag source %q", b.Source)
	}
	if !strings.Contains(strings.Join(m.Cards[0].Tags, ","), "产地工厂") {
		t.Errorf("factoryTag not a tag: %q", m.Cards[0].Tags)
	}
	if last := m.Cards[30]; last.Key != "s99" || last.Company != "只在页面上的公司" {
		t.Errorf("DOM-only supplier card: %+v", last)
	}
	checkCards(t, m.Cards)
}

func TestStoreOfferListCards(t *testing.T) {
	m := Parse(Snapshot{URL: urlStoreOffers, Responses: []Response{{URL: svcStoreListURL, Body: searchFixture(t, "store-offerlist.jsonp")}}})
	if m.Kind != KindStore || len(m.Cards) != 30 {
		t.Fatalf("kind %s, %d cards, notes %q", m.Kind, len(m.Cards), m.Notes)
	}
	c := m.Cards[4]
	if c.OfferID != "8500000012" || c.Title != "不锈钢保温杯 340ml 款4" {
		t.Errorf("card 4 = %+v", c)
	}
	expectFloat(t, "offerPrice", c.Price, 1.5)
	if c.Price.Source != "store offer list offerPrice" {
		t.Errorf("source %q", c.Price.Source)
	}
	// The store header module through the same api is not a card list.
	header := mustRead(t, fixtureStoreHeader)
	m = Parse(Snapshot{URL: urlStoreOffers, Responses: []Response{{URL: "https://h5api.m.1688.com/h5/mtop.alibaba.alisite.cbu.server.moduleasyncservice/1.0/", Body: header}}})
	if len(m.Cards) != 0 || !m.Supplier.Company.Known {
		t.Errorf("header module: %d cards, company %v", len(m.Cards), m.Supplier.Company)
	}
	for _, n := range m.Notes {
		if strings.Contains(n, "card list") {
			t.Errorf("note about a module that is not a list: %q", n)
		}
	}
}

func TestSearchFailedResponses(t *testing.T) {
	tests := []struct {
		url, body, note string
	}{
		{svcOffersURL + "0", `{"ret":["FAIL_SYS_USER_VALIDATE::哎哟喂,被挤爆啦"],"data":{}}`, "search offers response failed: FAIL_SYS_USER_VALIDATE"},
		{svcOffersURL + "0", `<!DOCTYPE html><html><body>x5sec punish</body></html>`, "search offers response not readable: not JSON"},
		{svcCompaniesURL, `{"success":false,"data":null}`, "supplier search response failed: success = false"},
		{svcOffersURL + "0", `{"data":{"data":{"itemList":[]}}}`, "search offers response has no card list"},
		{svcCompaniesURL, `{"data":{"data":{"companyWithOfferLists":[`, "supplier search response not readable: unbalanced"},
		{svcOffersURL + "0", `jQuery1830({"data":{"data":{"offerList":[{"id":1,"information":{"subject":"x"}}]}}})`, ""},
	}
	for _, tc := range tests {
		m := Parse(Snapshot{URL: urlOfferSearch, Responses: []Response{{URL: tc.url, Body: tc.body}}})
		if tc.note == "" {
			if len(m.Cards) != 1 {
				t.Errorf("JSONP search body: %d cards, notes %q", len(m.Cards), m.Notes)
			}
			continue
		}
		if len(m.Cards) != 0 {
			t.Errorf("%.30q: %d cards", tc.body, len(m.Cards))
		}
		expectNote(t, m, tc.note)
	}
	for frag, note := range map[string]string{
		`{"key":"c1"}`:    "DOM cards fragment not readable: not a JSON array",
		`[{"key":"c1"}`:   "DOM cards fragment not readable: unbalanced",
		`[{"key":c1}]`:    "DOM cards fragment not readable: not valid JSON",
		`[1,"x",null,{}]`: "",
	} {
		m := Parse(Snapshot{URL: urlOfferSearch, DOM: map[string]string{DOMCards: frag}})
		if note != "" {
			expectNote(t, m, note)
		} else if len(m.Cards) != 1 || m.Cards[0].Key != "card:0" {
			t.Errorf("non-objects skipped, empty card kept: %+v", m.Cards)
		}
	}
	// Members of the wrong type are ignored, not the card.
	m := Parse(Snapshot{URL: urlOfferSearch, DOM: map[string]string{DOMCards: `[{"key":5,"offerId":"12a","memberId":"evil","price":{"x":1},"years":"x年","tags":"诚信通","moq":[],"title":"ok"}]`}})
	if len(m.Cards) != 1 || m.Cards[0].Title != "ok" || m.Cards[0].OfferID != "" || m.Cards[0].MemberID != "" || m.Cards[0].Price.Known || len(m.Cards[0].Badges) != 0 {
		t.Errorf("wrong-typed members: %+v", m.Cards)
	}
}

// A card's "入驻3年" is the card's supplier's, never the page's seller's.
func TestCardsFragmentIsNotPageText(t *testing.T) {
	dom := map[string]string{DOMCards: `[{"key":"c1","offerId":"1","years":"入驻3年","tags":["实力商家"]}]`}
	m := Parse(Snapshot{URL: "https://detail.1688.com/offer/833454967766.html", Scripts: []string{wrapInitData(mustRead(t, fixtureG2Default))}, DOM: dom})
	if !m.Readable {
		t.Fatalf("offer page not read: %q", m.Notes)
	}
	expectUnknown(t, "page store age", m.Supplier.StoreAgeYears)
	if len(m.Cards) != 1 || m.Cards[0].Years.Value != 3 {
		t.Errorf("cards %+v", m.Cards)
	}
	if _, ok := m.HasBadge("powerful-merchant"); ok {
		t.Error("a card's badge became the page seller's")
	}
	// The caller's DOM map is left alone.
	if _, ok := dom[DOMCards]; !ok || len(dom) != 1 {
		t.Error("caller's DOM map changed")
	}
}

func TestCardCaps(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i < 250; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"key":"k%d","offerId":"%d","price":"¥%d.00"}`, i, 1000+i, 1+i%9)
	}
	b.WriteString("]")
	m := Parse(Snapshot{URL: urlOfferSearch, DOM: map[string]string{DOMCards: b.String()}})
	if len(m.Cards) != MaxCards {
		t.Fatalf("%d cards", len(m.Cards))
	}
	expectNote(t, m, "cap hit: 50 more cards, only the first 200 read (MaxCards)")

	// JSON fills the cap; DOM cards for those offers still merge, the others are dropped.
	var items []string
	for i := 0; i < MaxCards; i++ {
		items = append(items, fmt.Sprintf(`{"id":%d,"information":{"subject":"t"}}`, 1000+i))
	}
	body := `{"data":{"data":{"offerList":[` + strings.Join(items, ",") + `]}}}`
	m = Parse(Snapshot{URL: urlOfferSearch, Responses: []Response{{URL: svcOffersURL, Body: body}},
		DOM: map[string]string{DOMCards: `[{"key":"a","offerId":"1005","years":"4年"},{"key":"b","offerId":"99999","years":"4年"}]`}})
	if len(m.Cards) != MaxCards || m.Cards[5].Key != "a" || !m.Cards[5].Years.Known {
		t.Errorf("merge at the cap: %d cards, card 5 %+v", len(m.Cards), m.Cards[5])
	}
	expectNote(t, m, "cap hit: 1 more cards")

	// Text caps.
	long := strings.Repeat("长", 400)
	tags := make([]string, 40)
	for i := range tags {
		tags[i] = fmt.Sprintf("标签%d", i)
	}
	tj, _ := json.Marshal(tags)
	m = Parse(Snapshot{URL: urlOfferSearch, DOM: map[string]string{DOMCards: `[{"key":"` + strings.Repeat("k", 300) + `","title":"` + long + `","company":"` + long + `","tags":` + string(tj) + `}]`}})
	c := m.Cards[0]
	if len(c.Title) > maxCardText || len(c.Company) > maxCardText || len(c.Key) > maxCardKey || len(c.Tags) != maxCardTags || !utf8.ValidString(c.Title) {
		t.Errorf("text caps: title %d, company %d, key %d, tags %d", len(c.Title), len(c.Company), len(c.Key), len(c.Tags))
	}
}

// checkCards: the invariants every card list holds, whatever the input.
func checkCards(t testing.TB, cards []Card) {
	t.Helper()
	if len(cards) > MaxCards {
		t.Errorf("%d cards over the cap", len(cards))
	}
	keys := map[string]bool{}
	for i, c := range cards {
		walkFields(t, reflect.ValueOf(c), fmt.Sprintf("Cards[%d]", i))
		if c.Key == "" || len(c.Key) > maxCardKey {
			t.Errorf("card %d key %q", i, c.Key)
		}
		keys[c.Key] = true
		if c.Price.Known && (c.Price.Value <= 0 || c.Price.Value > maxPrice || math.IsNaN(c.Price.Value)) {
			t.Errorf("card %d price %v", i, c.Price.Value)
		}
		if c.Years.Known && (c.Years.Value < 1 || c.Years.Value > 100) {
			t.Errorf("card %d years %d", i, c.Years.Value)
		}
		if c.MOQ.Known && c.MOQ.Value < 1 {
			t.Errorf("card %d moq %d", i, c.MOQ.Value)
		}
		if c.OfferID != "" && !isDigits(c.OfferID) {
			t.Errorf("card %d offer id %q", i, c.OfferID)
		}
		if c.MemberID != "" && !isMemberID(c.MemberID) {
			t.Errorf("card %d member id %q", i, c.MemberID)
		}
		if len(c.Title) > maxCardText || len(c.Company) > maxCardText || len(c.LoginID) > maxCardText || len(c.Tags) > maxCardTags {
			t.Errorf("card %d over its text caps", i)
		}
		seen := map[string]bool{}
		for _, b := range c.Badges {
			if seen[b.ID] || !validBadge[b.ID] || b.Source == "" {
				t.Errorf("card %d bad badge %+v", i, b)
			}
			seen[b.ID] = true
		}
	}
}

// FuzzCards feeds arbitrary text as a search response, a store module
// response and the cards fragment: readCards (no recover) never panics and
// the cards keep their invariants. Seeds: every composed fixture and small
// hostile shapes.
func FuzzCards(f *testing.F) {
	for _, name := range []string{"offer-search-0.json", "company-search.json", "store-offerlist.jsonp"} {
		f.Add(searchFixture(f, name), "")
	}
	f.Add("", searchFixture(f, "dom-cards-60.json"))
	f.Add(`{"data":{"data":{"offerList":[{"attr":{"company":{"name":"x","memberId":"b2b-1"},"tradePrice":{"offerPrice":"¥ 1 .98"}},"title":"<b>x"}]}}}`, `[{"price":"1.2万","years":"诚信通999年","moq":"≥1,000件"}]`)
	f.Add(`{"data":{"data":{"companyWithOfferLists":[{"companyModel":{"userId":"a-b2b-1","tpServiceYear":-1},"wrapper":{"superFactory":"1"}}]}}}`, `[{"memberId":"b2b-1","tags":[{"text":"超级工厂"}]}]`)
	f.Add(`{"ret":["FAIL_SYS_TOKEN_EMPTY::x"]}`, `[[[[`)
	f.Add(`{"data":{"content":{"offerList":[{"id":1e400,"offerPrice":1e308}]}}}`, `[{"price":"１．９８","years":1e9,"moq":-0}]`)
	f.Fuzz(func(t *testing.T, body, dom string) {
		responses := []Response{
			{URL: svcOffersURL, Body: body},
			{URL: svcCompaniesURL, Body: body},
			{URL: svcStoreListURL, Body: body},
		}
		cards, _ := readCards(responses, dom, true)
		checkCards(t, cards)
		m := Parse(Snapshot{URL: urlOfferSearch, Responses: responses, DOM: map[string]string{DOMCards: dom, "body": dom}})
		checkInvariants(t, m)
		checkCards(t, m.Cards)
	})
}

// FuzzParsePriceText: never panics; a price read is positive, finite and
// within maxPrice; a unit is short.
func FuzzParsePriceText(f *testing.F) {
	for _, s := range []string{"¥ 1 .98", "2.3-20.5", "1,280.00", "1.2万/个", "面议", "¥.98", "1. 98", "9,99", "\u00a0.\u3000", "1,,000", "¥1,2345.6"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, unit, ok := ParsePriceText(s)
		if !ok {
			return
		}
		if p <= 0 || p > maxPrice || math.IsNaN(p) || math.IsInf(p, 0) {
			t.Fatalf("price %v from %q", p, s)
		}
		if utf8.RuneCountInString(unit) > 8 {
			t.Fatalf("unit %q", unit)
		}
	})
}

// BenchmarkReadCards60 reads and merges the cards of a 60-card search page:
// three search responses and the rendered cards.
func BenchmarkReadCards60(b *testing.B) {
	rs := offerSearchResponses(b)
	dom := searchFixture(b, "dom-cards-60.json")
	b.ReportAllocs()
	for b.Loop() {
		if cards, _ := readCards(rs, dom, true); len(cards) != 60 {
			b.Fatalf("%d cards", len(cards))
		}
	}
}
