package reviews

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/trustlens/trustlens/internal/format"
)

// Thresholds shared by the detectors; docs/reviews.md justifies each.
const (
	// MinSample: below this many reviews, bursts, skew and the generic share
	// are not judged ("too few reviews to judge").
	MinSample = 20
	// ShortTextRunes: a normalised text shorter than this is "little text".
	ShortTextRunes = 10
)

// Options tunes one analysis. The zero value is usable.
type Options struct {
	// Now is the time of the analysis (the wasm passes the page clock).
	// Zero means the newest review date.
	Now time.Time
	// Sales is the offer's sales figure, when the page shows one.
	Sales *Sales
}

// Flag marks one review in a finding.
type Flag struct {
	Index  int    `json:"index"` // position in Set.Reviews()
	ID     string `json:"id,omitempty"`
	Reason Text   `json:"reason"`
}

// Group is one cluster, burst window or buyer in a finding.
type Group struct {
	Label   string `json:"label"`
	Detail  string `json:"detail"`
	Reviews []int  `json:"reviews"`
}

// Finding is one detector that fired.
type Finding struct {
	ID       string `json:"id"`
	Severity string `json:"severity"`
	Title    Text   `json:"title"`
	Evidence string `json:"evidence"`
	// Said is the evidence in a buyer's words, in English and Chinese, one
	// line per fact; Evidence keeps every figure the detector used.
	Said    []Text  `json:"-"`
	Advice  Text    `json:"advice"`
	Groups  []Group `json:"groups,omitempty"`
	Reviews []Flag  `json:"reviews,omitempty"`
}

// ReviewVerdict is what the in-page flag of one review needs.
type ReviewVerdict struct {
	Index      int      `json:"index"`
	ID         string   `json:"id,omitempty"`
	Suspicious bool     `json:"suspicious"` // counted in Report.Suspicious
	Excluded   bool     `json:"excluded"`   // left out of AdjustedRating
	Detectors  []string `json:"detectors"`
	Reasons    []Text   `json:"reasons"`
}

// Report is the outcome of Analyze.
type Report struct {
	// Total is the number of reviews analysed (loaded so far); Declared is
	// the page's own count (the 全部 tag), when known.
	Total    int  `json:"total"`
	Declared *int `json:"declared"`
	// Basis is how many reviews the verdict rests on (Total), and TooFew is
	// true below MinSample: bursts, skew and the generic share are then not
	// judged.
	Basis  int  `json:"basis"`
	TooFew bool `json:"tooFew"`
	// Suspicious counts reviews flagged by review-near-duplicate,
	// review-repeat-reviewer or review-burst.
	Suspicious int `json:"suspicious"`
	// Defaults counts system-default reviews (the buyer wrote nothing).
	Defaults int `json:"defaults"`
	// Automatic counts the rows the platform marks as its own automatic
	// default praise (isSystemRemark): they are not a buyer's review, so
	// no detector sees them and Total, Basis and the ratings leave them
	// out. PageAutomatic is the page's own count (systemRemarkCnt).
	Automatic     int  `json:"automatic"`
	PageAutomatic *int `json:"pageAutomatic"`
	// RawRating is the mean star rating of every review with stars;
	// AdjustedRating leaves out suspicious and system-default reviews (their
	// stars are not a buyer's judgement). Rated* say how many reviews each
	// mean rests on.
	RawRating      *float64 `json:"rawRating"`
	RatedRaw       int      `json:"ratedRaw"`
	AdjustedRating *float64 `json:"adjustedRating"`
	RatedAdjusted  int      `json:"ratedAdjusted"`
	// PageRating / PageGoodRate are the page's own goodsGrade and goodRates.
	PageRating   *float64        `json:"pageRating"`
	PageGoodRate *float64        `json:"pageGoodRate"`
	Headline     Text            `json:"headline"`
	Notes        []string        `json:"notes"`
	Findings     []Finding       `json:"findings"`
	Reviews      []ReviewVerdict `json:"reviews"`
}

// Analyze runs every detector on the set. salesCount is the offer's sales
// count for the last year as the page carries it (G2 saledCount with
// saleCountDate 一年内), nil when unknown; now is the time of the analysis.
// For a count read from text ("3.5万+", "月销1000+") use AnalyzeWith with
// ParseSales, which keeps its window and its "+".
func Analyze(set *Set, salesCount *int, now time.Time) Report {
	o := Options{Now: now}
	if salesCount != nil {
		o.Sales = &Sales{Count: *salesCount, WindowDays: 365}
	}
	return AnalyzeWith(set, o)
}

// analysis carries one run's shared state.
type analysis struct {
	set     *Set
	rs      []Review
	meta    []meta
	now     time.Time
	opts    Options
	dup     dupResult
	sus     []bool
	flagged map[int]*ReviewVerdict
	notes   []string
}

// analysisMemo is a set's last analysis and what it was made with.
type analysisMemo struct {
	version  uint64
	now      time.Time
	sales    Sales
	hasSales bool
	rep      Report
}

func (m *analysisMemo) fits(set *Set, o Options) bool {
	return m != nil && m.version == set.version && m.now.Equal(o.Now) && m.hasSales == (o.Sales != nil) &&
		(o.Sales == nil || *o.Sales == m.sales)
}

// AnalyzeWith is Analyze with options. The report of an unchanged set with
// the same options is the one made before (callers must not modify it).
func AnalyzeWith(set *Set, o Options) Report {
	if set == nil {
		return analyzeWith(NewSet(), o)
	}
	if set.memo.fits(set, o) {
		return set.memo.rep
	}
	rep := analyzeWith(set, o)
	m := &analysisMemo{version: set.version, now: o.Now, rep: rep, hasSales: o.Sales != nil}
	if o.Sales != nil {
		m.sales = *o.Sales
	}
	set.memo = m
	return rep
}

func analyzeWith(set *Set, o Options) (rep Report) {
	rs, meta, idx := buyerReviews(set)
	a := &analysis{set: set, rs: rs, meta: meta, opts: o, flagged: map[int]*ReviewVerdict{}}
	defer func() { setIndices(&rep, idx) }()
	rep.Automatic = len(set.reviews) - len(rs)
	n := len(a.rs)
	a.sus = make([]bool, n)
	a.now = o.Now
	if a.now.IsZero() {
		for _, r := range a.rs {
			if r.Published.After(a.now) {
				a.now = r.Published
			}
		}
	}
	rep.Total, rep.Basis = n, n
	rep.TooFew = n < MinSample
	if s := set.summary; s != nil {
		rep.Declared = s.Total
		rep.PageRating = s.GoodsGrade
		rep.PageGoodRate = s.GoodRate
		rep.PageAutomatic = s.SystemRemarks
	}
	if rep.TooFew {
		a.note("too few reviews to judge bursts, rating skew and template share: %d loaded, %d needed", n, MinSample)
	}
	if set.dropped > 0 {
		a.note("only the first %s reviews are analysed; %s more were ignored", fmtInt(MaxReviews), fmtInt(set.dropped))
	}
	if rep.Declared != nil && *rep.Declared > n+rep.Automatic {
		a.note("based on %s of the %s reviews the page counts: open more review pages to refine", fmtInt(n+rep.Automatic), fmtInt(*rep.Declared))
	}

	texts := make([]string, n)
	for i, m := range a.meta {
		if m.class == classText && m.nrun >= MinDupRunes {
			if m.nrun <= MaxDupRunes {
				texts[i] = m.norm
			} else {
				texts[i] = capRunes(m.norm, MaxDupRunes)
			}
		}
	}
	a.dup = findNearDuplicates(texts)
	if a.dup.stopped {
		a.note("the near-duplicate search stopped early (work limit); clusters may be incomplete")
	}

	for _, det := range []func() *Finding{
		a.nearDuplicate, a.repeatReviewer, a.burst, a.ratingSkew, a.generic, a.reviewsVsSales,
	} {
		if f := det(); f != nil {
			rep.Findings = append(rep.Findings, *f)
		}
	}
	sort.SliceStable(rep.Findings, func(i, j int) bool {
		if a, b := sevRank(rep.Findings[i].Severity), sevRank(rep.Findings[j].Severity); a != b {
			return a < b
		}
		return rep.Findings[i].ID < rep.Findings[j].ID
	})

	// Ratings.
	var sumRaw, sumAdj float64
	for i, r := range a.rs {
		if a.meta[i].class == classDefault {
			rep.Defaults++
		}
		if a.sus[i] {
			rep.Suspicious++
		}
		if r.Stars == 0 {
			continue
		}
		sumRaw += float64(r.Stars)
		rep.RatedRaw++
		if !a.sus[i] && a.meta[i].class != classDefault {
			sumAdj += float64(r.Stars)
			rep.RatedAdjusted++
		}
	}
	if rep.RatedRaw > 0 {
		v := round2(sumRaw / float64(rep.RatedRaw))
		rep.RawRating = &v
	}
	if rep.RatedAdjusted > 0 {
		v := round2(sumAdj / float64(rep.RatedAdjusted))
		rep.AdjustedRating = &v
	}
	for i := range a.rs {
		if v := a.flagged[i]; v != nil {
			v.Suspicious = a.sus[i]
			v.Excluded = a.sus[i] || a.meta[i].class == classDefault
			rep.Reviews = append(rep.Reviews, *v)
		}
	}
	rep.Headline = headline(rep)
	rep.Notes = a.notes
	if rep.Notes == nil {
		rep.Notes = []string{}
	}
	if rep.Findings == nil {
		rep.Findings = []Finding{}
	}
	if rep.Reviews == nil {
		rep.Reviews = []ReviewVerdict{}
	}
	return rep
}

// buyerReviews returns the set's reviews without the platform's automatic
// ones (Review.System), their meta, and for each the index in the set (nil
// when none was left out: the indices are the set's own).
func buyerReviews(set *Set) ([]Review, []meta, []int) {
	auto := 0
	for i := range set.reviews {
		if set.reviews[i].System {
			auto++
		}
	}
	if auto == 0 {
		return set.reviews, set.meta, nil
	}
	n := len(set.reviews) - auto
	rs, ms, idx := make([]Review, 0, n), make([]meta, 0, n), make([]int, 0, n)
	for i := range set.reviews {
		if !set.reviews[i].System {
			rs, ms, idx = append(rs, set.reviews[i]), append(ms, set.meta[i]), append(idx, i)
		}
	}
	return rs, ms, idx
}

// setIndices turns the report's review indices (positions among the
// buyers' reviews the detectors saw) into positions in the set.
func setIndices(rep *Report, idx []int) {
	if idx == nil {
		return
	}
	for i := range rep.Findings {
		f := &rep.Findings[i]
		for j := range f.Reviews {
			f.Reviews[j].Index = idx[f.Reviews[j].Index]
		}
		for g := range f.Groups {
			for k, x := range f.Groups[g].Reviews {
				f.Groups[g].Reviews[k] = idx[x]
			}
		}
	}
	for i := range rep.Reviews {
		rep.Reviews[i].Index = idx[rep.Reviews[i].Index]
	}
}

func headline(r Report) Text {
	en := format.Sprintf("%s of %s reviews look suspicious", fmtInt(r.Suspicious), fmtInt(r.Total))
	zh := format.Sprintf("%s条评价中有%s条可疑", fmtInt(r.Total), fmtInt(r.Suspicious))
	if r.AdjustedRating != nil && r.RawRating != nil {
		en += format.Sprintf("; rating %.1f, %.1f without them and without system-default reviews", *r.RawRating, *r.AdjustedRating)
		zh += format.Sprintf("；评分%.1f，去除可疑及系统默认评价后为%.1f", *r.RawRating, *r.AdjustedRating)
	}
	if loaded := r.Total + r.Automatic; r.Declared != nil && *r.Declared > loaded {
		en += format.Sprintf(" (based on %s of %s)", fmtInt(loaded), fmtInt(*r.Declared))
		zh += format.Sprintf("（基于已加载的%s/%s条）", fmtInt(loaded), fmtInt(*r.Declared))
	}
	if r.Automatic > 0 {
		en += format.Sprintf("; %s automatic default reviews left out", fmtInt(r.Automatic))
		zh += format.Sprintf("；已排除%s条系统自动默认好评", fmtInt(r.Automatic))
	}
	if r.TooFew {
		en += "; too few reviews to judge bursts and rating skew"
		zh += "；评价太少，无法判断集中刷评和评分异常"
	}
	return Text{EN: en, ZH: zh}
}

func (a *analysis) note(pattern string, args ...any) {
	a.notes = append(a.notes, format.Sprintf(pattern, args...))
}

// flag records a per-review reason; suspicious marks it for the count.
func (a *analysis) flag(f *Finding, i int, reason Text, suspicious bool) {
	f.Reviews = append(f.Reviews, Flag{Index: i, ID: a.rs[i].ID, Reason: reason})
	v := a.flagged[i]
	if v == nil {
		v = &ReviewVerdict{Index: i, ID: a.rs[i].ID}
		a.flagged[i] = v
	}
	v.Detectors = append(v.Detectors, f.ID)
	v.Reasons = append(v.Reasons, reason)
	if suspicious {
		a.sus[i] = true
	}
}

// newFinding starts a finding with the catalogue's text.
func newFinding(id string) *Finding {
	d := DetectorByID(id)
	return &Finding{ID: id, Severity: d.Severity, Title: d.Title, Advice: d.Advice}
}

func sevRank(s string) int {
	switch s {
	case "high":
		return 0
	case "medium":
		return 1
	case "low":
		return 2
	case "info":
		return 3
	}
	return 4
}

// --- small helpers ---

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// fmtInt writes 2497 as "2,497".
func fmtInt(v int) string {
	s := strconv.Itoa(v)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// pct formats a/b as a percentage; one decimal when rounding would show a
// partial share as 0% or 100%.
func pct(a, b int) string {
	if b == 0 {
		return "0%"
	}
	v := 100 * float64(a) / float64(b)
	prec := 0
	if (math.Round(v) == 100 && a < b) || (math.Round(v) == 0 && a > 0) {
		prec = 1
	}
	return strconv.FormatFloat(v, 'f', prec, 64) + "%"
}

// chanceText formats a small probability for the evidence.
func chanceText(p float64) string {
	if p < 0.0001 {
		return "under 0.01%"
	}
	return strconv.FormatFloat(p*100, 'g', 2, 64) + "%"
}

// plural returns "1 group" / "3 groups".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmtInt(n) + " " + word + "s"
}

// quote returns s shortened to n runes in Chinese quotation marks.
func quote(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	c := capRunes(s, n)
	if len(c) < len(s) {
		c += "…"
	}
	return "“" + c + "”"
}

// poissonTail is P(X >= k) for X ~ Poisson(lambda).
func poissonTail(k int, lambda float64) float64 {
	if k <= 0 {
		return 1
	}
	if lambda <= 0 {
		return 0
	}
	// Sum the upper tail directly (stable for the small tails we test).
	lg, _ := math.Lgamma(float64(k) + 1)
	term := math.Exp(-lambda + float64(k)*math.Log(lambda) - lg)
	sum := 0.0
	for i := k; i < k+1000 && term > 1e-300; i++ {
		sum += term
		term *= lambda / float64(i+1)
		if term < sum*1e-15 {
			break
		}
	}
	return math.Min(1, sum)
}

// poissonQuantile is the smallest k with P(X <= k) >= q.
func poissonQuantile(lambda, q float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda > 1000 { // normal approximation (never reached with capped sets)
		return int(math.Ceil(lambda + 3.0902*math.Sqrt(lambda)))
	}
	cdf, term := 0.0, math.Exp(-lambda)
	for k := 0; k < 10000; k++ {
		cdf += term
		if cdf >= q {
			return k
		}
		term *= lambda / float64(k+1)
	}
	return 10000
}

// binomialTail is P(X >= k) for X ~ Binomial(n, p).
func binomialTail(k, n int, p float64) float64 {
	if k <= 0 {
		return 1
	}
	if k > n {
		return 0
	}
	lgN, _ := math.Lgamma(float64(n) + 1)
	sum := 0.0
	for i := k; i <= n; i++ {
		lgI, _ := math.Lgamma(float64(i) + 1)
		lgNI, _ := math.Lgamma(float64(n-i) + 1)
		sum += math.Exp(lgN - lgI - lgNI + float64(i)*math.Log(p) + float64(n-i)*math.Log1p(-p))
	}
	return math.Min(1, sum)
}

// span formats a time range of reviews as CST dates.
func dateRange(rs []Review, idx []int) string {
	var lo, hi time.Time
	for _, i := range idx {
		t := rs[i].Published
		if t.IsZero() {
			continue
		}
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	if lo.IsZero() {
		return "dates unknown"
	}
	a, b := lo.In(cst).Format("2006-01-02"), hi.In(cst).Format("2006-01-02")
	if a == b {
		return a
	}
	return a + " to " + b
}

// flagReasons are the first n distinct reasons a finding flagged reviews
// with ("Same buyer “x”, same text 3 times"), as lines of Finding.Said.
func flagReasons(f *Finding, n int) []Text {
	var out []Text
	for _, r := range f.Reviews {
		if len(out) == n {
			break
		}
		if !slices.Contains(out, r.Reason) {
			out = append(out, r.Reason)
		}
	}
	return out
}
