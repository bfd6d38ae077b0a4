package reviews_test

import (
	"fmt"
	. "github.com/trustlens/trustlens/internal/reviews"
	. "github.com/trustlens/trustlens/internal/reviews/reviewgen"
	"strings"
	"testing"
	"time"
)

var allDetectors = []string{DetectorNearDuplicate, DetectorBurst, DetectorRatingSkew, DetectorGeneric,
	DetectorRepeatReviewer, DetectorVsSales}

// Each detector fires on its planted set and nothing fires on clean sets.
func TestScenarios(t *testing.T) {
	for _, c := range []struct {
		name  string
		fire  []string
		quiet []string // must not fire (the rest may)
	}{
		{"clean", nil, allDetectors},
		{"clean-hoodie-big", nil, allDetectors},
		{"clean-socks", nil, allDetectors},
		{"clusters", []string{DetectorNearDuplicate}, []string{DetectorBurst, DetectorRatingSkew, DetectorGeneric, DetectorVsSales}},
		{"burst", []string{DetectorBurst}, []string{DetectorNearDuplicate, DetectorRatingSkew, DetectorGeneric, DetectorRepeatReviewer, DetectorVsSales}},
		{"skew", []string{DetectorRatingSkew}, []string{DetectorNearDuplicate, DetectorBurst, DetectorRepeatReviewer, DetectorVsSales}},
		{"generic", []string{DetectorGeneric}, []string{DetectorNearDuplicate, DetectorBurst, DetectorRatingSkew, DetectorRepeatReviewer, DetectorVsSales}},
		{"repeat", []string{DetectorRepeatReviewer}, []string{DetectorBurst, DetectorRatingSkew, DetectorGeneric, DetectorVsSales}},
		{"sales", []string{DetectorVsSales}, []string{DetectorNearDuplicate, DetectorBurst, DetectorRatingSkew, DetectorGeneric, DetectorRepeatReviewer}},
		{"few", nil, allDetectors},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, tf := loadScenario(t, c.name)
			sales := tf.Sales
			rep := AnalyzeWith(s, Options{Now: tf.now(), Sales: &sales})
			for _, id := range c.fire {
				f := has(rep, id)
				if f == nil {
					t.Errorf("%s did not fire; findings: %v", id, ids(rep))
					continue
				}
				if f.Evidence == "" || f.Title.EN == "" || f.Advice.ZH == "" || f.Severity == "" {
					t.Errorf("%s: incomplete finding %+v", id, f)
				}
			}
			for _, id := range c.quiet {
				if f := has(rep, id); f != nil {
					t.Errorf("%s fired on %s: %s", id, c.name, f.Evidence)
				}
			}
			if rep.Total != tf.Reviews || rep.Basis != rep.Total {
				t.Errorf("total %d basis %d, want %d", rep.Total, rep.Basis, tf.Reviews)
			}
			if rep.Declared == nil || *rep.Declared != tf.Reviews {
				t.Errorf("declared total from the summary: %v", rep.Declared)
			}
		})
	}
}

func ids(rep Report) []string {
	var out []string
	for _, f := range rep.Findings {
		out = append(out, f.ID)
	}
	return out
}

// precisionRecall of the reviews a detector flagged against planted groups.
func precisionRecall(rep Report, id string, s *Set, truth [][]string) (p, r float64, flagged int) {
	want := IDs(truth)
	got := map[string]bool{}
	if f := has(rep, id); f != nil {
		for _, fl := range f.Reviews {
			got[s.Reviews()[fl.Index].ID] = true
		}
	}
	tp := 0
	for id := range got {
		if want[id] {
			tp++
		}
	}
	p, r = 1, 1
	if len(got) > 0 {
		p = float64(tp) / float64(len(got))
	}
	if len(want) > 0 {
		r = float64(tp) / float64(len(want))
	}
	return p, r, len(got)
}

func TestPlantedClustersPrecisionRecall(t *testing.T) {
	s, tf := loadScenario(t, "clusters")
	rep := AnalyzeWith(s, Options{Now: tf.now()})
	p, r, n := precisionRecall(rep, DetectorNearDuplicate, s, tf.Truth.Clusters)
	if p < 0.9 || r < 0.9 {
		t.Errorf("clusters fixture: precision %.2f recall %.2f (%d flagged)", p, r, n)
	}
	// And on the benchmark sets, pooled over seeds.
	var tp, fl, want int
	for _, n := range []int{100, 1000, 5000} {
		for seed := uint64(1); seed <= 4; seed++ {
			g := Generate(BenchConfig(n, seed))
			s := NewSet()
			s.Add(g.Reviews...)
			rep := AnalyzeWith(s, Options{Now: g.Now})
			truth := IDs(g.Truth.Clusters)
			// reviews of a planted repeat reviewer with copied texts are
			// copies too; they count for neither side
			rept := IDs(g.Truth.Repeats)
			if f := has(rep, DetectorNearDuplicate); f != nil {
				for _, x := range f.Reviews {
					id := s.Reviews()[x.Index].ID
					if rept[id] {
						continue
					}
					fl++
					if truth[id] {
						tp++
					}
				}
			}
			want += len(truth)
		}
	}
	p, r = float64(tp)/float64(fl), float64(tp)/float64(want)
	t.Logf("bench sets: near-duplicate precision %.3f recall %.3f (%d planted)", p, r, want)
	if p < 0.9 || r < 0.9 {
		t.Errorf("bench sets: precision %.3f recall %.3f", p, r)
	}
}

func TestPlantedBurstRecall(t *testing.T) {
	s, tf := loadScenario(t, "burst")
	rep := AnalyzeWith(s, Options{Now: tf.now()})
	p, r, n := precisionRecall(rep, DetectorBurst, s, tf.Truth.Bursts)
	t.Logf("burst fixture: precision %.2f recall %.2f (%d flagged)", p, r, n)
	if r < 0.9 || p < 0.7 {
		t.Errorf("burst fixture: precision %.2f recall %.2f", p, r)
	}
}

// Clean sets across many seeds, sizes and histories: the false-alarm rate
// of each detector stays low (measured, then pinned).
func TestCleanSurvey(t *testing.T) {
	if testing.Short() {
		t.Skip("survey")
	}
	fires := map[string]int{}
	runs := 0
	for seed := uint64(100); seed < 140; seed++ {
		for _, n := range []int{60, 300, 1500, 4000} {
			if n == 4000 && seed%2 == 1 {
				continue // half the seeds at the largest size keeps the test quick
			}
			c := GenConfig{Name: "clean", Seed: seed, N: n, SpanDays: 60 + int(seed%5)*80, End: DefaultEnd, Product: int(seed % 4),
				DefaultShare: 0.15, CannedShare: 0.15, FiveStarShare: 0.78, ShortShare: 0.25, GenuineRepeaters: 3}
			g := Generate(c)
			s := NewSet()
			s.Add(g.Reviews...)
			sales := g.Sales
			rep := AnalyzeWith(s, Options{Now: g.Now, Sales: &sales})
			runs++
			for _, f := range rep.Findings {
				fires[f.ID]++
			}
		}
	}
	t.Logf("%d clean sets: %v", runs, fires)
	for id, n := range fires {
		if n > runs/50 { // at most 2%
			t.Errorf("%s fired on %d of %d clean sets", id, n, runs)
		}
	}
}

func TestTooFew(t *testing.T) {
	s, tf := loadScenario(t, "few")
	rep := AnalyzeWith(s, Options{Now: tf.now()})
	if !rep.TooFew || len(rep.Findings) != 0 || !strings.Contains(strings.Join(rep.Notes, " "), "too few reviews to judge") {
		t.Errorf("few: tooFew %v findings %v notes %v", rep.TooFew, ids(rep), rep.Notes)
	}
	if !strings.Contains(rep.Headline.EN, "too few reviews") {
		t.Errorf("headline %q", rep.Headline.EN)
	}
	// 15 identical five-star reviews on one day: still too few for a burst
	// or skew, but the copies are reported.
	s = NewSet()
	at := time.Date(2026, 5, 7, 10, 0, 0, 0, CST)
	for i := 0; i < 15; i++ {
		s.Add(Review{ID: fmt.Sprint(i), Content: "这款卫衣真的太好了，黑色特别正，做工精细没有线头，质感非常好", Stars: 5,
			Nick: fmt.Sprintf("%c**%d", 'a'+i, i), Published: at.Add(time.Duration(i) * time.Minute)})
	}
	rep = Analyze(s, nil, at)
	if has(rep, DetectorBurst) != nil || has(rep, DetectorRatingSkew) != nil || has(rep, DetectorNearDuplicate) == nil {
		t.Errorf("15 copies: %v", ids(rep))
	}
	if rep.Suspicious != 15 || rep.AdjustedRating != nil || rep.RawRating == nil || *rep.RawRating != 5 {
		t.Errorf("suspicious %d adjusted %v", rep.Suspicious, rep.AdjustedRating)
	}
}

// ReviewMeta's published examples: 134 reviews over 624 days flags days
// with more than 3; 23 over 182 days flags more than 2.
func TestPoissonMatchesReviewMeta(t *testing.T) {
	if k := PoissonQuantile(134.0/624, BurstQuantile); k != 3 {
		t.Errorf("134/624: limit %d, ReviewMeta 3", k)
	}
	if k := PoissonQuantile(23.0/182, BurstQuantile); k != 2 {
		t.Errorf("23/182: limit %d, ReviewMeta 2", k)
	}
	if p := PoissonTail(3, 0.5); p < 0.0143 || p > 0.0145 {
		t.Errorf("tail %v", p)
	}
	if p := BinomialTail(20, 20, 0.95); p < 0.3584 || p > 0.3586 {
		t.Errorf("binomial %v", p)
	}
}

func TestRatings(t *testing.T) {
	s := NewSet()
	at := time.Date(2026, 5, 7, 10, 0, 0, 0, CST)
	copyText := "这款卫衣真的太好了，黑色特别正，做工精细没有线头，质感非常好"
	s.Add(
		Review{ID: "1", Content: copyText, Stars: 5, Nick: "a**1", Published: at},
		Review{ID: "2", Content: copyText + "！！", Stars: 5, Nick: "b**2", Published: at},
		Review{ID: "3", Content: strings.Replace(copyText, "很", "超", 1), Stars: 5, Nick: "c**3", Published: at},
		Review{ID: "4", Content: "此用户没有填写评价", Stars: 5, Nick: "d**4", Published: at},
		Review{ID: "5", Content: "线头有点多，洗了一次就起球了", Stars: 2, Nick: "e**5", Published: at},
		Review{ID: "6", Content: "面料很厚实，170的穿XL正好", Stars: 4, Nick: "f**6", Published: at},
	)
	rep := Analyze(s, nil, at)
	if rep.Suspicious != 3 || rep.Defaults != 1 {
		t.Fatalf("suspicious %d defaults %d: %v", rep.Suspicious, rep.Defaults, ids(rep))
	}
	if *rep.RawRating != 4.33 || *rep.AdjustedRating != 3 || rep.RatedAdjusted != 2 {
		t.Errorf("raw %v adjusted %v over %d", *rep.RawRating, *rep.AdjustedRating, rep.RatedAdjusted)
	}
	if !strings.HasPrefix(rep.Headline.EN, "3 of 6 reviews look suspicious") || !strings.Contains(rep.Headline.ZH, "6条评价中有3条可疑") {
		t.Errorf("headline %+v", rep.Headline)
	}
	var flagged int
	for _, v := range rep.Reviews {
		if v.Suspicious {
			flagged++
			if len(v.Reasons) == 0 || v.Reasons[0].EN == "" || v.Reasons[0].ZH == "" || !v.Excluded {
				t.Errorf("verdict %+v", v)
			}
		}
	}
	if flagged != 3 {
		t.Errorf("%d suspicious verdicts", flagged)
	}
}

func TestReviewsVsSales(t *testing.T) {
	s, tf := loadScenario(t, "sales")
	now := tf.now()
	for _, c := range []struct {
		sales Sales
		fire  bool
	}{
		{Sales{Count: 40, WindowDays: 365}, true},
		{Sales{Count: 40, WindowDays: 365, Plus: true}, true},   // 2×40 = 80 < 156
		{Sales{Count: 100, WindowDays: 365, Plus: true}, false}, // 200 ≥ 156
		{Sales{Count: 1000, WindowDays: 365}, false},
	} {
		rep := AnalyzeWith(s, Options{Now: now, Sales: &c.sales})
		got := has(rep, DetectorVsSales) != nil
		if got != c.fire {
			t.Errorf("sales %+v: fired %v", c.sales, got)
		}
	}
	// A monthly count (月销) compares the last 30 days only.
	in30 := 0
	for _, r := range s.Reviews() {
		if now.Sub(r.Published) <= 30*24*time.Hour {
			in30++
		}
	}
	m, _ := ParseSales("月销5")
	rep := AnalyzeWith(s, Options{Now: now, Sales: &m})
	if got, want := has(rep, DetectorVsSales) != nil, in30 >= SalesMinReviews && in30 > 5; got != want || in30 == 0 {
		t.Errorf("monthly: fired %v with %d reviews in 30 days", got, in30)
	}
	// Analyze with a plain count, and with no sales at all.
	if rep := Analyze(s, ptr(40), now); has(rep, DetectorVsSales) == nil {
		t.Error("Analyze(40) did not fire")
	}
	if rep := Analyze(s, nil, now); has(rep, DetectorVsSales) != nil {
		t.Error("fired without a sales count")
	}
	// Dates unknown: cannot compare, says so.
	s2 := NewSet()
	for i := 0; i < 30; i++ {
		s2.Add(Review{ID: fmt.Sprint(i), Content: "面料很厚实，170的穿XL正好", Stars: 5})
	}
	rep = Analyze(s2, ptr(1), now)
	if has(rep, DetectorVsSales) != nil || !strings.Contains(strings.Join(rep.Notes, " "), "dates unknown") {
		t.Errorf("undated: %v %v", ids(rep), rep.Notes)
	}
}

func TestRepeatReviewerGenuineReorders(t *testing.T) {
	// One buyer re-ordering the same variant monthly with different texts
	// is a good customer, not a pattern.
	s := NewSet()
	at := time.Date(2026, 1, 5, 10, 0, 0, 0, CST)
	texts := []string{"面料很厚实，店里卖得很好", "第二批了，颜色很正", "客人反馈不错，继续拿货", "走线很精细，没有线头"}
	for i, tx := range texts {
		s.Add(Review{ID: fmt.Sprint(i), Content: tx, Stars: 5, Nick: "t**8", Spec: "颜色:黑色;尺码:XL", Quantity: 50,
			Published: at.AddDate(0, 0, 35*i)})
	}
	for i := 0; i < 40; i++ {
		s.Add(Review{ID: fmt.Sprint("x", i), Content: "质量不错", Stars: 5, Nick: fmt.Sprintf("%c**%c", 'a'+i%20, 'k'+i/20),
			Spec: "颜色:灰色;尺码:L", Quantity: 2, Published: at.AddDate(0, 0, 3*i)})
	}
	if rep := Analyze(s, nil, at.AddDate(0, 6, 0)); has(rep, DetectorRepeatReviewer) != nil {
		t.Errorf("genuine re-orders flagged: %s", has(rep, DetectorRepeatReviewer).Evidence)
	}
}

func TestEmptyAndNil(t *testing.T) {
	rep := Analyze(nil, nil, time.Time{})
	if rep.Total != 0 || rep.RawRating != nil || len(rep.Findings) != 0 || rep.Findings == nil || rep.Reviews == nil {
		t.Errorf("nil set: %+v", rep)
	}
	if rep.Headline.EN != "0 of 0 reviews look suspicious; too few reviews to judge bursts and rating skew" {
		t.Errorf("headline %q", rep.Headline.EN)
	}
}
