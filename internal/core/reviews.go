package core

import (
	"time"

	"github.com/trustlens/trustlens/internal/dates"
	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/reviews"
)

// maxReviewFlags bounds the per-review flags sent to the content script.
const maxReviewFlags = 1000

// snippetRunes is how much of a review's text identifies it in the page.
const snippetRunes = 40

// ReviewsOut is the verdict's review block: the panel's "N of M reviews look
// suspicious" and the rating without them, and one flag per suspicious review
// for the content script to place on the page's own review list.
type ReviewsOut struct {
	Total          int           `json:"total"`
	Declared       *int          `json:"declared"`
	Suspicious     int           `json:"suspicious"`
	TooFew         bool          `json:"tooFew"`
	Basis          int           `json:"basis"`
	Defaults       int           `json:"defaults"`
	Automatic      int           `json:"automatic"`     // the platform's automatic default reviews, left out of everything above
	PageAutomatic  *int          `json:"pageAutomatic"` // the page's own count of them (systemRemarkCnt)
	RawRating      *float64      `json:"rawRating"`
	RatedRaw       int           `json:"ratedRaw"`
	AdjustedRating *float64      `json:"adjustedRating"`
	RatedAdjusted  int           `json:"ratedAdjusted"`
	PageRating     *float64      `json:"pageRating"`
	Headline       reviews.Text  `json:"headline"`
	Notes          []string      `json:"notes"`
	Flags          []ReviewFlag  `json:"flags"`
	Groups         []ReviewGroup `json:"groups"`
}

// ReviewFlag identifies one flagged review (by id when the page gave one,
// else by buyer, date and the start of its text) and says why.
type ReviewFlag struct {
	ID         string         `json:"id,omitempty"`
	Nick       string         `json:"nick,omitempty"`
	Date       string         `json:"date,omitempty"` // YYYY-MM-DD, China time
	Snippet    string         `json:"snippet"`
	Suspicious bool           `json:"suspicious"`
	Detectors  []string       `json:"detectors"`
	Reasons    []reviews.Text `json:"reasons"`
}

// ReviewGroup is one cluster, burst or repeat buyer, for the panel.
type ReviewGroup struct {
	Detector string `json:"detector"`
	Label    string `json:"label"`
	Detail   string `json:"detail"`
	Size     int    `json:"size"`
}

func reviewsOut(m *page.Model, rep *reviews.Report) *ReviewsOut {
	if rep == nil || m.Reviews == nil {
		return nil
	}
	all := m.Reviews.Reviews()
	out := &ReviewsOut{
		Total: rep.Total, Declared: rep.Declared, Suspicious: rep.Suspicious, TooFew: rep.TooFew,
		Basis: rep.Basis, Defaults: rep.Defaults, Automatic: rep.Automatic, PageAutomatic: rep.PageAutomatic,
		RawRating: rep.RawRating, RatedRaw: rep.RatedRaw, AdjustedRating: rep.AdjustedRating,
		RatedAdjusted: rep.RatedAdjusted, PageRating: rep.PageRating,
		Headline: rep.Headline, Notes: rep.Notes, Flags: []ReviewFlag{}, Groups: []ReviewGroup{},
	}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	for _, v := range rep.Reviews {
		if len(out.Flags) >= maxReviewFlags {
			break
		}
		if v.Index < 0 || v.Index >= len(all) || len(v.Detectors) == 0 {
			continue
		}
		r := all[v.Index]
		f := ReviewFlag{ID: r.ID, Nick: r.Nick, Snippet: firstRunes(r.Content, snippetRunes),
			Suspicious: v.Suspicious, Detectors: v.Detectors, Reasons: v.Reasons}
		if !r.Published.IsZero() {
			f.Date = r.Published.In(dates.China).Format(time.DateOnly)
		}
		out.Flags = append(out.Flags, f)
	}
	for _, f := range rep.Findings {
		for _, g := range f.Groups {
			out.Groups = append(out.Groups, ReviewGroup{Detector: f.ID, Label: g.Label, Detail: g.Detail, Size: len(g.Reviews)})
		}
	}
	return out
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
