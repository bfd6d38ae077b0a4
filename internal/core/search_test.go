package core

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// Composed search fixtures (not captures): ../page/testdata/search/README.md.
const (
	searchDir        = "../page/testdata/search/"
	urlOfferSearch   = "https://s.1688.com/selloffer/offer_search.htm?keywords=%CA%D6%BB%FA%BF%C7"
	urlCompanySearch = "https://s.1688.com/company/company_search.htm?keywords=%CA%CE%C6%B7"
	svcOffers        = "https://search.1688.com/service/marketOfferResultViewService?keywords=%CA%D6%BB%FA%BF%C7&async=true&asyncCount=20&pageSize=60&startIndex="
	svcCompanies     = "https://search.1688.com/service/companySearchBusinessService?keywords=%CA%CE%C6%B7&pageName=supplier"
	svcModule        = "https://h5api.m.1688.com/h5/mtop.alibaba.alisite.cbu.server.moduleasyncservice/1.0/"
	// Members of the composed offers (testdata/search/README.md).
	memberCard5  = "b2b-22000001035f"
	memberCard12 = "b2b-22000001084c" // the page writes it a-b2b-…
)

func readSearch(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(searchDir + name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// searchSnapshot is the analyze() input of the 60-card offer search page:
// the three async responses, the rendered cards, and buyer.
func searchSnapshot(tb testing.TB, buyer any) []byte {
	tb.Helper()
	var responses []map[string]string
	for _, start := range []int{0, 20, 40} {
		responses = append(responses, map[string]string{"url": svcOffers + fmt.Sprint(start), "body": readSearch(tb, fmt.Sprintf("offer-search-%d.json", start))})
	}
	in := map[string]any{
		"url":       urlOfferSearch,
		"responses": responses,
		"dom":       map[string]string{"cards": readSearch(tb, "dom-cards-60.json"), "title": "手机壳_手机壳批发_阿里巴巴"},
	}
	if buyer != nil {
		in["buyer"] = buyer
	}
	b, err := json.Marshal(in)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func cardOut(t *testing.T, v Verdict, key string) CardOut {
	t.Helper()
	for _, c := range v.Cards {
		if c.Key == key {
			return c
		}
	}
	t.Fatalf("no card %s", key)
	return CardOut{}
}

func finding(c CardOut, id string) (string, bool) {
	for _, f := range c.Findings {
		if f.ID == id {
			return f.Evidence, true
		}
	}
	return "", false
}

func TestSearchPageVerdict(t *testing.T) {
	buyer := map[string]any{"entries": map[string]any{
		memberCard5:  map[string]any{"action": "block", "note": "样品和大货不一致 / samples did not match"},
		memberCard12: map[string]any{"action": "trust", "note": "friend's supplier", "rating": 5},
	}}
	v := decode(t, AnalyzeJSON(searchSnapshot(t, buyer)))
	if v.Kind != "search" || !v.Readable || v.Level != "unknown" || v.Score != nil || len(v.Findings) != 0 || v.Facts != nil {
		t.Fatalf("page: kind %s readable %v level %s score %v findings %+v", v.Kind, v.Readable, v.Level, v.Score, v.Findings)
	}
	if len(v.Cards) != 60 {
		t.Fatalf("%d cards, notes %q", len(v.Cards), v.Notes)
	}
	if v.Offer.Title != nil || v.Supplier.Company != nil || v.Supplier.Badges == nil {
		t.Errorf("search page's own blocks: offer %+v supplier %+v", v.Offer, v.Supplier)
	}

	// The planted too-cheap card, and only it.
	c17 := cardOut(t, v, "c17")
	ev, ok := finding(c17, "price-outlier-low")
	if !ok || !strings.HasPrefix(ev, "¥2.10 vs median ¥6.80 of 57 cards on this page (31%)") {
		t.Errorf("card 17: %q %v", ev, ok)
	}
	if c17.Level != "caution" || c17.Price == nil || *c17.Price != 2.1 {
		t.Errorf("card 17 level %s price %v", c17.Level, c17.Price)
	}
	for _, c := range v.Cards {
		if _, ok := finding(c, "price-outlier-low"); ok && c.Key != "c17" {
			t.Errorf("price-outlier-low on %s (price %v)", c.Key, *c.Price)
		}
	}

	// The blocked member: high-risk whatever its years, with the buyer's note.
	c5 := cardOut(t, v, "c5")
	if ev, ok := finding(c5, "supplier-blocked"); !ok || ev != "on your blocked list: 样品和大货不一致 / samples did not match" {
		t.Errorf("card 5 blocked: %q %v", ev, ok)
	}
	if c5.Level != "high-risk" || c5.Score == nil || *c5.Score > 35 || c5.BuyerEntry == nil || c5.BuyerEntry.Action != "block" {
		t.Errorf("card 5: %s %v %+v", c5.Level, c5.Score, c5.BuyerEntry)
	}

	// A trust entry on a 1-year store (written a-b2b-… on the page) is shown, not believed.
	c12 := cardOut(t, v, "c12")
	if c12.Level != "high-risk" || c12.BuyerEntry == nil || c12.BuyerEntry.Action != "trust" || c12.BuyerEntry.Rating == nil || *c12.BuyerEntry.Rating != 5 {
		t.Errorf("card 12: %s %+v", c12.Level, c12.BuyerEntry)
	}
	if c12.MemberID == nil || *c12.MemberID != "a-"+memberCard12 {
		t.Errorf("card 12 member %v", c12.MemberID)
	}

	// Unknown years: never trusted.
	c0 := cardOut(t, v, "c0")
	if c0.StoreAgeYears != nil || c0.Level == "trusted" || c0.Score == nil || *c0.Score > 69 {
		t.Errorf("card 0 (years unknown): %v %s %v", c0.StoreAgeYears, c0.Level, c0.Score)
	}
	for _, c := range v.Cards {
		if c.StoreAgeYears == nil && c.Level == "trusted" {
			t.Errorf("%s trusted without store age", c.Key)
		}
	}

	// An established factory card: trusted, with its evidence.
	c9 := cardOut(t, v, "c9") // 10 years (JSON tpYear), trustpass (DOM tag)
	if c9.Level != "trusted" || *c9.StoreAgeYears != 10 || c9.OfferID == nil || *c9.OfferID != "7400000117" {
		t.Errorf("card 9: %+v", c9)
	}
	if ev, _ := finding(c9, "store-age-established"); ev != "search offers company.tpYear = 10" {
		t.Errorf("card 9 evidence %q", ev)
	}
	// Cards 31 (bulk MOQ) and 40 (another unit) are not judged on price; 23 is at 51%.
	for _, k := range []string{"c23", "c31", "c40"} {
		if _, ok := finding(cardOut(t, v, k), "price-outlier-low"); ok {
			t.Errorf("%s fired price-outlier-low", k)
		}
	}
	if c3 := cardOut(t, v, "c3"); strings.Join(c3.Badges, ",") != "super-factory,trustpass" {
		t.Errorf("card 3 badges %q", c3.Badges)
	}
}

// Levels of single cards, read from the DOM fragment alone.
func TestCardLevels(t *testing.T) {
	tests := []struct {
		name, card string
		entries    map[string]any
		level      string
		score      int // -1: null
		finding    string
	}{
		{"11 years", `{"key":"a","years":"11年"}`, nil, "trusted", 80, "store-age-established"},
		{"1 year", `{"key":"a","years":"1年"}`, nil, "high-risk", 25, "store-age-new"},
		{"2 years", `{"key":"a","years":"2年"}`, nil, "caution", 43, "store-age-young"},
		{"price only: age unknown", `{"key":"a","price":"¥3.00"}`, nil, "caution", 55, ""},
		{"badge only", `{"key":"a","tags":["实力商家"]}`, nil, "caution", 63, "badge-powerful-merchant"},
		{"nothing known", `{"key":"a","title":"手机壳","company":"某公司"}`, nil, "unknown", -1, ""},
		{"nothing known but blocked", `{"key":"a","memberId":"b2b-9","title":"手机壳"}`,
			map[string]any{"b2b-9": map[string]any{"action": "block"}}, "high-risk", -1, "supplier-blocked"},
		{"payment off platform in the title", `{"key":"a","years":"11年","title":"手机壳 加微信优惠"}`, nil, "high-risk", 35, "payment-off-platform"},
		{"factory word in a card title is no claim", `{"key":"a","years":"3年","title":"厂家直销手机壳"}`, nil, "caution", 70, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := map[string]any{"url": urlOfferSearch, "dom": map[string]string{"cards": "[" + tc.card + "]"}}
			if tc.entries != nil {
				in["buyer"] = map[string]any{"entries": tc.entries}
			}
			b, _ := json.Marshal(in)
			v := decode(t, AnalyzeJSON(b))
			if len(v.Cards) != 1 {
				t.Fatalf("%d cards; notes %q", len(v.Cards), v.Notes)
			}
			c := v.Cards[0]
			if string(c.Level) != tc.level || (tc.score < 0) != (c.Score == nil) || (c.Score != nil && *c.Score != tc.score) {
				t.Errorf("level %s score %v, want %s %d; findings %+v", c.Level, c.Score, tc.level, tc.score, c.Findings)
			}
			if tc.finding != "" {
				if _, ok := finding(c, tc.finding); !ok {
					t.Errorf("no %s in %+v", tc.finding, c.Findings)
				}
			}
			for _, f := range c.Findings {
				if f.ID == "page-unreadable" {
					t.Errorf("page-unreadable on a card")
				}
			}
		})
	}
}

func TestSearchPageWithoutCards(t *testing.T) {
	b, _ := json.Marshal(map[string]any{"url": urlOfferSearch, "responses": []map[string]string{{
		"url": svcOffers + "0", "body": `{"ret":["FAIL_SYS_USER_VALIDATE::哎哟喂,被挤爆啦,请稍后重试"]}`}}})
	v := decode(t, AnalyzeJSON(b))
	if v.Readable || v.Level != "unknown" || len(v.Cards) != 0 || v.Cards == nil {
		t.Fatalf("readable %v level %s cards %v", v.Readable, v.Level, v.Cards)
	}
	if len(v.Findings) != 1 || v.Findings[0].ID != "page-unreadable" || !strings.Contains(v.Findings[0].Evidence, "FAIL_SYS_USER_VALIDATE") {
		t.Fatalf("findings %+v", v.Findings)
	}
}

func TestSupplierSearchVerdict(t *testing.T) {
	b, _ := json.Marshal(map[string]any{"url": urlCompanySearch,
		"responses": []map[string]string{{"url": svcCompanies, "body": readSearch(t, "company-search.json")}},
		"buyer":     map[string]any{"entries": map[string]any{"b2b-22000001763f": map[string]any{"action": "block", "note": "no reply after payment"}}}})
	v := decode(t, AnalyzeJSON(b))
	if len(v.Cards) != 30 || v.Level != "unknown" {
		t.Fatalf("%d cards, level %s", len(v.Cards), v.Level)
	}
	c9 := v.Cards[9] // written a-b2b-… by the service, blocked as b2b-…
	if c9.Level != "high-risk" || c9.Key != "member:a-b2b-22000001763f" || c9.OfferID != nil {
		t.Errorf("card 9: %+v", c9)
	}
	c3 := v.Cards[3] // super factory, 4 years
	if c3.Level != "trusted" || strings.Join(c3.Badges, ",") != "super-factory" {
		t.Errorf("card 3: %s %v %+v", c3.Level, c3.Badges, c3.Findings)
	}
	if c0 := v.Cards[0]; c0.StoreAgeYears != nil || c0.Level == "trusted" {
		t.Errorf("card 0 (tpServiceYear -1): %+v", c0)
	}
}

// On a store's offer list, the store's own cards carry the store's
// verdict, and a card is never more reassuring than its store.
func TestStoreOfferListVerdict(t *testing.T) {
	header, err := os.ReadFile("../page/testdata/real/company-b2b-406915100661872.wp_pc_common_header.moduleasyncservice.jsonp")
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]any{
		"url": "https://shop1467652076311.1688.com/page/offerlist.htm",
		"responses": []map[string]string{
			{"url": svcModule + "?data=%7B%22componentKey%22%3A%22wp_pc_common_header%22%7D", "body": string(header)},
			{"url": svcModule + "?data=%7B%22componentKey%22%3A%22Wp_pc_common_offerlist%22%7D", "body": readSearch(t, "store-offerlist.jsonp")},
		},
		"dom": map[string]string{"slogan": "诚信经营 付款请加微信 wx123456"},
	}
	b, _ := json.Marshal(in)
	v := decode(t, AnalyzeJSON(b))
	if v.Kind != "store" || v.StorePage != "offer-list" || len(v.Cards) != 30 {
		t.Fatalf("kind %s page %s cards %d, notes %q", v.Kind, v.StorePage, len(v.Cards), v.Notes)
	}
	if v.Level != "high-risk" {
		t.Fatalf("page level %s (slogan asks for WeChat payment): %+v", v.Level, v.Findings)
	}
	for _, c := range v.Cards {
		if c.StoreAgeYears == nil || *c.StoreAgeYears != *v.Supplier.StoreAgeYears {
			t.Errorf("%s: store age %v, store's %v", c.Key, c.StoreAgeYears, v.Supplier.StoreAgeYears)
		}
		if c.Level != "high-risk" {
			t.Errorf("%s is %s on a high-risk store", c.Key, c.Level)
		}
		if _, ok := finding(c, "payment-off-platform"); !ok {
			t.Errorf("%s lacks the store's payment finding", c.Key)
		}
	}
	if ev, ok := finding(v.Cards[4], "price-outlier-low"); !ok || !strings.HasPrefix(ev, "¥1.50 vs median ¥6.75 of 29 cards") {
		t.Errorf("store card 4: %q %v", ev, ok)
	}
	// Without the slogan the store is trusted, and so are its cards but the cheap one.
	in["dom"] = map[string]string{}
	b, _ = json.Marshal(in)
	v = decode(t, AnalyzeJSON(b))
	for i, c := range v.Cards {
		want := "trusted"
		if i == 4 {
			want = "caution"
		}
		if string(c.Level) != want {
			t.Errorf("%s: %s, want %s (%+v)", c.Key, c.Level, want, c.Findings)
		}
	}
}

// On an offer page the offer is compared with the cards the page carries;
// alone, it never gets price-outlier-low.
func TestOfferPricePeers(t *testing.T) {
	v := decode(t, AnalyzeJSON(snapshotJSON(t, nil)))
	for _, f := range v.Findings {
		if f.ID == "price-outlier-low" {
			t.Fatalf("fired without comparables: %q", f.Evidence)
		}
	}
	if len(v.Cards) != 0 {
		t.Fatalf("cards on a plain offer page: %d", len(v.Cards))
	}
	// The 597090034012 sample sells from ¥2.30: give it ten "similar offers" at ¥9-11.
	var cards []string
	for i := 0; i < 10; i++ {
		cards = append(cards, fmt.Sprintf(`{"key":"r%d","offerId":"%d","price":"¥%d.50"}`, i, 100+i, 9+i%3))
	}
	v = decode(t, AnalyzeJSON(snapshotJSON(t, map[string]any{"dom": map[string]string{"cards": "[" + strings.Join(cards, ",") + "]"}})))
	var ev string
	for _, f := range v.Findings {
		if f.ID == "price-outlier-low" {
			ev = f.Evidence
		}
	}
	if !strings.HasPrefix(ev, "¥2.30 vs median ¥10.50 of 10 cards on this page") {
		t.Fatalf("offer vs its page's cards: %q", ev)
	}
}

// BenchmarkSearch60 is the whole analysis of a 60-card search page: decode
// the snapshot (three search responses, the rendered cards, a buyer list),
// read and merge the cards, judge each, encode the verdict.
func BenchmarkSearch60(b *testing.B) {
	entries := map[string]any{}
	for i := 0; i < 200; i++ {
		entries[fmt.Sprintf("b2b-%016d", i)] = map[string]any{"action": "trust", "note": "ok"}
	}
	entries[memberCard5] = map[string]any{"action": "block", "note": "bad"}
	in := searchSnapshot(b, map[string]any{"entries": entries})
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		out := AnalyzeJSON(in)
		if len(out) < 10000 {
			b.Fatalf("short verdict: %s", out)
		}
	}
}
