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

// One sign seen in three fields is one finding, scored once: a dedicated
// line in the title, an attribute and the logistics text used to make three
// medium findings (-36, high-risk with no high finding). Composed after the
// report of that verdict.
func TestOneFindingPerRule(t *testing.T) {
	m := model(
		text("title", "美国专线 包税 女装"),
		text("attribute 物流", "美国专线"),
		text("logistics", "美国专线小包"),
	)
	fs := Evaluate(&m, nil)
	var line []Finding
	for _, f := range fs {
		if f.ID == "logistics-dedicated-line" {
			line = append(line, f)
		}
		if f.ID == "warning-signs-combined" {
			t.Errorf("warning-signs-combined fired on two rules: %s", f.Evidence)
		}
	}
	if len(line) != 1 || len(line[0].Places) != 3 {
		t.Fatalf("dedicated-line findings = %+v, want one with three places", line)
	}
	for i, where := range []string{"title", "attribute 物流", "logistics"} {
		if p := line[0].Places[i]; p.Where != where || p.Match != "美国专线" {
			t.Errorf("place %d = %+v, want %s quoting 美国专线", i, p, where)
		}
	}
	score, level := Score(&m, fs)
	// 55 - 12 once = 43, caution (three times it was 19, high risk).
	if want := baseScore + defaultMediumW; *score != want || level != Caution {
		t.Fatalf("score = %d %s, want %d caution (the sign counted once)", *score, level, want)
	}
	// A duplicated finding (as a card merging page findings could make) is
	// still counted once.
	again, _ := Score(&m, append(fs, line[0]))
	if *again != *score {
		t.Fatalf("a repeated finding changed the score: %d vs %d", *again, *score)
	}
}

// The honest notice of a 9-year seller (the report's false alarm: High risk
// for 私下交易 inside "请勿私下交易") is a warning to buyers, not an ask.
func TestHonestNoticeIsNotHighRisk(t *testing.T) {
	m := model(age(9), badge("powerful-merchant", "x"),
		text("title", "纯棉毛巾 加厚 吸水"),
		text("attribute 温馨提示", "请认准1688平台交易，请勿私下交易，谨防诈骗，不要向任何个人账户转账"),
	)
	fs := Evaluate(&m, nil)
	score, level := Score(&m, fs)
	if level != Trusted {
		t.Fatalf("level = %s (score %d), findings %+v", level, *score, fs)
	}
}
