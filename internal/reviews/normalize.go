package reviews

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/trustlens/trustlens/internal/text"
)

// Normalize prepares review text for comparison (reviews-research.md: "Chinese
// has no spaces ... normalise full-width forms, punctuation, emoji and
// repeated characters before measuring edit distance"). Characters are
// folded by the page-text normaliser (internal/text.FoldRune), so reviews
// and text rules see the same letters:
//   - full-width ASCII (Ａ１！) becomes half-width, enclosed and look-alike
//     letters and digits (①, Ⓐ, Cyrillic х) plain ones, letters lower case;
//   - spaces, punctuation (，。！…【】), symbols (emoji, ★, ~), marks
//     (variation selectors, keycaps) and format characters (zero-width
//     joiners, soft hyphens, bidi controls) are removed;
//   - runs of one repeated character collapse to one (好好好好 → 好, 666 → 6).
func Normalize(s string) string {
	b := make([]byte, 0, len(s))
	var last rune = -1
	for _, r := range s {
		r, keep := normRune(r)
		if !keep || r == last {
			continue
		}
		b = utf8.AppendRune(b, r)
		last = r
	}
	return string(b)
}

// normRune maps one rune; keep is false for runes Normalize removes (all
// but letters and digits).
func normRune(r rune) (rune, bool) {
	f, class := text.FoldRune(r)
	return f, class == text.Word
}

// IsSeparator reports whether r splits a text into phrases for the canned
// phrase check (punctuation, spaces, symbols, emoji): normalisation drops it.
func IsSeparator(r rune) bool {
	_, keep := normRune(r)
	return !keep
}

// textClass sorts a review text for the generic detector.
type textClass uint8

const (
	classText    textClass = iota // the buyer wrote something specific
	classDefault                  // empty or a system default (默认好评, 此用户没有填写评价)
	classCanned                   // only template praise (好评, 不错, 很好，满意 ...)
)

// systemDefaults are texts 1688 (or the page) fills in when the buyer wrote
// nothing, normalised. A normalised text equal to one of them, or containing
// one of systemMarkers, is a default review.
var systemDefaults = map[string]bool{
	"此用户没有填写评价": true, "此用户没有填写评论": true, "此用户未填写评价": true,
	"此用户未填写评价内容": true, "该用户未填写评价": true, "用户未填写评价内容": true,
	"用户未填写评价": true, "未填写评价": true, "没有填写评价": true, "默认好评": true,
	"系统默认好评": true, "系统默认评价": true, "好评系统默认": true,
}

var systemMarkers = []string{"系统默认好评", "未及时做出评价", "没有填写评价", "未填写评价"}

// CannedPhraseList is the published list (docs/reviews.md quotes it).
var CannedPhraseList = []string{
	"好评", "好", "好的", "不错", "很好", "满意", "很满意", "非常满意", "非常好", "挺好", "挺好的",
	"还行", "还可以", "可以", "一般", "一般般", "赞", "很赞", "点赞", "棒", "很棒", "超棒", "真棒",
	"五星好评", "五星", "5星好评", "5星", "给好评", "必须好评", "好评啊", "好评哦", "满分", "满分好评",
	"质量很好", "质量不错", "质量好", "质量可以", "质量还行", "质量挺好", "质量很棒", "质量没问题",
	"物美价廉", "性价比高", "性价比很高", "价格便宜", "价格实惠", "实惠",
	"物流快", "物流很快", "发货快", "发货很快", "速度快", "速度很快", "快递很快", "包装好", "包装很好",
	"好用", "很好用", "不错不错", "很不错", "还不错", "挺不错", "非常不错", "真不错",
	"下次再来", "下次还来", "还会再来", "会回购", "回购", "还会回购", "推荐", "推荐购买", "值得购买",
	"值得推荐", "一如既往", "一如既往的好", "老客户了", "合作愉快", "谢谢老板", "谢谢", "感谢", "谢谢卖家",
	"与描述一致", "与描述相符", "描述相符", "和图片一样", "和描述一样", "收到了", "已收到", "收到",
	"没问题", "放心", "满意满意", "喜欢", "很喜欢", "非常喜欢", "good", "ok", "nice", "ok好评",
	"服务好", "服务很好", "态度好", "服务态度好", "客服很好", "卖家很好", "老板很好", "很满意的一次购物",
	"好评好评", "非常好用", "货不错", "东西不错", "东西很好", "东西好", "宝贝不错", "宝贝很好",
}

// cannedSet is CannedPhraseList prepared for lookups.
type cannedSet struct {
	// phrases are the template praise phrases, normalised (no punctuation,
	// repeated characters collapsed). A text made only of these phrases (or
	// repetitions of one) says nothing specific about the product.
	phrases map[string]bool
	// runes holds every character of the phrases: a text with any other
	// character cannot be canned (a fast first check).
	runes map[rune]bool
}

// canned is built on first use, not at start-up: most pages carry no
// reviews, and the first page should not wait for it.
var canned = sync.OnceValue(func() cannedSet {
	c := cannedSet{phrases: map[string]bool{}, runes: map[rune]bool{}}
	for _, p := range CannedPhraseList {
		n := Normalize(p)
		c.phrases[n] = true
		for _, r := range n {
			c.runes[r] = true
		}
	}
	return c
})

// classify sorts a review text; norm is Normalize(content).
func classify(content, norm string) textClass {
	if norm == "" {
		if strings.TrimSpace(content) == "" {
			return classDefault
		}
		return classCanned // only emoji or punctuation: 👍👍, 。。。
	}
	if systemDefaults[norm] {
		return classDefault
	}
	if len(norm) <= 40*3 { // system texts are short; a long review quoting one is the buyer's
		for _, m := range systemMarkers {
			if strings.Contains(norm, m) {
				return classDefault
			}
		}
	}
	if len(norm) > 40*3 { // more than ~40 CJK characters is never only template phrases
		return classText
	}
	runes := canned().runes
	for _, r := range norm {
		if !runes[r] {
			return classText
		}
	}
	if isCanned(norm) {
		return classCanned
	}
	// Split on separators and require every phrase to be canned.
	phrases := 0
	start := -1
	ok := true
	flush := func(end int) {
		if start < 0 {
			return
		}
		p := Normalize(content[start:end])
		start = -1
		if p == "" {
			return
		}
		phrases++
		if !isCanned(p) {
			ok = false
		}
	}
	for i, r := range content {
		if IsSeparator(r) {
			flush(i)
		} else if start < 0 {
			start = i
		}
		if !ok {
			return classText
		}
	}
	flush(len(content))
	if ok && phrases > 1 {
		return classCanned
	}
	return classText
}

// isCanned reports whether p (normalised) is a canned phrase or a repetition
// of one (不错不错, 好评好评好评).
func isCanned(p string) bool {
	phrases := canned().phrases
	if phrases[p] {
		return true
	}
	for n := 1; n <= len(p)/2; n++ {
		if len(p)%n != 0 || !utf8.RuneStart(p[n]) {
			continue
		}
		unit := p[:n]
		if phrases[unit] && strings.Repeat(unit, len(p)/n) == p {
			return true
		}
	}
	return false
}

// anonymousNick reports whether a nick identifies nobody (empty, 匿名, or
// only mask characters): such reviews count as different buyers.
func anonymousNick(n string) bool {
	n = strings.TrimSpace(n)
	if n == "" || strings.Contains(n, "匿名") || strings.EqualFold(n, "anonymous") {
		return true
	}
	for _, r := range n {
		if r != '*' && r != '＊' && r != ' ' {
			return false
		}
	}
	return true
}

// IsAnonymousNick is anonymousNick for the bench and the baselines.
func IsAnonymousNick(n string) bool { return anonymousNick(n) }

// NearDupText returns the text the near-duplicate search compares for a
// review (normalised, capped at MaxDupRunes), or "" when the review is not
// compared: too short (under MinDupRunes), a system default or template
// praise (those go to review-generic).
func NearDupText(content string) string {
	n := Normalize(capRunes(content, MaxContentRunes))
	if classify(content, n) != classText {
		return ""
	}
	return dupText(n)
}

func dupText(norm string) string {
	c := utf8.RuneCountInString(norm)
	if c < MinDupRunes {
		return ""
	}
	return capRunes(norm, MaxDupRunes)
}
