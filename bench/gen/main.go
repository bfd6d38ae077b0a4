// Command gen writes the benchmark's review sets (bench/data/mixed-N.json)
// from the deterministic generator in internal/reviews, so every
// implementation (Go native, Go wasm, naive Go, JavaScript) runs on the same
// reviews. Each file holds the reviews, the texts the near-duplicate search
// compares (normalised, "" when not compared), the nicks, and the planted
// ground truth.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/trustlens/trustlens/internal/reviews"
	"github.com/trustlens/trustlens/internal/reviews/reviewgen"
)

type out struct {
	Name     string                 `json:"name"`
	Seed     uint64                 `json:"seed"`
	Now      int64                  `json:"now"`
	Reviews  []reviewgen.WireReview `json:"reviews"`
	DupTexts []string               `json:"dupTexts"`
	Nicks    []string               `json:"nicks"` // "" = anonymous
	Truth    reviewgen.Truth        `json:"truth"`
}

func main() {
	dir := flag.String("out", "bench/data", "output directory")
	sizes := flag.String("sizes", "100,1000,5000", "set sizes")
	seed := flag.Uint64("seed", 7, "generator seed")
	model := flag.String("page-model", "internal/page/testdata/real/offer-833454967766.init-data.json",
		"the real offer page model the page-N.json files carry")
	flag.Parse()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			fmt.Fprintln(os.Stderr, "bad size:", s)
			os.Exit(2)
		}
		g := reviewgen.Generate(reviewgen.BenchConfig(n, *seed))
		o := out{Name: g.Config.Name, Seed: *seed, Now: g.Now.UnixMilli(), Reviews: reviewgen.Wire(g.Reviews), Truth: g.Truth}
		for _, r := range g.Reviews {
			o.DupTexts = append(o.DupTexts, reviews.NearDupText(r.Content))
			nick := r.Nick
			if reviews.IsAnonymousNick(nick) {
				nick = ""
			}
			o.Nicks = append(o.Nicks, nick)
		}
		b, err := json.Marshal(o)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		p := filepath.Join(*dir, fmt.Sprintf("mixed-%d.json", n))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%s: %d reviews, %d planted cluster reviews, %d planted burst reviews\n", p, len(g.Reviews),
			len(reviewgen.IDs(g.Truth.Clusters)), len(reviewgen.IDs(g.Truth.Bursts)))
		if err := writePage(*dir, *model, n, g); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// writePage writes page-N.json: the snapshot the extension sends for the
// real offer page once the buyer has paged through the set, 10 reviews a
// page ({url, scripts, responses}: the summary response, then the pages).
func writePage(dir, modelPath string, n int, g reviewgen.Generated) error {
	model, err := os.ReadFile(modelPath)
	if err != nil {
		return err
	}
	type resp struct {
		URL  string `json:"url"`
		Body string `json:"body"`
	}
	snap := struct {
		URL       string   `json:"url"`
		Scripts   []string `json:"scripts"`
		Responses []resp   `json:"responses"`
	}{URL: "https://detail.1688.com/offer/833454967766.html", Scripts: []string{"window.__INIT_DATA=" + string(model) + ";"}}
	for _, c := range reviewgen.EncodeCaptures(g, 10) {
		snap.Responses = append(snap.Responses, resp{c.URL, c.Body})
	}
	b, err := json.Marshal(snap)
	if err != nil {
		return err
	}
	p := filepath.Join(dir, fmt.Sprintf("page-%d.json", n))
	fmt.Printf("%s: the offer page with %d review responses, %d bytes\n", p, len(snap.Responses), len(b))
	return os.WriteFile(p, b, 0o644)
}
