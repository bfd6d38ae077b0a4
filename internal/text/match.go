package text

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pattern is a small matcher over folded text, written in a tiny notation
// instead of a regular expression (the extension's WebAssembly stays small
// without package regexp). A pattern is a list of alternatives; each is a
// sequence of parts separated by spaces:
//
//	加|添加|联系        one of these literals (folded form; '_' stands for a space)
//	我|个?              a part ending in '?' is optional
//	#5                  a contact id: at least 5 ASCII letters or digits
//	@5                  the same with at least one digit among them
//	%6                  at least 6 digits
//	$                   here the next character is not an ASCII letter or digit
//	^                   (first part only) the character before is not an ASCII letter or digit
//	!套|包              the text here does not start with any of these literals
//	<放|装              (before the first part) the text before does not end with these
//	~                   here the next character is not an ASCII letter
//	.                   here the text ends, or the next character is not a letter or digit
//
// The first part (after an optional ^) is a required literal part: the
// matcher walks the text once, and where a character starts one of those
// literals (a bit set, then a map) tries the rest there.
type Pattern struct {
	alts    [][]part
	anchors []anchor
	byFirst map[rune][]int // anchors by their literal's first character
	bits    [64]uint64     // bit r%4096 set when byFirst may hold r
}

type anchor struct {
	lit  string
	alts []int // alternatives whose first part has this literal
}

type partKind uint8

const (
	lits partKind = iota
	idRun
	idDigitRun
	digitRun
	boundary
	notBefore
	notLetter
	wordEnd
)

type part struct {
	kind partKind
	lits []string
	min  int
	opt  bool
	left bool // boundary on the left (^), checked at the alternative's start
	// notAfter (<…) lists what the text before the alternative must not end with.
	notAfter []string
}

// MustCompile parses alternatives written in the notation above and panics
// on a malformed one (patterns are constants of the program).
func MustCompile(alternatives ...string) *Pattern {
	p := &Pattern{byFirst: map[rune][]int{}}
	index := map[string]int{}
	for _, src := range alternatives {
		var alt []part
		left := false
		var notAfter []string
		for _, tok := range strings.Fields(src) {
			switch {
			case tok == "^" && len(alt) == 0:
				left = true
				continue
			case strings.HasPrefix(tok, "<") && len(tok) > 1 && len(alt) == 0:
				notAfter = splitLits(tok[1:])
				continue
			}
			alt = append(alt, parsePart(tok, src))
		}
		if len(alt) == 0 || alt[0].kind != lits || alt[0].opt {
			panic("text: pattern must start with a required literal part: " + src)
		}
		alt[0].left, alt[0].notAfter = left, notAfter
		n := len(p.alts)
		p.alts = append(p.alts, alt)
		for _, l := range alt[0].lits {
			i, ok := index[l]
			if !ok {
				i = len(p.anchors)
				index[l] = i
				p.anchors = append(p.anchors, anchor{lit: l})
			}
			p.anchors[i].alts = append(p.anchors[i].alts, n)
		}
	}
	for i, a := range p.anchors {
		r, _ := utf8.DecodeRuneInString(a.lit)
		p.byFirst[r] = append(p.byFirst[r], i)
		p.bits[r%4096/64] |= 1 << (r % 64)
	}
	return p
}

func parsePart(tok, src string) part {
	var pt part
	if strings.HasSuffix(tok, "?") && len(tok) > 1 {
		pt.opt = true
		tok = tok[:len(tok)-1]
	}
	num := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			panic("text: bad count in pattern: " + src)
		}
		return n
	}
	switch {
	case tok == "$":
		pt.kind = boundary
	case tok == "~":
		pt.kind = notLetter
	case tok == ".":
		pt.kind = wordEnd
	case strings.HasPrefix(tok, "#") && len(tok) > 1:
		pt.kind, pt.min = idRun, num(tok[1:])
	case strings.HasPrefix(tok, "@") && len(tok) > 1:
		pt.kind, pt.min = idDigitRun, num(tok[1:])
	case strings.HasPrefix(tok, "%") && len(tok) > 1:
		pt.kind, pt.min = digitRun, num(tok[1:])
	case strings.HasPrefix(tok, "!") && len(tok) > 1:
		pt.kind, pt.lits = notBefore, splitLits(tok[1:])
	default:
		pt.kind, pt.lits = lits, splitLits(tok)
	}
	return pt
}

func splitLits(tok string) []string {
	ls := strings.Split(tok, "|")
	for i, l := range ls {
		if l == "" {
			panic("text: empty literal in pattern part " + tok)
		}
		ls[i] = strings.ReplaceAll(l, "_", " ")
	}
	return ls
}

// Next returns the earliest match in s starting at or after from: the byte
// range [start, end) of s. Among alternatives matching at the same start
// it returns the longest.
func (p *Pattern) Next(s string, from int) (start, end int, ok bool) {
	for i := from; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if p.bits[r%4096/64]&(1<<(r%64)) != 0 {
			best := -1
			for _, ai := range p.byFirst[r] {
				a := p.anchors[ai]
				if strings.HasPrefix(s[i:], a.lit) {
					best = max(best, p.matchAt(s, i, a))
				}
			}
			if best >= 0 {
				return i, best, true
			}
		}
		i += n
	}
	return 0, 0, false
}

// matchAt tries the alternatives anchored by a at s[i:], returning the
// longest end or -1.
func (p *Pattern) matchAt(s string, i int, a anchor) int {
	best := -1
	for _, n := range a.alts {
		alt := p.alts[n]
		if alt[0].left && i > 0 && isASCIIAlnum(s[i-1]) {
			continue
		}
		if hasSuffixAny(s[:i], alt[0].notAfter) {
			continue
		}
		if e := matchParts(s, i+len(a.lit), alt[1:]); e > best {
			best = e
		}
	}
	return best
}

// matchParts matches parts at s[i:] with backtracking over optional parts
// and alternative literals, returning the longest end or -1.
func matchParts(s string, i int, parts []part) int {
	if len(parts) == 0 {
		return i
	}
	pt, rest := parts[0], parts[1:]
	best := -1
	if pt.opt {
		best = matchParts(s, i, rest)
	}
	switch pt.kind {
	case lits:
		for _, l := range pt.lits {
			if strings.HasPrefix(s[i:], l) {
				best = max(best, matchParts(s, i+len(l), rest))
			}
		}
	case idRun, idDigitRun, digitRun:
		j, digits := i, 0
		for j < len(s) && (isASCIIAlnum(s[j]) && (pt.kind != digitRun || s[j] >= '0' && s[j] <= '9')) {
			if s[j] >= '0' && s[j] <= '9' {
				digits++
			}
			j++
		}
		if j-i >= pt.min && (pt.kind != idDigitRun || digits > 0) {
			best = max(best, matchParts(s, j, rest))
		}
	case boundary:
		if i >= len(s) || !isASCIIAlnum(s[i]) {
			best = max(best, matchParts(s, i, rest))
		}
	case notLetter:
		if i >= len(s) || !(s[i] >= 'a' && s[i] <= 'z') {
			best = max(best, matchParts(s, i, rest))
		}
	case wordEnd:
		if r, _ := utf8.DecodeRuneInString(s[i:]); i >= len(s) || !isWordRune(r) {
			best = max(best, matchParts(s, i, rest))
		}
	case notBefore:
		for _, l := range pt.lits {
			if strings.HasPrefix(s[i:], l) {
				return best
			}
		}
		best = max(best, matchParts(s, i, rest))
	}
	return best
}

func hasSuffixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
}

// IsClauseEnd reports whether the folded character at s[i:] ends a clause
// (line break, comma, full stop, semicolon, exclamation or question mark).
func IsClauseEnd(s string, i int) bool {
	switch s[i] {
	case '\n', ',', '.', ';', '!', '?':
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == '。' || r == '！' || r == '？' || r == '；' || r == '，'
}
