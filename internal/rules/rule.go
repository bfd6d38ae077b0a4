// Package rules holds the risk-rule catalogue: one rule per file, each with a
// stable kebab-case id, a severity, English and Chinese text, the evidence
// that fired it and advice. The registry (registry.go) lists every rule
// explicitly; the scorer (score.go) turns findings into a score and a level.
package rules

import (
	"strings"
	"time"

	"github.com/trustlens/trustlens/internal/format"
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

// Rank orders severities for display: high first, positive last.
func (s Severity) Rank() int {
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
	// Say words the finding for a buyer (Finding.Said), one line per fact,
	// in English and Chinese, reading the fields Check or Combine read;
	// found is the findings so far. Every Check and Combine rule has one;
	// a text rule's places are worded for it, and its Say (optional) words
	// what its note says.
	Say func(m *page.Model, c *Context, found []Finding) []Text

	Roles
}

// Scope says what a finding is about. Card judging reads it: a store
// page's supplier findings carry over to the store's own cards, the others
// do not.
type Scope string

const (
	ScopeSupplier Scope = "supplier" // the seller (the default)
	ScopeOffer    Scope = "offer"    // the page's one offer (its price)
	ScopeOrder    Scope = "order"    // the buyer's planned order
	ScopePage     Scope = "page"     // the page itself (could not be read)
)

// CardMark is how a search card shows a finding instead of a warning line.
type CardMark string

const (
	CardWarning CardMark = ""        // a warning line (the default)
	CardCheap   CardMark = "cheap"   // the price flag
	CardBlocked CardMark = "blocked" // the buyer's blocked mark
)

// Action is the summary's first thing to do about a finding; the core words
// each kind once (internal/core/summary.go).
type Action string

const (
	ActNone       Action = ""
	ActEscrow     Action = "escrow"
	ActSamples    Action = "samples"
	ActWalkAway   Action = "walk-away"
	ActLicence    Action = "licence"
	ActInspection Action = "inspection"
	ActTracking   Action = "tracking"
	ActNoFullPay  Action = "no-full-pay"
	ActAskPrice   Action = "ask-price"
	ActTeam       Action = "team"
)

// Roles are what a rule's finding means to the scorer, the order advice,
// card judging, the summary and the extension, declared beside the rule
// instead of lists of ids in each reader. extension/vocab.js carries them.
type Roles struct {
	// Scope: what the finding is about (zero: ScopeSupplier).
	Scope Scope `json:"scope"`
	// Preference marks the buyer's own threshold: not a warning sign about
	// the supplier, so warning-signs-combined does not count it.
	Preference bool `json:"preference,omitempty"`
	// StoreAge marks a finding about the store's age: the first-order
	// ceiling is built on the age, so the finding does not lower it again,
	// and the buyer's minimum age does not repeat it.
	StoreAge bool `json:"storeAge,omitempty"`
	// Aggregate marks a rule about other rules' findings: the summary's
	// reason names those signs rather than this one.
	Aggregate bool `json:"aggregate,omitempty"`
	// DecidesUnread: the level is high-risk even when the page could not be
	// read (the buyer blocked this supplier).
	DecidesUnread bool `json:"decidesUnread,omitempty"`
	// Card is how a search card shows the finding.
	Card CardMark `json:"card,omitempty"`
	// Action is the summary's first action for the finding.
	Action Action `json:"action,omitempty"`
	// Reason is the finding in the summary's one-line reason ("price far
	// below similar listings"); empty: the title. {years} and {n} stand
	// for the known store age ("3 years", "3"); ReasonVerb marks a phrase
	// that reads after "that" ("demands full payment up front").
	Reason     Text `json:"-"`
	ReasonVerb bool `json:"-"`
}

// describe is the roles in one line for docs/rules.md.
func (r Roles) describe() string {
	parts := []string{"about the " + string(r.ScopeOf())}
	add := func(on bool, s string) {
		if on {
			parts = append(parts, s)
		}
	}
	add(r.Preference, "the buyer's preference, not counted as a warning sign")
	add(r.StoreAge, "about store age")
	add(r.Aggregate, "about other findings")
	add(r.DecidesUnread, "high-risk even on an unread page")
	add(r.Card != CardWarning, "shown on cards as the "+string(r.Card)+" mark")
	add(r.Action != ActNone, "summary action: "+string(r.Action))
	add(r.Reason.EN != "", "reason: “"+r.Reason.EN+"”")
	return strings.Join(parts, "; ")
}

// ScopeOf is the rule's scope, ScopeSupplier when none is declared.
func (r Roles) ScopeOf() Scope {
	if r.Scope == "" {
		return ScopeSupplier
	}
	return r.Scope
}

// RolesOf returns the roles of the registered rule id (zero Roles for an
// unknown id).
func RolesOf(id string) Roles { return roleIndex[id] }

// roleIndex is the registry's roles by id, filled at start-up (rules that
// read roles are themselves in the registry: a variable initialised from
// the registry would be an initialisation cycle).
var roleIndex = map[string]Roles{}

// titleIndex is the registry's titles by id, for rules that name other
// rules to a buyer (filled at start-up, like roleIndex).
var titleIndex = map[string]Text{}

func init() {
	for _, r := range Registry {
		roleIndex[r.ID] = r.Roles
		titleIndex[r.ID] = r.Title
	}
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
		return format.Errorf("rule id %q is not kebab-case", r.ID)
	case r.Severity.Rank() > 4:
		return format.Errorf("rule %s: unknown severity %q", r.ID, string(r.Severity))
	case r.Title.EN == "" || r.Title.ZH == "":
		return format.Errorf("rule %s: title needs English and Chinese", r.ID)
	case r.Advice.EN == "" || r.Advice.ZH == "":
		return format.Errorf("rule %s: advice needs English and Chinese", r.ID)
	case r.Fires == "" || r.Guide == "":
		return format.Errorf("rule %s: Fires and Guide must be documented", r.ID)
	case btoi(r.Check != nil)+btoi(r.Find != nil)+btoi(r.Combine != nil) != 1:
		return format.Errorf("rule %s: needs exactly one of Check, Find and Combine", r.ID)
	case r.Find == nil && r.Say == nil:
		return format.Errorf("rule %s: needs Say to word its evidence for a buyer", r.ID)
	}
	return r.Roles.validate(r)
}

// validate reports roles that contradict each other or the rule.
func (ro Roles) validate(r *Rule) error {
	sign := r.Severity == High || r.Severity == Medium || r.Severity == Low
	switch {
	case !oneOf(ro.ScopeOf(), ScopeSupplier, ScopeOffer, ScopeOrder, ScopePage):
		return format.Errorf("rule %s: unknown scope %q", r.ID, string(ro.Scope))
	case !oneOf(ro.Card, CardWarning, CardCheap, CardBlocked):
		return format.Errorf("rule %s: unknown card mark %q", r.ID, string(ro.Card))
	case !oneOf(ro.Action, ActNone, ActEscrow, ActSamples, ActWalkAway, ActLicence, ActInspection, ActTracking, ActNoFullPay, ActAskPrice, ActTeam):
		return format.Errorf("rule %s: unknown action %q", r.ID, string(ro.Action))
	case (ro.Preference || ro.DecidesUnread || ro.Card != CardWarning || ro.Action != ActNone || ro.Reason != Text{} || ro.ReasonVerb) && !sign:
		return format.Errorf("rule %s: only a warning (high, medium, low) has a preference, card mark, action or reason", r.ID)
	case ro.Aggregate && r.Combine == nil:
		return format.Errorf("rule %s: an aggregate rule reads other findings (Combine)", r.ID)
	case ro.DecidesUnread && r.Severity != High:
		return format.Errorf("rule %s: only a high finding decides an unread page", r.ID)
	case (ro.Reason.EN == "") != (ro.Reason.ZH == ""):
		return format.Errorf("rule %s: reason needs English and Chinese", r.ID)
	case !ro.StoreAge && strings.Contains(ro.Reason.EN+ro.Reason.ZH, "{"):
		return format.Errorf("rule %s: only a store-age reason names the age", r.ID)
	}
	return nil
}

func oneOf[T comparable](v T, set ...T) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
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
	// Said is the evidence in a buyer's words, one line per place or fact
	// (Rule.Say); the verdict carries it as summary.evidence.
	Said []Text `json:"-"`
}
