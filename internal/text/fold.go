// Package text is the one normaliser of page text. Every text rule and the
// review comparison see text through it, so that what a seller hides from
// word filters (invisible characters, full-width or spaced letters,
// look-alike characters, right-to-left overrides) does not hide it from us.
//
// Fold turns a text into its matching form and keeps a map back to the
// original, so that evidence always quotes what the page really carries,
// with the hidden characters made visible (Visible).
package text

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Class sorts a character after FoldRune.
type Class uint8

const (
	Word   Class = iota // a letter or digit (folded)
	Space               // any space (folded to ' ')
	Break               // a line break: ends a clause
	Hidden              // invisible: format characters, variation selectors, fillers
	Bidi                // a bidi embedding, override or isolate control (also invisible)
	Filler              // a symbol sellers sprinkle between letters (· * ~ - emoji …)
	Punct               // other punctuation and symbols, kept
)

// RLO and PDF open and close a right-to-left override: the characters
// between them are displayed in reverse order.
const (
	rlo = '\u202E'
	pdf = '\u202C'
)

// FoldRune maps one character to its matching form: full-width ASCII to
// ASCII, upper to lower case, circled, parenthesised and mathematical digits
// and letters to plain ones, Cyrillic and Greek look-alikes of Latin letters
// to Latin, every space to ' '. Class says what the character is; Hidden and
// Bidi characters are dropped by Fold.
func FoldRune(r rune) (rune, Class) {
	if r < utf8.RuneSelf {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r, Word
		case r >= 'A' && r <= 'Z':
			return r + ('a' - 'A'), Word
		case r == '\n' || r == '\r':
			return '\n', Break
		case r == ' ' || r == '\t' || r == '\v' || r == '\f':
			return ' ', Space
		case r < ' ' || r == 0x7F:
			return r, Hidden
		}
		if strings.ContainsRune(asciiFillers, r) {
			return r, Filler
		}
		return r, Punct
	}
	if r >= 0x4E00 && r <= 0x9FFF { // CJK ideographs: the common case
		return r, Word
	}
	switch {
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		return FoldRune(r - 0xFEE0)
	case r == 0x3000:
		return ' ', Space
	case r == 0x2028 || r == 0x2029 || r == 0x85:
		return '\n', Break
	case isBidi(r):
		return r, Bidi
	case isHidden(r):
		return r, Hidden
	}
	if d, ok := foldDigit(r); ok {
		return d, Word
	}
	if l, ok := foldLetter(r); ok {
		return l, Word
	}
	if unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) {
		return ' ', Space
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return unicode.ToLower(r), Word
	}
	if unicode.IsMark(r) { // combining marks: strike-through, underline, accents added to dodge filters
		return r, Hidden
	}
	if strings.ContainsRune(fillers, r) || unicode.Is(unicode.So, r) && !strings.ContainsRune(keptSymbols, r) {
		return r, Filler
	}
	return r, Punct
}

// asciiFillers and fillers are characters sellers put between the letters
// of a word to dodge filters (微*信, V·X, w-e-c-h-a-t); Fold drops them.
const (
	asciiFillers = "*_~`'\"^|-/\\#"
	fillers      = "·•・‧∙⋅°˙×～＿－―—–‐‑‒﹏﹍﹎¨‘’“”「」『』〃♪♫☆★◆◇○●□■△▲▽▼※"
	keptSymbols  = "❤♥💗💕💖💓💙💚💛💜🧡" // hearts stand for 信 in V❤ (see aliases)
)

// isBidi reports whether r is a bidi embedding, override, isolate or mark.
func isBidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// isHidden reports whether r renders as nothing (or as blank space that is
// not a space): format characters (Cf: zero-width space and joiners, word
// joiner, BOM, soft hyphen…), variation selectors, the combining grapheme
// joiner, Hangul fillers and the blank Braille pattern.
func isHidden(r rune) bool {
	switch {
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF: // variation selectors
		return true
	case r == 0x034F, r == 0x115F, r == 0x1160, r == 0x3164, r == 0xFFA0, r == 0x2800:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// foldDigit maps enclosed and mathematical digits (①, ⑴, ⒈, ❶, ➀, ➊, 𝟏) to ASCII.
func foldDigit(r rune) (rune, bool) {
	switch {
	case r >= 0x2460 && r <= 0x2468: // ①-⑨
		return '1' + (r - 0x2460), true
	case r == 0x24EA || r == 0x24FF: // ⓪ ⓿
		return '0', true
	case r >= 0x2474 && r <= 0x247C: // ⑴-⑼
		return '1' + (r - 0x2474), true
	case r >= 0x2488 && r <= 0x2490: // ⒈-⒐
		return '1' + (r - 0x2488), true
	case r >= 0x2776 && r <= 0x277E: // ❶-❾
		return '1' + (r - 0x2776), true
	case r >= 0x2780 && r <= 0x2788: // ➀-➈
		return '1' + (r - 0x2780), true
	case r >= 0x278A && r <= 0x2792: // ➊-➒
		return '1' + (r - 0x278A), true
	case r >= 0x1D7CE && r <= 0x1D7FF: // mathematical digits, five styles
		return '0' + (r-0x1D7CE)%10, true
	}
	return 0, false
}

// homoglyphs are Cyrillic and Greek letters that look like Latin ones.
var homoglyphs = map[rune]rune{
	'а': 'a', 'в': 'b', 'с': 'c', 'е': 'e', 'һ': 'h', 'і': 'i', 'ј': 'j', 'к': 'k', 'м': 'm', 'н': 'h',
	'о': 'o', 'р': 'p', 'ԛ': 'q', 'ѕ': 's', 'т': 't', 'у': 'y', 'х': 'x', 'ѵ': 'v', 'ԝ': 'w',
	'α': 'a', 'β': 'b', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'ω': 'w',
}

// foldLetter maps circled and mathematical Latin letters and look-alikes to
// lower-case ASCII.
func foldLetter(r rune) (rune, bool) {
	switch {
	case r >= 0x24B6 && r <= 0x24CF: // Ⓐ-Ⓩ
		return 'a' + (r - 0x24B6), true
	case r >= 0x24D0 && r <= 0x24E9: // ⓐ-ⓩ
		return 'a' + (r - 0x24D0), true
	case r >= 0x1D400 && r <= 0x1D6A3: // mathematical alphanumerics: 13 styles of A-Z a-z
		return 'a' + (r-0x1D400)%52%26, true
	case r >= 0x1F130 && r <= 0x1F149: // squared Latin capitals
		return 'a' + (r - 0x1F130), true
	case r >= 0x1F150 && r <= 0x1F169: // negative circled
		return 'a' + (r - 0x1F150), true
	case r >= 0x1F170 && r <= 0x1F189: // negative squared
		return 'a' + (r - 0x1F170), true
	}
	if l, ok := homoglyphs[unicode.ToLower(r)]; ok {
		return l, true
	}
	return 0, false
}

// Folded is a text in its matching form with the map back to the original.
type Folded struct {
	Orig string // the text as the page carries it
	// S is the matching form: hidden and bidi characters removed, a
	// right-to-left override's run in display order, full-width, enclosed
	// and look-alike letters and digits plain, lower case, fillers removed,
	// spaces removed except one between two ASCII words, line breaks kept
	// (as '\n'), the look-alike spellings of Aliases replaced.
	S string
	// Hidden counts hidden characters inside a word (between two letters
	// or digits); Bidi counts bidi controls anywhere.
	Hidden, Bidi int
}

// item is one character of the original in display order, folded.
type item struct {
	r     rune
	class Class
	at    int32
}

// folder is the scratch memory of one fold: the characters in display
// order. Folders are pooled: folding a page's texts allocates only their
// matching forms.
type folder struct {
	items []item
}

var folders = sync.Pool{New: func() any { return new(folder) }}

// Fold folds one text (see Folded).
func Fold(s string) Folded {
	out := Folded{Orig: s}
	f := folders.Get().(*folder)
	f.items = f.items[:0]
	f.collect(s, 0, len(s), &out)
	out.S, _ = emit(f.items, len(s), false)
	folders.Put(f)
	return out
}

// positions folds the text again, this time recording for every byte of S
// the byte offset in Orig of the character that made it (plus len(Orig) at
// the end). Only a match needs them, and matches are rare.
func (fo *Folded) positions() []int32 {
	var scratch Folded
	f := folders.Get().(*folder)
	f.items = f.items[:0]
	f.collect(fo.Orig, 0, len(fo.Orig), &scratch)
	_, at := emit(f.items, len(fo.Orig), true)
	folders.Put(f)
	return at
}

// collect appends the characters of s[from:to] in display order: the run
// of a right-to-left override (to its PDF or the end of the line) reversed.
func (f *folder) collect(s string, from, to int, out *Folded) {
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == rlo {
			out.Bidi++
			end := i + n
			for end < to {
				r2, n2 := utf8.DecodeRuneInString(s[end:])
				if r2 == pdf || r2 == '\n' {
					break
				}
				end += n2
			}
			mark := len(f.items)
			f.collect(s, i+n, end, out)
			run := f.items[mark:]
			for a, b := 0, len(run)-1; a < b; a, b = a+1, b-1 {
				run[a], run[b] = run[b], run[a]
			}
			i = end
			continue
		}
		fr, class := FoldRune(r)
		switch class {
		case Bidi:
			out.Bidi++
		case Hidden:
			if inWord(s, i, n) {
				out.Hidden++
			}
		default:
			f.items = append(f.items, item{fr, class, int32(i)})
		}
		i += n
	}
}

// maxHiddenRun bounds how many hidden characters inWord looks across.
const maxHiddenRun = 16

// inWord reports whether the hidden character at s[i:i+n] sits between two
// letters or digits (skipping other hidden characters): a joiner inside an
// emoji sequence or a variation selector after a symbol is not.
func inWord(s string, i, n int) bool {
	var before, after rune = -1, -1
	// At most maxHiddenRun neighbours are skipped each way, so a text made
	// of invisible characters folds in linear time.
	for j, steps := i, 0; j > 0 && steps < maxHiddenRun; steps++ {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if _, c := FoldRune(r); c != Hidden && c != Bidi {
			before = r
			break
		}
		j -= size
	}
	for j, steps := i+n, 0; j < len(s) && steps < maxHiddenRun; steps++ {
		r, size := utf8.DecodeRuneInString(s[j:])
		if _, c := FoldRune(r); c != Hidden && c != Bidi {
			after = r
			break
		}
		j += size
	}
	return before >= 0 && after >= 0 && isWordRune(before) && isWordRune(after)
}

// HiddenRun returns the byte range of the first run of hidden characters
// that Folded counts (bidi controls anywhere, other hidden characters
// between two letters or digits), or (0, len(s)) when there is none.
func HiddenRun(s string) (int, int) {
	start := -1
	for i, r := range s {
		_, class := FoldRune(r)
		counted := class == Bidi || class == Hidden && inWord(s, i, utf8.RuneLen(r))
		switch {
		case counted && start < 0:
			start = i
		case start >= 0 && class != Hidden && class != Bidi:
			return start, i
		}
	}
	if start < 0 {
		return 0, len(s)
	}
	return start, len(s)
}

func isWordRune(r rune) bool {
	_, c := FoldRune(r)
	return c == Word
}

// emit writes the matching form of the items (see Folded.S) and, when
// withPositions, the original offset of every byte of it.
func emit(items []item, origLen int, withPositions bool) (string, []int32) {
	b := make([]byte, 0, len(items)*3)
	var at []int32
	if withPositions {
		at = make([]int32, 0, len(items)*3+1)
	}
	put := func(r rune, pos int32) {
		n := len(b)
		b = utf8.AppendRune(b, r)
		if withPositions {
			for ; n < len(b); n++ {
				at = append(at, pos)
			}
		}
	}
	for i := 0; i < len(items); i++ {
		it := items[i]
		switch it.class {
		case Filler:
			continue
		case Space:
			// Keep one space between two ASCII words unless both are single
			// letters (spaced-out letters "v x", "w e c h a t" join up).
			p, q := prevWord(items, i), nextWord(items, i)
			if p < 0 || q < 0 || !isASCIILetter(items[p].r) || !isASCIILetter(items[q].r) {
				continue
			}
			if singleLetter(items, p) && singleLetter(items, q) {
				continue
			}
			if len(b) > 0 && b[len(b)-1] == ' ' {
				continue
			}
			put(' ', it.at)
			continue
		case Break:
			if len(b) == 0 || b[len(b)-1] == '\n' {
				continue
			}
		}
		put(it.r, it.at)
		if mayEndAlias(it.r) {
			b, at = applyAlias(b, at, withPositions)
		}
	}
	if withPositions {
		at = append(at, int32(origLen))
	}
	return string(b), at
}

// prevWord and nextWord return the index of the nearest item before or
// after i that is not a space or filler, or -1.
func prevWord(items []item, i int) int {
	for j := i - 1; j >= 0; j-- {
		if c := items[j].class; c != Space && c != Filler {
			return j
		}
	}
	return -1
}

func nextWord(items []item, i int) int {
	for j := i + 1; j < len(items); j++ {
		if c := items[j].class; c != Space && c != Filler {
			return j
		}
	}
	return -1
}

// singleLetter reports whether the ASCII letter at i stands alone: no ASCII
// letter or digit right before or after it.
func singleLetter(items []item, i int) bool {
	alnum := func(j int) bool {
		return j >= 0 && j < len(items) && items[j].class == Word && items[j].r < utf8.RuneSelf
	}
	return !alnum(i-1) && !alnum(i+1)
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' }

// Span maps the byte range [s,e) of f.S to the byte range of f.Orig that
// produced it (the smallest range covering every character, in display
// order, that made it).
func (f *Folded) Span(s, e int) (int, int) {
	at := f.positions()
	if s >= e {
		p := int(at[s])
		return p, p
	}
	lo, hi := len(f.Orig), 0
	for i := s; i < e; i++ {
		if i > s && at[i] == at[i-1] {
			continue
		}
		p := int(at[i])
		_, n := utf8.DecodeRuneInString(f.Orig[p:])
		lo, hi = min(lo, p), max(hi, p+n)
	}
	return lo, hi
}

// Visible returns s with every hidden, bidi and unusual space character
// written as ⟨U+XXXX⟩, so a buyer can see what the seller hid.
func Visible(s string) string {
	clean := true
	for _, r := range s {
		if needsShowing(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		if !needsShowing(r) {
			b.WriteRune(r)
			continue
		}
		b.WriteString("⟨U+")
		h := strings.ToUpper(strconv.FormatInt(int64(r), 16))
		for i := len(h); i < 4; i++ {
			b.WriteByte('0')
		}
		b.WriteString(h)
		b.WriteString("⟩")
	}
	return b.String()
}

func needsShowing(r rune) bool {
	if r < utf8.RuneSelf {
		return r < ' ' && r != '\n' && r != '\t' || r == 0x7F
	}
	if r == 0x3000 {
		return false
	}
	_, c := FoldRune(r)
	return c == Hidden || c == Bidi || c == Space
}
