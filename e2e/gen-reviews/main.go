// Command gen-reviews prints a generated review set (internal/reviews
// Generate) as the page would receive it, for the e2e review fixtures:
//
//	go run ./e2e/gen-reviews <scenario> [pageSize]
//
// Output (JSON on stdout): {"scenario", "captures": [{"url", "body"}] (the
// queryDsrRateDataV2 summary, then queryItemRatedListV2 pages of pageSize
// rows, newest first, as mtop JSONP: reviewgen.EncodeCaptures), "planted": [ids
// of the planted clusters, bursts and repeat reviews], "truth": {clusters,
// bursts, repeats: [[ids]]}}. Deterministic: the
// generator has its own seeded random numbers and no wall clock.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"

	"github.com/trustlens/trustlens/internal/reviews/reviewgen"
)

type capture struct {
	URL  string `json:"url"`
	Body string `json:"body"`
}

func main() {
	if len(os.Args) < 2 || len(os.Args) > 3 {
		fmt.Fprintln(os.Stderr, "usage: gen-reviews <scenario> [pageSize]")
		os.Exit(2)
	}
	pageSize := 10
	if len(os.Args) == 3 {
		n, err := strconv.Atoi(os.Args[2])
		if err != nil || n < 1 || n > 500 {
			fmt.Fprintln(os.Stderr, "gen-reviews: pageSize must be 1-500")
			os.Exit(2)
		}
		pageSize = n
	}
	var names []string
	for _, c := range reviewgen.Scenarios() {
		names = append(names, c.Name)
		if c.Name != os.Args[1] {
			continue
		}
		g := reviewgen.Generate(c)
		out := struct {
			Scenario string          `json:"scenario"`
			Captures []capture       `json:"captures"`
			Planted  []string        `json:"planted"`
			Truth    reviewgen.Truth `json:"truth"`
		}{Scenario: c.Name, Captures: []capture{}, Planted: []string{}, Truth: g.Truth}
		for _, k := range reviewgen.EncodeCaptures(g, pageSize) {
			out.Captures = append(out.Captures, capture{URL: k.URL, Body: k.Body})
		}
		for _, groups := range [][][]string{g.Truth.Clusters, g.Truth.Bursts, g.Truth.Repeats} {
			for id := range reviewgen.IDs(groups) {
				out.Planted = append(out.Planted, id)
			}
		}
		sort.Strings(out.Planted)
		if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
			fmt.Fprintln(os.Stderr, "gen-reviews:", err)
			os.Exit(1)
		}
		return
	}
	fmt.Fprintf(os.Stderr, "gen-reviews: unknown scenario %q (known: %v)\n", os.Args[1], names)
	os.Exit(2)
}
