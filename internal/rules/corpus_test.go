package rules

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The labelled corpus (testdata/corpus/*.tsv) holds asks that text rules
// must fire on and honest texts (notices to buyers, platform boilerplate,
// product words, names) they must not. Every text rule runs on every line,
// alone on a page with nothing else; the product's own advice texts are
// added as honest lines. scripts/bench.sh prints the table (go test -run
// TestCorpus -v).

// corpusRules are the rules that read page text.
var corpusRules = []string{"payment-off-platform", "upfront-full-payment", "logistics-dedicated-line", "factory-claim-unverified", "certs-missing", "hidden-characters"}

const (
	minPrecision = 0.99
	minRecall    = 0.95
)

type corpusLine struct {
	file, where, text string
	line              int
	expect            map[string]bool
}

func loadCorpus(t *testing.T) []corpusLine {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*.tsv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	var out []corpusLine
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(string(b), "\n") {
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			cols := strings.Split(l, "\t")
			if len(cols) != 3 {
				t.Fatalf("%s:%d: want 3 tab-separated columns, got %d", f, i+1, len(cols))
			}
			cl := corpusLine{file: filepath.Base(f), line: i + 1, where: cols[1], text: unescape(t, cols[2]), expect: map[string]bool{}}
			if cols[0] != "-" {
				for _, id := range strings.Split(cols[0], ",") {
					if _, ok := ByID(id); !ok {
						t.Fatalf("%s:%d: unknown rule %q", f, i+1, id)
					}
					cl.expect[id] = true
				}
			}
			out = append(out, cl)
		}
	}
	// The product's own advice must never read as an ask.
	for _, r := range Registry {
		for _, s := range []string{r.Advice.EN, r.Advice.ZH} {
			out = append(out, corpusLine{file: "advice", where: "description", text: s, expect: map[string]bool{}})
		}
	}
	return out
}

// unescape decodes \uXXXX and \n in a corpus text.
func unescape(t *testing.T, s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], `\u`) && i+6 <= len(s):
			n, err := strconv.ParseUint(s[i+2:i+6], 16, 32)
			if err != nil {
				t.Fatalf("bad escape in %q", s)
			}
			b.WriteRune(rune(n))
			i += 5
		case strings.HasPrefix(s[i:], `\n`):
			b.WriteByte('\n')
			i++
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

type corpusScore struct{ tp, fp, fn, asks, honest int }

func (s corpusScore) precision() float64 {
	if s.tp+s.fp == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

func (s corpusScore) recall() float64 {
	if s.tp+s.fn == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fn)
}

func TestCorpus(t *testing.T) {
	lines := loadCorpus(t)
	scores := map[string]*corpusScore{}
	asks, honest := 0, 0
	for _, id := range corpusRules {
		scores[id] = &corpusScore{}
	}
	for _, l := range lines {
		if len(l.expect) == 0 {
			honest++
		} else {
			asks++
		}
		m := model(text(l.where, l.text))
		c := &Context{}
		for _, id := range corpusRules {
			r, _ := ByID(id)
			places, _ := r.Find(&m, c)
			fired, want := len(places) > 0, l.expect[id]
			s := scores[id]
			if want {
				s.asks++
			} else {
				s.honest++
			}
			switch {
			case fired && want:
				s.tp++
			case fired:
				s.fp++
				t.Logf("false alarm %s on %s:%d %s %q: %s", id, l.file, l.line, l.where, l.text, placesEvidence(places))
			case want:
				s.fn++
				t.Logf("missed %s on %s:%d %s %q", id, l.file, l.line, l.where, l.text)
			}
		}
	}
	t.Logf("corpus: %d lines, %d asks, %d honest (incl. %d advice texts)", len(lines), asks, honest, 2*len(Registry))
	t.Logf("%-26s %5s %6s %4s %4s %4s %9s %6s", "rule", "asks", "honest", "tp", "fp", "fn", "precision", "recall")
	ids := append([]string(nil), corpusRules...)
	sort.Strings(ids)
	for _, id := range ids {
		s := scores[id]
		t.Logf("%-26s %5d %6d %4d %4d %4d %9.3f %6.3f", id, s.asks, s.honest, s.tp, s.fp, s.fn, s.precision(), s.recall())
		if s.asks == 0 {
			t.Errorf("%s: no asks in the corpus", id)
		}
		if s.precision() < minPrecision || s.recall() < minRecall {
			t.Errorf("%s: precision %.3f (want ≥ %.2f), recall %.3f (want ≥ %.2f)", id, s.precision(), minPrecision, s.recall(), minRecall)
		}
	}
	if asks < 150 || honest < 150 {
		t.Errorf("corpus has %d asks and %d honest texts; want at least 150 of each", asks, honest)
	}
}
