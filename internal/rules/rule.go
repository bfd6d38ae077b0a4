// Package rules holds the risk-rule catalogue: one rule per file, each with a
// stable kebab-case id, a severity, English and Chinese text, the evidence
// that fired it and advice. The registry (registry.go) lists every rule
// explicitly; the scorer (score.go) turns findings into a score and a level.
package rules

import (
	"fmt"
	"strings"
	"time"

	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/reviews"
)

// Severity of a finding. "positive" findings raise trust; the others lower it.
type Severity string

const (
	High     Severity = "high"
	Medium   Severity = "medium"
	Low      Severity = "low"
	Info     Severity = "info"
	Positive Severity = "positive"
)

// rank orders severities for display: high first, positive last.
func (s Severity) rank() int {
	switch s {
	case High:
		return 0
	case Medium:
		return 1
	case Low:
		return 2
	case Info:
		return 3
	case Positive:
		return 4
	}
	return 5
}

// Text is a string in both languages the buyer sees.
type Text struct {
	EN string `json:"en"`
	ZH string `json:"zh"`
}

// Context carries what the buyer supplied besides the page. Zero values mean
// "not given"; rules must cope with that.
type Context struct {
	// PlannedOrderUSD is the order value the buyer typed, in USD (0: none).
	PlannedOrderUSD float64
	// Now is the time findings are judged at (zero: the clock).
	Now time.Time
	// SupplierEntry is the buyer's own list entry for the page's supplier
	// (buyer.supplierEntry), nil when none was given.
	SupplierEntry *BuyerEntry
	// Entries are the buyer's list entries by member key (page.MemberKey),
	// for search pages (buyer.entries); at most MaxBuyerEntries.
	Entries map[string]BuyerEntry
	// Team is what the team service knows about this supplier and offer
	// (input "team"); nil when team sync is off.
	Team *Team
	// MinStoreYears is the buyer's minimum store age from the options
	// (buyer.minStoreYears); 0: none.
	MinStoreYears int

	norm    []normText      // the model's texts, folded once per evaluation
	reviews *reviews.Report // the page's reviews, analysed once per evaluation
}

// Rule is one entry of the catalogue.
type Rule struct {
	ID       string   // stable kebab-case id; never renamed once shipped
	Severity Severity // severity of every finding it raises
	Title    Text
	Advice   Text
	// Fires says in one line what makes the rule fire (for docs/rules.md).
	Fires string
	// Guide quotes the line of the scam guide (or the page-data fact) that
	// motivates the rule.
	Guide string
	// Weight is the score change of one finding (negative lowers trust).
	// Zero means the severity's default (see score.go).
	Weight int
	// Check returns the evidence for each hit, or nil when the rule does not
	// fire. Evidence quotes the exact field or text that fired it. However
	// many pieces it returns, the rule makes one finding.
	Check func(m *page.Model, c *Context) []string
	// Find, for text rules, returns every place the sign was seen (at most
	// one per page text) and a note that qualifies them ("no 超级工厂 … on
	// the page"); the rule fires when places is not empty.
	Find func(m *page.Model, c *Context) (places []Place, note string)
	// Combine, for rules about other rules' findings, runs after every
	// Check and Find with the findings so far. A rule has exactly one of
	// Check, Find and Combine.
	Combine func(m *page.Model, c *Context, found []Finding) []string
}

// isKebab reports whether id is kebab-case: words of a-z and 0-9 joined by
// single hyphens (the regexp ^[a-z0-9]+(-[a-z0-9]+)*$).
func isKebab(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' || strings.Contains(id, "--") {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Validate reports what is missing from a rule definition.
func (r *Rule) Validate() error {
	switch {
	case !isKebab(r.ID):
		return fmt.Errorf("rule id %q is not kebab-case", r.ID)
	case r.Severity.rank() > 4:
		return fmt.Errorf("rule %s: unknown severity %q", r.ID, r.Severity)
	case r.Title.EN == "" || r.Title.ZH == "":
		return fmt.Errorf("rule %s: title needs English and Chinese", r.ID)
	case r.Advice.EN == "" || r.Advice.ZH == "":
		return fmt.Errorf("rule %s: advice needs English and Chinese", r.ID)
	case r.Fires == "" || r.Guide == "":
		return fmt.Errorf("rule %s: Fires and Guide must be documented", r.ID)
	case btoi(r.Check != nil)+btoi(r.Find != nil)+btoi(r.Combine != nil) != 1:
		return fmt.Errorf("rule %s: needs exactly one of Check, Find and Combine", r.ID)
	}
	return nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Finding is one fired rule with its evidence, as the verdict carries it.
// A rule makes at most one finding per page, however many fields repeat
// its sign: Evidence says every place in one line, and for text rules
// Places lists them (where, quote, match) for the panel.
type Finding struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Title    Text     `json:"title"`
	Evidence string   `json:"evidence"`
	Places   []Place  `json:"places,omitempty"`
	Advice   Text     `json:"advice"`
	// Note is what qualifies the places of a text rule ("no certificate …
	// on the page"), also at the end of Evidence.
	Note string `json:"-"`
}
