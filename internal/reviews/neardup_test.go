package reviews_test

import (
	. "github.com/trustlens/trustlens/internal/reviews"
	. "github.com/trustlens/trustlens/internal/reviews/reviewgen"
	"strings"
	"testing"

	"github.com/agnivade/levenshtein"

	"github.com/trustlens/trustlens/internal/reviews/naive"
)

func TestBoundedLevenshteinMatchesFull(t *testing.T) {
	r := NewRand(42)
	alphabet := []rune("好评质量很不错物流快ab")
	randText := func(n int) string {
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[r.Intn(len(alphabet))]
		}
		return string(rs)
	}
	var buf []int32
	for i := 0; i < 20000; i++ {
		a := randText(r.Intn(30))
		b := []rune(a)
		// mutate a few positions so near and far pairs both occur
		for e := r.Intn(8); e > 0 && len(b) > 0; e-- {
			switch r.Intn(3) {
			case 0:
				b[r.Intn(len(b))] = alphabet[r.Intn(len(alphabet))]
			case 1:
				j := r.Intn(len(b))
				b = append(b[:j], b[j+1:]...)
			case 2:
				j := r.Intn(len(b) + 1)
				b = append(b[:j], append([]rune{alphabet[r.Intn(len(alphabet))]}, b[j:]...)...)
			}
		}
		if r.Chance(0.2) {
			b = []rune(randText(r.Intn(30)))
		}
		full := levenshtein.ComputeDistance(a, string(b))
		k := r.Intn(10)
		var got int
		got, buf = BoundedLevenshtein([]rune(a), b, k, buf)
		want := full
		if want > k {
			want = k + 1
		}
		if got != want {
			t.Fatalf("bounded(%q, %q, %d) = %d, full %d", a, string(b), k, got, full)
		}
	}
}

// The blocked search must find exactly the clusters all pairs find.
func TestNearDuplicatesMatchAllPairs(t *testing.T) {
	check := func(name string, texts []string) {
		t.Helper()
		got := FindNearDuplicates(texts)
		want := naive.NearDuplicates(texts, SimilarityPercent)
		if DupStopped(got) {
			t.Fatalf("%s: stopped", name)
		}
		// Same partition: map each naive root to our component and back.
		fwd, back := map[int]int32{}, map[int32]int{}
		for i := range texts {
			w, g := want.Comp[i], DupComp(got)[i]
			if (w < 0) != (g < 0) {
				t.Fatalf("%s: text %d compared by one side only", name, i)
			}
			if w < 0 {
				continue
			}
			if c, ok := fwd[w]; ok && c != g {
				t.Fatalf("%s: text %d (%q) split from its all-pairs cluster", name, i, texts[i])
			}
			if c, ok := back[g]; ok && c != w {
				t.Fatalf("%s: text %d (%q) joined a cluster all pairs keeps apart", name, i, texts[i])
			}
			fwd[w], back[g] = g, w
		}
		if DupCandidates(got) > want.Pairs/4+50 {
			t.Errorf("%s: %d candidates verified for %d all-pairs comparisons: blocking too weak", name, DupCandidates(got), want.Pairs)
		}
	}
	for _, n := range []int{100, 1000} {
		for seed := uint64(1); seed <= 3; seed++ {
			g := Generate(BenchConfig(n, seed))
			texts := make([]string, len(g.Reviews))
			for i, r := range g.Reviews {
				texts[i] = NearDupText(r.Content)
			}
			check(g.Config.Name, texts)
		}
	}
	// Adversarial: a small alphabet makes many texts similar at every
	// distance around the threshold.
	r := NewRand(9)
	alphabet := []rune("好评很不错")
	var texts []string
	base := []rune(strings.Repeat("好评很不错", 6))
	for i := 0; i < 400; i++ {
		b := append([]rune(nil), base[:20+r.Intn(10)]...)
		for e := r.Intn(7); e > 0; e-- {
			b[r.Intn(len(b))] = alphabet[r.Intn(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	check("adversarial", texts)
}

func TestNearDuplicateWorkBound(t *testing.T) {
	// Distinct long texts from a tiny alphabet: every pair is a candidate.
	r := NewRand(3)
	var texts []string
	for i := 0; i < 3000; i++ {
		rs := make([]rune, MaxDupRunes)
		for j := range rs {
			rs[j] = []rune("ab")[r.Intn(2)]
		}
		texts = append(texts, string(rs))
	}
	res := FindNearDuplicates(texts)
	if !DupStopped(res) {
		t.Fatalf("3,000 distinct %d-rune texts over a 2-letter alphabet must exhaust the work bound (%d cells); %d candidates verified", MaxDupRunes, MaxDupCells, DupCandidates(res))
	}
	// Every text has MaxDupRunes runes, so each verified candidate cost the
	// same number of cells; the one that crossed the bound was not computed.
	perPair := MaxDupRunes * (2*MaxDistance(MaxDupRunes) + 1)
	if spent := (DupCandidates(res) - 1) * perPair; spent > MaxDupCells {
		t.Errorf("spent %d cells, bound %d", spent, MaxDupCells)
	}
	if DupCandidates(res) < MaxDupCells/perPair {
		t.Errorf("stopped after %d candidates, before the bound (%d) was reached", DupCandidates(res), MaxDupCells/perPair)
	}
}
