package core

import (
	"os"
	"testing"

	"github.com/trustlens/trustlens/internal/reviews/reviewgen"
)

// reviewPage is the real G2 page 833454967766 with the responses it would
// receive while the buyer pages through n generated reviews: the summary
// (queryDsrRateDataV2), then one queryItemRatedListV2 response per 10.
type reviewPage struct {
	url       string
	scripts   []string
	responses []map[string]string
}

func newReviewPage(tb testing.TB, n int) reviewPage {
	tb.Helper()
	model, err := os.ReadFile("../page/testdata/real/offer-833454967766.init-data.json")
	if err != nil {
		tb.Fatal(err)
	}
	p := reviewPage{url: "https://detail.1688.com/offer/833454967766.html",
		scripts: []string{"window.__INIT_DATA=" + string(model) + ";"}}
	for _, c := range reviewgen.EncodeCaptures(reviewgen.Generate(reviewgen.BenchConfig(n, 1)), 10) {
		p.responses = append(p.responses, map[string]string{"url": c.URL, "body": c.Body})
	}
	return p
}

// benchSession measures the extension's call when the last review page of
// n arrives: a session that holds the earlier pages gets the new one.
func benchSession(b *testing.B, n int) {
	p := newReviewPage(b, n)
	all := len(p.responses)
	AnalyzeJSON(sessionCall(b, p, "bench", 0, all-1, nil))
	in := sessionCall(b, p, "bench", all-1, all, nil)
	restart := sessionCall(b, p, "bench", 0, all-1, nil)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		AnalyzeJSON(in)
		b.StopTimer()
		AnalyzeJSON(restart) // back to all-1 held
		b.StartTimer()
	}
}

// benchWhole is the same moment without a session: every response again.
func benchWhole(b *testing.B, n int) {
	p := newReviewPage(b, n)
	in := fullCall(b, p, len(p.responses))
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		AnalyzeJSON(in)
	}
}

func BenchmarkReviewPageSession1000(b *testing.B) { benchSession(b, 1000) }
func BenchmarkReviewPageSession5000(b *testing.B) { benchSession(b, 5000) }
func BenchmarkReviewPageWhole1000(b *testing.B)   { benchWhole(b, 1000) }
func BenchmarkReviewPageWhole5000(b *testing.B)   { benchWhole(b, 5000) }
