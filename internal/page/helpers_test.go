package page

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Real captures, kept in testdata/real (see testdata/real/SOURCES.md)
// so that the tests run on a clean clone and under GOOS=js.
const (
	fixtureDir          = "testdata/real"
	fixtureG2Slsj       = "offer-597090034012.init-data.json"
	fixtureG2Default    = "offer-833454967766.init-data.json"
	fixtureG3           = "offer-943009939489.g3-context.js.txt"
	fixtureMobile       = "mobile-813724060928.init-data.json"
	fixtureMtopSKU      = "mtop-sku-813724060928.json"
	fixtureMtopPubSKU   = "mtop-public-sku-813724060928.json"
	fixtureShopcard     = "shopcard-927875250705.doc-excerpt.json"
	fixtureStoreHeader  = "company-b2b-406915100661872.wp_pc_common_header.moduleasyncservice.jsonp"
	fixtureBusinessInfo = "company-b2b-406915100661872.businessinfo.moduleasyncservice.json"
	fixtureStoreTexts   = "company-b2b-1634230375.page-texts.json"
	fixtureTPDocs       = "company-b2b-406915100661872.tpdocument-responses.json"
	fixtureLicenceText  = "company-b2b-406915100661872.businessinfor-page.txt"
	fixtureCreditText   = "company-b2b-406915100661872.creditdetail-page.txt"
	fixtureContactText  = "company-b2b-406915100661872.contactinfo-page.txt"
)

func mustRead(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		tb.Fatalf("read fixture: %v", err)
	}
	return string(b)
}

// wrapInitData makes a model JSON into the inline script a real page carries.
func wrapInitData(js string) string { return "window.__INIT_DATA=" + js + ";" }

func expectStr(t *testing.T, what string, f Field[string], want, wantSrc string) {
	t.Helper()
	if !f.Known || f.Value != want {
		t.Errorf("%s = %q (known %v), want %q", what, f.Value, f.Known, want)
	}
	if wantSrc != "" && f.Source != wantSrc {
		t.Errorf("%s source = %q, want %q", what, f.Source, wantSrc)
	}
}

func expectInt(t *testing.T, what string, f Field[int], want int) {
	t.Helper()
	if !f.Known || f.Value != want {
		t.Errorf("%s = %d (known %v), want %d", what, f.Value, f.Known, want)
	}
}

func expectFloat(t *testing.T, what string, f Field[float64], want float64) {
	t.Helper()
	if !f.Known || f.Value != want {
		t.Errorf("%s = %v (known %v), want %v", what, f.Value, f.Known, want)
	}
}

func expectUnknown[T any](t *testing.T, what string, f Field[T]) {
	t.Helper()
	if f.Known {
		t.Errorf("%s = %v from %q, want unknown", what, f.Value, f.Source)
	}
}

func expectBadges(t *testing.T, m Model, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, b := range m.Supplier.Badges {
		got[b.ID] = b.Source
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("badges = %v, want %v", got, want)
	}
}

func expectNote(t *testing.T, m Model, substr string) {
	t.Helper()
	for _, n := range m.Notes {
		if strings.Contains(n, substr) {
			return
		}
	}
	t.Errorf("no note containing %q in %q", substr, m.Notes)
}

func hasText(m Model, where, text string) bool {
	for _, x := range m.Texts {
		if x.Where == where && x.Text == text {
			return true
		}
	}
	return false
}

func expectText(t *testing.T, m Model, where, text string) {
	t.Helper()
	if !hasText(m, where, text) {
		t.Errorf("no text {%q, %q}", where, text)
	}
}

// checkInvariants holds for every model, whatever the input: unknown fields
// are zero with no source, known fields say where they came from, a
// readable model has an offer id or title (or is a store page), and badge
// ids are unique and from the documented set.
func checkInvariants(t testing.TB, m Model) {
	t.Helper()
	walkFields(t, reflect.ValueOf(m), "Model")
	if m.Readable && m.Kind != KindStore && !m.Offer.ID.Known && !m.Offer.Title.Known {
		t.Errorf("readable %s page without offer id or title", m.Kind)
	}
	if (m.Generation != "") && !m.Readable {
		t.Errorf("generation %q but not readable", m.Generation)
	}
	if m.Readable && m.Kind == KindStore && !m.Offer.ID.Known && !m.Supplier.Company.Known {
		t.Errorf("readable store page without company")
	}
	if m.StorePage != "" && m.Kind != KindStore {
		t.Errorf("store page %q on a %s page", m.StorePage, m.Kind)
	}
	for _, r := range []Field[float64]{m.Store.RepurchaseRate, m.Store.GoodRate, m.Store.OnTimeRate, m.Store.DisputeRate,
		m.Store.QualityReturnRate, m.Store.Pickup48hRate, m.Store.Fulfil48hRate, m.Store.Response3mRate} {
		if r.Known && (r.Value < 0 || r.Value > 100) {
			t.Errorf("rate %v out of range (%s)", r.Value, r.Source)
		}
	}
	if s := m.Store.ServiceScore; s.Known && (s.Value < 0 || s.Value > 5) {
		t.Errorf("service score %v", s.Value)
	}
	seen := map[string]bool{}
	for _, b := range m.Supplier.Badges {
		if seen[b.ID] {
			t.Errorf("badge %s twice", b.ID)
		}
		seen[b.ID] = true
		if !validBadge[b.ID] || b.Source == "" {
			t.Errorf("bad badge %+v", b)
		}
	}
}

var validBadge = map[string]bool{
	"trustpass": true, "powerful-merchant": true, "super-factory": true, "powerful-factory": true,
	"deep-factory-audit": true, "deep-merchant-audit": true, "brand-authorization": true,
}

func walkFields(t testing.TB, v reflect.Value, path string) {
	t.Helper()
	if v.Kind() != reflect.Struct {
		return
	}
	ty := v.Type()
	if strings.HasPrefix(ty.Name(), "Field[") {
		known := v.FieldByName("Known").Bool()
		src := v.FieldByName("Source").String()
		val := v.FieldByName("Value")
		if !known && (src != "" || !val.IsZero()) {
			t.Errorf("%s unknown but has value %v / source %q", path, val, src)
		}
		if known && src == "" {
			t.Errorf("%s known without a source", path)
		}
		return
	}
	for i := 0; i < v.NumField(); i++ {
		walkFields(t, v.Field(i), path+"."+ty.Field(i).Name)
	}
}
