// Command snapshots writes the extension's input (the snapshot JSON that
// background.js sends to core.wasm) for each page in the repository built
// from a real capture, so bench/core-compare.mjs can feed the same bytes to
// two builds of the core. HAR and HTML files are read as the CLI reads them
// (page.FromHAR, page.FromHTML).
//
// Usage: go run ./bench/snapshots -out bench/out/snapshots
package main

import (
	"encoding/json"
	"flag"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/trustlens/trustlens/internal/page"
)

// realPages are the pages built from real captures (see
// testdata/samples and internal/page/testdata/real/SOURCES.md), each with
// the page URL a buyer would be on. Composed pages are left out.
var realPages = []struct{ name, file, url string }{
	{"g2-597090034012", "testdata/samples/offer-597090034012.har", ""},
	{"g2-833454967766", "testdata/samples/offer-833454967766.html", "https://detail.1688.com/offer/833454967766.html"},
	{"g3-943009939489", "testdata/samples/offer-943009939489-g3.html", "https://detail.1688.com/offer/943009939489.html"},
	{"mobile-813724060928", "internal/page/testdata/har/mobile-813724060928.har", ""},
	{"store-406915100661872", "testdata/samples/store-home-406915100661872.har", ""},
	{"store-credit-1634230375", "testdata/samples/store-credit-1634230375.html", "https://shop1634230375.1688.com/page/creditdetail.htm"},
}

func main() {
	out := flag.String("out", "bench/out/snapshots", "directory for <name>.json")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	for _, p := range realPages {
		data, err := os.ReadFile(p.file)
		if err != nil {
			log.Fatal(err)
		}
		var s page.Snapshot
		if strings.HasSuffix(p.file, ".har") {
			s, err = page.FromHAR(data, p.url)
			if err != nil {
				log.Fatalf("%s: %v", p.file, err)
			}
		} else {
			s = page.FromHTML(p.url, data)
		}
		b, err := json.Marshal(s)
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*out, p.name+".json"), b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
