package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFold: any text folds without panic into valid UTF-8, and every range
// of the folded text maps back inside the original.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"加\u200b微信", "加\u202e信微\u202c", "Ｑ Ｑ：１２３", "w e c h a t", "薇信扣扣V❤", "\u202e\u202e\u202c", "\xff\xfe加", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fo := Fold(s)
		if !utf8.ValidString(fo.S) {
			t.Fatalf("Fold(%q).S = %q is not UTF-8", s, fo.S)
		}
		for i := 0; i < len(fo.S); i++ {
			if !utf8.RuneStart(fo.S[i]) {
				continue
			}
			for e := i + 1; e <= len(fo.S); e++ {
				if e < len(fo.S) && !utf8.RuneStart(fo.S[e]) {
					continue
				}
				a, b := fo.Span(i, e)
				if a < 0 || b > len(s) || a > b {
					t.Fatalf("Span(%d,%d) of %q = [%d,%d), outside the original", i, e, s, a, b)
				}
				break
			}
		}
		_ = Visible(s)
		HiddenRun(s)
	})
}

// BenchmarkFoldHidden folds a text of 200,000 invisible characters: the
// scan for a hidden character's neighbours is bounded, so this stays linear.
func BenchmarkFoldHidden(b *testing.B) {
	s := "加" + strings.Repeat("\u200b", 200_000) + "微信"
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if Fold(s).S != "加微信" {
			b.Fatal("wrong fold")
		}
	}
}
