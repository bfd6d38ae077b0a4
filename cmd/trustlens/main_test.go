package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trustlens/trustlens/internal/core"
	"github.com/trustlens/trustlens/internal/rules"
)

const samples = "../../testdata/samples/"

func analyzeJSON(t *testing.T, args ...string) core.Verdict {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(append([]string{"analyze"}, append(args, "--json")...), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var v core.Verdict
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	return v
}

func findingIDs(v core.Verdict) string {
	var ids []string
	for _, f := range v.Findings {
		ids = append(ids, f.ID)
	}
	return strings.Join(ids, ",")
}

func TestVerdictsOnSamples(t *testing.T) {
	tests := []struct {
		file      string
		kind      string
		level     string
		company   string
		age       int // 0: unknown
		findings  []string
		noFinding []string
	}{
		{"offer-597090034012.har", "offer", "trusted", "广州欧博化妆品有限公司", 11,
			[]string{"store-age-established", "badge-powerful-merchant"}, []string{"payment-off-platform", "page-unreadable"}},
		// The real G2 offer with its description response (real body shape of
		// offer 813724060928's description, composed text asking for WeChat
		// and a bank transfer) at the detailUrl its model names.
		{"offer-597090034012-description-wechat.har", "offer", "high-risk", "广州欧博化妆品有限公司", 11,
			[]string{"payment-off-platform", "badge-powerful-merchant"}, nil},
		// The real G2 offer with a composed attribute 温馨提示 carrying the
		// honest notice "请认准1688平台交易，请勿私下交易，谨防诈骗，不要向任何
		// 个人账户转账": a warning to buyers, not an ask.
		{"offer-597090034012-notice.har", "offer", "trusted", "广州欧博化妆品有限公司", 11,
			[]string{"store-age-established"}, []string{"payment-off-platform", "hidden-characters"}},
		// The same real offer with composed attributes that hide their asks
		// from word filters: a right-to-left override (加\u202e信微\u202c shows
		// as 加微信), a soft hyphen in 私下交易, a zero-width space in 加微信.
		{"offer-597090034012-hidden-characters.har", "offer", "high-risk", "广州欧博化妆品有限公司", 11,
			[]string{"payment-off-platform", "hidden-characters"}, nil},
		// A 经销批发 store whose offer list module (Wp_pc_common_offerlist in
		// pageData, DERIVED store-catalog body plus one composed offer) says
		// 源头工厂: a factory claim by a trading store.
		{"store-offerlist-trading-factory-claim.html", "store", "caution", "脱敏五金贸易商行", 4,
			[]string{"factory-claim-unverified"}, []string{"page-unreadable"}},
		// The same store whose page has no offer links: the offer list and the
		// header arrive only through moduleasyncservice (HAR).
		{"store-offerlist-trading-factory-claim-module.har", "store", "caution", "脱敏五金贸易商行", 4,
			[]string{"factory-claim-unverified"}, []string{"page-unreadable"}},
		// Real G3 excerpt of offer 996518024136: the licence holder
		// "广州衣秀缘服饰商行(个人独资)" is the store "广州衣秀缘服饰商行".
		{"offer-996518024136-g3-auth-company.html", "offer", "caution", "广州衣秀缘服饰商行", 0,
			nil, []string{"licence-mismatch", "page-unreadable"}},
		// Real G2 offer 833454967766 with review responses in the 2026
		// shapes: the real all-string queryDsrRateDataV2 body and
		// queryItemRatedListV2 pages with data.model as rows (composed rows
		// in the relay example's shape), 12 of them automatic default praise.
		{"offer-833454967766-reviews-2026.har", "offer", "caution", "东莞市兴瑞达光电有限公司", 0,
			[]string{"review-near-duplicate"}, []string{"review-generic", "review-burst", "page-unreadable"}},
		{"offer-833454967766.html", "offer", "caution", "东莞市兴瑞达光电有限公司", 0,
			nil, []string{"badge-powerful-merchant", "page-unreadable"}},
		{"offer-833454967766-shopcard-failed.har", "offer", "caution", "东莞市兴瑞达光电有限公司", 0,
			nil, []string{"store-age-new", "page-unreadable"}},
		{"offer-new-store-wechat.har", "offer", "high-risk", "东莞市兴瑞达光电有限公司", 1,
			[]string{"store-age-new", "payment-off-platform"}, nil},
		{"offer-943009939489-g3.html", "offer", "caution", "店铺公司占位有限公司", 0,
			nil, []string{"page-unreadable"}},
		{"no-model.html", "unknown", "unknown", "", 0,
			[]string{"page-unreadable"}, nil},
		{"offer-xss-company.html", "offer", "caution", "<img src=x onerror=alert(1)>", 0, nil, nil},
		{"store-credit-1634230375.html", "store", "trusted", "深圳橙色之城科技有限公司", 11,
			[]string{"store-age-established"}, []string{"page-unreadable", "factory-address-withheld"}},
		{"store-contact-1634230375.html", "store", "caution", "深圳橙色之城科技有限公司", 11,
			[]string{"factory-address-withheld"}, nil},
		{"store-factory-card-1634230375.html", "store", "caution", "深圳橙色之城科技有限公司", 0,
			[]string{"export-not-supported"}, []string{"low-repurchase-rate", "page-unreadable"}},
		// The licence page of the same store (real page text, 2026-08).
		{"store-licence-1634230375.html", "store", "caution", "深圳橙色之城科技有限公司", 0,
			nil, []string{"page-unreadable", "licence-mismatch", "licence-young-company"}},
		{"store-home-406915100661872.har", "store", "trusted", "广州领宸科技有限公司", 8,
			[]string{"badge-super-factory", "store-age-established"}, []string{"licence-mismatch", "licence-young-company", "factory-claim-unverified"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			v := analyzeJSON(t, samples+tt.file)
			if string(v.Kind) != tt.kind || string(v.Level) != tt.level {
				t.Fatalf("kind/level = %s/%s, want %s/%s (findings %s, notes %v)", v.Kind, v.Level, tt.kind, tt.level, findingIDs(v), v.Notes)
			}
			if tt.company == "" {
				if v.Supplier.Company != nil {
					t.Errorf("company = %q, want unknown", *v.Supplier.Company)
				}
			} else if v.Supplier.Company == nil || *v.Supplier.Company != tt.company {
				t.Errorf("company = %v, want %q", v.Supplier.Company, tt.company)
			}
			if tt.age == 0 && v.Supplier.StoreAgeYears != nil {
				t.Errorf("store age = %d, want unknown", *v.Supplier.StoreAgeYears)
			}
			if tt.age != 0 && (v.Supplier.StoreAgeYears == nil || *v.Supplier.StoreAgeYears != tt.age) {
				t.Errorf("store age = %v, want %d", v.Supplier.StoreAgeYears, tt.age)
			}
			ids := "," + findingIDs(v) + ","
			for _, id := range tt.findings {
				if !strings.Contains(ids, ","+id+",") {
					t.Errorf("missing finding %s in %s", id, ids)
				}
			}
			for _, id := range tt.noFinding {
				if strings.Contains(ids, ","+id+",") {
					t.Errorf("unexpected finding %s", id)
				}
			}
			if v.Level == "unknown" && v.Score != nil {
				t.Errorf("unknown level with a score %d", *v.Score)
			}
		})
	}
}

func TestVerdictShapeOnRealG2(t *testing.T) {
	v := analyzeJSON(t, samples+"offer-597090034012.har")
	if v.Offer.ID == nil || *v.Offer.ID != "597090034012" {
		t.Fatalf("offer id = %v", v.Offer.ID)
	}
	if v.Offer.MOQ == nil || *v.Offer.MOQ != 3 || v.Offer.PriceMin == nil || *v.Offer.PriceMin != 2.3 {
		t.Fatalf("moq/price = %v/%v", v.Offer.MOQ, v.Offer.PriceMin)
	}
	if v.Offer.Sales == nil || !strings.Contains(*v.Offer.Sales, "3.5万+") {
		t.Fatalf("sales = %v", v.Offer.Sales)
	}
	if v.Supplier.MemberID == nil || *v.Supplier.MemberID != "b2b-29266662898cf9d" || v.Supplier.LoginID == nil || *v.Supplier.LoginID != "一枝春1688" {
		t.Fatalf("seller ids = %v %v", v.Supplier.MemberID, v.Supplier.LoginID)
	}
	for _, f := range v.Findings {
		if f.Evidence == "" || f.Title.ZH == "" || f.Advice.EN == "" {
			t.Errorf("finding %s lacks evidence or text", f.ID)
		}
	}
}

func TestDescriptionQuotedInEvidence(t *testing.T) {
	v := analyzeJSON(t, samples+"offer-597090034012-description-wechat.har")
	for _, f := range v.Findings {
		if f.ID == "payment-off-platform" {
			if !strings.HasPrefix(f.Evidence, `description: "`) || !strings.Contains(f.Evidence, "请加VX：tl_test88") {
				t.Errorf("evidence %q does not quote the description", f.Evidence)
			}
			return
		}
	}
	t.Fatalf("no payment-off-platform finding: %s", findingIDs(v))
}

func TestAutomaticReviewsShownApart(t *testing.T) {
	v := analyzeJSON(t, samples+"offer-833454967766-reviews-2026.har")
	r := v.Reviews
	if r == nil {
		t.Fatal("no reviews block")
	}
	if r.Automatic != 12 || r.Total != 24 || r.PageAutomatic == nil || *r.PageAutomatic != 31 || r.Declared == nil || *r.Declared != 31 {
		t.Errorf("automatic %d total %d page %v declared %v", r.Automatic, r.Total, r.PageAutomatic, r.Declared)
	}
	if !strings.Contains(r.Headline.EN, "12 automatic default reviews left out") {
		t.Errorf("headline %q", r.Headline.EN)
	}
	for _, f := range r.Flags {
		if f.Snippet == "好评！" {
			t.Errorf("an automatic review is flagged: %+v", f)
		}
	}
	if len(r.Flags) != 3 {
		t.Errorf("%d flags, want the 3 copied reviews", len(r.Flags))
	}
}

func TestJSONKeepsPageStringsUnescaped(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"analyze", samples + "offer-xss-company.html", "--json"}, &out, &errb); code != 0 {
		t.Fatal(errb.String())
	}
	if !strings.Contains(out.String(), `"company": "<img src=x onerror=alert(1)>"`) {
		t.Fatalf("company not printed unchanged:\n%s", out.String()[:400])
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	unreadable := filepath.Join(dir, "page.html")
	if err := os.WriteFile(unreadable, []byte("x"), 0o000); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"analyze", filepath.Join(dir, "missing.html")}, 2, "cannot open"},
		{[]string{"analyze"}, 2, "missing FILE"},
		{[]string{"frobnicate", "x"}, 2, "expected the command"},
		{[]string{"analyze", samples + "no-model.html", "--bogus"}, 2, "unknown flag"},
		{[]string{"analyze", filepath.Join(dir, "bad.har")}, 2, ""},
		{[]string{"analyze", samples + "no-model.html"}, 0, ""},
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.har"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 { // root can read a 0000 file
		tests = append(tests, struct {
			args []string
			code int
			msg  string
		}{[]string{"analyze", unreadable}, 2, "cannot open"})
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := run(tt.args, &out, &errb)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, code, tt.code, errb.String())
		}
		if tt.code == 2 && strings.Count(strings.TrimSpace(errb.String()), "\n") > 6 {
			t.Errorf("%v: error is not short: %q", tt.args, errb.String())
		}
		if !strings.Contains(errb.String(), tt.msg) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, errb.String(), tt.msg)
		}
	}
}

func TestSummaryShowsBadgeLine(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"analyze", samples + "offer-new-store-wechat.har"}, &out, &errb); code != 0 {
		t.Fatal(errb.String())
	}
	s := out.String()
	for _, want := range []string{"High risk · ", " · 1 yr", "payment", "seen:     The product detail “付款方式” (payment method) says “加微信转账，价格更优惠” (add WeChat, transfer, better price)", "source:   attribute 付款方式", "Store age: 1 year on 1688, from the store card"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
}

func TestOrderFlag(t *testing.T) {
	v := analyzeJSON(t, samples+"offer-new-store-wechat.har", "--order", "10,000USD")
	if v.OrderAdvice == nil || v.OrderAdvice.Tone != "stop" {
		t.Fatalf("order advice = %+v", v.OrderAdvice)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"analyze", samples + "no-model.html", "--order", "lots"}, &out, &errb); code != 2 {
		t.Fatalf("bad --order accepted: %d", code)
	}
}

func TestMinYearsFlag(t *testing.T) {
	// An 11-year store under a minimum of 12 (a 1-year store's age is already store-age-new).
	v := analyzeJSON(t, samples+"offer-597090034012.har", "--min-years", "12", "--order", "200USD")
	var below *rules.Finding
	for i := range v.Findings {
		if v.Findings[i].ID == "store-age-below-minimum" {
			below = &v.Findings[i]
		}
	}
	if below == nil || !strings.Contains(below.Evidence, "your minimum is 12 years") || v.OrderAdvice == nil {
		t.Fatalf("--min-years 12 with --order on an 11-year store: %+v, advice %+v", v.Findings, v.OrderAdvice)
	}
	if v := analyzeJSON(t, samples+"offer-new-store-wechat.har", "--min-years=1"); len(v.Findings) == 0 {
		t.Fatal("no findings")
	} else {
		for _, f := range v.Findings {
			if f.ID == "store-age-below-minimum" {
				t.Errorf("fired at exactly the minimum: %s", f.Evidence)
			}
		}
	}
	for _, bad := range []string{"-1", "31", "three", "2.5"} {
		var out, errb bytes.Buffer
		if code := run([]string{"analyze", samples + "no-model.html", "--min-years", bad}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "--min-years") {
			t.Errorf("--min-years %s: exit %d, %q", bad, code, errb.String())
		}
	}
}

func TestStoreFactsForRemembering(t *testing.T) {
	v := analyzeJSON(t, samples+"store-home-406915100661872.har")
	if v.Facts == nil || v.Facts.MemberID != "b2b-406915100661872" || v.Facts.StoreAgeYears == nil || *v.Facts.StoreAgeYears != 8 || v.Facts.LicenceCompany != "广州领宸科技有限公司" {
		t.Fatalf("facts = %+v", v.Facts)
	}
	if v.StorePage != "home" {
		t.Fatalf("storePage = %q", v.StorePage)
	}
}
