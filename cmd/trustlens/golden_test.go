package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/trustlens/trustlens/internal/core"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/ with the verdicts of today's code")

// goldenDirs hold the pages whose verdicts are pinned: saved pages, HARs,
// MHTML files and snapshots, real captures and composed pages alike.
var goldenDirs = []string{"../../testdata/samples", "../../internal/page/testdata/har"}

const goldenDir = "../../testdata/golden"

// goldenNow is the day the pinned verdicts are judged at, so that ages
// computed from founding dates do not drift with the calendar.
var goldenNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

var goldenExts = map[string]bool{".html": true, ".htm": true, ".har": true, ".mhtml": true, ".mht": true, ".json": true}

// TestGolden runs the CLI's reading and judging on every page of goldenDirs
// and compares the verdict JSON with testdata/golden/<dir>_<file>.json, so a
// change of any verdict shows in review. `go test ./cmd/trustlens -run
// TestGolden -args -update` rewrites the files.
func TestGolden(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range goldenPages(t) {
		seen[p.golden] = true
		t.Run(filepath.Base(p.path), func(t *testing.T) {
			v, err := goldenVerdict(p.path)
			if err != nil {
				t.Fatalf("no verdict: %v", err)
			}
			if v.Facts != nil {
				v.Facts.SeenAt = "" // the clock of the call
			}
			var got bytes.Buffer
			if err := writeJSON(&got, v); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(goldenDir, p.golden)
			if *update {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no golden verdict (run with -args -update and review it): %v", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("verdict changed; if intended, run `go test ./cmd/trustlens -run TestGolden -args -update` and commit the diff:\n%s", firstDiff(string(want), got.String()))
			}
		})
	}
	// A golden file whose page is gone is stale.
	files, _ := os.ReadDir(goldenDir)
	for _, f := range files {
		if !seen[f.Name()] {
			if *update {
				os.Remove(filepath.Join(goldenDir, f.Name()))
				continue
			}
			t.Errorf("%s has no page any more (run with -args -update)", f.Name())
		}
	}
}

// firstDiff shows the first differing line of two texts with its neighbours.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return "(only trailing differences)"
}

// goldenPage is one page of goldenDirs and the name of its golden file.
type goldenPage struct{ path, golden string }

// goldenPages lists the pages of goldenDirs the goldens cover.
func goldenPages(t *testing.T) []goldenPage {
	t.Helper()
	var out []goldenPage
	for _, dir := range goldenDirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() || !goldenExts[strings.ToLower(filepath.Ext(e.Name()))] {
				continue
			}
			out = append(out, goldenPage{path: filepath.Join(dir, e.Name()), golden: filepath.Base(dir) + "_" + e.Name() + ".verdict.json"})
		}
	}
	return out
}

// goldenVerdict judges a page as the goldens do: at goldenNow.
func goldenVerdict(path string) (core.Verdict, error) {
	o := options{file: path}
	o.buyer.Now = goldenNow
	return verdictOf(o)
}
