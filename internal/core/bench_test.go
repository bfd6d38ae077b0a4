package core

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/trustlens/trustlens/internal/page"
)

// g2Snapshot is the real G2 page 597090034012 with its shopcard, as a
// decoded snapshot.
func g2Snapshot(b *testing.B) page.Snapshot {
	data, err := os.ReadFile("../../testdata/samples/offer-597090034012.har")
	if err != nil {
		b.Fatal(err)
	}
	s, err := page.FromHAR(data, "")
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkAnalyzeG2 is the whole core on the real G2 page 597090034012
// with its shopcard: parse, rules, score, verdict (no JSON encoding).
func BenchmarkAnalyzeG2(b *testing.B) {
	s := g2Snapshot(b)
	b.ReportAllocs()
	for b.Loop() {
		Analyze(s, Buyer{})
	}
}

// BenchmarkAnalyzeStringG2 is the same page on the path the wasm core
// takes: the snapshot JSON as the extension sends it in, the verdict JSON
// out.
func BenchmarkAnalyzeStringG2(b *testing.B) {
	js, err := json.Marshal(g2Snapshot(b))
	if err != nil {
		b.Fatal(err)
	}
	in := string(js)
	b.ReportAllocs()
	for b.Loop() {
		AnalyzeString(in)
	}
}
