package page

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A small backtracking matcher for the store text labels (storetext.go),
// built from Go values instead of regexp: the core then carries no regexp
// engine and compiles nothing when it starts. Each pattern keeps the
// regular expression it implements (src); the tests check both give the
// same match and submatches on every input (regexp's leftmost-first
// semantics: a backtracking matcher that tries alternatives in order,
// greedy repeats longest first and lazy ones shortest first).
//
// Character classes follow regexp's: \s is ASCII white space only
// (\t \n \f \r and space; U+3000 is \S), \d is 0-9, and invalid UTF-8
// reads as one U+FFFD per byte.

// textPat is one pattern: its matcher, the literal every match starts
// with ("" if none) and whether it is anchored at the start of the text.
type textPat struct {
	src      string // the equivalent regexp (documentation and tests)
	m        matcher
	prefix   string
	anchored bool
	// startByte, when set, says whether a match may start at a byte after
	// the first: a cheap test before the matcher runs (for patterns without
	// a prefix). It must be false for UTF-8 continuation bytes.
	startByte func(byte) bool
}

// matchState is one search: the text and the submatch positions so far.
type matchState struct {
	s    string
	caps [6]int // whole match, group 1, group 2 (start, end; -1 unset)
}

// matcher matches at i and calls k with each end position it can reach,
// in priority order, until k accepts one.
type matcher func(m *matchState, i int, k func(int) bool) bool

// runeAt decodes the rune at i as regexp does (width 0 at the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func lit(l string) matcher {
	return func(m *matchState, i int, k func(int) bool) bool {
		return strings.HasPrefix(m.s[i:], l) && k(i+len(l))
	}
}

// foldLit is lit under regexp's (?i): each character matches the
// characters of its simple case folding orbit (k also matches U+212A).
func foldLit(l string) matcher {
	return func(m *matchState, i int, k func(int) bool) bool {
		for _, pr := range l {
			r, w := runeAt(m.s, i)
			if w == 0 || !equalFold(pr, r) {
				return false
			}
			i += w
		}
		return k(i)
	}
}

func equalFold(a, b rune) bool {
	if a == b {
		return true
	}
	for r := unicode.SimpleFold(a); r != a; r = unicode.SimpleFold(r) {
		if r == b {
			return true
		}
	}
	return false
}

// alt tries each alternative in order: regexp's a|b.
func alt(ps ...matcher) matcher {
	return func(m *matchState, i int, k func(int) bool) bool {
		for _, p := range ps {
			if p(m, i, k) {
				return true
			}
		}
		return false
	}
}

// litAlt is alt of literals.
func litAlt(ls ...string) matcher {
	ps := make([]matcher, len(ls))
	for i, l := range ls {
		ps[i] = lit(l)
	}
	return alt(ps...)
}

func seq(ps ...matcher) matcher {
	return func(m *matchState, i int, k func(int) bool) bool {
		var step func(n, j int) bool
		step = func(n, j int) bool {
			if n == len(ps) {
				return k(j)
			}
			return ps[n](m, j, func(e int) bool { return step(n+1, e) })
		}
		return step(0, i)
	}
}

// empty matches nothing at i; opt(p) is regexp's greedy p?.
func empty(_ *matchState, i int, k func(int) bool) bool { return k(i) }

func opt(p matcher) matcher { return alt(p, empty) }

// rep repeats one character of class in: min to max times (max < 0: no
// bound), greedy (longest first) or lazy.
func rep(in func(rune) bool, min, max int, lazy bool) matcher {
	return func(m *matchState, i int, k func(int) bool) bool {
		var stack [64]int
		ends := append(stack[:0], i) // ends[n] is the end after n characters
		for j := i; max < 0 || len(ends) <= max; {
			r, w := runeAt(m.s, j)
			if w == 0 || !in(r) {
				break
			}
			j += w
			ends = append(ends, j)
		}
		if lazy {
			for n := min; n < len(ends); n++ {
				if k(ends[n]) {
					return true
				}
			}
			return false
		}
		for n := len(ends) - 1; n >= min; n-- {
			if k(ends[n]) {
				return true
			}
		}
		return false
	}
}

// one is exactly one character of class in.
func one(in func(rune) bool) matcher { return rep(in, 1, 1, false) }

// group records what p matches as submatch n (1 or 2).
func group(n int, p matcher) matcher {
	return func(m *matchState, i int, k func(int) bool) bool {
		return p(m, i, func(e int) bool {
			s, t := m.caps[2*n], m.caps[2*n+1]
			m.caps[2*n], m.caps[2*n+1] = i, e
			if k(e) {
				return true
			}
			m.caps[2*n], m.caps[2*n+1] = s, t
			return false
		})
	}
}

func atStart(_ *matchState, i int, k func(int) bool) bool { return i == 0 && k(i) }

func atEnd(m *matchState, i int, k func(int) bool) bool { return i == len(m.s) && k(i) }

// Character classes.
func reSpace(r rune) bool    { return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' }
func reNonSpace(r rune) bool { return !reSpace(r) }
func reDigit(r rune) bool    { return '0' <= r && r <= '9' }
func anyOf(set string) func(rune) bool {
	return func(r rune) bool { return strings.ContainsRune(set, r) }
}

var (
	spaces = rep(reSpace, 0, -1, false) // \s*
	word   = rep(reNonSpace, 1, -1, false)
)

// startsWith is a startByte test: one of the ASCII bytes in set.
func startsWith(set string) func(byte) bool {
	return func(c byte) bool { return strings.IndexByte(set, c) >= 0 }
}

// digits is \d{min,max}.
func digits(min, max int) matcher { return rep(reDigit, min, max, false) }

// find is regexp's FindStringSubmatchIndex: the leftmost match, nil if none.
func (p *textPat) find(s string) []int { return p.findFrom(s, 0) }

// findFrom is find for matches starting at from or later (^ and $ still
// mean the ends of s).
func (p *textPat) findFrom(s string, from int) []int {
	m := matchState{s: s}
	for i := from; i <= len(s); {
		if p.prefix != "" {
			j := strings.Index(s[i:], p.prefix)
			if j < 0 {
				return nil
			}
			i += j
		}
		if p.startByte != nil && i > 0 && i < len(s) && !p.startByte(s[i]) {
			i++ // no match starts inside a multi-byte character either
			continue
		}
		m.caps = [6]int{-1, -1, -1, -1, -1, -1}
		end := -1
		if p.m(&m, i, func(e int) bool { end = e; return true }) {
			m.caps[0], m.caps[1] = i, end
			return m.caps[:]
		}
		if p.anchored || i == len(s) {
			return nil
		}
		_, w := runeAt(s, i)
		i += w
	}
	return nil
}

// findAll is regexp's FindAllStringSubmatch(s, n) for a pattern of one
// group that never matches the empty string: group 1 of up to n
// successive matches.
func (p *textPat) findAll(s string, n int) []string {
	var out []string
	for from := 0; len(out) < n; {
		loc := p.findFrom(s, from)
		if loc == nil {
			break
		}
		out = append(out, s[loc[2]:loc[3]])
		from = loc[1]
	}
	return out
}

// submatches is regexp's FindStringSubmatch for a pattern of n groups.
func (p *textPat) submatches(s string, n int) []string {
	loc := p.find(s)
	if loc == nil {
		return nil
	}
	out := make([]string, n+1)
	for g := 0; g <= n; g++ {
		if loc[2*g] >= 0 {
			out[g] = s[loc[2*g]:loc[2*g+1]]
		}
	}
	return out
}
