package page

import (
	"slices"
	"strings"
	"time"

	"github.com/trustlens/trustlens/internal/format"
)

// SupplierFacts is what the extension remembers about a seller between
// pages: a store page shows the store age, licence and founding that an
// offer page of the same seller may not. The core puts FactsOf(model) in
// the verdict; the extension stores it (keyed by memberId, else company)
// and sends it back as Snapshot.Remembered on the next page of that seller.
type SupplierFacts struct {
	MemberID       string   `json:"memberId,omitempty"`
	Company        string   `json:"company,omitempty"`
	StoreAgeYears  *int     `json:"storeAgeYears,omitempty"`
	Founded        string   `json:"founded,omitempty"` // YYYY-MM-DD (China time)
	BusinessModel  string   `json:"businessModel,omitempty"`
	LicenceCompany string   `json:"licenceCompany,omitempty"`
	LicenceFounded string   `json:"licenceFounded,omitempty"` // YYYY-MM-DD
	Badges         []string `json:"badges,omitempty"`         // badge ids
	SeenURL        string   `json:"seenUrl,omitempty"`        // the page the facts were read on
	SeenAt         string   `json:"seenAt,omitempty"`         // RFC 3339
}

// Caps on remembered facts (they come from extension storage, which a
// compromised page cannot write, but are bounded like any input).
const (
	maxFactText   = 512
	maxFactBadges = 16
)

// rememberedPrefix starts the Source of every field filled from
// remembered facts; FactsOf leaves such fields out, so that an old fact is
// never re-stamped with a new date.
const rememberedPrefix = "remembered from "

// now is time.Now, replaceable in tests.
var now = time.Now

// FactsOf returns the facts of m worth remembering for its seller, or nil
// when the page names no seller (neither member id nor company). Only what
// this page itself showed is included: values that were filled from
// remembered facts are left out. The extension should merge the result
// into what it has (newer non-empty fields win), not replace it.
func FactsOf(m *Model) *SupplierFacts {
	if m == nil {
		return nil
	}
	own := func(src string) bool { return !strings.HasPrefix(src, rememberedPrefix) }
	sup := &m.Supplier
	f := &SupplierFacts{SeenURL: m.URL, SeenAt: now().UTC().Format(time.RFC3339)}
	if v := sup.MemberID; v.Known && own(v.Source) {
		f.MemberID = v.Value
	}
	// A company name taken from the licence (a licence page names no store
	// of its own) is the licence's, remembered as such below: remembering it
	// as the store's name would check the licence against itself later.
	if v := sup.Company; v.Known && own(v.Source) && v.Source != sup.Licence.Company.Source {
		f.Company = v.Value
	}
	if f.MemberID == "" && f.Company == "" {
		return nil
	}
	if v := sup.StoreAgeYears; v.Known && own(v.Source) {
		age := v.Value
		f.StoreAgeYears = &age
	}
	if v := sup.Founded; v.Known && own(v.Source) {
		f.Founded = formatDate(v.Value)
	}
	if v := sup.BusinessModel; v.Known && own(v.Source) {
		f.BusinessModel = v.Value
	}
	if v := sup.Licence.Company; v.Known && own(v.Source) {
		f.LicenceCompany = v.Value
	}
	if v := sup.Licence.Founded; v.Known && own(v.Source) {
		f.LicenceFounded = formatDate(v.Value)
	}
	for _, b := range sup.Badges {
		if own(b.Source) {
			f.Badges = append(f.Badges, b.ID)
		}
	}
	return f
}

// ApplyRemembered fills fields the page left unknown from facts about the
// same seller: same member id, or (when the page shows no member id) the
// same company name. Each filled field says where and when it was seen
// (its Source starts with "remembered from "). It works on a parsed model,
// so that the core can weigh remembered facts without parsing again.
func ApplyRemembered(m *Model, f *SupplierFacts) {
	if f == nil {
		return
	}
	note := func(pattern string, a ...any) { m.Notes = append(m.Notes, format.Sprintf(pattern, a...)) }
	sup := &m.Supplier
	switch {
	case sup.MemberID.Known:
		if f.MemberID != sup.MemberID.Value {
			if f.MemberID != "" {
				note("remembered facts are for member %s, not this page's seller %s: not used", truncateUTF8(f.MemberID, 64), sup.MemberID.Value)
			}
			return
		}
	case sup.Company.Known && f.Company != "" && f.Company == sup.Company.Value:
	default:
		if f.MemberID != "" || f.Company != "" {
			note("remembered facts are not about this page's seller (no matching member id or company): not used")
		}
		return
	}
	src := rememberedPrefix + truncateUTF8(f.SeenURL, MaxURLBytes)
	if t, err := time.Parse(time.RFC3339, f.SeenAt); err == nil {
		src += " (" + t.Format(time.DateOnly) + ")"
	} else {
		src += " (date unknown)"
	}
	if f.MemberID != "" && isMemberID(f.MemberID) {
		fill(&sup.MemberID, f.MemberID, src)
	}
	if f.Company != "" {
		// On a licence page the licence's name stands in for the store's
		// (build): the store's name seen on its other pages comes first.
		if c := &sup.Company; c.Known && m.Kind == KindStore && c.Source == sup.Licence.Company.Source {
			c.Known = false
		}
		fill(&sup.Company, f.Company, src)
	}
	if a := f.StoreAgeYears; a != nil && *a >= 1 && *a <= 100 {
		fill(&sup.StoreAgeYears, *a, src)
	}
	if t, ok := parseDate(f.Founded); ok {
		fill(&sup.Founded, t, src)
	}
	if f.BusinessModel != "" {
		fill(&sup.BusinessModel, f.BusinessModel, src)
	}
	if f.LicenceCompany != "" {
		fill(&sup.Licence.Company, f.LicenceCompany, src)
	}
	if t, ok := parseDate(f.LicenceFounded); ok {
		fill(&sup.Licence.Founded, t, src)
	}
	for i, id := range f.Badges {
		if i >= maxFactBadges {
			break
		}
		if isBadgeID(id) && !slices.ContainsFunc(sup.Badges, func(b Badge) bool { return b.ID == id }) {
			sup.Badges = append(sup.Badges, Badge{ID: id, Source: src})
		}
	}
}

// AddressProvesMember says whether the page's own address ties it to its
// member: a store page whose address names the member id, or the store's
// own host (shop….1688.com, {loginname}.1688.com) or licence page. Facts
// read on any other page (an offer page, or data responses naming some
// member) are the page's claims about that member, not proof.
func AddressProvesMember(m *Model) bool {
	if m == nil || m.Kind != KindStore || !m.Supplier.MemberID.Known {
		return false
	}
	u := parseURL(m.URL)
	if u.kind != KindStore {
		return false
	}
	if u.memberID != "" {
		return MemberKey(u.memberID) == MemberKey(m.Supplier.MemberID.Value)
	}
	sub := strings.TrimSuffix(u.host, ".1688.com")
	ownHost := !strings.Contains(sub, ".") && sub != "m" && sub != "sale"
	return ownHost || u.storePage == StoreLicence
}

// capFacts bounds remembered facts: long strings are cut, extra badges dropped.
func capFacts(f *SupplierFacts, notes *[]Note) *SupplierFacts {
	if f == nil {
		return nil
	}
	c := *f
	for _, p := range []*string{&c.MemberID, &c.Company, &c.Founded, &c.BusinessModel, &c.LicenceCompany,
		&c.LicenceFounded, &c.SeenAt} {
		*p = capText(*p, maxFactText, "remembered fact", notes)
	}
	c.SeenURL = capText(c.SeenURL, MaxURLBytes, "remembered seenUrl", notes)
	if len(c.Badges) > maxFactBadges {
		*notes = append(*notes, capNote(format.Sprintf("cap hit: more than %d remembered badges, only the first %d read", maxFactBadges, maxFactBadges)))
		c.Badges = c.Badges[:maxFactBadges]
	}
	c.Badges = append([]string(nil), c.Badges...)
	for i := range c.Badges {
		c.Badges[i] = capText(c.Badges[i], maxFactText, "remembered badge", notes)
	}
	if f.StoreAgeYears != nil {
		a := *f.StoreAgeYears
		c.StoreAgeYears = &a
	}
	return &c
}
