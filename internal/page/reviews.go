package page

import (
	"strings"

	"github.com/tidwall/gjson"
	"github.com/trustlens/trustlens/internal/reviews"
)

// pathRetCode is the first status of an mtop response: "SUCCESS::调用成功".
const pathRetCode = "ret.0"

// reviewFailure says why a review response yielded nothing: the mtop
// failure code when there is one (FAIL_SYS_USER_VALIDATE when the page met a
// captcha), else that it was not readable.
func reviewFailure(body string) (why string, failed bool) {
	js, ok := unwrapJSONP(body)
	if !ok {
		return "not readable", false
	}
	root, bad := cutJSON(js, false)
	if bad != "" {
		return "not readable: " + bad, false
	}
	code, _, _ := strings.Cut(root.Get(pathRetCode).Str, "::")
	if code == "" || strings.HasPrefix(code, "SUCCESS") {
		return "not readable", false
	}
	return "failed: " + truncateUTF8(code, 80), true
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

// ReviewsSoFar is what an analysis session has read of its reviews: the set
// built from the first Read responses and what those could not give. The
// buyer's review pages arrive one response at a time; keeping this between
// calls makes each new page cost its own parse and one run of the
// detectors, not a re-read of every page before it.
type ReviewsSoFar struct {
	Set   *reviews.Set // nil until a review response was read
	Read  int          // responses of the snapshot already read
	Notes []string     // what those responses could not give
	// Problems sorts those notes (ProblemResponseFailed, ProblemNotReadable).
	Problems Problem
}

// readReviews collects the page's reviews, or nil when it carried none.
// With s.Prior it reads only the responses after s.Prior.Read and extends
// s.Prior; rendered review items (the DOM fallback) then go into a copy, as
// they are re-sent whole with each call.
func readReviews(s Snapshot, notes *[]string, problems *Problem) *reviews.Set {
	p := s.Prior
	if p == nil || p.Read > len(s.Responses) {
		p = &ReviewsSoFar{}
	}
	for _, r := range s.Responses[p.Read:] {
		if !isReviewURL(r.URL) {
			continue
		}
		// Each response is read once: a session keeps what earlier calls read.
		rs, sum, ok := reviews.ParseResponse(r.URL, r.Body)
		if !ok {
			why, failed := reviewFailure(r.Body)
			p.Notes = append(p.Notes, "reviews response "+why)
			if failed {
				p.Problems |= ProblemResponseFailed
			} else {
				p.Problems |= ProblemNotReadable
			}
			continue
		}
		if p.Set == nil {
			p.Set = reviews.NewSet()
		}
		p.Set.AddSummary(sum)
		p.Set.Add(rs...)
	}
	p.Read = len(s.Responses)
	*notes = append(*notes, p.Notes...)
	*problems |= p.Problems
	set := p.Set
	if raw := s.DOM[domReviews]; raw != "" {
		if items, err := readDOMReviews(raw); err != "" {
			*notes = append(*notes, "rendered reviews could not be read: "+err)
		} else {
			if set == nil {
				set = reviews.NewSet()
			} else if s.Prior != nil {
				set = set.Clone()
			}
			set.AddDOM(items)
		}
	}
	if set != nil && set.Len() == 0 && set.Summary() == nil {
		return nil
	}
	return set
}

// readDOMReviews reads the rendered review items the extension sends (a JSON
// array of objects with the reviews.DOMReview fields); err says what is
// wrong when the text is not such an array.
func readDOMReviews(raw string) (items []reviews.DOMReview, err string) {
	if !gjson.Valid(raw) {
		return nil, "not valid JSON"
	}
	all := gjson.Parse(raw)
	if all.Type == gjson.Null {
		return nil, ""
	}
	if !all.IsArray() {
		return nil, "not a list"
	}
	all.ForEach(func(_, it gjson.Result) bool {
		var d reviews.DOMReview
		if it.Type != gjson.Null && !it.IsObject() {
			err = "an item is not an object"
			return false
		}
		it.ForEach(func(k, v gjson.Result) bool {
			var to *string
			switch k.Str {
			case "id":
				to = &d.ID
			case "text":
				to = &d.Text
			case "stars":
				to = &d.Stars
			case "date":
				to = &d.Date
			case "nick":
				to = &d.Nick
			case "spec":
				to = &d.Spec
			case "quantity":
				to = &d.Quantity
			case "images":
				if v.Type == gjson.Number && v.Num == float64(int(v.Num)) {
					d.Images = int(v.Num)
				} else if v.Type != gjson.Null {
					err = "images is not a whole number"
				}
				return err == ""
			default:
				return true
			}
			if v.Type == gjson.String {
				*to = v.Str
			} else if v.Type != gjson.Null {
				err = k.Str + " is not a string"
			}
			return err == ""
		})
		items = append(items, d)
		return err == ""
	})
	if err != "" {
		return nil, err
	}
	return items, ""
}
