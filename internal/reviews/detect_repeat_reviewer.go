package reviews

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/trustlens/trustlens/internal/format"
)

// Repeat-reviewer thresholds.
const (
	// RepeatMin: a buyer pattern needs at least this many reviews.
	RepeatMin = 3
	// RepeatWindowDays: identical variant + quantity orders must fall in a
	// window this short (genuine wholesale re-orders are spaced by weeks).
	RepeatWindowDays = 14
	// RepeatTail: the same masked nick and the same variant + quantity in
	// one window must be less likely than this by chance (Poisson; expected
	// count = reviews in the window × share of the nick × share of the
	// variant+quantity), after dividing by the number of nick and variant
	// pairs that could have been tested (Bonferroni).
	RepeatTail = 0.001
)

// repeatReviewer: the same masked buyer with the same pattern many times.
// 1688 masks nicks to their first and last characters ("t**8"), so one
// shown nick can be several buyers; the chance test below accounts for
// that.
func (a *analysis) repeatReviewer() *Finding {
	// Nick and variant+quantity ids are kept by the Set (computed once per
	// review); count them here.
	nickCount := make([]int32, len(a.set.nicks))
	combo := make([]int, len(a.set.combos)) // dated reviews per variant+quantity
	var withCombo []int64                   // Unix times of those reviews, sorted
	for i, m := range a.meta {
		if m.nick >= 0 {
			nickCount[m.nick]++
		}
		if m.combo >= 0 && !a.rs[i].Published.IsZero() {
			combo[m.combo]++
			withCombo = append(withCombo, a.rs[i].Published.Unix())
		}
	}
	slices.Sort(withCombo)
	nCombo := float64(len(withCombo))
	usedNicks, usedCombos := 0, 0
	for _, c := range nickCount {
		if c > 0 {
			usedNicks++
		}
	}
	for _, c := range combo {
		if c > 0 {
			usedCombos++
		}
	}
	alpha := RepeatTail / math.Max(1, float64(usedNicks)*float64(usedCombos))
	// Reviews of the nicks seen RepeatMin times or more, grouped.
	byNick := map[int32][]int{}
	for i, m := range a.meta {
		if m.nick >= 0 && nickCount[m.nick] >= RepeatMin {
			byNick[m.nick] = append(byNick[m.nick], i)
		}
	}
	var nicks []string
	for k, id := range a.set.nicks {
		if nickCount[id] >= RepeatMin {
			nicks = append(nicks, k)
		}
	}
	sort.Strings(nicks)
	var f *Finding
	var ex []string
	for _, nick := range nicks {
		idx := byNick[a.set.nicks[nick]]
		// (a) near-identical texts under one nick
		byComp := map[int32][]int{}
		for _, i := range idx {
			if c := a.dup.comp[i]; c >= 0 {
				byComp[c] = append(byComp[c], i)
			}
		}
		comps := make([]int32, 0, len(byComp))
		for c := range byComp {
			comps = append(comps, c)
		}
		sort.Slice(comps, func(i, j int) bool { return comps[i] < comps[j] })
		for _, c := range comps {
			m := byComp[c]
			if len(m) < RepeatMin {
				continue
			}
			if f == nil {
				f = newFinding(DetectorRepeatReviewer)
			}
			f.Groups = append(f.Groups, Group{Label: nick,
				Detail:  format.Sprintf("%d near-identical reviews, %s", len(m), dateRange(a.rs, m)),
				Reviews: m})
			ex = append(ex, format.Sprintf("“%s” wrote %d near-identical reviews (%s): %s", nick, len(m), dateRange(a.rs, m), quote(a.rs[m[0]].Content, 30)))
			reason := Text{
				EN: format.Sprintf("Same buyer “%s”, same text %d times", nick, len(m)),
				ZH: format.Sprintf("同一买家“%s”%d次发布几乎相同的评价", nick, len(m)),
			}
			for _, i := range m {
				a.flag(f, i, reason, true)
			}
		}
		// (b) same variant + quantity, many times in a short window
		if len(withCombo) == 0 {
			continue
		}
		byCombo := map[int32][]int{}
		for _, i := range idx {
			if c := a.meta[i].combo; c >= 0 && !a.rs[i].Published.IsZero() {
				byCombo[c] = append(byCombo[c], i)
			}
		}
		keys := make([]int32, 0, len(byCombo))
		for k, m := range byCombo {
			if len(m) >= RepeatMin {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, ck := range keys {
			m := byCombo[ck]
			if len(m) < RepeatMin {
				continue
			}
			w := densestWindow(a.rs, m, RepeatWindowDays)
			if len(w) < RepeatMin {
				continue
			}
			t0 := a.rs[w[0]].Published.Unix()
			lo := sort.Search(len(withCombo), func(i int) bool { return withCombo[i] >= t0 })
			hi := sort.Search(len(withCombo), func(i int) bool { return withCombo[i] >= t0+RepeatWindowDays*86400 })
			inWindow := hi - lo
			expected := float64(inWindow) * float64(len(idx)) / nCombo * float64(combo[ck]) / nCombo
			p := poissonTail(len(w), expected)
			if p >= alpha {
				continue
			}
			if f == nil {
				f = newFinding(DetectorRepeatReviewer)
			}
			r := a.rs[w[0]]
			what := format.Sprintf("%s ×%d", r.Spec, r.Quantity)
			f.Groups = append(f.Groups, Group{Label: nick,
				Detail:  format.Sprintf("%d reviews for %s within %s (chance %s)", len(w), what, dateRange(a.rs, w), chanceText(p)),
				Reviews: w})
			ex = append(ex, format.Sprintf("“%s” left %d reviews for %s within %s, where chance would give %.2g (%d reviews in those %d days; %d under this nick and %d for this variant and quantity among %s)",
				nick, len(w), what, dateRange(a.rs, w), expected, inWindow, RepeatWindowDays, len(idx), combo[ck], fmtInt(int(nCombo))))
			reason := Text{
				EN: format.Sprintf("Same buyer “%s”, same variant and quantity %d times in %d days", nick, len(w), RepeatWindowDays),
				ZH: format.Sprintf("同一买家“%s”%d天内%d次评价同一规格和数量", nick, RepeatWindowDays, len(w)),
			}
			for _, i := range w {
				a.flag(f, i, reason, true)
			}
		}
	}
	if f == nil {
		return nil
	}
	more := ""
	if len(ex) > 3 {
		more = format.Sprintf("; and %d more", len(ex)-3)
		ex = ex[:3]
	}
	f.Evidence = strings.Join(ex, "; ") + more
	f.Said = flagReasons(f, 3)
	return f
}

// densestWindow returns the largest subset of idx (dated) whose dates fit in
// a window of the given days.
func densestWindow(rs []Review, idx []int, days int) []int {
	s := append([]int(nil), idx...)
	sort.Slice(s, func(i, j int) bool { return rs[s[i]].Published.Before(rs[s[j]].Published) })
	span := int64(days) * 86400
	best, bi, bj := 0, 0, 0
	j := 0
	for i := range s {
		if j < i {
			j = i
		}
		for j+1 < len(s) && rs[s[j+1]].Published.Unix()-rs[s[i]].Published.Unix() < span {
			j++
		}
		if j-i+1 > best {
			best, bi, bj = j-i+1, i, j
		}
	}
	if best == 0 {
		return nil
	}
	return s[bi : bj+1]
}
