// Package naive is the all-pairs baseline for the near-duplicate search:
// every pair of compared texts gets a full Levenshtein distance
// (github.com/agnivade/levenshtein), then union-find. It exists for the
// benchmark (scripts/bench.sh) and for the test that the blocked search in
// package reviews finds exactly the same clusters. It is never shipped in
// the extension.
package naive

import (
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// Result is the outcome of one all-pairs run.
type Result struct {
	Comp  []int // per text: cluster root (an index), -1 when not compared
	Pairs int   // pairs whose distance was computed
}

// NearDuplicates compares every pair of non-empty texts (already
// normalised, as reviews.NearDupText returns them) and joins pairs whose
// similarity 1 - d/max(len) is at least simPercent.
func NearDuplicates(texts []string, simPercent int) Result {
	n := len(texts)
	parent := make([]int, n)
	lens := make([]int, n)
	for i := range parent {
		parent[i] = i
		lens[i] = utf8.RuneCountInString(texts[i])
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	res := Result{Comp: make([]int, n)}
	for i := 0; i < n; i++ {
		if texts[i] == "" {
			continue
		}
		for j := i + 1; j < n; j++ {
			if texts[j] == "" {
				continue
			}
			res.Pairs++
			d := levenshtein.ComputeDistance(texts[i], texts[j])
			if d*100 <= (100-simPercent)*max(lens[i], lens[j]) {
				a, b := find(i), find(j)
				if a != b {
					if b < a {
						a, b = b, a
					}
					parent[b] = a
				}
			}
		}
	}
	for i := range res.Comp {
		res.Comp[i] = -1
		if texts[i] != "" {
			res.Comp[i] = find(i)
		}
	}
	return res
}

// Flagged returns the texts in clusters of 2 or more whose members have at
// least 2 different nicks ("" counts as a different buyer each time) and
// that have 3+ members or a text of longRunes or more: the same rule as
// review-near-duplicate.
func Flagged(texts, nicks []string, comp []int, minCluster, longRunes int) []bool {
	members := map[int][]int{}
	for i, c := range comp {
		if c >= 0 {
			members[c] = append(members[c], i)
		}
	}
	out := make([]bool, len(texts))
	for _, m := range members {
		if len(m) < 2 {
			continue
		}
		seen := map[string]bool{}
		buyers := 0
		for _, i := range m {
			if nicks[i] == "" {
				buyers++
			} else if !seen[nicks[i]] {
				seen[nicks[i]] = true
				buyers++
			}
		}
		if buyers < 2 || (len(m) < minCluster && utf8.RuneCountInString(texts[m[0]]) < longRunes) {
			continue
		}
		for _, i := range m {
			out[i] = true
		}
	}
	return out
}
