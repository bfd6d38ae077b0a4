package text

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"加\u200b微\u2060信", "加微信"},               // zero-width space, word joiner
		{"私\u00ad下\ufeff交\u200d易\u200e", "私下交易"}, // soft hyphen, BOM, ZWJ, LRM
		{"微\ufe0f信", "微信"},                       // variation selector
		{"加\u202e信微\u202c", "加微信"},               // right-to-left override shows reversed
		{"ＶＸ：ＡＢＣ１２３", "vx:abc123"},               // full-width
		{"Q Q : 1 2 3 4 5 6", "qq:123456"},       // spaced letters and digits
		{"加 微 信", "加微信"},                         // spaces between Chinese characters
		{"w e c h a t", "微信"},                    // spaced letters join, then the alias
		{"pay via WeChat", "pay via 微信"},         // words keep one space
		{"加\u00a0V", "加v"},                       // no-break space
		{"薇信 威信 徽信 V❤ 扣扣 企鹅号", "微信微信微信v信qqqq号"},  // look-alikes
		{"微*信 V·X", "微信vx"},                      // fillers
		{"①③⑧ 𝟏𝟐", "13812"},                      // enclosed and mathematical digits
		{"Ѵх", "vx"},                             // Cyrillic look-alikes
		{"请勿私下交易\n加微信", "请勿私下交易\n加微信"},           // line breaks kept
	}
	for _, tt := range tests {
		if got := Fold(tt.in).S; got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldCounts(t *testing.T) {
	f := Fold("加\u200b微信 👨\u200d👩 爆款❤\ufe0f \u202e信微\u202c")
	if f.Hidden != 1 || f.Bidi != 2 {
		t.Fatalf("hidden %d bidi %d, want 1 (only inside a word) and 2", f.Hidden, f.Bidi)
	}
}

func TestSpanQuotesTheOriginal(t *testing.T) {
	tests := []struct{ in, find, want string }{
		{"新款 加\u200b微信 优惠", "加微信", "加\u200b微信"},
		{"新款 加\u202e信微\u202c 优惠", "加微信", "加\u202e信微"},
		{"详情加扣扣", "加qq", "加扣扣"},
		{"Ｑ Ｑ：１２３４５", "qq:12345", "Ｑ Ｑ：１２３４５"},
	}
	for _, tt := range tests {
		f := Fold(tt.in)
		i := strings.Index(f.S, tt.find)
		if i < 0 {
			t.Fatalf("%q not in %q", tt.find, f.S)
		}
		s, e := f.Span(i, i+len(tt.find))
		if got := f.Orig[s:e]; got != tt.want {
			t.Errorf("Span of %q in %q = %q, want %q", tt.find, tt.in, got, tt.want)
		}
	}
}

func TestVisible(t *testing.T) {
	if got := Visible("加\u200b微\u00a0信\u202e"); got != "加⟨U+200B⟩微⟨U+00A0⟩信⟨U+202E⟩" {
		t.Fatalf("Visible = %q", got)
	}
	if got := Visible("普通　文本 ok"); got != "普通　文本 ok" {
		t.Fatalf("Visible changed a clean text: %q", got)
	}
}

func TestHiddenRun(t *testing.T) {
	s := "爆款❤\ufe0f 加\u200b\u200c微信"
	i, e := HiddenRun(s)
	if s[i:e] != "\u200b\u200c" {
		t.Fatalf("HiddenRun = %q", s[i:e])
	}
}

func TestAliasesAreFolded(t *testing.T) {
	for _, a := range Aliases {
		if got := Fold(a[0]).S; got != Fold(a[1]).S {
			t.Errorf("alias %q folds to %q, want %q", a[0], got, Fold(a[1]).S)
		}
	}
}

func TestPattern(t *testing.T) {
	p := MustCompile(`加 我? 微信|qq`, `^ v %7`, `银行卡 !套`, `<超级 工厂`, `加 v ~`)
	tests := []struct {
		in    string
		match string
	}{
		{"请加我微信", "加我微信"},
		{"新v13800138000", "v13800138000"},
		{"dev13800138000", ""}, // v inside a word
		{"银行卡套", ""},
		{"打到银行卡", "银行卡"},
		{"超级工厂", ""},
		{"源头工厂", "工厂"},
		{"加vc泡腾片", ""},
		{"加v领券", "加v"},
	}
	for _, tt := range tests {
		s, e, ok := p.Next(tt.in, 0)
		got := ""
		if ok {
			got = tt.in[s:e]
		}
		if got != tt.match {
			t.Errorf("Next(%q) = %q, want %q", tt.in, got, tt.match)
		}
	}
}

func TestMustCompileRejectsOptionalFirstPart(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	MustCompile(`加? 微信`)
}

func TestPatternIDWithDigit(t *testing.T) {
	p := MustCompile(`微信 _? @5`)
	for in, want := range map[string]bool{"微信 abc12345": true, "微信 support": false, "微信shop8": true} {
		if _, _, ok := p.Next(Fold(in).S, 0); ok != want {
			t.Errorf("Next(%q) matched = %v, want %v", in, ok, want)
		}
	}
}
