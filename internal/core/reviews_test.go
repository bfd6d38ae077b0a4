package core

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/trustlens/trustlens/internal/reviews/reviewgen"
)

// reviewSnapshot is the real G2 page 833454967766 plus the review responses
// of a generated (composed) review set, as the page would receive them.
func reviewSnapshot(t *testing.T, scenario string) []byte {
	t.Helper()
	model, err := os.ReadFile("../page/testdata/real/offer-833454967766.init-data.json")
	if err != nil {
		t.Fatal(err)
	}
	var g reviewgen.Generated
	for _, c := range reviewgen.Scenarios() {
		if c.Name == scenario {
			g = reviewgen.Generate(c)
		}
	}
	var resp []map[string]string
	for _, c := range reviewgen.EncodeCaptures(g, 10) {
		resp = append(resp, map[string]string{"url": c.URL, "body": c.Body})
	}
	b, err := json.Marshal(map[string]any{
		"url":       "https://detail.1688.com/offer/833454967766.html",
		"scripts":   []string{"window.__INIT_DATA=" + string(model) + ";"},
		"responses": resp,
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReviewsInVerdict(t *testing.T) {
	v := decode(t, AnalyzeJSON(reviewSnapshot(t, "clusters")))
	r := v.Reviews
	if r == nil || r.Total < 400 || r.Suspicious == 0 || len(r.Flags) == 0 || r.Headline.EN == "" || r.Headline.ZH == "" {
		t.Fatalf("reviews block: %+v", r)
	}
	if r.AdjustedRating == nil || r.RawRating == nil {
		t.Fatalf("ratings missing: %+v", r)
	}
	f := r.Flags[0]
	if f.Snippet == "" || len(f.Reasons) == 0 || f.Reasons[0].EN == "" {
		t.Fatalf("flag lacks what the page needs: %+v", f)
	}
	if _, err := time.Parse(time.DateOnly, f.Date); err != nil {
		t.Fatalf("flag date %q", f.Date)
	}
	found := false
	for _, fd := range v.Findings {
		found = found || fd.ID == "review-near-duplicate"
	}
	if !found {
		t.Fatal("review-near-duplicate not in the findings")
	}

	clean := decode(t, AnalyzeJSON(reviewSnapshot(t, "clean")))
	if clean.Reviews == nil || clean.Reviews.Suspicious != 0 {
		t.Fatalf("clean set flagged: %+v", clean.Reviews)
	}
	for _, fd := range clean.Findings {
		if len(fd.ID) > 6 && fd.ID[:6] == "review" {
			t.Fatalf("clean set fired %s: %s", fd.ID, fd.Evidence)
		}
	}

	if none := decode(t, AnalyzeJSON(snapshotJSON(t, nil))); none.Reviews != nil {
		t.Fatalf("reviews block without reviews: %+v", none.Reviews)
	}
}
