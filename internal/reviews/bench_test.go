package reviews_test

import (
	. "github.com/trustlens/trustlens/internal/reviews"
	. "github.com/trustlens/trustlens/internal/reviews/reviewgen"
	"testing"

	"github.com/trustlens/trustlens/internal/reviews/naive"
)

// Benchmarks measure the whole path a new review page triggers: a fresh Set,
// Add (sanitise, normalise, Classify, dedup) and Analyze (every detector).
func benchAnalyze(b *testing.B, n int) {
	g := Generate(BenchConfig(n, 7))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := NewSet()
		s.Add(g.Reviews...)
		_ = AnalyzeWith(s, Options{Now: g.Now})
	}
}

func BenchmarkAnalyze1000(b *testing.B) { benchAnalyze(b, 1000) }
func BenchmarkAnalyze5000(b *testing.B) { benchAnalyze(b, 5000) }

// BenchmarkNaiveAllPairs1000 is the baseline: full Levenshtein on every pair
// of the same compared texts (normalisation not counted).
func BenchmarkNaiveAllPairs1000(b *testing.B) {
	g := Generate(BenchConfig(1000, 7))
	texts := make([]string, len(g.Reviews))
	for i, r := range g.Reviews {
		texts[i] = NearDupText(r.Content)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = naive.NearDuplicates(texts, SimilarityPercent)
	}
}
