package rules

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/trustlens/trustlens/internal/page"
)

// ruleCase is one firing or non-firing example of a rule. Each rule's own
// _test.go file (store_age_new_test.go beside store_age_new.go) adds its
// cases with casesFor; TestRuleCases runs them all and
// TestCatalogueConventions checks every registered rule has both kinds, in
// that file.
type ruleCase struct {
	name     string
	model    page.Model
	ctx      Context
	fire     bool
	evidence string // when fire: a substring the evidence must contain
}

var ruleCases = map[string][]ruleCase{}

// caseFiles is the test file each rule's cases were added from.
var caseFiles = map[string]map[string]bool{}

func casesFor(id string, cs ...ruleCase) bool {
	ruleCases[id] = append(ruleCases[id], cs...)
	if caseFiles[id] == nil {
		caseFiles[id] = map[string]bool{}
	}
	caseFiles[id][callerFile()] = true
	return true
}

// callerFile is the file that added cases, past the shared helpers.
func callerFile() string {
	for skip := 2; ; skip++ {
		_, file, _, ok := runtime.Caller(skip)
		if !ok {
			return ""
		}
		if base := filepath.Base(file); base != "cases_test.go" && base != "helpers_test.go" {
			return base
		}
	}
}

// model builds a readable model and applies the edits.
func model(edits ...func(*page.Model)) page.Model {
	m := page.Model{Kind: page.KindOffer, Readable: true, Generation: "g2"}
	for _, e := range edits {
		e(&m)
	}
	return m
}

func age(years int) func(*page.Model) {
	return func(m *page.Model) {
		m.Supplier.StoreAgeYears.Set(years, "shopcard data.model.tpYear")
	}
}

func text(where, s string) func(*page.Model) {
	return func(m *page.Model) { m.Texts = append(m.Texts, page.Text{Where: where, Text: s}) }
}

func badge(id, source string) func(*page.Model) {
	return func(m *page.Model) {
		m.Supplier.Badges = append(m.Supplier.Badges, page.Badge{ID: id, Source: source})
	}
}

func TestRuleCases(t *testing.T) {
	for id, cases := range ruleCases {
		r, ok := ByID(id)
		if !ok {
			t.Errorf("cases for unregistered rule %s", id)
			continue
		}
		for _, c := range cases {
			t.Run(id+"/"+c.name, func(t *testing.T) {
				m, ctx := c.model, c.ctx
				var ev []string
				for _, f := range Evaluate(&m, &ctx) {
					if f.ID == r.ID {
						ev = append(ev, f.Evidence)
					}
				}
				if fired := len(ev) > 0; fired != c.fire {
					t.Fatalf("fired = %v, want %v (evidence %q)", fired, c.fire, ev)
				}
				if c.fire && c.evidence == "" {
					t.Fatal("a firing case must name a substring its evidence must contain")
				}
				if c.fire && !strings.Contains(strings.Join(ev, "\n"), c.evidence) {
					t.Fatalf("evidence %q does not contain %q", ev, c.evidence)
				}
			})
		}
	}
}

// TestCatalogueConventions is the meta-test: every rule registered, valid,
// bilingual, with at least one firing and one non-firing case.
func TestCatalogueConventions(t *testing.T) {
	if err := ValidateRegistry(); err != nil {
		t.Fatal(err)
	}
	for _, r := range Registry {
		var fires, quiet bool
		for _, c := range ruleCases[r.ID] {
			fires = fires || c.fire
			quiet = quiet || !c.fire
		}
		if !fires || !quiet {
			t.Errorf("rule %s needs a firing and a non-firing case (has firing=%v non-firing=%v)", r.ID, fires, quiet)
		}
		file := strings.ReplaceAll(r.ID, "-", "_")
		if _, err := os.Stat(file + ".go"); err != nil {
			t.Errorf("rule %s is not in its own file %s.go", r.ID, file)
		}
		if want := file + "_test.go"; len(caseFiles[r.ID]) != 1 || !caseFiles[r.ID][want] {
			t.Errorf("rule %s: cases in %v, want them all in %s", r.ID, caseFiles[r.ID], want)
		}
		if !hasHan(r.Title.ZH) || !hasHan(r.Advice.ZH) {
			t.Errorf("rule %s: Chinese text has no Chinese characters", r.ID)
		}
		if hasHan(r.Advice.EN) && !strings.Contains(r.Advice.EN, "(") {
			t.Errorf("rule %s: English advice carries Chinese without a gloss", r.ID)
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

func TestValidateCatchesMissingText(t *testing.T) {
	r := storeAgeNew
	r.Title.ZH = ""
	if r.Validate() == nil {
		t.Fatal("a rule without a Chinese title validated")
	}
	r = storeAgeNew
	r.ID = "Store_Age"
	if r.Validate() == nil {
		t.Fatal("a non-kebab id validated")
	}
}

// TestValidateCatchesContradictoryRoles: the meta-test also holds the roles
// to the rule they are declared on.
func TestValidateCatchesContradictoryRoles(t *testing.T) {
	r := badgeTrustpass
	r.Card = CardCheap
	if r.Validate() == nil {
		t.Fatal("a positive rule with a card mark validated")
	}
	r = storeAgeNew
	r.Scope = "shop"
	if r.Validate() == nil {
		t.Fatal("an unknown scope validated")
	}
	r = supplierBlocked
	r.Aggregate = true
	if r.Validate() == nil {
		t.Fatal("an aggregate rule without Combine validated")
	}
	r = licenceMismatch
	r.Reason = Text{EN: "a {years} old licence", ZH: "{n}年的执照"}
	if r.Validate() == nil {
		t.Fatal("a store age in the reason of a rule not about store age validated")
	}
}
