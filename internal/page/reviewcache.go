package page

import (
	"hash/maphash"
	"sync"

	"github.com/trustlens/trustlens/internal/reviews"
)

// The extension re-sends every review response it captured each time the
// buyer opens another page of reviews, and the wasm instance lives as long
// as the service worker. Parsing each response once and keeping the result
// makes a re-analysis parse only the new page (issue 4: 1,000 reviews in
// 15 ms inside the wasm). Keys are a hash of address and body; entries are
// small (parsed reviews), and the cache is emptied whole when full.
const maxCachedResponses = 1024

type parsedResponse struct {
	reviews []reviews.Review
	summary *reviews.Summary
	ok      bool
}

var reviewCache = struct {
	sync.Mutex
	seed maphash.Seed
	m    map[uint64]parsedResponse
}{seed: maphash.MakeSeed(), m: map[uint64]parsedResponse{}}

// parseReviewResponse is reviews.ParseResponse with the cache above.
func parseReviewResponse(url, body string) ([]reviews.Review, *reviews.Summary, bool) {
	var h maphash.Hash
	h.SetSeed(reviewCache.seed)
	h.WriteString(url)
	h.WriteByte(0)
	h.WriteString(body)
	key := h.Sum64() ^ uint64(len(body))
	reviewCache.Lock()
	p, hit := reviewCache.m[key]
	reviewCache.Unlock()
	if hit {
		return p.reviews, p.summary, p.ok
	}
	rs, sum, ok := reviews.ParseResponse(url, body)
	reviewCache.Lock()
	if len(reviewCache.m) >= maxCachedResponses {
		clear(reviewCache.m)
	}
	reviewCache.m[key] = parsedResponse{rs, sum, ok}
	reviewCache.Unlock()
	return rs, sum, ok
}
