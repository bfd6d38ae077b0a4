package core

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/trustlens/trustlens/internal/page"
)

func decode(t *testing.T, b []byte) Verdict {
	t.Helper()
	var v Verdict
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("verdict is not JSON: %v\n%s", err, b)
	}
	return v
}

func snapshotJSON(t *testing.T, extra map[string]any) []byte {
	t.Helper()
	model, err := os.ReadFile("../page/testdata/real/offer-597090034012.init-data.json")
	if err != nil {
		t.Fatal(err)
	}
	return inputJSON(t, map[string]any{
		"url":     "https://detail.1688.com/offer/597090034012.html",
		"scripts": []string{"window.__INIT_DATA=" + string(model) + ";"},
		"responses": []map[string]string{{
			"url":  "https://h5api.m.1688.com/h5/mtop.1688.moga.pc.shopcard/1.0/?callback=mtopjsonp3",
			"body": `mtopjsonp3({"api":"mtop.1688.moga.pc.shopcard","ret":["SUCCESS::调用成功"],"data":{"model":{"tpYear":1}}})`,
		}},
	}, extra)
}

// inputJSON is the analyze() input: in, with the members of extra added
// (or replaced).
func inputJSON(t testing.TB, in, extra map[string]any) []byte {
	t.Helper()
	for k, v := range extra {
		in[k] = v
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestAnalyzeJSONBadInput(t *testing.T) {
	for _, in := range []string{"", "null", "[]", "{", `{"url": 5}`, `{"scripts": "x"}`, strings.Repeat("[", 100000)} {
		v := decode(t, AnalyzeJSON([]byte(in)))
		if v.Level != "unknown" || v.Score != nil || v.Error == "" {
			t.Errorf("%.20q: level %s score %v error %q", in, v.Level, v.Score, v.Error)
		}
	}
}

func TestAnalyzeJSONRecoversPanics(t *testing.T) {
	defer func(p func(page.Snapshot) page.Model) { parse = p }(parse)
	parse = func(page.Snapshot) page.Model { panic("boom") }
	v := decode(t, AnalyzeJSON([]byte(`{"url":"https://detail.1688.com/offer/1.html"}`)))
	if v.Level != "unknown" || !strings.Contains(v.Error, "boom") {
		t.Fatalf("verdict after panic: %+v", v)
	}
}

func TestAnalyzeJSONOrderAdvice(t *testing.T) {
	tests := []struct {
		name   string
		buyer  any
		advice bool
		fires  bool
	}{
		{"no buyer block", nil, false, false},
		{"10,000 USD to a 1-year store", map[string]any{"plannedOrder": map[string]any{"amount": 10000, "currency": "USD"}}, true, true},
		{"CNY converted", map[string]any{"plannedOrder": map[string]any{"amount": 1000, "currency": "cny"}}, true, false},
		{"unknown currency ignored", map[string]any{"plannedOrder": map[string]any{"amount": 10000, "currency": "EUR"}}, false, false},
		{"negative ignored", map[string]any{"plannedOrder": map[string]any{"amount": -5, "currency": "USD"}}, false, false},
		{"string amount ignored", map[string]any{"plannedOrder": map[string]any{"amount": "10000", "currency": "USD"}}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extra := map[string]any{}
			if tt.buyer != nil {
				extra["buyer"] = tt.buyer
			}
			v := decode(t, AnalyzeJSON(snapshotJSON(t, extra)))
			if (v.OrderAdvice != nil) != tt.advice {
				t.Fatalf("orderAdvice = %+v, want present=%v", v.OrderAdvice, tt.advice)
			}
			fired := false
			for _, f := range v.Findings {
				fired = fired || f.ID == "order-exceeds-store-trust"
			}
			if fired != tt.fires {
				t.Fatalf("order-exceeds-store-trust fired=%v, want %v", fired, tt.fires)
			}
			if tt.advice && (len(v.OrderAdvice.Steps) == 0 || v.OrderAdvice.Steps[0].ZH == "") {
				t.Fatalf("advice without bilingual steps: %+v", v.OrderAdvice)
			}
		})
	}
}

func TestVerdictNullsForUnknown(t *testing.T) {
	out := string(AnalyzeJSON([]byte(`{"url":"https://detail.1688.com/offer/1.html","scripts":["var x=1;"]}`)))
	for _, want := range []string{`"storeAgeYears":null`, `"score":null`, `"level":"unknown"`, `"company":null`, `"priceMin":null`, `"findings":[{"id":"page-unreadable"`} {
		if !strings.Contains(out, want) {
			t.Errorf("verdict lacks %s:\n%s", want, out)
		}
	}
}

// TestDescriptionAsksForWeChat: the extension's snapshot of the real G2
// offer 597090034012 with its description response captured (the real body
// shape of offer 813724060928's description, composed words) is high-risk,
// quoting the description.
func TestDescriptionAsksForWeChat(t *testing.T) {
	body, err := os.ReadFile("../page/testdata/real/description-813724060928.offer_details.js.txt")
	if err != nil {
		t.Fatal(err)
	}
	desc := strings.Replace(string(body), `</div>"};`, `<p>请加VX：tl_test88，走对公转账或银行卡付款</p></div>"};`, 1)
	if desc == string(body) {
		t.Fatal("fixture changed: no closing div")
	}
	in := snapshotJSON(t, nil)
	var m map[string]any
	if err := json.Unmarshal(in, &m); err != nil {
		t.Fatal(err)
	}
	m["responses"] = append(m["responses"].([]any), map[string]any{
		"url": "https://itemcdn.tmall.com/1688offer/icoss4165340769b90795afecc86a4b", "body": desc,
	})
	v := decode(t, AnalyzeJSON(inputJSON(t, m, nil)))
	if v.Level != "high-risk" {
		t.Fatalf("level %s, findings %+v", v.Level, v.Findings)
	}
	for _, f := range v.Findings {
		if f.ID == "payment-off-platform" && strings.HasPrefix(f.Evidence, `description: "请加VX：tl_test88`) {
			return
		}
	}
	t.Errorf("no payment finding quoting the description: %+v", v.Findings)
}

// A seller repeats a key in the page model: the page's JavaScript shows the
// last value, so the verdict names the last one too (the first was read
// before). Follows the real G2 capture offer-597090034012.
func TestRepeatedKeyReadsAsThePageDoes(t *testing.T) {
	model, err := os.ReadFile("../page/testdata/real/offer-597090034012.init-data.json")
	if err != nil {
		t.Fatal(err)
	}
	const real = `"companyName":"广州欧博化妆品有限公司"`
	if strings.Count(string(model), real) != 1 {
		t.Fatal("the capture no longer names its company once")
	}
	forged := strings.Replace(string(model), real, `"companyName":"诚信老厂",`+real[:len(real)-len(`广州欧博化妆品有限公司"`)]+`显示名有限公司"`, 1)
	v := decode(t, AnalyzeJSON(inputJSON(t, map[string]any{
		"url":     "https://detail.1688.com/offer/597090034012.html",
		"scripts": []string{"window.__INIT_DATA=" + forged + ";"},
	}, nil)))
	if v.Supplier.Company == nil || *v.Supplier.Company != "显示名有限公司" {
		t.Errorf("company = %v, want the last of the repeated key (显示名有限公司)", v.Supplier.Company)
	}
}

// TestLicenceHolderLegalFormSuffix: on the real G3 excerpt of offer
// 996518024136 the licence holder (shopInfo.authCompanyName) differs from
// the store's name only by "(个人独资)": the same company. Another name
// there is a different company.
func TestLicenceHolderLegalFormSuffix(t *testing.T) {
	html, err := os.ReadFile("../page/testdata/real/offer-996518024136.g3-context-trimmed.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		holder string
		fires  bool
	}{
		{"广州衣秀缘服饰商行(个人独资)", false},
		{"广州衣秀缘服饰商行（个人独资）", false},
		{"深圳市远航电子贸易有限公司", true},
	} {
		html2 := strings.Replace(string(html), "广州衣秀缘服饰商行(个人独资)", c.holder, 1)
		s := page.FromHTML("", []byte(html2))
		v := decode(t, AnalyzeJSON(inputJSON(t, map[string]any{"url": s.URL, "scripts": s.Scripts}, nil)))
		fired := false
		for _, f := range v.Findings {
			fired = fired || f.ID == "licence-mismatch"
		}
		if fired != c.fires {
			t.Errorf("holder %q: licence-mismatch %v, want %v (%+v)", c.holder, fired, c.fires, v.Findings)
		}
	}
}

// A right-to-left override in the company name: the verdict's name (what the
// panel shows and the licence check copies) has the controls removed, and
// the hidden-characters finding shows them to the buyer. Follows the real G2
// capture offer-597090034012 with its company name edited.
func TestCompanyNameWithBidiOverride(t *testing.T) {
	model, err := os.ReadFile("../page/testdata/real/offer-597090034012.init-data.json")
	if err != nil {
		t.Fatal(err)
	}
	const real = "广州欧博化妆品有限公司"
	forged := strings.ReplaceAll(string(model), real, "广州欧博\u202e司公限有品妆化\u202c")
	v := decode(t, AnalyzeJSON(inputJSON(t, map[string]any{
		"url":     "https://detail.1688.com/offer/597090034012.html",
		"scripts": []string{"window.__INIT_DATA=" + forged + ";"},
		"memory":  map[string]any{"id": ""},
	}, nil)))
	if v.Supplier.Company == nil || *v.Supplier.Company != "广州欧博司公限有品妆化" {
		t.Fatalf("company %q, want the name without its bidi controls", *v.Supplier.Company)
	}
	if v.Facts == nil || v.Facts.Company != *v.Supplier.Company {
		t.Fatalf("facts company %+v differs from the shown one", v.Facts)
	}
	for _, f := range v.Findings {
		if f.ID == "hidden-characters" && strings.Contains(f.Evidence, "⟨U+202E⟩") {
			return
		}
	}
	t.Errorf("no hidden-characters finding showing ⟨U+202E⟩: %+v", v.Findings)
}
