package rules

import (
	"strings"
	"testing"
)

func planned(usd float64) Context { return Context{PlannedOrderUSD: usd} }

func TestAdviseOrder(t *testing.T) {
	tests := []struct {
		name    string
		usd     float64
		years   int
		tone    string
		contain []string
		absent  []string
	}{
		{"small order at an old store", 300, 11, "ok", []string{"escrow", "Under 500 USD"}, []string{"30% deposit"}},
		{"split above 500", 2000, 11, "ok", []string{"30% deposit (about 600 USD)", "70% (about 1,400 USD)", "e-signature"}, []string{"inspection"}},
		{"large order asks for inspection", 12000, 11, "careful", []string{"Bureau Veritas", "SF Express"}, nil},
		{"10,000 to a 1-year store", 10000, 1, "stop", []string{"more than this supplier's record supports", "50-100 unit trial"}, nil},
		{"3,000 to a 2-year store", 3000, 2, "strong", []string{"about 1,500 USD"}, nil},
		// "Do not send this amount" is never followed by a deposit on that amount.
		{"5,000 to a 1-year store: the plan is for the 300 USD trial", 5000, 1, "stop", []string{"For a first order of about 300 USD: under 500 USD full payment"}, []string{"1,500 USD", "30% deposit", "inspection"}},
		{"5,000 to a 3-year store (ceiling 5,000) keeps the plan on 5,000", 5000, 3, "careful", []string{"30% deposit (about 1,500 USD)", "Bureau Veritas"}, []string{"For a first order"}},
		{"8,000 to a 3-year store: deposit on the 5,000 first order", 8000, 3, "strong", []string{"For a first order of about 5,000 USD: above 500 USD do not pay in full: 30% deposit (about 1,500 USD)"}, []string{"2,400 USD"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := model(age(tt.years))
			a := AdviseOrder(tt.usd, &m, Evaluate(&m, nil))
			if a.Tone != tt.tone {
				t.Errorf("tone = %s, want %s", a.Tone, tt.tone)
			}
			var all []string
			for _, s := range a.Steps {
				if s.EN == "" || s.ZH == "" {
					t.Errorf("step lacks a language: %+v", s)
				}
				all = append(all, s.EN)
			}
			joined := strings.Join(all, "\n")
			for _, c := range tt.contain {
				if !strings.Contains(joined, c) {
					t.Errorf("advice lacks %q:\n%s", c, joined)
				}
			}
			for _, c := range tt.absent {
				if strings.Contains(joined, c) {
					t.Errorf("advice has %q:\n%s", c, joined)
				}
			}
		})
	}
}

func TestAdviseOrderStopsOnHighWarning(t *testing.T) {
	m := model(age(11), text("title", "加微信"))
	if a := AdviseOrder(100, &m, Evaluate(&m, nil)); a.Tone != "stop" || a.CeilingUSD != 0 {
		t.Fatalf("advice = %+v", a)
	}
}
