package core

import (
	"os"
	"testing"

	"github.com/trustlens/trustlens/internal/page"
)

// BenchmarkAnalyzeG2 is the whole core on the real G2 page 597090034012
// with its shopcard: parse, rules, score, verdict (no JSON encoding).
func BenchmarkAnalyzeG2(b *testing.B) {
	data, err := os.ReadFile("../../testdata/samples/offer-597090034012.har")
	if err != nil {
		b.Fatal(err)
	}
	s, err := page.FromHAR(data, "")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Analyze(s, Buyer{})
	}
}
