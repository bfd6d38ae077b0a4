package page

import (
	"strings"

	"github.com/trustlens/trustlens/internal/format"
)

// Model markers searched for in inline scripts (and by FromHTML).
const (
	markerG3Start   = "window.context=(function(b,d){"
	markerG3Call    = "(window.contextPath," // the IIFE call: `})(window.contextPath,{"result":…})`
	markerG3Context = "window.context"
	markerInitData  = "__INIT_DATA"
	markerStoreData = "__STORE_DATA"
	markerPageData  = "pageData"
)

// Generation values.
const (
	genG3     = "g3"
	genG2     = "g2"
	genMobile = "mobile"
)

// Parse reads a snapshot into a Model, with the result cards of search and
// list pages (Model.Cards). It never panics: a panic inside the parser (a
// bug) is turned into a note and an unreadable model, or, while reading the
// cards, into a note and no cards, because at the wasm boundary a panic
// would kill the instance for every later call. It never invents a value: a
// field the page did not carry stays unknown.
func Parse(s Snapshot) Model { return parseWith(s, true) }

// parse is Parse without the recovers, so that tests and fuzzing see panics.
func parse(s Snapshot) Model { return parseWith(s, false) }

// parseWith caps the snapshot, reads the page and then its cards. The
// "cards" DOM fragment is kept away from the page's readers, whose DOM
// readers would otherwise take a card's "入驻3年" for the page's own seller.
func parseWith(in Snapshot, recoverPanics bool) Model {
	cs, capNotes := capSnapshot(in)
	notes := append(noteTexts(in.Notes), noteTexts(capNotes)...)
	var problems Problem
	for _, n := range in.Notes {
		problems |= problemOf(n)
	}
	cardsText, hasCards := cs.DOM[DOMCards]
	if hasCards {
		dom := make(map[string]string, len(cs.DOM)-1)
		for k, v := range cs.DOM {
			if k != DOMCards {
				dom[k] = v
			}
		}
		cs.DOM = dom
	}
	var m Model
	if recoverPanics {
		m = safely(cs.URL, func() Model { return build(cs, notes) })
	} else {
		m = build(cs, notes)
	}
	m.Problems |= problems
	func() {
		if recoverPanics {
			defer func() {
				if r := recover(); r != nil {
					m.Cards = nil
					m.Notes = append(m.Notes, format.Sprintf("internal error while reading the result cards: %v", r))
				}
			}()
		}
		r := readCardsFrom(cs.Responses, cs.Scripts, cardsText, hasCards, cs.Translated)
		m.Cards = r.cards
		m.Notes = append(m.Notes, r.notes...)
		m.Problems |= r.problems
		if m.Kind == KindStore {
			addStoreOfferTitles(&m, r.storeTitles)
		}
	}()
	return m
}

// safely runs read, turning a panic into an unreadable model of url.
func safely(url string, read func() Model) (m Model) {
	defer func() {
		if r := recover(); r != nil {
			m = Model{
				Kind:  KindOf(truncateUTF8(url, MaxURLBytes)),
				URL:   truncateUTF8(url, MaxURLBytes),
				Notes: []string{format.Sprintf("internal error while reading the page: %v", r)},
			}
		}
	}()
	return read()
}

// builder accumulates a Model. Sources are read in priority order and each
// Field keeps the first known value (see fill).
type builder struct {
	m             Model
	u             urlInfo
	badges        map[string]bool
	tagSrc        []tagSource // where each Offer.Tags entry came from, for badge sources
	store         []tagSource // store-level tag texts (header shopTag, factory tags)
	texts         []Text      // store texts (certificates, credit tags, offer titles …) for Model.Texts
	gotOfferModel bool
	gotStoreModel bool

	descKeys []string // description keys the model scripts name (see description.go)
	desc     string   // text of the offer's description response
	descRead bool     // a description response was read (its text may be empty: images only)
}

// tagSource is a text with the exact field it came from.
type tagSource struct{ text, src string }

// build reads a snapshot already within the caps; notes are what decoding
// and capping cut.
func build(s Snapshot, notes []string) Model {
	b := &builder{badges: map[string]bool{}}
	b.m.URL = s.URL
	b.u = parseURL(s.URL)
	b.m.Kind = b.u.kind
	b.m.StorePage = b.u.storePage
	if b.u.memberID != "" {
		b.m.Supplier.MemberID.Set(b.u.memberID, "page address memberId")
	}
	b.m.Notes = append(b.m.Notes, notes...)

	// One look per script for the markers; the models are then read in
	// priority order: G3, G2 / mobile, store globals.
	var g3, initData, storeData, pageData []int
	for i, sc := range s.Scripts {
		if strings.Contains(sc, markerG3Call) && strings.Contains(sc, markerG3Context) {
			g3 = append(g3, i)
		}
		if strings.Contains(sc, markerInitData) {
			initData = append(initData, i)
		}
		if strings.Contains(sc, markerStoreData) {
			storeData = append(storeData, i)
		}
		if strings.Contains(sc, markerPageData) {
			pageData = append(pageData, i)
		}
	}
	for _, i := range g3 {
		b.readG3Script(s.Scripts[i])
	}
	for _, i := range initData {
		b.readInitDataScript(s.Scripts[i])
	}
	for _, i := range storeData {
		b.readStoreDataScript(s.Scripts[i])
	}
	for _, i := range pageData {
		b.readPageDataScript(s.Scripts[i])
	}
	b.descKeys = descKeysIn(s.Scripts)
	for i, r := range s.Responses {
		b.readResponse(i, r)
	}
	b.badgesFromTags()
	b.readDOM(s.DOM)
	if b.m.Kind == KindStore && !b.m.Supplier.MemberID.Known {
		if id, src, ok := storeMemberID(s); ok {
			b.m.Supplier.MemberID.Set(id, src)
		}
	}
	b.m.Readable = b.readable()
	b.m.Blocked = blockedBy(s)
	ApplyRemembered(&b.m, s.Remembered)
	// A licence page names no store of its own: the store's name seen on
	// its other pages (remembered) is what the licence is checked against;
	// without it, the licence's name stands for the company.
	if lic := b.m.Supplier.Licence.Company; lic.Known && b.m.Kind == KindStore {
		fill(&b.m.Supplier.Company, lic.Value, lic.Source)
	}
	b.finish(s.DOM)
	b.m.Reviews = readReviews(s, &b.m.Notes, &b.m.Problems)
	if s.Translated {
		b.noteTranslated()
	}
	return b.m
}

// readable decides whether a usable page model was found: an offer model,
// or on a store page the company plus something about it (store age,
// licence, header module, credit figures, or what a factory card or
// contact page shows of the store itself). Remembered facts do not count.
func (b *builder) readable() bool {
	if b.gotOfferModel {
		return true
	}
	m := &b.m
	if m.Kind != KindStore || !(m.Supplier.Company.Known || m.Supplier.Licence.Company.Known) {
		return false
	}
	st, lic := &m.Store, &m.Supplier.Licence
	sup := &m.Supplier
	return b.gotStoreModel || sup.StoreAgeYears.Known || sup.CreditLevel.Known ||
		lic.Company.Known || lic.CreditCode.Known || lic.Founded.Known ||
		sup.ExportSupport.Known || sup.FactoryArea.Known || sup.Employees.Known || sup.BusinessModel.Known ||
		st.RepurchaseRate.Known || st.ServiceScore.Known || st.GoodRate.Known || st.DisputeRate.Known ||
		st.QualityReturnRate.Known || st.Pickup48hRate.Known || st.Fulfil48hRate.Known ||
		st.Response3mRate.Known || st.PaidOrders30d.Known
}

func (b *builder) note(pattern string, a ...any) {
	b.m.Notes = append(b.m.Notes, format.Sprintf(pattern, a...))
}

// problem notes something the page did not give, and its kind.
func (b *builder) problem(p Problem, pattern string, a ...any) {
	b.m.Problems |= p
	b.note(pattern, a...)
}

// fill sets f unless an earlier (higher-priority) source already did.
func fill[T any](f *Field[T], v T, src string) bool {
	if f.Known {
		return false
	}
	f.Set(v, src)
	return true
}

// addBadge records a badge unless one with the same id is already there:
// the first source wins.
func (b *builder) addBadge(id, src string) {
	if b.badges[id] {
		return
	}
	b.badges[id] = true
	b.m.Supplier.Badges = append(b.m.Supplier.Badges, Badge{ID: id, Source: src})
}

// sign records a seller-sign boolean; the first value seen for a name wins.
func (b *builder) sign(name string, v bool) {
	if b.m.Supplier.Signs == nil {
		b.m.Supplier.Signs = map[string]bool{}
	}
	if _, seen := b.m.Supplier.Signs[name]; !seen {
		b.m.Supplier.Signs[name] = v
	}
}

// acceptOffer decides whether a model for offer id may be used: it must
// not contradict the offer id already read nor the id in the page address
// (a single-page navigation can leave another offer's model behind).
func (b *builder) acceptOffer(id, what string) bool {
	if id == "" {
		return true
	}
	if b.u.offerID != "" && id != b.u.offerID {
		b.note("%s is for offer %s but the page address is offer %s: ignored", what, id, b.u.offerID)
		return false
	}
	if o := b.m.Offer.ID; o.Known && o.Value != id {
		b.note("%s is for offer %s, not offer %s read earlier: ignored", what, id, o.Value)
		return false
	}
	return true
}

// foundOfferModel marks a page model as read.
func (b *builder) foundOfferModel(gen string) {
	if !b.m.Offer.ID.Known && !b.m.Offer.Title.Known {
		return
	}
	b.gotOfferModel = true
	if b.m.Generation == "" {
		b.m.Generation = gen
	}
}

// addTag appends an offer tag / label once, remembering its source.
func (b *builder) addTag(text, src string) {
	for _, t := range b.m.Offer.Tags {
		if t == text {
			return
		}
	}
	b.m.Offer.Tags = append(b.m.Offer.Tags, text)
	b.tagSrc = append(b.tagSrc, tagSource{text, src})
}

// addSKU appends a SKU name once.
func (b *builder) addSKU(name string) {
	if name == "" {
		return
	}
	for _, n := range b.m.Offer.SKUNames {
		if n == name {
			return
		}
	}
	b.m.Offer.SKUNames = append(b.m.Offer.SKUNames, name)
}

// finish derives the Texts list from what was read.
func (b *builder) finish(dom map[string]string) {
	m := &b.m
	add := func(where, text string) {
		if text != "" {
			m.Texts = append(m.Texts, Text{Where: where, Text: text})
		}
	}
	if m.Offer.Title.Known {
		add("title", m.Offer.Title.Value)
	}
	for _, a := range m.Offer.Attributes {
		add("attribute "+a.Name, a.Value)
	}
	for _, n := range m.Offer.SKUNames {
		add("SKU", n)
	}
	for _, t := range m.Offer.Tags {
		add("tag", t)
	}
	for _, g := range m.Offer.Guarantees {
		add("guarantee", g)
	}
	for _, d := range m.Offer.OfficialDoc {
		add("certificate "+d.Name, d.Value)
	}
	if m.Offer.Logistics.Known {
		add("logistics", m.Offer.Logistics.Value)
	}
	for _, t := range b.store {
		add("store tag", t.text)
	}
	// The description as the page received it; the rendered one only when
	// the response was not captured (both would repeat the same words).
	if b.descRead {
		add(whereDesc, b.desc)
	} else if d, ok := dom[domDescription]; ok {
		add(whereDesc, d)
	}
	if m.Supplier.Company.Known {
		add(whereStoreName, m.Supplier.Company.Value)
	}
	for _, c := range m.Supplier.Certificates {
		add(whereCertificate, c)
	}
	if s := m.Supplier.Licence.Scope; s.Known {
		add(whereLicenceScope, s.Value)
	}
	m.Texts = append(m.Texts, b.texts...)
}
