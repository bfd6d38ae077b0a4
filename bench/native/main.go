// Command native times the review analysis in native Go on the sets
// bench/gen wrote: ours (a fresh Set, Add, Analyze: every detector) and the
// naive all-pairs Levenshtein baseline (internal/reviews/naive) on the same
// compared texts. It prints one JSON object per line for bench/table.mjs.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/trustlens/trustlens/internal/reviews"
	"github.com/trustlens/trustlens/internal/reviews/naive"
	"github.com/trustlens/trustlens/internal/reviews/reviewgen"
)

type set struct {
	Name     string                 `json:"name"`
	Now      int64                  `json:"now"`
	Wire     []reviewgen.WireReview `json:"reviews"`
	Reviews  []reviews.Review       `json:"-"` // Wire, converted
	DupTexts []string               `json:"dupTexts"`
	Nicks    []string               `json:"nicks"`
}

type line struct {
	Set       string   `json:"set"`
	Impl      string   `json:"impl"`
	Reviews   int      `json:"reviews"`
	Compared  int      `json:"compared"`
	MedianMs  float64  `json:"medianMs"`
	MinMs     float64  `json:"minMs"`
	Runs      int      `json:"runs"`
	BytesOp   int64    `json:"bytesPerOp,omitempty"`
	AllocsOp  int64    `json:"allocsPerOp,omitempty"`
	PeakHeap  uint64   `json:"peakHeapBytes,omitempty"`
	Pairs     int      `json:"pairs,omitempty"`
	NearIDs   []string `json:"near"`
	BurstIDs  []string `json:"burst"`
	Suspected int      `json:"suspicious"`
}

func main() {
	dir := flag.String("data", "bench/data", "directory with mixed-N.json")
	sizes := flag.String("sizes", "100,1000,5000", "set sizes")
	flag.Parse()
	enc := json.NewEncoder(os.Stdout)
	for _, n := range strings.Split(*sizes, ",") {
		b, err := os.ReadFile(filepath.Join(*dir, "mixed-"+strings.TrimSpace(n)+".json"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		var s set
		if err := json.Unmarshal(b, &s); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		s.Reviews = reviewgen.Unwire(s.Wire)
		compared := 0
		for _, t := range s.DupTexts {
			if t != "" {
				compared++
			}
		}
		now := time.UnixMilli(s.Now)

		// Ours: the detector output once, then timings.
		set := reviews.NewSet()
		set.Add(s.Reviews...)
		rep := reviews.AnalyzeWith(set, reviews.Options{Now: now})
		ours := line{Set: s.Name, Impl: "ours-go-native", Reviews: len(s.Reviews), Compared: compared,
			NearIDs: []string{}, BurstIDs: []string{}, Suspected: rep.Suspicious}
		for _, f := range rep.Findings {
			for _, fl := range f.Reviews {
				switch f.ID {
				case reviews.DetectorNearDuplicate:
					ours.NearIDs = append(ours.NearIDs, fl.ID)
				case reviews.DetectorBurst:
					ours.BurstIDs = append(ours.BurstIDs, fl.ID)
				}
			}
		}
		ours.MedianMs, ours.MinMs, ours.Runs = timeIt(func() {
			st := reviews.NewSet()
			st.Add(s.Reviews...)
			reviews.AnalyzeWith(st, reviews.Options{Now: now})
		}, 2*time.Second)
		br := testing.Benchmark(func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				st := reviews.NewSet()
				st.Add(s.Reviews...)
				reviews.AnalyzeWith(st, reviews.Options{Now: now})
			}
		})
		ours.BytesOp, ours.AllocsOp = br.AllocedBytesPerOp(), br.AllocsPerOp()
		ours.PeakHeap = peakHeap(func() {
			st := reviews.NewSet()
			st.Add(s.Reviews...)
			reviews.AnalyzeWith(st, reviews.Options{Now: now})
		})
		enc.Encode(ours)

		// Naive all pairs on the same compared texts.
		var res naive.Result
		nv := line{Set: s.Name, Impl: "naive-go-allpairs", Reviews: len(s.Reviews), Compared: compared,
			NearIDs: []string{}, BurstIDs: nil}
		nv.MedianMs, nv.MinMs, nv.Runs = timeIt(func() { res = naive.NearDuplicates(s.DupTexts, reviews.SimilarityPercent) }, 3*time.Second)
		nv.Pairs = res.Pairs
		flagged := naive.Flagged(s.DupTexts, s.Nicks, res.Comp, reviews.NearDupMinCluster, reviews.NearDupLongRunes)
		for i, f := range flagged {
			if f {
				nv.NearIDs = append(nv.NearIDs, s.Reviews[i].ID)
			}
		}
		br = testing.Benchmark(func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				naive.NearDuplicates(s.DupTexts, reviews.SimilarityPercent)
			}
		})
		nv.BytesOp, nv.AllocsOp = br.AllocedBytesPerOp(), br.AllocsPerOp()
		enc.Encode(nv)
	}
}

// timeIt runs f after a warm-up until budget is spent (at least 3 runs,
// at most 200) and returns the median and minimum in milliseconds.
func timeIt(f func(), budget time.Duration) (median, minimum float64, runs int) {
	f()
	var ts []float64
	start := time.Now()
	for len(ts) < 3 || (time.Since(start) < budget && len(ts) < 200) {
		t0 := time.Now()
		f()
		ts = append(ts, float64(time.Since(t0).Microseconds())/1000)
	}
	sortFloats(ts)
	return ts[len(ts)/2], ts[0], len(ts)
}

func sortFloats(a []float64) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// peakHeap reports the heap in use at the end of f minus before, with the
// collector off during f (an upper bound of the extra memory one analysis
// needs).
func peakHeap(f func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	old := debugSetGCPercent(-1)
	f()
	runtime.ReadMemStats(&after)
	debugSetGCPercent(old)
	return after.HeapAlloc - before.HeapAlloc
}
