// Package core is the one entry point shared by the wasm bridge, the CLI and
// the tests: snapshot JSON in, verdict JSON out.
package core

import (
	"math"
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/rules"
	"github.com/trustlens/trustlens/internal/text"
)

// parse is page.Parse; tests swap it to prove panics are recovered.
var parse = page.Parse

// Schema is the verdict format version (docs/verdict.md).
const Schema = 1

// Verdict is the stable output documented in docs/verdict.md.
type Verdict struct {
	Schema     int             `json:"schema"`
	Kind       page.Kind       `json:"kind"`
	URL        string          `json:"url"`
	Readable   bool            `json:"readable"`
	Generation string          `json:"generation"`
	Supplier   SupplierOut     `json:"supplier"`
	Offer      OfferOut        `json:"offer"`
	Score      *int            `json:"score"`
	Level      rules.Level     `json:"level"`
	Findings   []rules.Finding `json:"findings"`
	Notes      []string        `json:"notes"`
	Error      string          `json:"error"`
	// OrderAdvice is set when the buyer typed a planned order value.
	OrderAdvice *rules.OrderAdvice `json:"orderAdvice"`
	// StorePage says which store page this is ("home", "credit", "contact",
	// "licence", "factory-card", "offer-list"), or "".
	StorePage string `json:"storePage"`
	// Facts are what this page itself revealed about the supplier, for the
	// extension to remember by member id and pass back as "remembered" on
	// that supplier's later pages. Null when the supplier is unidentified.
	Facts *page.SupplierFacts `json:"facts"`
	// BuyerEntry echoes the buyer's own list entry for this page's
	// supplier (null: none). A "trust" entry never raises the level.
	BuyerEntry *BuyerEntryOut `json:"buyerEntry"`
	// Cards are the per-card verdicts of a search or list page, in page
	// order ([] elsewhere); see search.go.
	Cards []CardOut `json:"cards"`
	// Reviews is the review analysis, null when the page carried no reviews.
	Reviews *ReviewsOut `json:"reviews"`
	// StoreFacts are the licence and factory facts a store page showed
	// (null elsewhere, and when it showed none); see storefacts.go.
	StoreFacts *StoreFactsOut `json:"storeFacts"`
	// Summary is the answer the panel leads with: the one-line reason,
	// the top actions, the findings in display order with evidence
	// written for a buyer (summary.go).
	Summary Summary `json:"summary"`
	// Pending lists inputs this page may still receive that can change the
	// level ("store-age"); [] when none (pending.go).
	Pending []string `json:"pending"`
	// Memory says what to store about the page's supplier and where
	// recalled values came from (memory.go); only when the input had a
	// memory block, and then null on search pages and pages that name no
	// supplier.
	Memory *MemoryOut `json:"memory,omitempty"`
	// Resend is true when the input continued an analysis session this
	// core does not hold (it restarted, or calls crossed): the caller sends
	// the whole page again from response 0 (session.go). Omitted otherwise.
	Resend bool `json:"resend,omitempty"`
}

// Buyer is what the buyer typed in the panel, sent beside the snapshot as
// {"buyer": {"plannedOrder": {"amount": 5000, "currency": "USD"}}}.
type Buyer struct {
	PlannedAmount   float64
	PlannedCurrency string // "USD" or "CNY"

	// The buyer's own supplier list (buyer.supplierEntry, buyer.entries;
	// buyer.go) and what could not be read of it.
	SupplierEntry *rules.BuyerEntry
	Entries       map[string]rules.BuyerEntry
	Notes         []string
	// Team is the team service's data on this supplier and offer (team.go).
	Team *rules.Team
	// MinStoreYears is the buyer's minimum store age from the options
	// (buyer.minStoreYears, 1-30); 0: none.
	MinStoreYears int
	// Now is the time the page is judged at (zero: the clock); tests fix it
	// so that verdicts on dated pages stay the same from day to day.
	Now time.Time
	// Memory is the stored entry of the supplier the extension expects
	// (memory.go); nil: none sent.
	Memory *memoryIn
}

// Paths of the buyer block in the analyze() input.
const (
	pathPlannedAmount   = "plannedOrder.amount"   // in buyer
	pathPlannedCurrency = "plannedOrder.currency" // in buyer
	pathMinStoreYears   = "minStoreYears"         // in buyer
)

// maxPlannedAmount bounds a typed order value; anything above is a typo.
const maxPlannedAmount = 1e9

// topLevel holds the small blocks of the analyze() input beside the
// snapshot: the buyer's, the team's and the session's.
type topLevel struct {
	buyer, team, session, memory gjson.Result
}

// take keeps a top-level member of the input if it is one of those blocks.
func (t *topLevel) take(key string, v gjson.Result) {
	switch key {
	case pathBuyer:
		t.buyer = v
	case pathTeam:
		t.team = v
	case pathSession:
		t.session = v
	case pathMemory:
		t.memory = v
	}
}

// buyerOf reads the buyer block; invalid or absent values mean "not given".
func buyerOf(input []byte) Buyer {
	var t topLevel
	if gjson.ValidBytes(input) {
		gjson.ParseBytes(input).ForEach(func(k, v gjson.Result) bool {
			t.take(k.Str, v)
			return true
		})
	}
	return t.buyerBlock()
}

func (t topLevel) buyerBlock() Buyer {
	var b Buyer
	buyer := t.buyer
	b.readEntries(buyer)
	b.Team = readTeam(t.team, &b.Notes)
	b.Memory = readMemory(t.memory, &b.Notes)
	if y := buyer.Get(pathMinStoreYears); y.Exists() && y.Type != gjson.Null {
		if y.Type == gjson.Number && y.Num == math.Trunc(y.Num) && y.Num >= 0 && y.Num <= rules.MaxMinStoreYears {
			b.MinStoreYears = int(y.Num)
		} else {
			b.Notes = append(b.Notes, "buyer.minStoreYears ignored: not a whole number of years from 0 to 30")
		}
	}
	amt := buyer.Get(pathPlannedAmount)
	cur := strings.ToUpper(buyer.Get(pathPlannedCurrency).String())
	if amt.Type != gjson.Number || math.IsNaN(amt.Num) || amt.Num <= 0 || amt.Num > maxPlannedAmount {
		return b
	}
	if cur != "USD" && cur != "CNY" {
		return b
	}
	b.PlannedAmount, b.PlannedCurrency = amt.Num, cur
	return b
}

// context turns the buyer's input into the rules' context.
func (b Buyer) context() *rules.Context {
	c := &rules.Context{SupplierEntry: b.SupplierEntry, Entries: b.Entries, Team: b.Team, MinStoreYears: b.MinStoreYears, Now: b.Now}
	switch b.PlannedCurrency {
	case "USD":
		c.PlannedOrderUSD = b.PlannedAmount
	case "CNY":
		c.PlannedOrderUSD = b.PlannedAmount * rules.USDPerCNY
	}
	return c
}

// SupplierOut is the verdict's supplier block; nil pointers are unknown.
type SupplierOut struct {
	MemberID      *string  `json:"memberId"`
	LoginID       *string  `json:"loginId"`
	Company       *string  `json:"company"`
	StoreAgeYears *int     `json:"storeAgeYears"`
	Badges        []string `json:"badges"`
	BusinessType  *string  `json:"businessType"`
}

// OfferOut is the verdict's offer block; nil pointers are unknown.
type OfferOut struct {
	ID       *string  `json:"id"`
	Title    *string  `json:"title"`
	PriceMin *float64 `json:"priceMin"`
	PriceMax *float64 `json:"priceMax"`
	MOQ      *int     `json:"moq"`
	Sales    *string  `json:"sales"`
}

func opt[T any](f page.Field[T]) *T {
	if !f.Known {
		return nil
	}
	v := f.Value
	return &v
}

// Analyze reads a snapshot and returns its verdict.
func Analyze(s page.Snapshot, b Buyer) Verdict {
	m := parse(s)
	m.Notes = append(m.Notes, b.Notes...)
	c := b.context()
	if t := c.Team; t != nil && t.MemberID != "" && !sameMember(t.MemberID, m.Supplier.MemberID) {
		m.Notes = append(m.Notes, "team data is for another supplier than this page's: not applied")
		c.Team = nil
	}
	mem := remember(&m, c, b.Memory, b.Now)
	v := Judge(&m, c)
	v.Memory = mem
	return v
}

// sameMember says whether the page's member id is id.
func sameMember(id string, f page.Field[string]) bool {
	return f.Known && page.MemberKey(id) == page.MemberKey(f.Value)
}

// Judge evaluates the rules on a parsed model.
func Judge(m *page.Model, c *rules.Context) Verdict {
	if c == nil {
		c = &rules.Context{}
	}
	peers := preparePage(m, c)
	findings := rules.Evaluate(m, c)
	score, level := scoreOf(m, findings)
	var advice *rules.OrderAdvice
	if c.PlannedOrderUSD > 0 && m.Readable {
		a := rules.AdviseOrder(c.PlannedOrderUSD, m, findings)
		advice = &a
	}
	badges := make([]string, 0, len(m.Supplier.Badges))
	for _, b := range m.Supplier.Badges {
		badges = append(badges, b.ID)
	}
	if findings == nil {
		findings = []rules.Finding{}
	}
	notes := m.Notes
	if notes == nil {
		notes = []string{}
	}
	v := Verdict{
		Schema:     Schema,
		Kind:       m.Kind,
		URL:        m.URL,
		Readable:   m.Readable,
		Generation: m.Generation,
		Supplier: SupplierOut{
			MemberID:      opt(m.Supplier.MemberID),
			LoginID:       opt(m.Supplier.LoginID),
			Company:       shownName(opt(m.Supplier.Company)),
			StoreAgeYears: opt(m.Supplier.StoreAgeYears),
			Badges:        badges,
			BusinessType:  opt(m.Supplier.BusinessType),
		},
		Offer: OfferOut{
			ID:       opt(m.Offer.ID),
			Title:    opt(m.Offer.Title),
			PriceMin: opt(m.Offer.PriceMin),
			PriceMax: opt(m.Offer.PriceMax),
			MOQ:      opt(m.Offer.MOQ),
			Sales:    opt(m.Offer.SalesText),
		},
		Score:       score,
		Level:       level,
		Findings:    findings,
		Notes:       notes,
		OrderAdvice: advice,
		StorePage:   m.StorePage,
		Facts:       shownFacts(page.FactsOf(m)),
		Reviews:     reviewsOut(m, c.ReviewReport()),
		StoreFacts:  storeFactsOut(m, findings),
		BuyerEntry:  entryOut(c.EntryFor(m)),
		Cards:       judgeCards(m, c, peers, findings),
	}
	finishSearch(&v, m)
	v.Summary = summarize(m, findings, v.Level, v.Score, advice)
	v.Pending = pendingOf(m, v.Level)
	return v
}

// ErrorVerdict is the verdict for input that could not be analysed at all.
// It is never scored and never trusted.
func ErrorVerdict(url, msg string) Verdict {
	return Verdict{
		Schema:   Schema,
		Kind:     page.KindUnknown,
		URL:      url,
		Supplier: SupplierOut{Badges: []string{}},
		Level:    rules.Unknown,
		Findings: []rules.Finding{},
		Notes:    []string{},
		Error:    msg,
		Cards:    []CardOut{},
		Summary:  Summary{Reason: failedText, Actions: []rules.Text{actUnchecked}, Order: []string{}, Evidence: map[string][]rules.Text{}},
		Pending:  []string{},
	}
}

// ErrorJSON is ErrorVerdict as JSON.
func ErrorJSON(msg string) []byte { return mustJSON(ErrorVerdict("", msg)) }

// SnapshotErrorPrefix starts the error of a verdict on input that is not a
// snapshot the core can read.
const SnapshotErrorPrefix = "could not read the page snapshot: "

// AnalyzeJSON is the CLI and test entry: snapshot JSON in, verdict JSON out.
// It never panics: a panic anywhere below becomes an error verdict.
func AnalyzeJSON(snapshotJSON []byte) []byte { return AnalyzeString(string(snapshotJSON)) }

// AnalyzeString is AnalyzeJSON on JSON held as a string, the wasm bridge's
// entry: the bridge hands over the page's bytes without another copy.
func AnalyzeString(snapshotJSON string) []byte { return analyzeString(snapshotJSON, time.Time{}) }

// AnalyzeJSONAt is AnalyzeJSON judged at the time now (zero: the clock), for
// the CLI's pinned (golden) verdicts of snapshot files.
func AnalyzeJSONAt(snapshotJSON []byte, now time.Time) []byte {
	return analyzeString(string(snapshotJSON), now)
}

func analyzeString(snapshotJSON string, now time.Time) (out []byte) {
	defer func() {
		if r := recover(); r != nil {
			out = mustJSON(ErrorVerdict("", format.Sprintf("internal error: %v", r)))
		}
	}()
	var top topLevel // the blocks beside the snapshot, read in the same pass
	s, err := page.DecodeSnapshotString(snapshotJSON, top.take)
	if err != nil {
		return mustJSON(ErrorVerdict("", SnapshotErrorPrefix+err.Error()))
	}
	b := top.buyerBlock()
	b.Now = now
	if !top.session.Exists() || top.session.Type == gjson.Null {
		return mustJSON(Analyze(s, b))
	}
	in, why := readSession(top.session)
	if why != "" {
		return mustJSON(ErrorVerdict(s.URL, SnapshotErrorPrefix+"session "+why))
	}
	return mustJSON(sessions.analyze(in, s, b))
}

// mustJSON encodes a verdict. Page strings stay as written (no \u003c for
// '<'): the verdict is data, read by JSON.parse or a JSON decoder, and the
// CLI prints these same bytes.
func mustJSON(v Verdict) []byte {
	b, err := encodeJSON(v)
	if err != nil {
		// Only unsupported values (NaN scores) can fail here; report them.
		b, _ = encodeJSON(ErrorVerdict(v.URL, "could not encode the verdict: "+err.Error()))
	}
	return b
}

func encodeJSON(v Verdict) ([]byte, error) {
	w := jsonWriter{b: make([]byte, 0, 4096)}
	w.coreVerdict(&v)
	if w.err != nil {
		return nil, w.err
	}
	return w.b, nil
}

// shownName is a name as the buyer is shown it and copies it: without the
// bidi controls and invisible characters a seller can hide in it (a
// right-to-left override would make the panel show one order and the
// licence check copy another). The hidden-characters finding shows what
// was removed, each as ⟨U+XXXX⟩.
func shownName(s *string) *string {
	if s == nil {
		return nil
	}
	clean := strings.Map(func(r rune) rune {
		if _, c := text.FoldRune(r); c == text.Hidden || c == text.Bidi {
			return -1
		}
		return r
	}, *s)
	return &clean
}

// shownFacts strips the names in facts as shownName does.
func shownFacts(f *page.SupplierFacts) *page.SupplierFacts {
	if f == nil {
		return nil
	}
	f.Company = *shownName(&f.Company)
	f.LicenceCompany = *shownName(&f.LicenceCompany)
	return f
}
