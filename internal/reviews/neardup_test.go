package reviews

import (
	"strings"
	"testing"

	"github.com/agnivade/levenshtein"

	"github.com/trustlens/trustlens/internal/reviews/naive"
)

func TestBoundedLevenshteinMatchesFull(t *testing.T) {
	r := &genRand{s: 42}
	alphabet := []rune("好评质量很不错物流快ab")
	randText := func(n int) string {
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[r.intn(len(alphabet))]
		}
		return string(rs)
	}
	var buf []int32
	for i := 0; i < 20000; i++ {
		a := randText(r.intn(30))
		b := []rune(a)
		// mutate a few positions so near and far pairs both occur
		for e := r.intn(8); e > 0 && len(b) > 0; e-- {
			switch r.intn(3) {
			case 0:
				b[r.intn(len(b))] = alphabet[r.intn(len(alphabet))]
			case 1:
				j := r.intn(len(b))
				b = append(b[:j], b[j+1:]...)
			case 2:
				j := r.intn(len(b) + 1)
				b = append(b[:j], append([]rune{alphabet[r.intn(len(alphabet))]}, b[j:]...)...)
			}
		}
		if r.chance(0.2) {
			b = []rune(randText(r.intn(30)))
		}
		full := levenshtein.ComputeDistance(a, string(b))
		k := r.intn(10)
		var got int
		got, buf = boundedLevenshtein([]rune(a), b, k, buf)
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
		got := findNearDuplicates(texts)
		want := naive.NearDuplicates(texts, SimilarityPercent)
		if got.stopped {
			t.Fatalf("%s: stopped", name)
		}
		// Same partition: map each naive root to our component and back.
		fwd, back := map[int]int32{}, map[int32]int{}
		for i := range texts {
			w, g := want.Comp[i], got.comp[i]
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
		if got.candidates > want.Pairs/4+50 {
			t.Errorf("%s: %d candidates verified for %d all-pairs comparisons: blocking too weak", name, got.candidates, want.Pairs)
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
	r := &genRand{s: 9}
	alphabet := []rune("好评很不错")
	var texts []string
	base := []rune(strings.Repeat("好评很不错", 6))
	for i := 0; i < 400; i++ {
		b := append([]rune(nil), base[:20+r.intn(10)]...)
		for e := r.intn(7); e > 0; e-- {
			b[r.intn(len(b))] = alphabet[r.intn(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	check("adversarial", texts)
}

func TestNearDuplicateWorkBound(t *testing.T) {
	// Distinct long texts from a tiny alphabet: every pair is a candidate.
	r := &genRand{s: 3}
	var texts []string
	for i := 0; i < 3000; i++ {
		rs := make([]rune, MaxDupRunes)
		for j := range rs {
			rs[j] = []rune("ab")[r.intn(2)]
		}
		texts = append(texts, string(rs))
	}
	res := findNearDuplicates(texts)
	if !res.stopped {
		t.Fatalf("3,000 distinct %d-rune texts over a 2-letter alphabet must exhaust the work bound (%d cells); %d candidates verified", MaxDupRunes, maxDupCells, res.candidates)
	}
	// Every text has MaxDupRunes runes, so each verified candidate cost the
	// same number of cells; the one that crossed the bound was not computed.
	perPair := MaxDupRunes * (2*maxDistance(MaxDupRunes) + 1)
	if spent := (res.candidates - 1) * perPair; spent > maxDupCells {
		t.Errorf("spent %d cells, bound %d", spent, maxDupCells)
	}
	if res.candidates < maxDupCells/perPair {
		t.Errorf("stopped after %d candidates, before the bound (%d) was reached", res.candidates, maxDupCells/perPair)
	}
}
