package reviews

import (
	"sort"
	"strings"

	"github.com/trustlens/trustlens/internal/format"
)

// GenericShare: review-generic fires when at least this share of the
// reviews are system defaults or template praise.
const GenericShare = 0.5

var (
	reasonDefault = Text{EN: "System default review: the buyer wrote nothing", ZH: "系统默认评价，买家未填写内容"}
	reasonCanned  = Text{EN: "Template praise only: says nothing specific", ZH: "仅有模板式好评，无具体内容"}
)

// generic: template or empty praise (好评, 默认好评, 此用户没有填写评价 ...).
// The finding informs; the reviews are not counted as suspicious (a default
// review is the platform's, a one-word 好评 is often a real but lazy buyer).
// System defaults are left out of the adjusted rating in any case.
func (a *analysis) generic() *Finding {
	n := len(a.rs)
	if n < MinSample {
		return nil
	}
	var defaults, canned []int
	phrase := map[string]int{}
	for i, m := range a.meta {
		switch m.class {
		case classDefault:
			defaults = append(defaults, i)
		case classCanned:
			canned = append(canned, i)
			phrase[m.norm]++
		}
	}
	g := len(defaults) + len(canned)
	if float64(g) < GenericShare*float64(n) {
		return nil
	}
	f := newFinding(DetectorGeneric)
	for _, i := range defaults {
		a.flag(f, i, reasonDefault, false)
	}
	for _, i := range canned {
		a.flag(f, i, reasonCanned, false)
	}
	type pc struct {
		p string
		c int
	}
	var top []pc
	for p, c := range phrase {
		top = append(top, pc{p, c})
	}
	sort.Slice(top, func(i, j int) bool {
		if top[i].c != top[j].c {
			return top[i].c > top[j].c
		}
		return top[i].p < top[j].p
	})
	var ex []string
	for k, t := range top {
		if k == 4 {
			break
		}
		p := t.p
		if p == "" {
			p = "(emoji or punctuation only)"
		}
		ex = append(ex, format.Sprintf("%s ×%d", p, t.c))
	}
	exs := ""
	if len(ex) > 0 {
		exs = " (commonest: " + strings.Join(ex, ", ") + ")"
	}
	f.Evidence = format.Sprintf("%s of %s reviews (%s) say nothing specific: %s system defaults (此用户没有填写评价 / 默认好评) and %s template praise%s. The buyer-written picture rests on the other %s.",
		fmtInt(g), fmtInt(n), pct(g, n), fmtInt(len(defaults)), fmtInt(len(canned)), exs, fmtInt(n-g))
	f.Groups = []Group{
		{Label: "system defaults", Detail: format.Sprintf("%d reviews", len(defaults)), Reviews: defaults},
		{Label: "template praise", Detail: format.Sprintf("%d reviews", len(canned)), Reviews: canned},
	}
	f.Said = []Text{{
		EN: format.Sprintf("%s of %s reviews (%s) say nothing specific: %s are the platform's default text (默认好评) and %s are template praise such as 好评 (good)", fmtInt(g), fmtInt(n), pct(g, n), fmtInt(len(defaults)), fmtInt(len(canned))),
		ZH: format.Sprintf("%s条评价中有%s条（%s）没有具体内容：%s条系统默认好评，%s条模板化好评", fmtInt(n), fmtInt(g), pct(g, n), fmtInt(len(defaults)), fmtInt(len(canned))),
	}}
	return f
}
