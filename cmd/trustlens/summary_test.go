package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The summary the panel leads with, on the saved pages: the one-line reason,
// the first action, what the verdict still waits for, and the order of the
// findings (severity, then weight).
func TestSummaryOnSamples(t *testing.T) {
	tests := []struct {
		file    string
		reason  string // the English reason line
		zh      string // part of the Chinese one
		action  string // part of the first action
		pending string // Verdict.Pending joined
		blocked string
	}{
		// Real page 833454967766 with a WeChat payment attribute and a 1-year shopcard (composed HAR).
		{"offer-new-store-wechat.har", "New store (1 year on 1688) that asks for WeChat payment", "新店（入驻1年）", "Do not send money", "", ""},
		// Real page 597090034012 with its real shopcard (11 years).
		{"offer-597090034012.har", "11 years on 1688, Powerful Merchant (实力商家), TrustPass (诚信通), no warning signs", "无危险信号", "Pay only through 1688's checkout", "", ""},
		// Saved HTML without the shopcard: the store age may still arrive.
		{"offer-833454967766.html", "Store age not shown on this page", "未显示店铺年限", "Open the store's page", "store-age", ""},
		// The shopcard came back FAIL_SYS_USER_VALIDATE: the security check is named.
		{"offer-833454967766-shopcard-failed.har", "Store age not shown: 1688 asked for a security check (captcha) before giving it", "安全验证", "Open the store's page", "", "captcha"},
		// A real anti-bot page (Alibaba.com's punish page, the family 1688 serves).
		{"punish-security-check.html", "1688 showed a security check (captcha) instead of the page", "安全验证", "Pass the security check", "", "captcha"},
		// The real factory card: its own text says it takes no export orders; no store age on it.
		{"store-factory-card-1634230375.html", "Does not take export orders; store age not shown on this page", "不接外贸订单", "Find 入驻N年", "store-age", ""},
		{"no-model.html", "TrustLens found no product or store data on this page", "没有找到", "Treat the supplier as unchecked", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			v := analyzeJSON(t, samples+tt.file)
			s := v.Summary
			if s.Reason.EN != tt.reason {
				t.Errorf("reason = %q, want %q", s.Reason.EN, tt.reason)
			}
			if !strings.Contains(s.Reason.ZH, tt.zh) {
				t.Errorf("reason zh = %q, want it to contain %q", s.Reason.ZH, tt.zh)
			}
			if len(s.Actions) == 0 || !strings.Contains(s.Actions[0].EN, tt.action) {
				t.Errorf("actions = %v, want the first to contain %q", s.Actions, tt.action)
			}
			if got := strings.Join(v.Pending, ","); got != tt.pending {
				t.Errorf("pending = %q, want %q", got, tt.pending)
			}
			if s.Blocked != tt.blocked {
				t.Errorf("blocked = %q, want %q", s.Blocked, tt.blocked)
			}
			if len(s.Order) != len(s.Evidence) {
				t.Errorf("order %v and evidence %v name different findings", s.Order, s.Evidence)
			}
		})
	}
}

// Evidence in a buyer's words, the technical source kept in the finding.
func TestSummaryEvidence(t *testing.T) {
	v := analyzeJSON(t, samples+"offer-new-store-wechat.har")
	s := v.Summary
	if got := s.Order[:2]; got[0] != "payment-off-platform" || got[1] != "store-age-new" {
		t.Errorf("order = %v, want the heavier high warning first", s.Order)
	}
	age := s.Evidence["store-age-new"]
	if len(age) != 1 || age[0].EN != "Store age: 1 year on 1688, from the store card" {
		t.Errorf("store age evidence = %v", age)
	}
	pay := s.Evidence["payment-off-platform"]
	if len(pay) != 1 || !strings.Contains(pay[0].EN, "“加微信转账，价格更优惠” (add WeChat, transfer, better price)") || !strings.Contains(pay[0].EN, "(payment method)") {
		t.Errorf("payment evidence = %v, want the quote glossed in English", pay)
	}
	for _, f := range v.Findings {
		if f.ID == "store-age-new" && !strings.Contains(f.Evidence, "tpYear") {
			t.Errorf("the finding's own evidence lost its source: %q", f.Evidence)
		}
	}
}

// On every pinned page (real captures and composed ones), each finding has
// its evidence written for a buyer in summary.evidence: present, not the
// technical line, and free of field paths and codes outside the quotes of
// the page's own words. internal/rules holds every rule to the same on its
// cases (TestSaidForEveryRule).
func TestSummaryEvidenceOnEveryPage(t *testing.T) {
	developer := []string{"data.", "components.", "moduleData", " = ", "FAIL_SYS", "shopcard", "pageData", "globalData", "_"}
	pages := 0
	for _, p := range goldenPages(t) {
		name := filepath.Base(p.path)
		v, err := goldenVerdict(p.path)
		if err != nil {
			t.Fatalf("%s: no verdict: %v", name, err)
		}
		pages++
		for _, f := range v.Findings {
			said := v.Summary.Evidence[f.ID]
			if len(said) == 0 {
				t.Errorf("%s: %s has no buyer evidence", name, f.ID)
			}
			for _, s := range said {
				if s.EN == f.Evidence || s.EN == "" || s.ZH == "" {
					t.Errorf("%s: %s: buyer evidence %+v is missing or the technical line", name, f.ID, s)
				}
				for _, w := range developer {
					if outside := outsideQuotes(s.EN) + outsideQuotes(s.ZH); strings.Contains(outside, w) {
						t.Errorf("%s: %s: developer words %q in %q", name, f.ID, w, s.EN+" / "+s.ZH)
					}
				}
			}
		}
	}
	if pages < 20 {
		t.Fatalf("only %d pages judged", pages)
	}
}

// outsideQuotes is s without its “quotes” (the page's own words).
func outsideQuotes(s string) string {
	var b strings.Builder
	for {
		i, j := strings.Index(s, "“"), strings.Index(s, "”")
		if i < 0 || j < i {
			return b.String() + s
		}
		b.WriteString(s[:i])
		s = s[j+len("”"):]
	}
}
