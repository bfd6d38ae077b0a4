package rules

import (
	"testing"

	"github.com/trustlens/trustlens/internal/page"
)

func TestScore(t *testing.T) {
	tests := []struct {
		name      string
		model     page.Model
		level     Level
		min, max  int // score bounds when scored
		wantScore bool
	}{
		{"unreadable is unknown and unscored", page.Model{Kind: page.KindOffer}, Unknown, 0, 0, false},
		{"unknown age, nothing else: caution, never trusted", model(), Caution, 40, unknownAgeCap, true},
		{"unknown age with strong badges still not trusted", model(badge("powerful-merchant", "x"), badge("super-factory", "y"), badge("deep-factory-audit", "z")), Caution, 40, unknownAgeCap, true},
		{"established 11 years", model(age(11)), Trusted, trustedMin, 100, true},
		{"established 3 years alone is caution", model(age(3)), Caution, 40, trustedMin - 1, true},
		{"established 3 years with powerful merchant", model(age(3), badge("powerful-merchant", "x")), Trusted, trustedMin, 100, true},
		{"young store", model(age(2)), Caution, 40, trustedMin - 1, true},
		{"new store is high risk", model(age(1)), HighRisk, 0, highFindingCap, true},
		{"old store asking for WeChat payment is high risk", model(age(11), badge("powerful-merchant", "x"), text("title", "加微信优惠")), HighRisk, 0, highFindingCap, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.model
			score, level := Score(&m, Evaluate(&m, nil))
			if level != tt.level {
				t.Fatalf("level = %s, want %s (score %v)", level, tt.level, score)
			}
			if (score != nil) != tt.wantScore {
				t.Fatalf("score = %v, want scored=%v", score, tt.wantScore)
			}
			if score != nil && (*score < tt.min || *score > tt.max) {
				t.Fatalf("score = %d, want %d..%d", *score, tt.min, tt.max)
			}
		})
	}
}

func TestEvaluateSortsBySeverity(t *testing.T) {
	m := model(age(11), badge("powerful-merchant", "x"), text("title", "加微信"))
	fs := Evaluate(&m, nil)
	if len(fs) != 3 {
		t.Fatalf("findings = %+v", fs)
	}
	if fs[0].ID != "payment-off-platform" || fs[len(fs)-1].Severity != Positive {
		t.Fatalf("order = %s ... %s", fs[0].ID, fs[len(fs)-1].ID)
	}
}
