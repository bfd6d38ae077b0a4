package reviews_test

import (
	. "github.com/trustlens/trustlens/internal/reviews"
	. "github.com/trustlens/trustlens/internal/reviews/reviewgen"
	"strings"
	"testing"
	"time"
)

func TestSetDedup(t *testing.T) {
	at := time.Date(2026, 5, 7, 10, 6, 48, 0, CST)
	s := NewSet()
	a := Review{ID: "1", Content: "面料很厚实", Stars: 5, Nick: "t**8", Published: at, Source: SourceList}
	if n := s.Add(a, a); n != 1 || s.Duplicates() != 1 {
		t.Fatalf("same id twice: added %d dups %d", n, s.Duplicates())
	}
	// No id: nick + time + text.
	b := Review{Content: "一般", Stars: 3, Nick: "j**a", Published: at}
	c := b
	c.Published = at.Add(time.Second)
	if n := s.Add(b, b, c); n != 2 {
		t.Fatalf("id-less: added %d", n)
	}
	// A DOM copy of review a (day-precision date, no id) is a duplicate.
	if n := s.AddDOM([]DOMReview{{Text: "面料很厚实", Stars: "5", Date: "2026-05-07", Nick: "t**8"}}); n != 0 {
		t.Errorf("DOM copy added")
	}
	// A DOM item first, then its API response: replaced in place.
	s2 := NewSet()
	s2.AddDOM([]DOMReview{{Text: "保温效果很好", Stars: "★★★★★", Date: "2026-05-07", Nick: "王**贸"}})
	s2.Add(Review{ID: "9", Content: "保温效果很好", Stars: 5, Nick: "王**贸", Published: at, Spec: "颜色分类:磨砂黑", Quantity: 100, Source: SourceList})
	if s2.Len() != 1 || s2.Reviews()[0].Source != SourceList || s2.Reviews()[0].Quantity != 100 {
		t.Errorf("DOM not replaced: %+v", s2.Reviews())
	}
	// Pages accumulate.
	rs, _, _ := ParseResponse("queryItemRatedListV2", readFixture(t, "list-page1.jsonp"))
	s3 := NewSet()
	s3.Add(rs[:2]...)
	s3.Add(rs...)
	if s3.Len() != 4 {
		t.Errorf("accumulate: %d", s3.Len())
	}
}

func TestSetCaps(t *testing.T) {
	s := NewSet()
	var rs []Review
	for i := 0; i < MaxReviews+25; i++ {
		rs = append(rs, Review{ID: "r" + itoa(i), Content: "x", Stars: 5})
	}
	s.Add(rs...)
	if s.Len() != MaxReviews || s.Dropped() != 25 {
		t.Fatalf("len %d dropped %d", s.Len(), s.Dropped())
	}
	rep := Analyze(s, nil, time.Time{})
	if rep.Total != MaxReviews || !strings.Contains(strings.Join(rep.Notes, " "), "ignored") {
		t.Errorf("notes %v", rep.Notes)
	}
	// Field caps and clamps.
	s = NewSet()
	s.Add(Review{ID: strings.Repeat("i", 500), Content: strings.Repeat("好评", 5000), Nick: strings.Repeat("n", 500),
		Stars: 9, Quantity: -3, Images: 1 << 20, Published: time.Date(1970, 1, 2, 0, 0, 0, 0, time.UTC)})
	r := s.Reviews()[0]
	if len([]rune(r.Content)) != MaxContentRunes || len(r.ID) > MaxFieldRunes || len(r.Nick) > MaxFieldRunes ||
		r.Stars != 5 || r.Quantity != 0 || r.Images != MaxImages || !r.Published.IsZero() {
		t.Errorf("caps: stars %d qty %d images %d published %v", r.Stars, r.Quantity, r.Images, r.Published)
	}
	// Invalid UTF-8 is repaired.
	s.Add(Review{ID: "bad", Content: "好\xff\xfe评"})
	if c := s.Reviews()[1].Content; !strings.Contains(c, "\uFFFD") {
		t.Errorf("invalid utf-8 kept: %q", c)
	}
	// Nothing to analyse: skipped.
	if n := s.Add(Review{}); n != 0 {
		t.Error("empty review added")
	}
}

// TestAnalyzeMemo: an unchanged set with the same options gets the report
// made before; any Add, AddSummary or other options make a new one; a clone
// is independent.
func TestAnalyzeMemo(t *testing.T) {
	g := Generate(BenchConfig(300, 3))
	s := NewSet()
	s.Add(g.Reviews[:200]...)
	o := Options{Now: g.Now}
	first := AnalyzeWith(s, o)
	again := AnalyzeWith(s, o)
	if len(first.Reviews) == 0 || &first.Reviews[0] != &again.Reviews[0] {
		t.Fatal("an unchanged set was analysed again")
	}
	sales := Sales{Count: 10, WindowDays: 30}
	if withSales := AnalyzeWith(s, Options{Now: g.Now, Sales: &sales}); &withSales.Reviews[0] == &first.Reviews[0] {
		t.Error("other sales reused the report")
	}
	if later := AnalyzeWith(s, Options{Now: g.Now.Add(24 * time.Hour)}); &later.Reviews[0] == &first.Reviews[0] {
		t.Error("another time reused the report")
	}
	c := s.Clone()
	c.Add(g.Reviews[200:]...)
	if got := AnalyzeWith(c, o); got.Total != len(g.Reviews) {
		t.Errorf("clone after Add: total %d", got.Total)
	}
	if got := AnalyzeWith(s, o); got.Total != 200 {
		t.Errorf("the clone's Add changed the original: total %d", got.Total)
	}
	s.Add(g.Reviews[200:210]...)
	if got := AnalyzeWith(s, o); got.Total != 210 {
		t.Errorf("after Add: total %d", got.Total)
	}
	total := 5000
	s.AddSummary(&Summary{Total: &total})
	if got := AnalyzeWith(s, o); got.Declared == nil || *got.Declared != 5000 {
		t.Errorf("after AddSummary: declared %v", got.Declared)
	}
}
