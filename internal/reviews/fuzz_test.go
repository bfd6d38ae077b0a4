package reviews_test

import (
	"encoding/json"
	. "github.com/trustlens/trustlens/internal/reviews"
	. "github.com/trustlens/trustlens/internal/reviews/reviewgen"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParseResponse: no input may panic, and whatever is parsed respects the
// caps and survives the Set and Analyze.
func FuzzParseResponse(f *testing.F) {
	for _, name := range []string{"list-page1.jsonp", "list-model-array.json", "dsr.jsonp", "dsr-927875250705.doc-excerpt.json",
		"rates-old.jsonp", "fail-token.jsonp", "fail-captcha.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add("queryItemRatedListV2", string(b))
		f.Add("", string(b))
	}
	// Two composed pages of a generated set.
	caps := EncodeCaptures(Generate(Scenarios()[0]), 10)
	for _, c := range caps[:2] {
		f.Add(c.URL, c.Body)
	}
	f.Add("rates.json", `cb({"data":{"rates":[{"rateItem":[{"starLevel":"5","remarkContent":null,"remarkTime":1778119608000}]}]}})`)
	f.Add("querydsrratedatav2", `{"data":{"model":{"goodRates":"NaN%","goodsGrade":1e400,"commonTagNodeList":[{"name":"全部","count":-1}]}}}`)
	f.Add("", `mtopjsonp1({"ret":["SUCCESS"],"data":{"model":[{"gmtPublished":"Thu May 07 10:06:48 CST 2026","starLevel":1e308,"quantity":1e300}]}})`)
	f.Fuzz(func(t *testing.T, url, body string) {
		rs, sum, ok := ParseResponse(url, body)
		if !ok && (rs != nil || sum != nil) {
			t.Fatal("data returned with ok=false")
		}
		if len(rs) > MaxPerResponse {
			t.Fatalf("%d reviews", len(rs))
		}
		if sum != nil {
			if sum.GoodRate != nil && (*sum.GoodRate < 0 || *sum.GoodRate > 100) {
				t.Fatalf("good rate %v", *sum.GoodRate)
			}
			if sum.Total != nil && *sum.Total < 0 {
				t.Fatalf("total %v", *sum.Total)
			}
		}
		s := NewSet()
		s.Add(rs...)
		s.AddSummary(sum)
		for _, r := range s.Reviews() {
			if r.Stars < 0 || r.Stars > 5 || r.Quantity < 0 || utf8.RuneCountInString(r.Content) > MaxContentRunes || !utf8.ValidString(r.Content) {
				t.Fatalf("review outside caps: %+v", r)
			}
		}
		rep := Analyze(s, ptr(3), time.Date(2026, 11, 24, 0, 0, 0, 0, CST))
		if _, err := json.Marshal(rep); err != nil {
			t.Fatal(err)
		}
		if rep.Suspicious > rep.Total || strings.Contains(rep.Headline.EN, "%!") {
			t.Fatalf("report %+v", rep.Headline)
		}
	})
}
