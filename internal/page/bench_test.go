package page

import (
	"strings"
	"testing"
)

// BenchmarkParseG2 parses the real 148 KB G2 model of offer 597090034012.
func BenchmarkParseG2(b *testing.B) {
	s := Snapshot{
		URL:     "https://detail.1688.com/offer/597090034012.html",
		Scripts: []string{wrapInitData(mustRead(b, fixtureG2Slsj))},
	}
	b.SetBytes(int64(len(s.Scripts[0])))
	b.ReportAllocs()
	for b.Loop() {
		if m := Parse(s); !m.Readable {
			b.Fatal("not readable")
		}
	}
}

// BenchmarkParseG3 parses the real G3 window.context script of offer 943009939489.
func BenchmarkParseG3(b *testing.B) {
	s := Snapshot{
		URL:     "https://detail.1688.com/offer/943009939489.html",
		Scripts: []string{mustRead(b, fixtureG3)},
	}
	b.SetBytes(int64(len(s.Scripts[0])))
	b.ReportAllocs()
	for b.Loop() {
		if m := Parse(s); !m.Readable {
			b.Fatal("not readable")
		}
	}
}

// BenchmarkParseStoreText reads a store page body at the DOM cap: the real
// credit page text repeated to MaxDOMBytes (no marker, so all of it is read).
func BenchmarkParseStoreText(b *testing.B) {
	text := mustRead(b, fixtureCreditText)
	body := strings.Repeat(text, MaxDOMBytes/len(text))
	s := Snapshot{URL: urlLCCredit, DOM: map[string]string{"body": body, "header": text}}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if m := Parse(s); !m.Readable {
			b.Fatal("not readable")
		}
	}
}
