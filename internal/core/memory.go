package core

import (
	"slices"
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/memory"
	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/rules"
)

// The memory block of the analyze() input: the stored entry of the supplier
// the extension expects on this page (from the address's member or offer
// id and what it saw before), sent with the page so that one call decides:
//
//	"memory": {"id": "m:b2b-…", "entry": {…stored entry…} | null, "now": <epoch ms>}
//
// The verdict's "memory" says what to store for the page's supplier (it
// may not be the one expected) and where recalled values came from.
const (
	pathMemory      = "memory"
	pathMemoryID    = "id"
	pathMemoryEntry = "entry"
	pathMemoryNow   = "now"
)

// memoryIn is the memory block as read.
type memoryIn struct {
	id    string
	entry *memory.Entry // nil: nothing stored for id
	now   int64         // epoch ms; 0: this core's clock
}

// readMemory reads the memory block; a bad block is dropped with a note.
func readMemory(v gjson.Result, notes *[]string) *memoryIn {
	if !v.Exists() || v.Type == gjson.Null {
		return nil
	}
	id := v.Get(pathMemoryID)
	if !v.IsObject() || id.Type != gjson.String || len(id.Str) > 256 {
		*notes = append(*notes, "memory ignored: not an object with a supplier id")
		return nil
	}
	in := &memoryIn{id: id.Str}
	if n := v.Get(pathMemoryNow); n.Type == gjson.Number && n.Num > 0 && n.Num < 1e15 {
		in.now = int64(n.Num)
	}
	if e := v.Get(pathMemoryEntry); e.IsObject() {
		entry, why := memory.Decode(e.Raw)
		if why != "" {
			*notes = append(*notes, "remembered supplier entry ignored: "+why)
		}
		in.entry = entry
	}
	return in
}

// MemoryOut is the verdict's memory block (docs/verdict.md).
type MemoryOut struct {
	// ID is the page's supplier ("m:<member id>" or "c:<company>").
	ID string `json:"id"`
	// Matched: the input's entry was this supplier's. Entry then replaces
	// it; otherwise Entry holds this page's sighting only and is stored
	// only where nothing is stored yet.
	Matched bool `json:"matched"`
	// Entry is what to store under ID; null when nothing changed.
	Entry *memory.Entry `json:"entry"`
	// Recalled says where each value this page lacked came from.
	Recalled map[string]memory.Seen `json:"recalled"`
	// NotUsed are fields other pages claimed that would have made the
	// supplier look better, read on pages whose address does not prove
	// the member.
	NotUsed []memory.Conflict `json:"notUsed"`
	// Conflicts are newer claims that differ from the value used.
	Conflicts []memory.Conflict `json:"conflicts"`
}

// remember fills what m lacks from the supplier's memory and says what to
// store. Facts from pages that do not prove the member are used only when
// they do not raise the page's level or score.
// Without a memory block (the CLI, tests) nothing is recalled or returned.
func remember(m *page.Model, c *rules.Context, in *memoryIn, clock time.Time) *MemoryOut {
	if in == nil || !m.Readable || m.Kind == page.KindSearch {
		return nil
	}
	id := supplierID(m)
	if id == "" {
		return nil
	}
	out := &MemoryOut{ID: id, Recalled: map[string]memory.Seen{}, NotUsed: []memory.Conflict{}, Conflicts: []memory.Conflict{}}
	var e memory.Entry
	if in.id == id && in.entry != nil {
		e, out.Matched = *in.entry, true
		e.Sources = slices.Clone(e.Sources)
	}
	own := page.FactsOf(m) // before anything is recalled
	rec := e.Recall(m)
	for _, f := range rec.Proved {
		page.ApplyRemembered(m, f)
	}
	if len(rec.Unproved) > 0 {
		trial := *m
		trial.Supplier.Badges = slices.Clone(m.Supplier.Badges)
		trial.Notes = slices.Clone(m.Notes)
		for _, f := range rec.Unproved {
			page.ApplyRemembered(&trial, f)
		}
		if looksBetter(&trial, m, c) {
			for field, seen := range rec.Used {
				if !seen.Proves {
					out.NotUsed = append(out.NotUsed, memory.Conflict{Field: field, Seen: seen})
					delete(rec.Used, field)
				}
			}
			slices.SortFunc(out.NotUsed, func(a, b memory.Conflict) int { return strings.Compare(a.Field, b.Field) })
			m.Notes = append(m.Notes, format.Sprintf("remembered facts from pages that do not prove this supplier not used: they would raise its verdict (%d fields)", len(out.NotUsed)))
		} else {
			*m = trial
		}
	}
	// The store's name alone (a licence page names none of its own: the
	// licence is checked against the name seen on the store's other pages).
	if len(rec.Proved)+len(rec.Unproved) == 0 && e.Company != "" && len(e.Sources) > 0 {
		s := e.Sources[0]
		page.ApplyRemembered(m, &page.SupplierFacts{MemberID: e.MemberID, Company: e.Company, SeenURL: s.URL,
			SeenAt: time.UnixMilli(s.At).UTC().Format(time.RFC3339)})
	}
	out.Recalled, out.Conflicts = rec.Used, append(out.Conflicts, rec.Conflicts...)
	now := clock.UnixMilli()
	if clock.IsZero() {
		now = time.Now().UnixMilli()
	}
	if in.now > 0 {
		now = in.now
	}
	if e.Note(own, page.AddressProvesMember(m), now) {
		out.Entry = &e
	}
	return out
}

// supplierID is the storage id of the page's own supplier (from the page,
// never from memory).
func supplierID(m *page.Model) string {
	var member, company string
	if f := m.Supplier.MemberID; f.Known {
		member = f.Value
	}
	if f := m.Supplier.Company; f.Known {
		company = f.Value
	}
	return memory.ID(member, company)
}

// looksBetter says whether a judges the supplier better than b does: a
// higher level, or the same level with a higher score.
func looksBetter(a, b *page.Model, c *rules.Context) bool {
	sa, la := scoreOf(a, rules.Evaluate(a, c))
	sb, lb := scoreOf(b, rules.Evaluate(b, c))
	if ra, rb := levelRank(la), levelRank(lb); ra != rb {
		return ra > rb
	}
	return sa != nil && (sb == nil || *sa > *sb)
}

func levelRank(l rules.Level) int {
	switch l {
	case rules.HighRisk:
		return 0
	case rules.Trusted:
		return 2
	}
	return 1 // caution, unknown
}
