package reviews

import (
	"strings"

	"github.com/trustlens/trustlens/internal/format"
)

// Burst thresholds.
const (
	// BurstQuantile: a day is unusual when its count exceeds what random
	// (Poisson) arrival gives with this probability (ReviewMeta: 99.9%).
	BurstQuantile = 0.999
	// MinBurstDay: a flagged day needs at least this many reviews, so a day
	// with 2 reviews on a quiet item is never a "burst".
	MinBurstDay = 5
	// BurstMinRatio: a window also needs at least this many times its
	// expected count, so weekly rhythms and promotions on a busy item, which
	// beat a Poisson quantile easily, are not bursts.
	BurstMinRatio = 2.0
	// BurstMinShare: a window must hold at least this share of the dated
	// reviews ("an unusual share of reviews in a short window").
	BurstMinShare = 0.02
	// BurstDayQuantile: inside a flagged window, the days kept are those
	// above this quantile of the expected daily count.
	BurstDayQuantile = 0.99
	// BurstMaxWindow: windows of 1 to this many days are tested.
	BurstMaxWindow = 3
	// BurstLocalDays: the expected rate of a day is the larger of the item's
	// overall rate (ReviewMeta's count / span) and the rate of the
	// surrounding ±14 days (leaving out the day and its neighbours), so an
	// item that simply sells more lately is not flagged.
	BurstLocalDays = 14
	// maxBurstDays bounds the history looked at (about 10 years).
	maxBurstDays = 3660
)

// burst: an unusual share of reviews in a short window compared with the
// item's history (ReviewMeta's Poisson test), counted only when the rating
// rises with the volume (Xie et al. 2012: attacks are bursts correlated with
// high ratings; Fei et al. 2013: reviews in one burst share their nature).
func (a *analysis) burst() *Finding {
	var dated []int
	var first, last int64
	for i, r := range a.rs {
		if r.Published.IsZero() {
			continue
		}
		d := dayIndex(r.Published)
		if len(dated) == 0 || d < first {
			first = d
		}
		if len(dated) == 0 || d > last {
			last = d
		}
		dated = append(dated, i)
	}
	if len(dated) < MinSample {
		if len(a.rs) >= MinSample {
			a.note("too few dated reviews to judge bursts: %d dated, %d needed", len(dated), MinSample)
		}
		return nil
	}
	if last-first+1 > maxBurstDays {
		first = last - maxBurstDays + 1
	}
	span := int(last - first + 1)
	counts := make([]int, span)
	inSpan := 0
	for _, i := range dated {
		d := dayIndex(a.rs[i].Published)
		if d < first {
			continue
		}
		counts[d-first]++
		inSpan++
	}
	global := float64(inSpan) / float64(span)
	prefix := make([]int, span+1)
	for d, c := range counts {
		prefix[d+1] = prefix[d] + c
	}
	sumRange := func(lo, hi int) (int, int) { // inclusive, clipped
		lo, hi = max(lo, 0), min(hi, span-1)
		if lo > hi {
			return 0, 0
		}
		return prefix[hi+1] - prefix[lo], hi - lo + 1
	}
	// Test every window of 1 to BurstMaxWindow days (a burst often
	// straddles midnight). The expected rate of a window is the larger of the
	// global rate and the rate of the surrounding ±BurstLocalDays days,
	// leaving out the window and one day either side.
	flaggedDay := make([]bool, span)
	lambdaOf := make([]float64, span)
	found := false
	for w := 1; w <= BurstMaxWindow; w++ {
		for d := 0; d+w <= span; d++ {
			c, _ := sumRange(d, d+w-1)
			if c < MinBurstDay || float64(c) < BurstMinRatio*global*float64(w) {
				continue
			}
			l1, n1 := sumRange(d-BurstLocalDays, d-2)
			l2, n2 := sumRange(d+w+1, d+w-1+BurstLocalDays)
			lambda := global
			if n1+n2 >= 7 {
				if local := float64(l1+l2) / float64(n1+n2); local > lambda {
					lambda = local
				}
			}
			if c <= poissonQuantile(lambda*float64(w), BurstQuantile) || float64(c) < BurstMinRatio*lambda*float64(w) {
				continue
			}
			// Flag the window's days that are unusual on their own at the
			// lower BurstDayQuantile (so a quiet neighbour day is left out).
			dayLimit := poissonQuantile(lambda, BurstDayQuantile)
			for x := d; x < d+w; x++ {
				if counts[x] > dayLimit {
					flaggedDay[x] = true
					lambdaOf[x] = max(lambdaOf[x], lambda)
					found = true
				}
			}
		}
	}
	if !found {
		return nil
	}
	// Merge adjacent flagged days into windows; keep the co-rising ones.
	type window struct{ lo, hi int }
	var wins []window
	for d := 0; d < span; d++ {
		if !flaggedDay[d] {
			continue
		}
		if n := len(wins); n > 0 && wins[n-1].hi == d-1 {
			wins[n-1].hi = d
		} else {
			wins = append(wins, window{d, d})
		}
	}
	var f *Finding
	var ex []string
	flaggedTotal := 0
	for _, w := range wins {
		var in []int
		inSet := map[int]bool{}
		for _, i := range dated {
			d := int(dayIndex(a.rs[i].Published) - first)
			if d >= w.lo && d <= w.hi {
				in = append(in, i)
				inSet[i] = true
			}
		}
		var sIn, nIn, sOut, nOut float64
		for _, i := range dated {
			s := a.rs[i].Stars
			if s == 0 {
				continue
			}
			if inSet[i] {
				sIn += float64(s)
				nIn++
			} else {
				sOut += float64(s)
				nOut++
			}
		}
		days := dayString(first + int64(w.lo))
		daysZH := days
		if w.hi > w.lo {
			days += " to " + dayString(first+int64(w.hi))
			daysZH += "至" + dayString(first+int64(w.hi))
		}
		lambda := 0.0
		for d := w.lo; d <= w.hi; d++ {
			lambda = max(lambda, lambdaOf[d])
		}
		ndays := w.hi - w.lo + 1
		limit := poissonQuantile(lambda*float64(ndays), BurstQuantile)
		if len(in) <= limit || len(in) < MinBurstDay || float64(len(in)) < BurstMinRatio*lambda*float64(ndays) ||
			float64(len(in)) < BurstMinShare*float64(len(dated)) {
			continue // the kept days alone are not unusual enough
		}
		if nIn == 0 {
			continue // ratings unknown: the co-rise cannot be checked
		}
		meanIn := sIn / nIn
		coRise := meanIn >= 4
		meanOut := -1.0
		if nOut > 0 {
			meanOut = sOut / nOut
			coRise = coRise && meanIn >= meanOut
		} else {
			coRise = meanIn >= 4.5
		}
		if !coRise {
			continue
		}
		if f == nil {
			f = newFinding(DetectorBurst)
		}
		var flagged []int
		for _, i := range in {
			if a.rs[i].Stars >= 4 {
				flagged = append(flagged, i)
			}
		}
		flaggedTotal += len(flagged)
		rest := "no other rated reviews"
		if meanOut >= 0 {
			rest = format.Sprintf("%.2f★ for the other %d rated reviews", meanOut, int(nOut))
		}
		e := format.Sprintf("%d reviews on %s (CST) where about %.1f a day are expected and more than %d in %d day(s) happens by chance under 0.1%%; mean %.2f★ vs %s",
			len(in), days, lambda, limit, ndays, meanIn, rest)
		ex = append(ex, e)
		f.Groups = append(f.Groups, Group{Label: days, Detail: e, Reviews: in})
		reason := Text{
			EN: format.Sprintf("Posted in a burst: %d reviews on %s, about %.1f a day expected", len(in), days, lambda),
			ZH: format.Sprintf("集中发布：%s共%d条评价，平时约每天%.1f条", daysZH, len(in), lambda),
		}
		for _, i := range flagged {
			a.flag(f, i, reason, true)
		}
	}
	if f == nil {
		return nil
	}
	more := ""
	if len(ex) > 3 {
		more = "; and " + plural(len(ex)-3, "more window")
		ex = ex[:3]
	}
	f.Evidence = format.Sprintf("%s of %s dated reviews over %d days (%.2f a day) fall in unusual bursts with high ratings: %s%s",
		fmtInt(flaggedTotal), fmtInt(len(dated)), span, global, strings.Join(ex, "; "), more)
	f.Said = append([]Text{{
		EN: format.Sprintf("%s of %s dated reviews were posted in unusual bursts, with high ratings", fmtInt(flaggedTotal), fmtInt(len(dated))),
		ZH: format.Sprintf("%s条有日期的评价中，%s条集中在异常的时间段发布，且评分很高", fmtInt(len(dated)), fmtInt(flaggedTotal)),
	}}, flagReasons(f, 2)...)
	return f
}
