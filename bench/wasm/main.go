//go:build js && wasm

// Command wasm is the benchmark harness: a GOOS=js build exposing the review
// analysis to JavaScript, so bench/run-wasm.mjs (Node) and
// bench/run-chromium.mjs (Chromium) time it inside WebAssembly.
//
//	reviewsBenchLoad(setJSON) -> handle       decode a bench/gen set once
//	reviewsBenchRun(handle) -> resultJSON     NewSet + Add + Analyze, timed in Go
//	reviewsBenchCaptures(handle) -> JSON      the set as composed mtop responses
//	reviewsBenchPage(handle) -> reportJSON    one more page: AddResponse on a
//	                                          set holding the others, Analyze,
//	                                          report JSON (per-page cost)
//	reviewsAnalyzeResponses(urls, bodies, nowMs) -> reportJSON
//	                                          every response from scratch
package main

import (
	"encoding/json"
	"syscall/js"
	"time"

	"github.com/trustlens/trustlens/internal/reviews"
	"github.com/trustlens/trustlens/internal/reviews/reviewgen"
)

type benchSet struct {
	Name    string                 `json:"name"`
	Now     int64                  `json:"now"`
	Wire    []reviewgen.WireReview `json:"reviews"`
	Reviews []reviews.Review       `json:"-"` // Wire, converted
}

var sets []benchSet

// pageState is a set holding all pages but the last, for reviewsBenchPage.
type pageState struct {
	set  *reviews.Set
	last reviewgen.Capture
	now  time.Time
}

var (
	captures = map[int][]reviewgen.Capture{}
	pages    = map[int]*pageState{}
)

func capturesOf(h int) []reviewgen.Capture {
	if c, ok := captures[h]; ok {
		return c
	}
	c := reviewgen.EncodeCaptures(reviewgen.Generated{Reviews: sets[h].Reviews}, 10)
	captures[h] = c
	return c
}

type result struct {
	Ms         float64  `json:"ms"`
	Suspicious int      `json:"suspicious"`
	Total      int      `json:"total"`
	Near       []string `json:"near"`  // IDs flagged by review-near-duplicate
	Burst      []string `json:"burst"` // IDs flagged by review-burst
}

func load(_ js.Value, args []js.Value) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = -1
		}
	}()
	var s benchSet
	if err := json.Unmarshal([]byte(args[0].String()), &s); err != nil {
		return -1
	}
	s.Reviews = reviewgen.Unwire(s.Wire)
	sets = append(sets, s)
	return len(sets) - 1
}

func run(_ js.Value, args []js.Value) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = `{"error":"panic"}`
		}
	}()
	s := sets[args[0].Int()]
	t0 := time.Now()
	set := reviews.NewSet()
	set.Add(s.Reviews...)
	rep := reviews.AnalyzeWith(set, reviews.Options{Now: time.UnixMilli(s.Now)})
	ms := float64(time.Since(t0).Microseconds()) / 1000
	res := result{Ms: ms, Suspicious: rep.Suspicious, Total: rep.Total, Near: []string{}, Burst: []string{}}
	for _, f := range rep.Findings {
		for _, fl := range f.Reviews {
			switch f.ID {
			case reviews.DetectorNearDuplicate:
				res.Near = append(res.Near, fl.ID)
			case reviews.DetectorBurst:
				res.Burst = append(res.Burst, fl.ID)
			}
		}
	}
	b, _ := json.Marshal(res)
	return string(b)
}

func capturesJSON(_ js.Value, args []js.Value) any {
	type cap struct {
		URL  string `json:"url"`
		Body string `json:"body"`
	}
	var out []cap
	for _, c := range capturesOf(args[0].Int()) {
		out = append(out, cap{c.URL, c.Body})
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// page: the cost of one more review page arriving on a set that already
// holds the others (the extension re-evaluates on each page).
func page(_ js.Value, args []js.Value) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = `{"error":"panic"}`
		}
	}()
	h := args[0].Int()
	st := pages[h]
	if st == nil {
		c := capturesOf(h)
		st = &pageState{set: reviews.NewSet(), last: c[len(c)-1], now: time.UnixMilli(sets[h].Now)}
		for _, x := range c[:len(c)-1] {
			st.set.AddResponse(x.URL, x.Body)
		}
		pages[h] = st
	}
	st.set.AddResponse(st.last.URL, st.last.Body)
	rep := reviews.AnalyzeWith(st.set, reviews.Options{Now: st.now})
	b, _ := json.Marshal(rep)
	return string(b)
}

// analyzeResponses is the stateless boundary: every captured response
// (JavaScript arrays of URLs and bodies) in, the report JSON out.
func analyzeResponses(_ js.Value, args []js.Value) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = `{"error":"panic"}`
		}
	}()
	urls, bodies := args[0], args[1]
	set := reviews.NewSet()
	for i, n := 0, bodies.Length(); i < n; i++ {
		set.AddResponse(urls.Index(i).String(), bodies.Index(i).String())
	}
	rep := reviews.AnalyzeWith(set, reviews.Options{Now: time.UnixMilli(int64(args[2].Float()))})
	b, _ := json.Marshal(rep)
	return string(b)
}

func main() {
	js.Global().Set("reviewsBenchLoad", js.FuncOf(load))
	js.Global().Set("reviewsBenchRun", js.FuncOf(run))
	js.Global().Set("reviewsBenchCaptures", js.FuncOf(capturesJSON))
	js.Global().Set("reviewsBenchPage", js.FuncOf(page))
	js.Global().Set("reviewsAnalyzeResponses", js.FuncOf(analyzeResponses))
	select {}
}
