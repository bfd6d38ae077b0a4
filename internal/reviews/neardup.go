package reviews

import (
	"slices"
	"sort"
	"sync"
	"unicode/utf8"
)

// Near-duplicate search parameters (docs/reviews.md, review-near-duplicate).
const (
	// SimilarityPercent is the Levenshtein similarity, 1 - distance/longer
	// length, at or above which two normalised texts are near-duplicates.
	SimilarityPercent = 85
	// MinDupRunes: normalised texts shorter than this are not compared
	// (short texts coincide by chance; template ones go to review-generic).
	MinDupRunes = 20
	// maxDupCells bounds the dynamic-programming work of one search
	// (hostile pages); beyond it the search stops and says so.
	maxDupCells = 40_000_000
)

// dupResult is the outcome of one near-duplicate search.
type dupResult struct {
	comp       []int32 // per review: component id (a representative review index), -1 if not compared
	compared   int     // reviews compared (eligible)
	candidates int     // candidate pairs verified with the bounded distance
	stopped    bool    // the work bound was hit
}

// similarEnough reports whether distance d between texts of lengths la, lb
// passes SimilarityPercent (integer form shared with the naive baseline).
func similarEnough(d, la, lb int) bool {
	return d*100 <= (100-SimilarityPercent)*max(la, lb)
}

// maxDistance is the largest distance similarEnough accepts for a pair whose
// longer text has l runes.
func maxDistance(l int) int { return (100 - SimilarityPercent) * l / 100 }

// findNearDuplicates clusters texts (per review; "" = not compared) whose
// similarity is at least SimilarityPercent, without comparing all pairs:
//
//  1. identical texts are grouped by a hash map and compared once;
//  2. every distinct text becomes the multiset of its character bigrams;
//     bigrams are ordered globally from rarest to commonest;
//  3. prefix filter (Chaudhuri et al. / All-Pairs; Ed-Join for edit
//     distance): if ed(x, y) <= d then x and y share at least
//     max(|x|,|y|) - 1 - 2d bigrams, so the 2d+1 rarest bigrams of each must
//     share one. Only those prefixes are indexed, and a pair becomes a
//     candidate only through a shared prefix bigram;
//  4. length filter: the shorter text must be at least 85% of the longer;
//  5. candidates already in one cluster are skipped; the rest are verified
//     with a banded Levenshtein bounded by the largest accepted distance,
//     stopping early when a row exceeds it;
//  6. union-find joins the verified pairs into clusters.
//
// The result is exactly what comparing all pairs gives (the naive baseline
// test checks it), at a small fraction of the work.
func findNearDuplicates(texts []string) dupResult {
	n := len(texts)
	res := dupResult{comp: make([]int32, n)}
	for i := range res.comp {
		res.comp[i] = -1
	}
	sc := dupPool.Get().(*dupScratch)
	defer dupPool.Put(sc)
	// 1. exact groups
	repOf := sc.repOf
	clear(repOf)
	group := grow32(&sc.group, n) // review -> rep slot
	reps := sc.reps[:0]           // rep slot -> review index
	defer func() { sc.reps = reps }()
	for i, t := range texts {
		if t == "" {
			group[i] = -1
			continue
		}
		res.compared++
		s, ok := repOf[t]
		if !ok {
			s = int32(len(reps))
			repOf[t] = s
			reps = append(reps, int32(i))
		}
		group[i] = s
	}
	nr := len(reps)
	if nr == 0 {
		return res
	}
	// Rune arena for the distinct texts.
	off := grow32(&sc.off, nr+1)
	total := 0
	for s, i := range reps {
		off[s] = int32(total)
		total += utf8.RuneCountInString(texts[i])
	}
	off[nr] = int32(total)
	arena := sc.arena[:0]
	defer func() { sc.arena = arena }()
	for _, i := range reps {
		for _, r := range texts[i] {
			arena = append(arena, r)
		}
	}
	runesOf := func(s int) []rune { return arena[off[s]:off[s+1]] }
	length := func(s int) int { return int(off[s+1] - off[s]) }

	// 2. bigram tokens (a bigram's k-th occurrence in a text is its own
	// token, so sets behave as the multisets the q-gram lemma counts).
	nTok := total - nr // sum of (len-1)
	if nTok < 1 {
		nTok = 1
	}
	table := sc.table(nTok)
	tokOff := grow32(&sc.tokOff, nr+1)
	toks := sc.toks[:0]
	codes := sc.codes[:0]
	defer func() { sc.toks, sc.codes = toks, codes }()
	for s := 0; s < nr; s++ {
		tokOff[s] = int32(len(toks))
		rs := runesOf(s)
		codes = codes[:0]
		for j := 0; j+1 < len(rs); j++ {
			codes = append(codes, uint64(rs[j])<<21|uint64(rs[j+1]))
		}
		slices.Sort(codes)
		occ := uint64(0)
		for j, c := range codes {
			if j > 0 && codes[j-1] == c {
				occ++
			} else {
				occ = 0
			}
			toks = append(toks, table.id(c<<11|min(occ, 2047)))
		}
	}
	tokOff[nr] = int32(len(toks))
	df := table.df
	// Order each text's tokens rarest first (ties by id: deterministic);
	// keys keeps the order key of each token for the overlap count below.
	keys := grow64(&sc.keys, len(toks))
	for s := 0; s < nr; s++ {
		t := toks[tokOff[s]:tokOff[s+1]]
		k := keys[tokOff[s]:tokOff[s+1]]
		for j, id := range t {
			k[j] = uint64(df[id])<<32 | uint64(uint32(id))
		}
		slices.Sort(k)
		for j, v := range k {
			t[j] = int32(uint32(v))
		}
	}
	// overlapAtLeast reports whether texts x and y share at least need
	// tokens (count filter: a merge of the two ordered token lists that stops
	// as soon as the rest cannot reach need).
	overlapAtLeast := func(x, y int, need int) bool {
		a, b := keys[tokOff[x]:tokOff[x+1]], keys[tokOff[y]:tokOff[y+1]]
		i, j, c := 0, 0, 0
		for i < len(a) && j < len(b) {
			if c+min(len(a)-i, len(b)-j) < need {
				return false
			}
			switch {
			case a[i] == b[j]:
				c++
				i++
				j++
			case a[i] < b[j]:
				i++
			default:
				j++
			}
		}
		return c >= need
	}
	// Texts are processed shortest first and each is compared only with the
	// shorter or equal ones before it, so a text is always the longer side
	// of its comparisons and its own bound maxDistance(len) applies to both
	// prefixes (Bayardo et al. 2007, All-Pairs).
	prefixLen := func(s int) int {
		return min(int(tokOff[s+1]-tokOff[s]), 2*maxDistance(length(s))+1)
	}
	// Texts by length (shortest first); pos is a text's rank.
	order := grow32(&sc.order, nr)
	for s := range order {
		order[s] = int32(s)
	}
	sort.SliceStable(order, func(a, b int) bool { return length(int(order[a])) < length(int(order[b])) })
	pos := grow32(&sc.pos, nr)
	for p, s := range order {
		pos[s] = int32(p)
	}
	// 3. CSR inverted index of prefix tokens; lists end up in length order.
	cnt := grow32(&sc.cnt, len(df)+1)
	clear(cnt)
	for s := 0; s < nr; s++ {
		for _, id := range toks[tokOff[s] : int(tokOff[s])+prefixLen(s)] {
			cnt[id+1]++
		}
	}
	for i := 1; i < len(cnt); i++ {
		cnt[i] += cnt[i-1]
	}
	post := grow32(&sc.post, int(cnt[len(cnt)-1]))
	fill := grow32(&sc.fill, len(cnt)-1)
	copy(fill, cnt)
	for _, s := range order {
		for _, id := range toks[tokOff[s] : int(tokOff[s])+prefixLen(int(s))] {
			post[fill[id]] = s
			fill[id]++
		}
	}
	// 4-6. probe, verify, union.
	uf := unionFind{parent: grow32(&sc.parent, nr)}
	for i := range uf.parent {
		uf.parent[i] = int32(i)
	}
	stamp := grow32(&sc.stamp, nr)
	for i := range stamp {
		stamp[i] = -1
	}
	start := grow32(&sc.start, len(cnt)-1) // per list: first entry still long enough
	copy(start, cnt)
	buf := sc.buf
	defer func() { sc.buf = buf }()
	cells := 0
	for px, x := range order {
		lx := length(int(x))
		k := maxDistance(lx)
		need := lx - 1 - 2*k // q-gram lemma: shared bigrams within distance k
		for _, id := range toks[tokOff[x] : int(tokOff[x])+prefixLen(int(x))] {
			lo, hi := start[id], cnt[id+1]
			// length filter: entries shorter than 85% of x never match x or
			// any later (longer) text
			for lo < hi && length(int(post[lo]))*100 < SimilarityPercent*lx {
				lo++
			}
			start[id] = lo
			for _, y := range post[lo:hi] {
				if pos[y] >= int32(px) {
					break // not processed yet: it will probe x later
				}
				if stamp[y] == int32(px) {
					continue
				}
				stamp[y] = int32(px)
				if uf.find(x) == uf.find(y) {
					continue
				}
				if need > 0 && !overlapAtLeast(int(x), int(y), need) {
					continue
				}
				res.candidates++
				cells += length(int(y)) * (2*k + 1)
				if cells > maxDupCells {
					res.stopped = true
					goto done
				}
				var d int
				d, buf = boundedLevenshtein(runesOf(int(x)), runesOf(int(y)), k, buf)
				if d <= k && similarEnough(d, lx, length(int(y))) {
					uf.union(x, y)
				}
			}
		}
	}
done:
	for i, s := range group {
		if s >= 0 {
			res.comp[i] = reps[uf.find(s)]
		}
	}
	return res
}

// tokenTable maps 64-bit tokens to dense ids and counts them (document
// frequency: a token occurs at most once per text thanks to occurrence
// numbering). Open addressing with linear probing: faster than a Go map,
// which matters under WebAssembly.
type tokenTable struct {
	keys []uint64 // key+1; 0 = empty
	vals []int32
	mask uint64
	df   []int32
}

// dupScratch holds the buffers of one search, reused between searches
// (each new review page re-runs the analysis; under WebAssembly every
// allocation feeds a single-threaded collector).
type dupScratch struct {
	repOf                                                                     map[string]int32
	group, reps, off, tokOff, toks, order, pos, cnt, post, fill, start, stamp []int32
	parent, buf                                                               []int32
	arena                                                                     []rune
	codes, keys                                                               []uint64
	tt                                                                        tokenTable
}

var dupPool = sync.Pool{New: func() any { return &dupScratch{repOf: map[string]int32{}} }}

func grow32(p *[]int32, n int) []int32 {
	if cap(*p) < n {
		*p = make([]int32, n, n+n/4)
	}
	*p = (*p)[:n]
	return *p
}

func grow64(p *[]uint64, n int) []uint64 {
	if cap(*p) < n {
		*p = make([]uint64, n, n+n/4)
	}
	*p = (*p)[:n]
	return *p
}

// table returns the scratch token table, emptied, sized for n tokens
// (load factor at most 2/3).
func (sc *dupScratch) table(n int) *tokenTable {
	size := 16
	for size < n+n/2 {
		size <<= 1
	}
	t := &sc.tt
	if cap(t.keys) < size {
		t.keys, t.vals = make([]uint64, size), make([]int32, size)
	} else {
		t.keys, t.vals = t.keys[:size], t.vals[:size]
		clear(t.keys)
	}
	t.mask = uint64(size - 1)
	t.df = t.df[:0]
	return t
}

func (t *tokenTable) id(key uint64) int32 {
	k := key + 1
	h := (k * 0x9E3779B97F4A7C15) >> 20
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case 0:
			t.keys[i] = k
			id := int32(len(t.df))
			t.vals[i] = id
			t.df = append(t.df, 1)
			return id
		case k:
			id := t.vals[i]
			t.df[id]++
			return id
		}
	}
}

type unionFind struct{ parent []int32 }

func (u *unionFind) find(x int32) int32 {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins the sets; the smaller index becomes the root (deterministic).
func (u *unionFind) union(a, b int32) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
}
