package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/trustlens/trustlens/internal/page"
	txt "github.com/trustlens/trustlens/internal/text"
)

// maxEvidenceRunes bounds the quoted context around a matched phrase.
const maxEvidenceRunes = 60

// Place is one place a text rule saw its sign: the page text it is in
// (Where: "title", "attribute 付款方式", "description"…), the original text
// around it with hidden characters made visible (Quote, at most about 60
// characters, "…" where cut) and the original characters that matched.
type Place struct {
	Where string `json:"where"`
	Quote string `json:"quote"`
	Match string `json:"match,omitempty"`
}

// String renders the place as `title: "…加微信…" (matched "加微信")`.
func (p Place) String() string {
	s := p.Where + `: "` + p.Quote + `"`
	if p.Match != "" && p.Match != p.Quote {
		s += ` (matched "` + p.Match + `")`
	}
	return s
}

// normText is a page text folded once per evaluation (internal/text) and
// shared by every text rule.
type normText struct {
	Where string
	txt.Folded
}

// texts returns the model's texts folded, preparing them on first use.
func (c *Context) texts(m *page.Model) []normText {
	if c.norm == nil {
		c.norm = make([]normText, 0, len(m.Texts))
		for _, t := range m.Texts {
			if t.Text != "" {
				c.norm = append(c.norm, normText{Where: t.Where, Folded: txt.Fold(t.Text)})
			}
		}
	}
	return c.norm
}

// phrases is a text rule's matcher: the phrases that make the sign (an
// ask), and the cues that make a match a warning to buyers instead of an
// ask (请勿私下交易, "never pay via WeChat"). Every pattern and cue is in
// folded form (internal/text).
type phrases struct {
	ask *txt.Pattern
	// notice are cues that, earlier in the match's clause, turn the match
	// into a notice (请勿, 谨防, "do not"); after are cues that do so later
	// in the clause (…都是骗子, …无保障).
	notice, after []string
	// reset are words between a notice cue and the match that end the
	// cue's reach (不要犹豫可以加微信: 可以 starts a new ask).
	reset []string
}

// commonNotice are the cues shared by every text rule: negations,
// warnings and the platform's "trade only on 1688" boilerplate.
var commonNotice = []string{
	"勿", "不要", "不得", "不可", "不能", "不会", "不允许", "不接受", "不支持", "不提供", "不走", "不使用", "不用", "不需", "无需", "无须", "不必",
	"严禁", "禁止", "杜绝", "谢绝", "拒绝", "谨防", "谨慎", "警惕", "小心", "提防", "防止", "防范", "避免", "以免", "千万别", "请别", "从不", "从未", "绝不", "决不", "绝对不",
	"认准1688", "认准平台", "认准官方", "认准阿里", "凡是", "一律", "冒充", "假冒", "虚假", "诈骗", "骗子", "防骗", "举报", "躲避", "规避", "敏感词", "如有人", "若有人", "自称",
	"do not", "dont", "never", "not", "no", "avoid", "beware", "warning", "refuse", "without", "instead of", "fake", "scam", "fraud",
}

// commonAfter are cues after the match that make the clause a warning.
var commonAfter = []string{
	"骗子", "诈骗", "骗局", "上当", "受骗", "风险", "谨慎", "慎重", "当心", "无保障", "没有保障", "不受", "不予", "无效", "后果自负", "自行承担", "均为", "都是假", "不负责", "概不负责",
	"is a scam", "are scams", "scam", "fraud", "not protected", "at your own risk",
}

// nearNotice are single characters that negate a match they stand right
// before (不加微信, 无需全款, 非工厂); further away they are too common in
// ordinary words (无线, 非常) to count.
const nearNotice = "不别无非勿莫没"

// commonReset end a notice cue's reach inside a clause; so do words a
// negation often governs in sales talk:
// "不要犹豫加微信" (don't hesitate, add WeChat) negates the hesitation, not
// the ask.
var commonReset = []string{"但", "可以", "可加", "请加", "请联系", "请添加", "欢迎", "直接", "犹豫", "错过", "客气", "担心", "着急", "but", "please", "hesitate"}

// noticeWindow bounds how far (bytes of folded text) a cue may stand from
// the match inside its clause: about 30 Chinese characters before, 15 after.
const (
	noticeBefore = 90
	noticeAfter  = 45
)

func newPhrases(ask *txt.Pattern, notice, after []string) phrases {
	return phrases{
		ask:    ask,
		notice: append(append([]string{}, commonNotice...), notice...),
		after:  append(append([]string{}, commonAfter...), after...),
		reset:  commonReset,
	}
}

// maxNotices bounds how many notices first looks past in one text (a
// text repeating a warning thousands of times costs no more than this).
const maxNotices = 64

// first returns the first match in t that is an ask, not a notice.
func (p phrases) first(t *normText) (int, int, bool) {
	s := t.S
	for from, seen := 0, 0; from < len(s) && seen < maxNotices; seen++ {
		start, end, ok := p.ask.Next(s, from)
		if !ok {
			return 0, 0, false
		}
		if !p.isNotice(s, start, end) {
			return start, end, true
		}
		_, size := utf8.DecodeRuneInString(s[start:])
		from = start + size
	}
	return 0, 0, false
}

// isNotice reports whether the match s[start:end] stands in a clause that
// warns buyers against it: a notice cue earlier in the clause (not cut off
// by a reset word) or a warning cue later in it.
func (p phrases) isNotice(s string, start, end int) bool {
	from := start
	for from > 0 && start-from < noticeBefore {
		_, n := utf8.DecodeLastRuneInString(s[:from])
		if txt.IsClauseEnd(s, from-n) {
			break
		}
		from -= n
	}
	before := s[from:start]
	if r, _ := utf8.DecodeLastRuneInString(before); strings.ContainsRune(nearNotice, r) {
		return true
	}
	if cue := lastCue(before, p.notice); cue >= 0 && !containsAny(before[cue:], p.reset) {
		return true
	}
	to := end
	for to < len(s) && to-end < noticeAfter && !txt.IsClauseEnd(s, to) {
		_, n := utf8.DecodeRuneInString(s[to:])
		to += n
	}
	return lastCue(s[end:to], p.after) >= 0
}

// lastCue returns the end of the last cue found in s, or -1. ASCII cues
// match whole words only ("no" is not in "know").
func lastCue(s string, cues []string) int {
	best := -1
	for _, c := range cues {
		for off := 0; ; {
			i := strings.Index(s[off:], c)
			if i < 0 {
				break
			}
			i += off
			e := i + len(c)
			if c[0] >= utf8.RuneSelf || wordAt(s, i, e) {
				best = max(best, e)
			}
			off = i + 1
		}
	}
	return best
}

// wordAt reports whether s[i:e] is a whole ASCII word.
func wordAt(s string, i, e int) bool {
	letter := func(c byte) bool { return c >= 'a' && c <= 'z' }
	return (i == 0 || !letter(s[i-1])) && (e == len(s) || !letter(s[e]))
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// find returns one place per text accepted by where (nil: all): the first
// ask in each. Evidence quotes the original characters.
func (p phrases) find(c *Context, m *page.Model, where func(string) bool) []Place {
	var out []Place
	ts := c.texts(m)
	for i := range ts {
		t := &ts[i]
		if where != nil && !where(t.Where) {
			continue
		}
		if start, end, ok := p.first(t); ok {
			out = append(out, placeAt(t, start, end))
		}
	}
	return out
}

// placeAt quotes the original text around the folded range [start,end).
func placeAt(t *normText, start, end int) Place {
	s, e := t.Span(start, end)
	return Place{Where: t.Where, Match: txt.Visible(t.Orig[s:e]), Quote: txt.Visible(window(t.Orig, s, e))}
}

// window returns the original text around the byte range [s,e), trimmed to
// about maxEvidenceRunes with an ellipsis where it was cut.
func window(orig string, s, e int) string {
	if utf8.RuneCountInString(orig) <= maxEvidenceRunes {
		return orig
	}
	pad := max(0, (maxEvidenceRunes-utf8.RuneCountInString(orig[s:e]))/2)
	from, to := s, e
	for i := 0; i < pad && from > 0; i++ {
		_, n := utf8.DecodeLastRuneInString(orig[:from])
		from -= n
	}
	for i := 0; i < pad && to < len(orig); i++ {
		_, n := utf8.DecodeRuneInString(orig[to:])
		to += n
	}
	q := orig[from:to]
	if from > 0 {
		q = "…" + q
	}
	if to < len(orig) {
		q += "…"
	}
	return q
}

// placesEvidence renders places as one evidence line (the verdict's
// evidence string): `title: "…" (matched "…"); description: "…"`.
func placesEvidence(ps []Place) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	return b.String()
}
