package core

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

// The real G2 capture offer-597090034012 (member b2b-29266662898cf9d) as the
// extension sends it: no shopcard response, so the page shows no store age.
func g2OfferInput(t *testing.T, url string, responses []map[string]string, mem map[string]any) []byte {
	t.Helper()
	model, err := os.ReadFile("../page/testdata/real/offer-597090034012.init-data.json")
	if err != nil {
		t.Fatal(err)
	}
	// Another address: the same model made to be that offer's (a hostile
	// page writes whatever model it likes).
	if id := strings.TrimSuffix(strings.TrimPrefix(strings.SplitN(url, "?", 2)[0], "https://detail.1688.com/offer/"), ".html"); id != "597090034012" {
		model = []byte(strings.ReplaceAll(string(model), "597090034012", id))
	}
	in := map[string]any{
		"url":       url,
		"scripts":   []string{"window.__INIT_DATA=" + string(model) + ";"},
		"responses": responses,
	}
	if mem != nil {
		in["memory"] = mem
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const g2Member = "b2b-29266662898cf9d"

func shopcard(tpYear int) []map[string]string {
	return []map[string]string{{
		"url":  "https://h5api.m.1688.com/h5/mtop.1688.moga.pc.shopcard/1.0/?callback=mtopjsonp3",
		"body": `mtopjsonp3({"api":"mtop.1688.moga.pc.shopcard","ret":["SUCCESS::调用成功"],"data":{"model":{"tpYear":` + itoa(tpYear) + `,"memberId":"` + g2Member + `"}}})`,
	}}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// The forged-shopcard attack: a page that is not the member's own (here an
// offer address) posts a shopcard with tpYear 15 for the member. Before, the
// memory kept it as the member's store age and the member's genuine offer
// page, which shows none, was judged with it (Caution 57 -> Trusted 82).
// Now the claim is kept with its page, unproved, and not used because it
// would raise the verdict; the buyer is told it was not used.
func TestForgedShopcardDoesNotRaiseAnotherMember(t *testing.T) {
	plain := decode(t, AnalyzeJSON(g2OfferInput(t, "https://detail.1688.com/offer/597090034012.html", nil, nil)))
	if plain.Supplier.StoreAgeYears != nil {
		t.Fatalf("the genuine page shows a store age itself: %d", *plain.Supplier.StoreAgeYears)
	}
	forged := decode(t, AnalyzeJSON(g2OfferInput(t, "https://detail.1688.com/offer/1.html?spm=x", shopcard(15),
		map[string]any{"id": "m:" + g2Member, "entry": nil, "now": 1_790_000_000_000})))
	if forged.Memory == nil || forged.Memory.Entry == nil {
		t.Fatalf("the forged page's sighting was not returned for storing: %+v", forged.Memory)
	}
	src := forged.Memory.Entry.Sources[0]
	if src.Proves || src.Facts.StoreAgeYears != 15 || src.URL != "https://detail.1688.com/offer/1.html" {
		t.Fatalf("forged sighting kept as %+v", src)
	}
	genuine := decode(t, AnalyzeJSON(g2OfferInput(t, "https://detail.1688.com/offer/597090034012.html", nil,
		map[string]any{"id": "m:" + g2Member, "entry": forged.Memory.Entry})))
	if genuine.Supplier.StoreAgeYears != nil || genuine.Level != plain.Level || *genuine.Score != *plain.Score {
		t.Fatalf("forged store age used: age %v, %s %d (own page: %s %d)", genuine.Supplier.StoreAgeYears,
			genuine.Level, *genuine.Score, plain.Level, *plain.Score)
	}
	if n := genuine.Memory.NotUsed; len(n) != 1 || n[0].Field != "storeAgeYears" || n[0].Value != "15" {
		t.Fatalf("notUsed = %+v, want the forged store age", n)
	}
	if !genuine.Memory.Matched || len(genuine.Memory.Recalled) != 0 {
		t.Fatalf("memory out %+v", genuine.Memory)
	}
}

// A claim that makes the supplier look worse is used even from an
// unproving page: a store age of 1 from another offer page.
func TestUnprovedWorseClaimIsUsed(t *testing.T) {
	first := decode(t, AnalyzeJSON(g2OfferInput(t, "https://detail.1688.com/offer/2.html", shopcard(1),
		map[string]any{"id": "m:" + g2Member, "now": 1_790_000_000_000})))
	v := decode(t, AnalyzeJSON(g2OfferInput(t, "https://detail.1688.com/offer/597090034012.html", nil,
		map[string]any{"id": "m:" + g2Member, "entry": first.Memory.Entry})))
	if v.Supplier.StoreAgeYears == nil || *v.Supplier.StoreAgeYears != 1 {
		t.Fatalf("store age 1 from another page not used: %v (notUsed %+v)", v.Supplier.StoreAgeYears, v.Memory.NotUsed)
	}
	if seen := v.Memory.Recalled["storeAgeYears"]; seen.URL != "https://detail.1688.com/offer/2.html" || seen.Proves {
		t.Fatalf("recalled %+v", v.Memory.Recalled)
	}
}

// A page of the member's own store host proves the member: its store age is
// used, and a newer forged claim is shown as a conflict, not preferred.
func TestProvedFactWinsNewerClaimIsShown(t *testing.T) {
	day := int64(24 * time.Hour / time.Millisecond)
	entry := map[string]any{
		"memberId": g2Member,
		"sources": []map[string]any{
			{"url": "https://detail.1688.com/offer/1.html", "at": 1_790_000_000_000 + day, "facts": map[string]any{"storeAgeYears": 15}},
			{"url": "https://shopabc123.1688.com/page/creditdetail.htm", "at": 1_790_000_000_000, "proves": true, "facts": map[string]any{"storeAgeYears": 3}},
		},
	}
	v := decode(t, AnalyzeJSON(g2OfferInput(t, "https://detail.1688.com/offer/597090034012.html", nil,
		map[string]any{"id": "m:" + g2Member, "entry": entry})))
	if v.Supplier.StoreAgeYears == nil || *v.Supplier.StoreAgeYears != 3 {
		t.Fatalf("store age %v, want 3 from the store's own page", v.Supplier.StoreAgeYears)
	}
	c := v.Memory.Conflicts
	if len(c) != 1 || c[0].Value != "15" || c[0].Shown != "3" || c[0].URL != "https://detail.1688.com/offer/1.html" {
		t.Fatalf("conflicts %+v", c)
	}
}

// An entry sent for another supplier than the page's is not used; the
// page's own sighting comes back unmatched (to store only where nothing is).
func TestMemoryOfAnotherSupplierIsNotUsed(t *testing.T) {
	entry := map[string]any{"memberId": "b2b-other0000001", "sources": []map[string]any{
		{"url": "https://shopx.1688.com/", "at": 1_790_000_000_000, "proves": true, "facts": map[string]any{"storeAgeYears": 9}}}}
	v := decode(t, AnalyzeJSON(g2OfferInput(t, "https://detail.1688.com/offer/597090034012.html", nil,
		map[string]any{"id": "m:b2b-other0000001", "entry": entry})))
	if v.Supplier.StoreAgeYears != nil || v.Memory.Matched || v.Memory.ID != "m:"+g2Member {
		t.Fatalf("age %v, memory %+v", v.Supplier.StoreAgeYears, v.Memory)
	}
}

// Team data sent for another supplier is not applied.
func TestTeamBlockForAnotherMember(t *testing.T) {
	var in map[string]any
	if err := json.Unmarshal(g2OfferInput(t, "https://detail.1688.com/offer/597090034012.html", nil, nil), &in); err != nil {
		t.Fatal(err)
	}
	in["team"] = map[string]any{"memberId": "b2b-other0000001", "entry": map[string]any{"action": "block", "note": "x"}}
	b, _ := json.Marshal(in)
	if v := decode(t, AnalyzeJSON(b)); v.Level == "high-risk" {
		t.Fatalf("another member's team block applied: %+v", v.Findings)
	}
	in["team"].(map[string]any)["memberId"] = g2Member
	b, _ = json.Marshal(in)
	if v := decode(t, AnalyzeJSON(b)); v.Level != "high-risk" {
		t.Fatalf("the member's own team block not applied: %s", v.Level)
	}
}
