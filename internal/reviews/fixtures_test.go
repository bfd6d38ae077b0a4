package reviews_test

import (
	"bufio"
	"encoding/json"
	. "github.com/trustlens/trustlens/internal/reviews"
	. "github.com/trustlens/trustlens/internal/reviews/reviewgen"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// truthFile is testdata/gen/<scenario>.truth.json.
type truthFile struct {
	Scenario string `json:"scenario"`
	Seed     uint64 `json:"seed"`
	Note     string `json:"note"`
	Now      int64  `json:"now"` // analysis time, epoch ms
	Sales    Sales  `json:"sales"`
	Reviews  int    `json:"reviews"`
	Truth    Truth  `json:"truth"`
}

const fixtureNote = "Composed from the documented queryItemRatedListV2 / queryDsrRateDataV2 field names by gen.go; no real review-list body exists."

func fixtureFiles(g Generated) (captures string, truth []byte) {
	var b strings.Builder
	for _, c := range EncodeCaptures(g, 10) {
		b.WriteString(c.URL)
		b.WriteByte('\t')
		b.WriteString(c.Body)
		b.WriteByte('\n')
	}
	tf := truthFile{Scenario: g.Config.Name, Seed: g.Config.Seed, Note: fixtureNote, Now: g.Now.UnixMilli(),
		Sales: g.Sales, Reviews: len(g.Reviews), Truth: g.Truth}
	if tf.Truth.Clusters == nil {
		tf.Truth.Clusters = [][]string{}
	}
	if tf.Truth.Bursts == nil {
		tf.Truth.Bursts = [][]string{}
	}
	if tf.Truth.Repeats == nil {
		tf.Truth.Repeats = [][]string{}
	}
	j, _ := json.MarshalIndent(tf, "", " ")
	return b.String(), append(j, '\n')
}

// TestFixturesUpToDate checks that testdata/gen matches the generator
// (UPDATE_FIXTURES=1 rewrites it).
func TestFixturesUpToDate(t *testing.T) {
	update := os.Getenv("UPDATE_FIXTURES") != ""
	for _, c := range Scenarios() {
		caps, truth := fixtureFiles(Generate(c))
		for name, want := range map[string]string{c.Name + ".txt": caps, c.Name + ".truth.json": string(truth)} {
			p := filepath.Join("testdata", "gen", name)
			if update {
				if err := os.WriteFile(p, []byte(want), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			got, err := os.ReadFile(p)
			if err != nil {
				t.Fatalf("%v (run with UPDATE_FIXTURES=1)", err)
			}
			if string(got) != want {
				t.Errorf("%s differs from the generator (run with UPDATE_FIXTURES=1)", p)
			}
		}
	}
}

// loadScenario replays testdata/gen/<name>.txt through ParseResponse into a
// Set, as the extension will.
func loadScenario(t testing.TB, name string) (*Set, truthFile) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "gen", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := NewSet()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 8<<20)
	for sc.Scan() {
		url, body, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("%s: line without a tab", name)
		}
		if _, ok := s.AddResponse(url, body); !ok {
			t.Fatalf("%s: response not read: %.80s", name, body)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	var tf truthFile
	if err := json.Unmarshal([]byte(readFixture(t, filepath.Join("gen", name+".truth.json"))), &tf); err != nil {
		t.Fatal(err)
	}
	if s.Len() != tf.Reviews {
		t.Fatalf("%s: %d reviews read, %d written", name, s.Len(), tf.Reviews)
	}
	return s, tf
}

func (tf truthFile) now() time.Time { return time.UnixMilli(tf.Now).In(CST) }
