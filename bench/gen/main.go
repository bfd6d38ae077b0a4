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
)

type out struct {
	Name     string           `json:"name"`
	Seed     uint64           `json:"seed"`
	Now      int64            `json:"now"`
	Reviews  []reviews.Review `json:"reviews"`
	DupTexts []string         `json:"dupTexts"`
	Nicks    []string         `json:"nicks"` // "" = anonymous
	Truth    reviews.Truth    `json:"truth"`
}

func main() {
	dir := flag.String("out", "bench/data", "output directory")
	sizes := flag.String("sizes", "100,1000,5000", "set sizes")
	seed := flag.Uint64("seed", 7, "generator seed")
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
		g := reviews.Generate(reviews.BenchConfig(n, *seed))
		o := out{Name: g.Config.Name, Seed: *seed, Now: g.Now.UnixMilli(), Reviews: g.Reviews, Truth: g.Truth}
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
			len(reviews.IDs(g.Truth.Clusters)), len(reviews.IDs(g.Truth.Bursts)))
	}
}
