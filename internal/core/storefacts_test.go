package core

import (
	"os"
	"strings"
	"testing"

	"github.com/trustlens/trustlens/internal/page"
)

// samplePage is a saved page of testdata/samples as the extension would send it.
func samplePage(t *testing.T, name string, extra map[string]any) Verdict {
	t.Helper()
	b, err := os.ReadFile("../../testdata/samples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	s := page.FromHTML("", b)
	return decode(t, AnalyzeJSON(inputJSON(t, map[string]any{"url": s.URL, "scripts": s.Scripts, "dom": s.DOM}, extra)))
}

func fact(list []StoreFact, key string) (StoreFact, bool) {
	for _, f := range list {
		if f.Key == key {
			return f, true
		}
	}
	return StoreFact{}, false
}

// The licence page of store 1634230375 (real page text, 2026-08): the
// licence is shown back, and checked against the store's name seen on the
// store's other pages.
func TestLicencePageFacts(t *testing.T) {
	v := samplePage(t, "store-licence-1634230375.html", nil)
	if !v.Readable || v.StoreFacts == nil {
		t.Fatalf("readable %v, storeFacts %+v", v.Readable, v.StoreFacts)
	}
	for key, want := range map[string]string{
		"company": "深圳橙色之城科技有限公司", "creditCode": "91440300062709904R", "founded": "2013-02-21",
		"regCapital": "10万元", "legalRep": "刘坤妮", "verifiedBy": "中诚信",
	} {
		if f, ok := fact(v.StoreFacts.Licence, key); !ok || f.Value != want || f.Source == "" {
			t.Errorf("licence %s = %+v, want %q with a source", key, f, want)
		}
	}
	if f, ok := fact(v.StoreFacts.Licence, "scope"); !ok || !strings.HasPrefix(f.Value, "一般经营项目:电子产品") {
		t.Errorf("scope %+v", f)
	}
	if v.StoreFacts.NameMatchesStore != nil {
		t.Errorf("no store name but the licence's: check %v, want null", *v.StoreFacts.NameMatchesStore)
	}
	// Remembered as the licence's name, not as the store's (which would
	// check the licence against itself on the next visit).
	if f := v.Facts; f == nil || f.Company != "" || f.LicenceCompany != "深圳橙色之城科技有限公司" || f.MemberID != "b2b-1634230375" {
		t.Errorf("facts %+v", v.Facts)
	}

	remembered := func(company string) map[string]any {
		return map[string]any{"remembered": map[string]any{"memberId": "b2b-1634230375", "company": company,
			"seenUrl": "https://ccgame.1688.com/page/creditdetail.html", "seenAt": "2026-11-01T00:00:00Z"}}
	}
	v = samplePage(t, "store-licence-1634230375.html", remembered("深圳橙色之城科技有限公司"))
	if m := v.StoreFacts.NameMatchesStore; m == nil || !*m {
		t.Errorf("same store: check %v, want true", m)
	}
	v = samplePage(t, "store-licence-1634230375.html", remembered("东莞市虎门电玩贸易商行"))
	if m := v.StoreFacts.NameMatchesStore; m == nil || *m {
		t.Errorf("another company: check %v, want false", m)
	}
	found := false
	for _, f := range v.Findings {
		found = found || f.ID == "licence-mismatch"
	}
	if !found {
		t.Errorf("no licence-mismatch: %+v", v.Findings)
	}
}

// The factory card of store 1634230375 (real page text): what it says of the
// store itself is read; the page is readable, so no "could not read this
// page" next to the finding taken from it.
func TestFactoryCardFacts(t *testing.T) {
	v := samplePage(t, "store-factory-card-1634230375.html", nil)
	if !v.Readable || v.Level == "unknown" {
		t.Fatalf("readable %v level %s", v.Readable, v.Level)
	}
	ids := map[string]bool{}
	for _, f := range v.Findings {
		ids[f.ID] = true
	}
	if !ids["export-not-supported"] || ids["page-unreadable"] {
		t.Errorf("findings %v", ids)
	}
	if f, ok := fact(v.StoreFacts.Factory, "exportSupport"); !ok || f.Value != "no" {
		t.Errorf("exportSupport %+v", f)
	}
	// The recommended factories below it are other suppliers: none of their figures is this store's.
	for _, f := range v.StoreFacts.Factory {
		if f.Key == "area" || f.Key == "employees" {
			t.Errorf("a recommended factory's %s read as this store's: %+v", f.Key, f)
		}
	}
}

func TestNoStoreFactsOnOfferPages(t *testing.T) {
	if v := decode(t, AnalyzeJSON(snapshotJSON(t, nil))); v.StoreFacts != nil {
		t.Errorf("storeFacts on an offer page: %+v", v.StoreFacts)
	}
}
