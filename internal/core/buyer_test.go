package core

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/trustlens/trustlens/internal/rules"
)

// offer833 is the analyze() input of the plain TrustPass seller's offer
// 833454967766 with an 11-year shopcard: "trusted" on its own.
func offer833(t testing.TB, buyer any) []byte {
	t.Helper()
	model, err := os.ReadFile("../page/testdata/real/offer-833454967766.init-data.json")
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]any{
		"url":     "https://detail.1688.com/offer/833454967766.html",
		"scripts": []string{"window.__INIT_DATA=" + string(model) + ";"},
		"responses": []map[string]string{{
			"url":  "https://h5api.m.1688.com/h5/mtop.1688.moga.pc.shopcard/1.0/?callback=mtopjsonp3",
			"body": `mtopjsonp3({"api":"mtop.1688.moga.pc.shopcard","ret":["SUCCESS::调用成功"],"data":{"model":{"tpYear":11}}})`,
		}},
	}
	if buyer != nil {
		in["buyer"] = buyer
	}
	b, _ := json.Marshal(in)
	return b
}

const member833 = "b2b-22175540303633d894"

func TestSupplierEntryOnOfferPage(t *testing.T) {
	plain := decode(t, AnalyzeJSON(offer833(t, nil)))
	if plain.Level != "trusted" || plain.BuyerEntry != nil {
		t.Fatalf("baseline: %s %+v", plain.Level, plain.BuyerEntry)
	}
	tests := []struct {
		name   string
		buyer  any
		level  rules.Level
		action string // echoed buyerEntry action, "" for none
		ev     string // supplier-blocked evidence, "" for none
		note   string
	}{
		{"block", map[string]any{"supplierEntry": map[string]any{"action": "block", "note": "  sent fakes <b>twice</b> ", "rating": 1}},
			"high-risk", "block", "on your blocked list: sent fakes <b>twice</b>", ""},
		{"trust changes nothing", map[string]any{"supplierEntry": map[string]any{"action": "trust", "note": "good", "rating": 5}},
			"trusted", "trust", "", ""},
		{"block from entries by member id", map[string]any{"entries": map[string]any{member833: map[string]any{"action": "block"}}},
			"high-risk", "block", "on your blocked list", ""},
		{"supplierEntry for another member", map[string]any{"supplierEntry": map[string]any{"action": "block", "memberId": "b2b-other1"}},
			"trusted", "", "", "buyer.supplierEntry is for member \"b2b-other1\""},
		{"supplierEntry naming this member", map[string]any{"supplierEntry": map[string]any{"action": "block", "memberId": member833}},
			"high-risk", "block", "on your blocked list", ""},
		{"unknown action", map[string]any{"supplierEntry": map[string]any{"action": "ban"}}, "trusted", "", "", "buyer.supplierEntry ignored: unknown action"},
		{"rating out of range", map[string]any{"supplierEntry": map[string]any{"action": "block", "rating": 7}}, "trusted", "", "", "rating is not 1-5"},
		{"note not a string", map[string]any{"supplierEntry": map[string]any{"action": "block", "note": 5}}, "trusted", "", "", "note is not a string"},
		{"entries not an object", map[string]any{"entries": []string{member833}}, "trusted", "", "", "buyer.entries ignored: not an object"},
		{"a bad entry among good ones", map[string]any{"entries": map[string]any{"b2b-x": "block", member833: map[string]any{"action": "block"}}},
			"high-risk", "block", "on your blocked list", "1 buyer entries ignored"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := decode(t, AnalyzeJSON(offer833(t, tc.buyer)))
			if v.Level != tc.level {
				t.Errorf("level %s, want %s (%+v)", v.Level, tc.level, v.Findings)
			}
			if got := ""; v.BuyerEntry != nil {
				got = v.BuyerEntry.Action
				if got != tc.action {
					t.Errorf("echo %+v, want %q", v.BuyerEntry, tc.action)
				}
			} else if tc.action != "" {
				t.Errorf("no echo, want %q", tc.action)
			}
			var ev string
			for _, f := range v.Findings {
				if f.ID == "supplier-blocked" {
					ev = f.Evidence
				}
			}
			if ev != tc.ev {
				t.Errorf("evidence %q, want %q", ev, tc.ev)
			}
			if tc.note != "" && !strings.Contains(strings.Join(v.Notes, "\n"), tc.note) {
				t.Errorf("notes %q lack %q", v.Notes, tc.note)
			}
		})
	}
}

// A blocked supplier is high-risk even on a page that could not be read.
func TestBlockedOnUnreadablePage(t *testing.T) {
	b, _ := json.Marshal(map[string]any{"url": "https://detail.1688.com/offer/1.html",
		"buyer": map[string]any{"supplierEntry": map[string]any{"action": "block", "note": "x"}}})
	v := decode(t, AnalyzeJSON(b))
	if v.Readable || v.Level != "high-risk" || v.Score != nil {
		t.Fatalf("readable %v level %s score %v", v.Readable, v.Level, v.Score)
	}
	b, _ = json.Marshal(map[string]any{"url": "https://detail.1688.com/offer/1.html",
		"buyer": map[string]any{"supplierEntry": map[string]any{"action": "trust"}}})
	if v := decode(t, AnalyzeJSON(b)); v.Level != "unknown" || v.BuyerEntry == nil {
		t.Fatalf("trust on an unreadable page: %s %+v", v.Level, v.BuyerEntry)
	}
}

func TestBuyerEntriesCaps(t *testing.T) {
	entries := map[string]any{}
	for i := 0; i < rules.MaxBuyerEntries+100; i++ {
		entries[fmt.Sprintf("b2b-%06d", i)] = map[string]any{"action": "block", "note": "n"}
	}
	entries[strings.Repeat("b", 100)] = map[string]any{"action": "block"} // over-long key
	long := strings.Repeat("坏", 300)                                      // 900 bytes
	in, _ := json.Marshal(map[string]any{"buyer": map[string]any{"entries": entries, "supplierEntry": map[string]any{"action": "block", "note": long}}})
	b := buyerOf(in)
	if len(b.Entries) > rules.MaxBuyerEntries || len(b.Entries) < rules.MaxBuyerEntries-1 {
		t.Errorf("%d entries kept", len(b.Entries))
	}
	if !strings.Contains(strings.Join(b.Notes, "\n"), "cap hit: 601 buyer entries, only the first 500 read") {
		t.Errorf("notes %q", b.Notes)
	}
	if b.SupplierEntry == nil || len(b.SupplierEntry.Note) > rules.MaxBuyerNote || !utf8.ValidString(b.SupplierEntry.Note) {
		t.Errorf("note cut: %d bytes", len(b.SupplierEntry.Note))
	}
	// Keys are compared by member key: a-b2b-… and b2b-… are one member.
	b = buyerOf([]byte(`{"buyer":{"entries":{"a-b2b-77":{"action":"trust","rating":4}}}}`))
	if e, ok := b.Entries["b2b-77"]; !ok || e.Rating != 4 {
		t.Errorf("entries %+v", b.Entries)
	}
	// Invalid JSON input: nothing read, nothing noted.
	if b := buyerOf([]byte(`{"buyer":{"entries":{`)); b.Entries != nil || b.SupplierEntry != nil || len(b.Notes) != 0 {
		t.Errorf("invalid input read: %+v", b)
	}
}

// FuzzAnalyzeSearch feeds arbitrary text as a search response, the cards
// fragment and the buyer block. The verdict is always JSON, with a known
// level, at most MaxCards cards, and no card (or page) trusted without a
// store age.
func FuzzAnalyzeSearch(f *testing.F) {
	f.Add(readSearch(f, "offer-search-0.json"), readSearch(f, "dom-cards-60.json"), `{"entries":{"b2b-22000001035f":{"action":"block","note":"x"}}}`)
	f.Add(readSearch(f, "company-search.json"), `[{"key":"s","memberId":"a-b2b-1","years":"9年"}]`, `{"supplierEntry":{"action":"trust","rating":5,"memberId":"a-b2b-1"}}`)
	f.Add(`{"ret":["FAIL_SYS_TOKEN_EMPTY::令牌为空"]}`, `[`, `{"entries":[]}`)
	f.Add(`{"data":{"data":{"offerList":[{"id":1,"tradePrice":{"offerPrice":{"valueString":"¥ 1 .98"}}}]}}}`, `[{"price":"2.3-20.5","moq":"≥2件"}]`, `{"entries":{"":{"action":"block"},"b2b-1":{"action":"none","rating":3.5}}}`)
	f.Add("", "", `null`)
	f.Fuzz(func(t *testing.T, body, cards, buyer string) {
		in := `{"url":"` + urlOfferSearch + `","responses":[{"url":` + quoteJSON(svcOffers+"0") + `,"body":` + quoteJSON(body) +
			`},{"url":` + quoteJSON(svcCompanies) + `,"body":` + quoteJSON(body) + `}],"dom":{"cards":` + quoteJSON(cards) + `}`
		if json.Valid([]byte(buyer)) {
			in += `,"buyer":` + buyer
		}
		in += "}"
		var v Verdict
		if err := json.Unmarshal(AnalyzeJSON([]byte(in)), &v); err != nil {
			t.Fatalf("verdict not JSON: %v", err)
		}
		if len(v.Cards) > 200 {
			t.Fatalf("%d cards", len(v.Cards))
		}
		for _, c := range append(v.Cards, CardOut{Level: v.Level, StoreAgeYears: v.Supplier.StoreAgeYears}) {
			switch c.Level {
			case rules.Trusted:
				if c.StoreAgeYears == nil {
					t.Fatalf("trusted without store age: %+v", c)
				}
			case rules.Caution, rules.HighRisk, rules.Unknown:
			default:
				t.Fatalf("level %q", c.Level)
			}
			if c.Level == rules.Unknown && c.Score != nil {
				t.Fatalf("unknown with a score: %+v", c)
			}
		}
	})
}

func quoteJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestMinStoreYears: the buyer's minimum store age (options) on an offer
// page and on search cards; bad values are ignored with a note.
func TestMinStoreYears(t *testing.T) {
	has := func(fs []rules.Finding, id string) bool {
		for _, f := range fs {
			if f.ID == id {
				return true
			}
		}
		return false
	}
	// The real G2 page 597090034012 with a shopcard saying tpYear 1: the age
	// is one finding (store-age-new), the buyer's minimum adds no second one.
	v := decode(t, AnalyzeJSON(snapshotJSON(t, map[string]any{"buyer": map[string]any{"minStoreYears": 3}})))
	if has(v.Findings, "store-age-below-minimum") || !has(v.Findings, "store-age-new") || v.Level == rules.Trusted {
		t.Fatalf("1-year store, minimum 3: %s %+v", v.Level, v.Findings)
	}
	without := decode(t, AnalyzeJSON(snapshotJSON(t, nil)))
	if *v.Score != *without.Score {
		t.Errorf("the minimum changed the score of a 1-year store again: %d, without it %d", *v.Score, *without.Score)
	}
	for _, f := range v.Findings {
		if f.ID == "warning-signs-combined" && strings.Contains(f.Evidence, "store-age-below-minimum") {
			t.Errorf("the buyer's minimum counted as a warning sign: %s", f.Evidence)
		}
	}
	if v := decode(t, AnalyzeJSON(snapshotJSON(t, map[string]any{"buyer": map[string]any{"minStoreYears": 1}}))); has(v.Findings, "store-age-below-minimum") {
		t.Error("fired at exactly the minimum")
	}
	for _, bad := range []any{-1, 31, 2.5, "3", true} {
		v := decode(t, AnalyzeJSON(snapshotJSON(t, map[string]any{"buyer": map[string]any{"minStoreYears": bad}})))
		if has(v.Findings, "store-age-below-minimum") || !strings.Contains(strings.Join(v.Notes, "\n"), "minStoreYears ignored") {
			t.Errorf("minStoreYears %v: findings %v notes %q", bad, v.Findings, v.Notes)
		}
	}

	// Search cards: each card's own store age against the minimum.
	s := decode(t, AnalyzeJSON(searchSnapshot(t, map[string]any{"minStoreYears": 5})))
	below, checked := 0, 0
	for _, c := range s.Cards {
		if c.StoreAgeYears == nil {
			if has(c.Findings, "store-age-below-minimum") {
				t.Errorf("card %s of unknown age fired", c.Key)
			}
			continue
		}
		checked++
		// 1-2 years: store-age-new or store-age-young counts the age instead.
		if got, want := has(c.Findings, "store-age-below-minimum"), *c.StoreAgeYears < 5 && *c.StoreAgeYears >= 3; got != want {
			t.Errorf("card %s, %d years: fired %v", c.Key, *c.StoreAgeYears, got)
		}
		if *c.StoreAgeYears < 5 {
			below++
			if c.Level == rules.Trusted {
				t.Errorf("card %s under the minimum is trusted", c.Key)
			}
		}
	}
	if checked == 0 || below == 0 || below == checked {
		t.Fatalf("the fixture should have cards on both sides of 5 years: %d of %d below", below, checked)
	}
}
