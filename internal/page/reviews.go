package page

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/trustlens/trustlens/internal/reviews"
)

// pathRetCode is the first status of an mtop response: "SUCCESS::调用成功".
const pathRetCode = "ret.0"

// reviewFailure says why a review response yielded nothing: the mtop
// failure code when there is one (FAIL_SYS_USER_VALIDATE when the page met a
// captcha), else that it was not readable.
func reviewFailure(body string) string {
	js, ok := unwrapJSONP(body)
	if !ok {
		return "not readable"
	}
	root, why := cutJSON(js, false)
	if why != "" {
		return "not readable: " + why
	}
	code, _, _ := strings.Cut(root.Get(pathRetCode).Str, "::")
	if code == "" || strings.HasPrefix(code, "SUCCESS") {
		return "not readable"
	}
	return "failed: " + truncateUTF8(code, 80)
}

// domReviews is the DOM fragment with the rendered review items, a JSON
// array of reviews.DOMReview written by the content script: the fallback
// when no review response was captured.
const domReviews = "reviews"

// reviewAPIs are substrings of the addresses that carry reviews: the mtop
// rate service (queryDsrRateDataV2, queryItemRatedListV2) and the old
// rate.1688.com rates.json. Other responses are not parsed for reviews.
var reviewAPIs = []string{"rateservice", "queryitemratedlist", "querydsrratedata", "rates.json", "rate.1688.com"}

func isReviewURL(u string) bool {
	l := strings.ToLower(u)
	for _, a := range reviewAPIs {
		if strings.Contains(l, a) {
			return true
		}
	}
	return false
}

// readReviews collects the page's reviews, or nil when it carried none.
func readReviews(s Snapshot, notes *[]string) *reviews.Set {
	var set *reviews.Set
	get := func() *reviews.Set {
		if set == nil {
			set = reviews.NewSet()
		}
		return set
	}
	for _, r := range s.Responses {
		if !isReviewURL(r.URL) {
			continue
		}
		rs, sum, ok := parseReviewResponse(r.URL, r.Body)
		if !ok {
			*notes = append(*notes, "reviews response "+reviewFailure(r.Body))
			continue
		}
		get().AddSummary(sum)
		get().Add(rs...)
	}
	if raw := s.DOM[domReviews]; raw != "" {
		var items []reviews.DOMReview
		if err := json.Unmarshal([]byte(raw), &items); err != nil {
			*notes = append(*notes, fmt.Sprintf("rendered reviews could not be read: %v", err))
		} else {
			get().AddDOM(items)
		}
	}
	if set != nil && set.Len() == 0 && set.Summary() == nil {
		return nil
	}
	return set
}
