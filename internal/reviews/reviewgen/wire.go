package reviewgen

import (
	"encoding/json"
	"time"

	"github.com/trustlens/trustlens/internal/dates"
	"github.com/trustlens/trustlens/internal/reviews"
)

// WireReview is a review in the bench data's JSON form (bench/gen writes it,
// bench/native, bench/wasm and the JavaScript baseline read it): published
// as epoch milliseconds (0 unknown), as the page itself carries it. It lives
// here, not in package reviews, so that the core does not link encoding/json.
type WireReview reviews.Review

// wireReview is WireReview's JSON fields.
type wireReview struct {
	ID        string `json:"id,omitempty"`
	Content   string `json:"content"`
	Stars     int    `json:"stars"`
	Spec      string `json:"spec,omitempty"`
	Quantity  int    `json:"quantity,omitempty"`
	Nick      string `json:"nick,omitempty"`
	Published int64  `json:"published,omitempty"`
	Images    int    `json:"images,omitempty"`
	Source    string `json:"source,omitempty"`
	System    bool   `json:"system,omitempty"`
}

// MarshalJSON writes Published as epoch milliseconds.
func (r WireReview) MarshalJSON() ([]byte, error) {
	j := wireReview{ID: r.ID, Content: r.Content, Stars: r.Stars, Spec: r.Spec, Quantity: r.Quantity,
		Nick: r.Nick, Images: r.Images, Source: r.Source, System: r.System}
	if !r.Published.IsZero() {
		j.Published = r.Published.UnixMilli()
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (r *WireReview) UnmarshalJSON(b []byte) error {
	var j wireReview
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = WireReview{ID: j.ID, Content: j.Content, Stars: j.Stars, Spec: j.Spec, Quantity: j.Quantity,
		Nick: j.Nick, Images: j.Images, Source: j.Source, System: j.System}
	if j.Published > 0 {
		r.Published = time.UnixMilli(j.Published).In(dates.China)
	}
	return nil
}

// Wire converts reviews to their JSON form.
func Wire(rs []reviews.Review) []WireReview {
	out := make([]WireReview, len(rs))
	for i, r := range rs {
		out[i] = WireReview(r)
	}
	return out
}

// Unwire converts reviews read in their JSON form back.
func Unwire(ws []WireReview) []reviews.Review {
	out := make([]reviews.Review, len(ws))
	for i, w := range ws {
		out[i] = reviews.Review(w)
	}
	return out
}
