package reviews

import (
	"sort"
	"strings"

	"github.com/trustlens/trustlens/internal/format"
)

// A cluster counts when it has reviews from at least 2 different buyers and
// either NearDupMinCluster reviews or a text of NearDupLongRunes or more:
// two buyers can coincide on a short sentence, hardly on a long one.
const (
	NearDupMinCluster = 3
	NearDupLongRunes  = 30
)

// nearDuplicate: near-identical texts from different buyers (Jindal & Liu
// 2008; Mukherjee et al. 2013 "max content similarity").
func (a *analysis) nearDuplicate() *Finding {
	clusters := a.clusters()
	var keep [][]int
	covered := 0
	for _, c := range clusters {
		if a.distinctBuyers(c) >= 2 && (len(c) >= NearDupMinCluster || a.meta[c[0]].nrun >= NearDupLongRunes) {
			keep = append(keep, c)
			covered += len(c)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	f := newFinding(DetectorNearDuplicate)
	var ex []string
	for k, c := range keep {
		buyers := a.distinctBuyers(c)
		label := quote(a.rs[c[0]].Content, 40)
		f.Groups = append(f.Groups, Group{
			Label:   label,
			Detail:  format.Sprintf("%d reviews from %d different buyers, %s", len(c), buyers, dateRange(a.rs, c)),
			Reviews: c,
		})
		if k < 3 {
			e := format.Sprintf("%d reviews from %d buyers say %s", len(c), buyers, quote(a.rs[c[0]].Content, 30))
			if v := a.variant(c); v >= 0 {
				e += " / " + quote(a.rs[v].Content, 30)
			}
			ex = append(ex, e)
		}
		reason := Text{
			EN: format.Sprintf("Near-identical to %d other reviews by different buyers", len(c)-1),
			ZH: format.Sprintf("与另外%d条不同买家的评价几乎相同", len(c)-1),
		}
		for _, i := range c {
			a.flag(f, i, reason, true)
		}
	}
	more := ""
	if len(keep) > 3 {
		more = "; and " + plural(len(keep)-3, "more group")
	}
	f.Evidence = format.Sprintf("%s of near-identical texts from different buyers cover %s of %s reviews (similarity ≥ %d%% after removing punctuation, emoji, spacing and full-width forms): %s%s",
		plural(len(keep), "group"), fmtInt(covered), fmtInt(len(a.rs)), SimilarityPercent, strings.Join(ex, "; "), more)
	f.Said = []Text{{
		EN: format.Sprintf("%s of %s reviews are near-copies of each other, posted under different buyer names", fmtInt(covered), fmtInt(len(a.rs))),
		ZH: format.Sprintf("%s条评价中有%s条几乎相同，却来自不同买家", fmtInt(len(a.rs)), fmtInt(covered)),
	}}
	return f
}

// clusters returns the near-duplicate components with 2 or more reviews,
// largest first, each in review order.
func (a *analysis) clusters() [][]int {
	byComp := map[int32][]int{}
	for i, c := range a.dup.comp {
		if c >= 0 {
			byComp[c] = append(byComp[c], i)
		}
	}
	var out [][]int
	for _, m := range byComp {
		if len(m) >= 2 {
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i][0] < out[j][0]
	})
	return out
}

// distinctBuyers counts the different nicks in idx; every anonymous or
// unknown nick counts as its own buyer.
func (a *analysis) distinctBuyers(idx []int) int {
	seen := map[string]bool{}
	n := 0
	for _, i := range idx {
		nick := a.rs[i].Nick
		if anonymousNick(nick) {
			n++
			continue
		}
		if !seen[nick] {
			seen[nick] = true
			n++
		}
	}
	return n
}

// variant returns a member whose raw text differs from the first member's
// (to show that the copies were varied), or -1.
func (a *analysis) variant(c []int) int {
	for _, i := range c[1:] {
		if a.rs[i].Content != a.rs[c[0]].Content {
			return i
		}
	}
	return -1
}
