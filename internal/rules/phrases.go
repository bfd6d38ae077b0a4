package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/trustlens/trustlens/internal/page"
)

// maxEvidenceRunes bounds the quoted context around a matched phrase.
const maxEvidenceRunes = 60

// maxHitsPerRule bounds how many pieces of evidence one phrase rule reports.
const maxHitsPerRule = 3

// normalize folds full-width ASCII (Ｖ, ＱＱ, ：) to half-width and ASCII to
// lower case, rune for rune, so that match offsets map back to the original.
func normalize(rs []rune) string {
	var b strings.Builder
	b.Grow(len(rs))
	for _, r := range rs {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// phraseHit is one match of a phrase pattern in a page text.
type phraseHit struct {
	Text    page.Text
	Match   string // the original characters that matched
	Context string // the surrounding original text, at most maxEvidenceRunes
}

// Evidence renders the hit as `title: "…加微信…" (matched "加微信")`.
func (h phraseHit) Evidence() string {
	return fmt.Sprintf("%s: %q (matched %q)", h.Text.Where, h.Context, h.Match)
}

// findPhrases returns the first match of any pattern in each text (at most
// maxHitsPerRule). Patterns are matched against the normalised text; the
// evidence quotes the original characters.
func findPhrases(texts []page.Text, patterns []*regexp.Regexp) []phraseHit {
	var hits []phraseHit
	for _, t := range texts {
		if t.Text == "" {
			continue
		}
		rs := []rune(t.Text)
		norm := normalize(rs)
		for _, re := range patterns {
			loc := re.FindStringIndex(norm)
			if loc == nil {
				continue
			}
			start := utf8.RuneCountInString(norm[:loc[0]])
			end := start + utf8.RuneCountInString(norm[loc[0]:loc[1]])
			hits = append(hits, phraseHit{Text: t, Match: string(rs[start:end]), Context: window(rs, start, end)})
			break
		}
		if len(hits) >= maxHitsPerRule {
			break
		}
	}
	return hits
}

// window returns the original text around [start,end), trimmed to
// maxEvidenceRunes with an ellipsis where it was cut.
func window(rs []rune, start, end int) string {
	if len(rs) <= maxEvidenceRunes {
		return string(rs)
	}
	pad := (maxEvidenceRunes - (end - start)) / 2
	if pad < 0 {
		pad = 0
	}
	from, to := start-pad, end+pad
	if from < 0 {
		from = 0
	}
	if to > len(rs) {
		to = len(rs)
	}
	s := string(rs[from:to])
	if from > 0 {
		s = "…" + s
	}
	if to < len(rs) {
		s += "…"
	}
	return s
}

func hitsEvidence(hits []phraseHit) []string {
	if len(hits) == 0 {
		return nil
	}
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Evidence()
	}
	return out
}
