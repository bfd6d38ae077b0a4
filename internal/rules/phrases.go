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

// normText is a page text with its normalised form, computed once per
// evaluation and shared by every phrase rule.
type normText struct {
	page.Text
	norm string
}

// texts returns the model's texts normalised, preparing them on first use.
func (c *Context) texts(m *page.Model) []normText {
	if c.norm == nil {
		c.norm = make([]normText, 0, len(m.Texts))
		for _, t := range m.Texts {
			if t.Text != "" {
				c.norm = append(c.norm, normText{Text: t, norm: normalize([]rune(t.Text))})
			}
		}
	}
	return c.norm
}

// phrases is a phrase matcher: cheap keywords checked with strings.Contains
// before the regular expression runs (the gitleaks contract: one prefilter,
// the matcher only on a hit). Keywords are in normalised form; a pattern
// can only match a text that contains one of them.
type phrases struct {
	keywords []string
	re       *regexp.Regexp
}

func newPhrases(keywords []string, pattern string) phrases {
	return phrases{keywords: keywords, re: regexp.MustCompile(pattern)}
}

func (p phrases) candidate(norm string) bool {
	for _, k := range p.keywords {
		if strings.Contains(norm, k) {
			return true
		}
	}
	return false
}

// find returns the first match in each text accepted by where (nil: all),
// at most limit hits. Evidence quotes the original characters.
func (p phrases) find(c *Context, m *page.Model, where func(string) bool, limit int) []phraseHit {
	var hits []phraseHit
	for _, t := range c.texts(m) {
		if where != nil && !where(t.Where) {
			continue
		}
		if !p.candidate(t.norm) {
			continue
		}
		if loc := p.re.FindStringIndex(t.norm); loc != nil {
			hits = append(hits, hitAt(t, loc))
			if len(hits) >= limit {
				break
			}
		}
	}
	return hits
}

// hitAt maps a byte range of the normalised text back to the original
// (normalize maps rune for rune).
func hitAt(t normText, loc []int) phraseHit {
	rs := []rune(t.Text.Text)
	start := utf8.RuneCountInString(t.norm[:loc[0]])
	end := start + utf8.RuneCountInString(t.norm[loc[0]:loc[1]])
	return phraseHit{Text: t.Text, Match: string(rs[start:end]), Context: window(rs, start, end)}
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
