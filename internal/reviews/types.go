// Package reviews captures 1688 reviews as the page receives them (mtop
// responses, old rates.json, the rendered DOM as a fallback), accumulates them
// across the pages the buyer opens, and runs the review detectors: near
// duplicates, bursts, rating skew, generic praise, repeat reviewers and
// reviews against sales. It is pure Go (no syscall/js) so it builds and tests
// under GOOS=js GOARCH=wasm; docs/reviews.md explains every threshold.
package reviews

import (
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Caps (docs/security.md: cap input sizes before parsing, including review
// counts and the string lengths given to Levenshtein).
const (
	// MaxReviews is the most reviews a Set keeps; later ones are counted in
	// Dropped and ignored.
	MaxReviews = 10000
	// MaxContentRunes caps a review's text at intake, before any distance work.
	MaxContentRunes = 2000
	// MaxDupRunes caps the normalised text the near-duplicate search compares.
	MaxDupRunes = 500
	// MaxBodyBytes caps one response body handed to ParseResponse.
	MaxBodyBytes = 4 << 20
	// MaxPerResponse caps the reviews read from one response (pages hold 10-20).
	MaxPerResponse = 500
	// maxFieldRunes caps ids, nicks and spec strings.
	maxFieldRunes = 128
	maxQuantity   = 1_000_000_000
	maxImages     = 100
)

// Where a review was read from.
const (
	SourceList  = "queryItemRatedListV2"
	SourceRates = "rates.json"
	SourceDOM   = "dom"
)

// Review is one buyer review. Zero values mean unknown.
type Review struct {
	ID        string
	Content   string
	Stars     int // 1-5; 0 = unknown
	Spec      string
	Quantity  int // 0 = unknown
	Nick      string
	Published time.Time // zero = unknown
	Images    int
	Source    string
	// System is true when the response marks the review as written by the
	// platform, not the buyer (isSystemRemark / systemRemark, SEEN-CODE).
	System bool
}

// Tag is one review tag with its count (commonTagNodeList: 全部, 有图, 好评;
// impressionTagNodeList: 质量很好 ...).
type Tag struct {
	Name       string `json:"name"`
	Count      int    `json:"count"`
	Impression bool   `json:"impression,omitempty"` // from impressionTagNodeList
}

// Summary is the review summary (queryDsrRateDataV2 data.model).
type Summary struct {
	GoodRate   *float64 `json:"goodRate"`   // goodRates, percent 0-100
	GoodsGrade *float64 `json:"goodsGrade"` // 0-5
	Total      *int     `json:"total"`      // count of the 全部 tag
	Tags       []Tag    `json:"tags"`
	// SystemRemarks is systemRemarkCnt: how many of the reviews are the
	// platform's automatic default praise.
	SystemRemarks *int `json:"systemRemarks"`
}

// merge fills s's unknown fields from o (the newer response wins when both know).
func (s *Summary) merge(o *Summary) {
	if o.GoodRate != nil {
		s.GoodRate = o.GoodRate
	}
	if o.GoodsGrade != nil {
		s.GoodsGrade = o.GoodsGrade
	}
	if o.Total != nil {
		s.Total = o.Total
	}
	if len(o.Tags) > 0 {
		s.Tags = append([]Tag(nil), o.Tags...)
	}
	if o.SystemRemarks != nil {
		s.SystemRemarks = o.SystemRemarks
	}
}

// Set accumulates reviews across the pages the buyer opens. Reviews are
// deduplicated by ID, or by nick + time + content hash when there is no ID
// (a DOM item also matches an API review with the same nick, calendar day and
// text). The zero value is not usable: call NewSet.
type Set struct {
	reviews []Review
	meta    []meta
	keys    map[uint64]int32 // dedup keys (see dedupKeys)
	summary *Summary
	dropped int
	dups    int
	nicks   map[string]int32   // shown nick -> id (for review-repeat-reviewer)
	combos  map[comboKey]int32 // variant+quantity -> id

	// version changes with every Add and AddSummary; memo is the last
	// analysis of this version (AnalyzeWith), so a re-evaluation with
	// nothing new (the extension's second run of the same page) is free.
	version uint64
	memo    *analysisMemo

	bytes int // about what the reviews and their derived data hold (Bytes)
}

// reviewOverhead is what one kept review costs beside its text: the Review
// and meta structs, its dedup keys and map slots.
const reviewOverhead = 320

// Bytes is about how much memory the set's reviews hold: their texts twice
// (as read and normalised) and a fixed overhead each. Analysis sessions count
// it in their memory budget.
func (s *Set) Bytes() int {
	if s == nil {
		return 0
	}
	return s.bytes
}

// meta is what Add derives once per review so re-evaluation after each new
// page does not redo it.
type meta struct {
	norm  string // Normalize(Content)
	class textClass
	nrun  int   // runes in norm
	nick  int32 // id of the shown nick in Set.nicks; -1 anonymous
	combo int32 // id of variant+quantity in Set.combos; -1 when either is unknown
}

// comboKey is a variant + quantity pair.
type comboKey struct {
	spec string
	qty  int
}

// NewSet returns an empty set.
func NewSet() *Set {
	return &Set{keys: make(map[uint64]int32), nicks: map[string]int32{}, combos: map[comboKey]int32{}}
}

// Clone returns an independent copy of the set (reviews themselves are
// values and their strings immutable, so the copy is shallow where it can be).
func (s *Set) Clone() *Set {
	c := *s
	c.reviews = slices.Clone(s.reviews)
	c.meta = slices.Clone(s.meta)
	c.keys = maps.Clone(s.keys)
	c.nicks = maps.Clone(s.nicks)
	c.combos = maps.Clone(s.combos)
	if s.summary != nil {
		sum := *s.summary // merge replaces fields, never writes through them
		c.summary = &sum
	}
	return &c
}

// Len is the number of distinct reviews held.
func (s *Set) Len() int { return len(s.reviews) }

// Reviews returns the reviews in the order they were added. Callers must not
// modify the slice.
func (s *Set) Reviews() []Review { return s.reviews }

// Dropped is how many reviews were ignored because the set was full.
func (s *Set) Dropped() int { return s.dropped }

// Duplicates is how many added reviews were already in the set.
func (s *Set) Duplicates() int { return s.dups }

// Summary returns the merged review summary, or nil when none was seen.
func (s *Set) Summary() *Summary { return s.summary }

// AddSummary merges a review summary into the set.
func (s *Set) AddSummary(sum *Summary) {
	if sum == nil {
		return
	}
	if s.summary == nil {
		s.summary = &Summary{}
	}
	s.summary.merge(sum)
	s.version++
}

// AddResponse parses one captured response and adds what it carries.
func (s *Set) AddResponse(url, body string) (added int, ok bool) {
	rs, sum, ok := ParseResponse(url, body)
	if !ok {
		return 0, false
	}
	s.AddSummary(sum)
	return s.Add(rs...), true
}

// AddDOM adds rendered review items (the fallback when no response was seen).
func (s *Set) AddDOM(items []DOMReview) int { return s.Add(ParseDOM(items)...) }

// Add sanitises and adds reviews, skipping ones already held; it returns how
// many were new.
func (s *Set) Add(rs ...Review) int {
	if len(rs) > 0 {
		s.version++
	}
	added := 0
	if need := len(s.reviews) + len(rs); need > 2*len(s.keys) && len(rs) > 64 {
		// Grow once for a big batch instead of rehashing repeatedly.
		k := make(map[uint64]int32, 2*min(need, MaxReviews))
		for key, v := range s.keys {
			k[key] = v
		}
		s.keys = k
		s.reviews = slices.Grow(s.reviews, min(need, MaxReviews)-len(s.reviews))
		s.meta = slices.Grow(s.meta, min(need, MaxReviews)-len(s.meta))
	}
	for _, r := range rs {
		r = sanitize(r)
		if r.ID == "" && r.Content == "" && r.Nick == "" && r.Stars == 0 && r.Published.IsZero() {
			continue // nothing to analyse
		}
		idKey, timeKey, dayKey := dedupKeys(r)
		if idKey != 0 {
			if _, seen := s.keys[idKey]; seen {
				s.dups++
				continue
			}
		} else {
			_, seenT := s.keys[timeKey]
			_, seenD := s.keys[dayKey]
			if seenT || (r.Source == SourceDOM && seenD) {
				s.dups++
				continue
			}
		}
		// A response that arrives after the DOM fallback replaces the DOM
		// copy of the same review (same nick, day and text) in place.
		if r.Source != SourceDOM {
			if j, ok := s.keys[dayKey^domKey]; ok && s.reviews[j].Source == SourceDOM {
				delete(s.keys, dayKey^domKey)
				s.put(int(j), r, idKey, timeKey, dayKey)
				s.dups++
				continue
			}
		}
		if len(s.reviews) >= MaxReviews {
			s.dropped++
			continue
		}
		s.reviews = append(s.reviews, Review{})
		s.meta = append(s.meta, meta{})
		s.put(len(s.reviews)-1, r, idKey, timeKey, dayKey)
		added++
	}
	return added
}

// put stores r at index i with its dedup keys and derived data.
func (s *Set) put(i int, r Review, idKey, timeKey, dayKey uint64) {
	s.bytes += reviewOverhead + 2*len(r.Content) + len(r.ID) + len(r.Spec) + len(r.Nick) + len(r.Source)
	if idKey != 0 {
		s.keys[idKey] = int32(i) // an ID'd review is found by its ID (and by day below)
	} else {
		s.keys[timeKey] = int32(i)
	}
	if r.Source == SourceDOM {
		s.keys[dayKey^domKey] = int32(i)
	} else {
		s.keys[dayKey] = int32(i)
	}
	n := Normalize(r.Content)
	s.reviews[i] = r
	c := classify(r.Content, n)
	if r.System {
		c = classDefault
	}
	m := meta{norm: n, class: c, nrun: utf8.RuneCountInString(n), nick: -1, combo: -1}
	if !anonymousNick(r.Nick) {
		id, ok := s.nicks[r.Nick]
		if !ok {
			id = int32(len(s.nicks))
			s.nicks[r.Nick] = id
		}
		m.nick = id
	}
	if r.Spec != "" && r.Quantity > 0 {
		k := comboKey{r.Spec, r.Quantity}
		id, ok := s.combos[k]
		if !ok {
			id = int32(len(s.combos))
			s.combos[k] = id
		}
		m.combo = id
	}
	s.meta[i] = m
}

// domKey marks the day key of a DOM item (so an API review can replace it).
const domKey = 0x5bd1e9955bd1e995

// dedupKeys returns 64-bit FNV-1a keys: by ID (0 when there is none), by
// nick + exact time + text, and by nick + CST day + text.
func dedupKeys(r Review) (idKey, timeKey, dayKey uint64) {
	if r.ID != "" {
		idKey = fnvString(fnvString(fnvOffset, "id\x00"), r.ID) | 1
	}
	text := fnvString(fnvOffset, r.Content)
	nick := fnvString(fnvOffset, r.Nick)
	var ms, day int64 = 0, -1
	if !r.Published.IsZero() {
		ms = r.Published.UnixMilli()
		day = dayIndex(r.Published)
	}
	timeKey = fnvUint(fnvUint(fnvUint(fnvString(fnvOffset, "t\x00"), nick), uint64(ms)), text)
	dayKey = fnvUint(fnvUint(fnvUint(fnvString(fnvOffset, "d\x00"), nick), uint64(day)), text)
	return
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff // terminator: ("ab","c") and ("a","bc") differ
	return h * fnvPrime
}

func fnvUint(h, v uint64) uint64 {
	for i := 0; i < 8; i++ {
		h ^= v & 0xff
		h *= fnvPrime
		v >>= 8
	}
	return h
}

// sanitize applies the caps and clamps to one review.
func sanitize(r Review) Review {
	r.ID = capRunes(strings.TrimSpace(r.ID), maxFieldRunes)
	r.Content = capRunes(strings.TrimSpace(r.Content), MaxContentRunes)
	r.Spec = capRunes(strings.TrimSpace(r.Spec), maxFieldRunes*2)
	r.Nick = capRunes(strings.TrimSpace(r.Nick), maxFieldRunes)
	r.Source = capRunes(r.Source, 32)
	if r.Stars < 0 || r.Stars > 5 {
		r.Stars = clampInt(r.Stars, 0, 5)
	}
	r.Quantity = clampInt(r.Quantity, 0, maxQuantity)
	r.Images = clampInt(r.Images, 0, maxImages)
	if !r.Published.IsZero() && !reviewDates.Plausible(r.Published) {
		r.Published = time.Time{}
	}
	return r
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// capRunes returns valid UTF-8 of at most n runes.
func capRunes(s string, n int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if len(s) <= n { // bytes >= runes
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// Text is a string in both languages the buyer sees (the same shape as
// rules.Text).
type Text struct {
	EN string `json:"en"`
	ZH string `json:"zh"`
}
