// Package memory is the extension's supplier memory as policy: what a page
// revealed about its supplier is kept per source page, and what the
// supplier's other pages showed fills what this page lacks. The extension
// only reads and writes storage (chrome.storage.local "sup:<id>"); the core
// decides, with this package, what is kept and what is used.
//
// A page can say anything about any member (a forged shopcard response
// naming another seller with 15 years of trading), so:
//   - every fact is kept with the page it was read on and whether that
//     page's address proves the member (page.AddressProvesMember);
//   - Recall prefers a proving source, and reports the claims of other
//     sources apart (Unproved), so that the core uses them only when they
//     do not make the supplier look better than its own page does;
//   - a different newer claim is reported (Conflicts), never silently
//     preferred.
package memory

import (
	"slices"
	"strings"
	"time"

	"github.com/trustlens/trustlens/internal/page"
)

// Entry is one supplier's memory as stored.
type Entry struct {
	MemberID string   `json:"memberId,omitempty"`
	Company  string   `json:"company,omitempty"`
	Sources  []Source `json:"sources"`
}

// Source is what one page showed, when it was last seen, and whether its
// address proves the member.
type Source struct {
	URL    string `json:"url"` // TrimURL of the page's address (data, never fetched)
	At     int64  `json:"at"`  // epoch milliseconds
	Proves bool   `json:"proves,omitempty"`
	Facts  Facts  `json:"facts"`
}

// Facts are the remembered fields; empty means "not shown on that page".
type Facts struct {
	StoreAgeYears  int      `json:"storeAgeYears,omitempty"`
	Founded        string   `json:"founded,omitempty"` // YYYY-MM-DD
	BusinessModel  string   `json:"businessModel,omitempty"`
	LicenceCompany string   `json:"licenceCompany,omitempty"`
	LicenceFounded string   `json:"licenceFounded,omitempty"` // YYYY-MM-DD
	Badges         []string `json:"badges,omitempty"`
}

// Field names, as the panel names them (verdict.facts fields).
const (
	FieldStoreAge       = "storeAgeYears"
	FieldFounded        = "founded"
	FieldBusinessModel  = "businessModel"
	FieldLicenceCompany = "licenceCompany"
	FieldLicenceFounded = "licenceFounded"
	FieldBadges         = "badges"
)

// fields lists the remembered fields in the order they are recalled.
var fields = []string{FieldStoreAge, FieldFounded, FieldBusinessModel, FieldLicenceCompany, FieldLicenceFounded, FieldBadges}

// Bounds of one entry: a few sources (the newest proving one is always
// kept), short addresses, short texts. An entry stays under about 4 KB.
const (
	MaxSources  = 4
	MaxURLBytes = 160
	maxText     = 200
	maxBadges   = 16
	// refreshAfter: the same values seen again on the same page only
	// refresh its time once a day (fewer storage writes).
	refreshAfter = 24 * time.Hour
)

// TrimURL keeps what says which page a fact came from (scheme, host, path;
// the member id of a store address), bounded to MaxURLBytes: a page address
// may be 4 KB of tracking parameters. It gives what net/url's Parse,
// EscapedPath and QueryEscape give (decode_test.go compares them), without
// linking net/url, for http(s) addresses; one with a bracketed IP host
// (never a 1688 page) is kept as it is, cut.
func TrimURL(raw string) string {
	scheme, host, rawPath, path, id, ok := page.SplitURL(strings.TrimSpace(raw), "memberId")
	if !ok || host == "" {
		return cut(raw, MaxURLBytes)
	}
	out := scheme + "://" + strings.ToLower(host) + escapedPath(rawPath, path)
	if id != "" && len(id) <= 48 {
		out += "?memberId=" + queryEscape(id)
	}
	return cut(out, MaxURLBytes)
}

// cut shortens s to at most n bytes on a UTF-8 boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// ID is the storage id of a supplier: "m:<member id>", else "c:<company>",
// else "".
func ID(memberID, company string) string {
	if memberID != "" {
		return "m:" + page.MemberKey(memberID)
	}
	if c := strings.TrimSpace(company); c != "" {
		return "c:" + cut(c, maxText)
	}
	return ""
}

// factsOf converts what a page showed into stored facts.
func factsOf(f *page.SupplierFacts) Facts {
	out := Facts{
		Founded:        cut(f.Founded, maxText),
		BusinessModel:  cut(f.BusinessModel, maxText),
		LicenceCompany: cut(f.LicenceCompany, maxText),
		LicenceFounded: cut(f.LicenceFounded, maxText),
	}
	if a := f.StoreAgeYears; a != nil && *a >= 1 && *a <= 100 {
		out.StoreAgeYears = *a
	}
	for _, b := range f.Badges {
		if len(out.Badges) < maxBadges && len(b) <= 40 {
			out.Badges = append(out.Badges, b)
		}
	}
	return out
}

func (f Facts) empty() bool {
	return f.StoreAgeYears == 0 && f.Founded == "" && f.BusinessModel == "" && f.LicenceCompany == "" &&
		f.LicenceFounded == "" && len(f.Badges) == 0
}

func (f Facts) equal(g Facts) bool {
	return f.StoreAgeYears == g.StoreAgeYears && f.Founded == g.Founded && f.BusinessModel == g.BusinessModel &&
		f.LicenceCompany == g.LicenceCompany && f.LicenceFounded == g.LicenceFounded && slices.Equal(f.Badges, g.Badges)
}

// Note merges one page's sighting into the entry: the page's source is
// replaced (or added), the newest MaxSources are kept, never dropping the
// newest proving one. now is epoch milliseconds. It reports whether the
// entry changed (whether it must be written).
func (e *Entry) Note(f *page.SupplierFacts, proves bool, now int64) bool {
	if f == nil {
		return false
	}
	changed := false
	if f.MemberID != "" && e.MemberID == "" {
		e.MemberID, changed = page.MemberKey(f.MemberID), true
	}
	if c := cut(f.Company, maxText); c != "" && c != e.Company && (e.Company == "" || proves) {
		e.Company, changed = c, true
	}
	facts := factsOf(f)
	src := Source{URL: TrimURL(f.SeenURL), At: now, Proves: proves, Facts: facts}
	i := slices.IndexFunc(e.Sources, func(s Source) bool { return s.URL == src.URL })
	switch {
	case i >= 0 && e.Sources[i].Facts.equal(facts) && e.Sources[i].Proves == proves &&
		now-e.Sources[i].At < refreshAfter.Milliseconds():
		return changed
	case i >= 0:
		e.Sources = slices.Delete(e.Sources, i, i+1)
	case facts.empty():
		return changed // nothing to remember from this page
	}
	if !facts.empty() {
		e.Sources = append(e.Sources, src)
	}
	e.trim()
	return true
}

// trim sorts sources newest first and keeps MaxSources of them, the newest
// proving source among them.
func (e *Entry) trim() {
	slices.SortStableFunc(e.Sources, func(a, b Source) int { return int(b.At - a.At) })
	if len(e.Sources) <= MaxSources {
		return
	}
	keep := e.Sources[:MaxSources]
	if p := slices.IndexFunc(e.Sources, func(s Source) bool { return s.Proves }); p >= MaxSources {
		keep[MaxSources-1] = e.Sources[p]
	}
	e.Sources = slices.Clip(keep)
}

// Seen says where and when a recalled value was read.
type Seen struct {
	Value  string `json:"value"` // as text (badges: space-separated ids)
	URL    string `json:"url"`
	At     int64  `json:"at"`
	Proves bool   `json:"proves"`
}

// Conflict is a remembered claim that differs from the value shown: a newer
// page said something else. The panel shows it; it is never used.
type Conflict struct {
	Field string `json:"field"`
	Seen
	Shown string `json:"shown,omitempty"` // the value used instead
}

// Recall is what the entry adds to a page, split by proof.
type Recall struct {
	// Proved and Unproved hold one SupplierFacts per source page, for
	// page.ApplyRemembered; Unproved come from pages whose address does
	// not prove the member.
	Proved, Unproved []*page.SupplierFacts
	// Used says where each recalled field came from.
	Used      map[string]Seen
	Conflicts []Conflict
}

// maxConflicts bounds the conflicts reported for one page.
const maxConflicts = 4

// Recall picks, for each field the page m does not show (badges: the ones
// it does not show), the value of the newest proving source that has it,
// else of the newest other source. A source whose address is the page's own
// is skipped (its values are read fresh). A source newer than the chosen
// one with a different value is a Conflict.
func (e *Entry) Recall(m *page.Model) Recall {
	r := Recall{Used: map[string]Seen{}}
	if e == nil || len(e.Sources) == 0 {
		return r
	}
	here := TrimURL(m.URL)
	own := page.FactsOf(m) // what the page itself shows
	if own == nil {
		own = &page.SupplierFacts{}
	}
	ownFacts := factsOf(own)
	groups := map[int]*page.SupplierFacts{} // source index -> what it fills
	for _, field := range fields {
		if field != FieldBadges && value(ownFacts, field) != "" {
			continue // the page shows it: its own value is read fresh
		}
		chosen := e.pick(field, here, ownFacts)
		if chosen < 0 {
			continue
		}
		c := e.Sources[chosen]
		g := groups[chosen]
		if g == nil {
			g = &page.SupplierFacts{MemberID: e.MemberID, Company: e.Company, SeenURL: c.URL,
				SeenAt: time.UnixMilli(c.At).UTC().Format(time.RFC3339)}
			groups[chosen] = g
		}
		set(g, field, c.Facts, ownFacts)
		r.Used[field] = Seen{Value: value(c.Facts, field), URL: c.URL, At: c.At, Proves: c.Proves}
		// Newer pages that said otherwise (only non-proving ones can be
		// newer than the chosen source): shown, not used.
		for _, s := range e.Sources[:chosen] {
			v := value(s.Facts, field)
			if field == FieldBadges || s.URL == here || v == "" || v == value(c.Facts, field) || len(r.Conflicts) >= maxConflicts {
				continue
			}
			r.Conflicts = append(r.Conflicts, Conflict{Field: field, Shown: value(c.Facts, field),
				Seen: Seen{Value: v, URL: s.URL, At: s.At, Proves: s.Proves}})
		}
	}
	idx := make([]int, 0, len(groups))
	for i := range groups {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	for _, i := range idx {
		if e.Sources[i].Proves {
			r.Proved = append(r.Proved, groups[i])
		} else {
			r.Unproved = append(r.Unproved, groups[i])
		}
	}
	return r
}

// pick returns the index of the source to recall field from, or -1.
func (e *Entry) pick(field, here string, own Facts) int {
	best := -1
	for i, s := range e.Sources { // newest first
		if s.URL == here || !adds(s.Facts, field, own) {
			continue
		}
		if s.Proves {
			return i
		}
		if best < 0 {
			best = i
		}
	}
	return best
}

// adds says whether the source's value of field is something the page lacks.
func adds(f Facts, field string, own Facts) bool {
	if field == FieldBadges {
		return slices.ContainsFunc(f.Badges, func(b string) bool { return !slices.Contains(own.Badges, b) })
	}
	return value(f, field) != ""
}

// value is a field as text ("" when not shown).
func value(f Facts, field string) string {
	switch field {
	case FieldStoreAge:
		if f.StoreAgeYears > 0 {
			return itoa(f.StoreAgeYears)
		}
	case FieldFounded:
		return f.Founded
	case FieldBusinessModel:
		return f.BusinessModel
	case FieldLicenceCompany:
		return f.LicenceCompany
	case FieldLicenceFounded:
		return f.LicenceFounded
	case FieldBadges:
		return strings.Join(f.Badges, " ")
	}
	return ""
}

// set copies field from src into g (badges: only those the page lacks).
func set(g *page.SupplierFacts, field string, src, own Facts) {
	switch field {
	case FieldStoreAge:
		a := src.StoreAgeYears
		g.StoreAgeYears = &a
	case FieldFounded:
		g.Founded = src.Founded
	case FieldBusinessModel:
		g.BusinessModel = src.BusinessModel
	case FieldLicenceCompany:
		g.LicenceCompany = src.LicenceCompany
	case FieldLicenceFounded:
		g.LicenceFounded = src.LicenceFounded
	case FieldBadges:
		for _, b := range src.Badges {
			if !slices.Contains(own.Badges, b) {
				g.Badges = append(g.Badges, b)
			}
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}

// maxEntryJSON bounds a stored entry handed back to the core.
const maxEntryJSON = 64 << 10

// Decode reads a stored entry (the "entry" of the analyze() input's memory
// block) and brings it within the bounds: sources sorted newest first and
// cut to MaxSources, texts and addresses cut. An entry written by an older
// extension, or edited by hand, is read as far as it fits.
func Decode(raw string) (*Entry, string) {
	if len(raw) > maxEntryJSON {
		return nil, "larger than 64 KB"
	}
	var e Entry
	if !decodeEntry(raw, &e) {
		return nil, "not a supplier entry"
	}
	e.MemberID = cut(e.MemberID, 48)
	e.Company = cut(e.Company, maxText)
	kept := e.Sources[:0]
	for _, s := range e.Sources {
		if s.At <= 0 {
			continue
		}
		s.URL = cut(s.URL, MaxURLBytes)
		f := &s.Facts
		f.Founded, f.BusinessModel = cut(f.Founded, maxText), cut(f.BusinessModel, maxText)
		f.LicenceCompany, f.LicenceFounded = cut(f.LicenceCompany, maxText), cut(f.LicenceFounded, maxText)
		if f.StoreAgeYears < 0 || f.StoreAgeYears > 100 {
			f.StoreAgeYears = 0
		}
		f.Badges = slices.DeleteFunc(f.Badges, func(b string) bool { return len(b) > 40 })
		if len(f.Badges) > maxBadges {
			f.Badges = f.Badges[:maxBadges]
		}
		kept = append(kept, s)
	}
	e.Sources = kept
	e.trim()
	return &e, ""
}
