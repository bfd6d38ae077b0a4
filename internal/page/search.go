package page

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// Result cards of search and list pages: the offer search
// (s.1688.com/selloffer/offer_search.htm), the supplier search
// (s.1688.com/company/company_search.htm) and a store's offer list
// (/page/offerlist.htm). Three carriers, merged by offer id (or member id
// for supplier cards), structured data first:
//
//   - the search data responses the page receives (doc §1, §3d):
//     search.1688.com/service/marketOfferResultViewService (offer cards) and
//     …/companySearchBusinessService (supplier cards). SEEN-CODE only: no
//     real body was available, so the field names come from public scrapers
//     (offerList[].{id, information.subject, tradePrice.offerPrice.
//     {priceInfo.price, valueString}, company.{name, memberId}}) and from
//     doc §3d; every field has alternatives and a renamed key only makes
//     the field unknown;
//   - the store offer list module Wp_pc_common_offerlist (doc §3b):
//     data.content.offerList[{id, subject, offerPrice, …}];
//   - the "cards" DOM fragment: a JSON array the extension builds from the
//     rendered cards (shape in docs/verdict.md), read for what the
//     responses left unknown and for cards they do not carry.

// MaxCards bounds the cards read from one page (a search page shows 60).
const MaxCards = 200

// Bounds on the text of one card.
const (
	maxCardText = 512 // title, company, login id
	maxCardKey  = 128
	maxCardTags = 32
	maxTagText  = 64
	maxIDText   = 64
)

// DOMCards is the name of the DOM fragment that carries the rendered cards.
const DOMCards = "cards"

// Markers of the search responses in their request URL (lower case).
const (
	svcOfferSearch   = "offerresultviewservice"       // marketOfferResultViewService, imageSearchOfferResultViewService
	svcCompanySearch = "companysearchbusinessservice" // supplier search
	svcStoreOffers   = "wp_pc_common_offerlist"       // componentKey of the store offer list module
)

// Where the card lists sit. Constant paths, tried in order: the nesting
// differs between the search services (data.data.offerList), the older
// rpc responses (data.content.offerResult, items under attr) and the
// store module (data.content.offerList, or data.data.… through mtop).
var (
	offerListPaths = [...]string{
		"data.data.offerList", "data.offerList", "data.data.content.offerList", "data.content.offerList",
		"data.content.offerResult", "data.data.offerResult", "offerList",
	}
	companyListPaths = [...]string{
		"data.data.companyWithOfferLists", "data.companyWithOfferLists", "data.data.companyList",
		"data.companyList", "companyWithOfferLists",
	}
)

// Card-source labels, the start of every Field source of a card.
const (
	srcSearchOffers = "search offers "
	srcSupplierList = "supplier search "
	srcStoreOffers  = "store offer list "
	srcDOMCard      = "DOM card "
)

// MemberKey is the key a member id is compared by: the supplier search
// writes some ids as "a-b2b-…" where other pages write "b2b-…" (doc §3d).
// GUESS: both name the same member.
func MemberKey(id string) string {
	id = strings.TrimSpace(id)
	if rest, ok := strings.CutPrefix(id, "a-"); ok && strings.HasPrefix(rest, "b2b-") {
		return rest
	}
	return id
}

// cardReader collects and merges cards.
type cardReader struct {
	cards    []Card
	domKey   []bool         // cards[i].Key came from the DOM
	byOffer  map[string]int // offer id -> index
	byMember map[string]int // member key -> index, cards without an offer id only
	dropped  int            // cards beyond MaxCards
	notes    []string
	// storeTitles are the titles in the store's own offer list module:
	// the store's wording, read by the text rules as store claims.
	storeTitles []string
	idsOnly     bool // DOM cards give only their key and ids (a translated page)
}

// readCards reads every card carrier of the responses and the DOM.
func readCards(responses []Response, domCards string, hasDOM bool) ([]Card, []string) {
	r := readCardsFrom(responses, nil, domCards, hasDOM, false)
	return r.cards, r.notes
}

// readCardsFrom reads every card carrier: the responses, the store offer
// list module in a shop page's pageData script, the DOM. It runs without
// the recover of Parse, so tests and fuzzing see panics. On a
// translated page (idsOnly) the DOM cards keep only their key and ids: their
// shown text is the translation (translate.go).
func readCardsFrom(responses []Response, scripts []string, domCards string, hasDOM, idsOnly bool) *cardReader {
	r := &cardReader{byOffer: map[string]int{}, byMember: map[string]int{}, idsOnly: idsOnly}
	for _, sc := range scripts {
		r.readPageDataOffers(sc)
	}
	for _, resp := range responses {
		if isReviewURL(resp.URL) {
			continue // review pages carry no result cards (and there may be hundreds)
		}
		r.readResponse(resp)
	}
	if hasDOM {
		r.readDOMCards(domCards)
	}
	if r.dropped > 0 {
		r.note("cap hit: %d more cards, only the first %d read (MaxCards)", r.dropped, MaxCards)
	}
	for i := range r.cards {
		c := &r.cards[i]
		if c.Key == "" {
			switch {
			case c.OfferID != "":
				c.Key = "offer:" + c.OfferID
			case c.MemberID != "":
				c.Key = "member:" + c.MemberID
			default:
				c.Key = "card:" + strconv.Itoa(i)
			}
		}
	}
	return r
}

func (r *cardReader) note(format string, a ...any) {
	r.notes = append(r.notes, fmt.Sprintf(format, a...))
}

// listKind is which card list a response carries.
type listKind int

const (
	listNone listKind = iota
	listOffers
	listCompanies
	listStore
)

func (k listKind) label() string {
	switch k {
	case listOffers:
		return "search offers"
	case listCompanies:
		return "supplier search"
	case listStore:
		return "store offer list"
	}
	return ""
}

// readResponse reads one captured response if it is a card list.
func (r *cardReader) readResponse(resp Response) {
	lu := strings.ToLower(resp.URL)
	kind := listNone
	switch {
	case strings.Contains(lu, svcOfferSearch):
		kind = listOffers
	case strings.Contains(lu, svcCompanySearch):
		kind = listCompanies
	case strings.Contains(lu, apiModuleAsync):
		kind = listStore // only if the body has an offer list (checked below)
	default:
		return
	}
	js, ok := unwrapJSONP(resp.Body)
	if !ok {
		if kind != listStore {
			r.note("%s response not readable: not JSON", kind.label())
		}
		return
	}
	root, why := cutJSON(js, false)
	if why != "" {
		if kind != listStore { // mtop.go already notes unreadable store modules
			r.note("%s response not readable: %s", kind.label(), why)
		}
		return
	}
	if kind != listStore {
		if code, failed := responseFailed(root); failed {
			r.note("%s response failed: %s", kind.label(), truncateUTF8(code, 80))
			return
		}
	}
	var list gjson.Result
	switch kind {
	case listCompanies:
		list = firstArray(root, companyListPaths[:])
	default:
		list = firstArray(root, offerListPaths[:])
	}
	if !list.Exists() {
		if kind != listStore { // other store modules carry no list: not worth a note
			r.note("%s response has no card list (renamed fields?)", kind.label())
		}
		return
	}
	r.readList(list, kind)
}

// readList reads the cards of one list.
func (r *cardReader) readList(list gjson.Result, kind listKind) {
	list.ForEach(func(_, item gjson.Result) bool {
		if len(r.cards) >= MaxCards {
			r.dropped++
			return true
		}
		if !item.IsObject() {
			return true
		}
		var c Card
		switch kind {
		case listCompanies:
			c = readCompanyItem(item)
		case listStore:
			c = readOfferItem(item, srcStoreOffers)
			if c.Title != "" && len(r.storeTitles) < MaxStoreOfferTitles {
				r.storeTitles = append(r.storeTitles, c.Title)
			}
		default:
			c = readOfferItem(item, srcSearchOffers)
		}
		r.add(c, false)
		return true
	})
}

// pageDataOfferPaths are where the offer list module's moduleData keeps its
// offers: the module response's data.content.offerList (SEEN-DATA in the
// store-catalog derivative) without the response envelope, or one level up.
var pageDataOfferPaths = [...]string{"content.offerList", "offerList", "data.content.offerList", "data.offerList"}

// readPageDataOffers reads the store offer list module
// (moduleName wp_pc_common_offerlist, any case: doc §3b writes
// Wp_pc_common_offerlist) from a shop page's window.pageData.
func (r *cardReader) readPageDataOffers(sc string) {
	if !strings.Contains(sc, markerPageData) || !containsFold(sc, svcStoreOffers) {
		return
	}
	i, ok := findAssignment(sc, markerPageData)
	if !ok {
		return
	}
	root, why := cutJSON(sc[i:], true)
	if why != "" {
		return // readPageDataScript notes it
	}
	n := 0
	root.Get(pathComponents).ForEach(func(_, c gjson.Result) bool {
		if strings.EqualFold(c.Get(pathModuleName).Str, svcStoreOffers) {
			r.readList(firstArray(c.Get(pathModuleData), pageDataOfferPaths[:]), listStore)
		}
		n++
		return n < maxListItems
	})
}

// containsFold is strings.Contains, ASCII case-insensitive (sub is lower case).
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		k := strings.IndexAny(s[i:], sub[:1]+strings.ToUpper(sub[:1]))
		if k < 0 {
			return false
		}
		i += k
		if i+len(sub) <= len(s) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// addStoreOfferTitles adds the store offer list's titles to the model's
// texts as store offer titles (claims the store makes), unless the DOM
// already gave the same title; at most MaxStoreOfferTitles in all.
func addStoreOfferTitles(m *Model, titles []string) {
	have := map[string]bool{}
	for _, t := range m.Texts {
		if t.Where == whereOfferTitle {
			have[t.Text] = true
		}
	}
	for _, t := range titles {
		if len(have) >= MaxStoreOfferTitles {
			return
		}
		if !have[t] {
			have[t] = true
			m.Texts = append(m.Texts, Text{Where: whereOfferTitle, Text: t})
		}
	}
}

// responseFailed reads the status of a search response: an mtop-style
// `ret` that is not SUCCESS, or `success: false`.
func responseFailed(root gjson.Result) (string, bool) {
	if ret := root.Get(pathRet); ret.Exists() {
		first := ret
		if ret.IsArray() {
			first = ret.Get(pathRetFirst)
		}
		if !strings.HasPrefix(first.Str, "SUCCESS") {
			code, _, _ := strings.Cut(first.Str, "::")
			if code == "" {
				code = "no status"
			}
			return code, true
		}
	}
	if ok := root.Get(pathSuccess); ok.Type == gjson.False {
		return "success = false", true
	}
	return "", false
}

const pathSuccess = "success"

// firstArray returns the first of paths that holds an array.
func firstArray(root gjson.Result, paths []string) gjson.Result {
	for _, p := range paths {
		if v := root.Get(p); v.IsArray() {
			return v
		}
	}
	return gjson.Result{}
}

// members reads the members named in keys from obj in one pass over it;
// out[i] receives the member keys[i] (the first one, if repeated). Keys are
// compared literally, so page data never acts as a gjson query.
func members(obj gjson.Result, keys []string, out []gjson.Result) {
	if !obj.IsObject() {
		return
	}
	obj.ForEach(func(k, v gjson.Result) bool {
		for i, want := range keys {
			if k.Str == want {
				if !out[i].Exists() {
					out[i] = v
				}
				break
			}
		}
		return true
	})
}

// Members of an offer card (search offerList[], store offerList[], and the
// older offerResult[] whose fields sit under attr).
var offerKeys = [...]string{
	"id", "offerId", "information", "tradePrice", "company", "subject", "simpleSubject", "title",
	"priceInfo", "price", "offerPrice", "quantityBegin", "beginAmount", "unit", "tags", "attr",
}

const (
	okID = iota
	okOfferID
	okInformation
	okTradePrice
	okCompany
	okSubject
	okSimpleSubject
	okTitle
	okPriceInfo
	okPrice
	okOfferPrice
	okQuantityBegin
	okBeginAmount
	okUnit
	okTags
	okAttr
	nOfferKeys
)

// Members of the nested objects of an offer card: information, tradePrice,
// tradePrice.offerPrice. Each is read in one pass (members), not once per
// alternative.
var (
	infoKeys  = [...]string{"subject", "simpleSubject", "title", "offerId", "id", "unit", "quantityBegin", "tags"}
	tradeKeys = [...]string{"offerPrice", "priceInfo", "unit", "quantityBegin"}
	opKeys    = [...]string{"priceInfo", "valueString", "unit", "quantityBegin"}
)

const (
	ikSubject = iota
	ikSimpleSubject
	ikTitle
	ikOfferID
	ikID
	ikUnit
	ikQuantityBegin
	ikTags
	nInfoKeys
)

const (
	tkOfferPrice = iota
	tkPriceInfo
	tkUnit
	tkQuantityBegin
	nTradeKeys
)

const (
	opPriceInfo = iota
	opValueString
	opUnit
	opQuantityBegin
	nOpKeys
)

const pathPriceInfoPrice = "price" // in priceInfo

// valueAt is a candidate value with the path it sits at.
type valueAt struct {
	v    gjson.Result
	path string
}

// readOfferItem reads one offer card; src starts every Field source.
func readOfferItem(item gjson.Result, src string) Card {
	var f [nOfferKeys]gjson.Result
	members(item, offerKeys[:], f[:])
	if f[okAttr].IsObject() && !f[okTradePrice].Exists() && !f[okCompany].Exists() {
		// offerResult[] of the older rpc responses: {title, attr:{company, tradePrice, …}}
		var a [nOfferKeys]gjson.Result
		members(f[okAttr], offerKeys[:], a[:])
		for i := range f {
			if !f[i].Exists() {
				f[i] = a[i]
			}
		}
	}
	var info [nInfoKeys]gjson.Result
	var trade [nTradeKeys]gjson.Result
	var op [nOpKeys]gjson.Result
	members(f[okInformation], infoKeys[:], info[:])
	members(f[okTradePrice], tradeKeys[:], trade[:])
	opv := trade[tkOfferPrice]
	members(opv, opKeys[:], op[:])

	var c Card
	for _, v := range [...]gjson.Result{f[okID], f[okOfferID], info[ikOfferID], info[ikID]} {
		if id, ok := numericID(v); ok {
			c.OfferID = id
			break
		}
	}
	for _, v := range [...]gjson.Result{f[okSubject], info[ikSubject], f[okSimpleSubject], info[ikSimpleSubject], f[okTitle], info[ikTitle]} {
		if s, ok := str(v); ok {
			if c.Title = cardText(stripTags(s)); c.Title != "" {
				break
			}
		}
	}

	// Price: the search's structured value first, then its display string.
	for _, pc := range [...]valueAt{
		{op[opPriceInfo], "tradePrice.offerPrice.priceInfo"},
		{op[opValueString], "tradePrice.offerPrice.valueString"},
		{opv, "tradePrice.offerPrice"},
		{trade[tkPriceInfo], "tradePrice.priceInfo"},
		{f[okPriceInfo], "priceInfo"},
		{f[okOfferPrice], "offerPrice"},
		{f[okPrice], "price"},
	} {
		v, path := pc.v, pc.path
		if v.IsObject() && strings.HasSuffix(path, "priceInfo") {
			v, path = v.Get(pathPriceInfoPrice), path+"."+pathPriceInfoPrice
		}
		if p, unit, ok := priceOf(v); ok {
			c.Price.Set(p, src+path)
			if unit != "" {
				c.Unit.Set(unit, src+path)
			}
			break
		}
	}
	if !c.Unit.Known {
		for _, uc := range [...]valueAt{{f[okUnit], "unit"}, {op[opUnit], "tradePrice.offerPrice.unit"}, {trade[tkUnit], "tradePrice.unit"}, {info[ikUnit], "information.unit"}} {
			if u, ok := str(uc.v); ok {
				if u = cleanUnit(u); u != "" {
					c.Unit.Set(u, src+uc.path)
					break
				}
			}
		}
	}
	for _, mc := range [...]valueAt{{f[okQuantityBegin], "quantityBegin"}, {f[okBeginAmount], "beginAmount"}, {op[opQuantityBegin], "tradePrice.offerPrice.quantityBegin"},
		{trade[tkQuantityBegin], "tradePrice.quantityBegin"}, {info[ikQuantityBegin], "information.quantityBegin"}} {
		if n, ok := moqOf(mc.v); ok {
			c.MOQ.Set(n, src+mc.path)
			break
		}
	}
	if s, ok := str(f[okCompany]); ok {
		c.Company = cardText(s) // a plain company name
	}
	readCompanyObject(&c, f[okCompany], src+"company.")
	addCardTags(&c, f[okTags], src+"tags")
	addCardTags(&c, info[ikTags], src+"information.tags")
	return c
}

// Members of a supplier-search entry (doc §3d).
var companyKeys = [...]string{"companyModel", "wrapper", "factoryInfo", "company"}

const (
	ckModel = iota
	ckWrapper
	ckFactoryInfo
	ckCompany
	nCompanyKeys
)

// readCompanyItem reads one companyWithOfferLists[] entry.
func readCompanyItem(item gjson.Result) Card {
	var f [nCompanyKeys]gjson.Result
	members(item, companyKeys[:], f[:])
	var c Card
	readCompanyObject(&c, f[ckModel], srcSupplierList+"companyModel.")
	readCompanyObject(&c, f[ckFactoryInfo], srcSupplierList+"factoryInfo.") // older responses
	if f[ckCompany].IsObject() {
		readCompanyObject(&c, f[ckCompany], srcSupplierList+"company.")
	}
	readCompanyObject(&c, f[ckWrapper], srcSupplierList+"wrapper.")
	return c
}

// Members of a company object: the supplier search's companyModel and
// wrapper, the offer search's company.
var companyObjKeys = [...]string{
	"company", "companyName", "name", "userId", "enterpriseId", "memberId", "loginId",
	"tpServiceYear", "tpYear", "factoryTag", "memberTags", "tags",
	"superFactory", "shiliFactory", "shiliCompany", "isShili", "factoryInspection", "businessInspection", "isTp",
}

const (
	coCompany = iota
	coCompanyName
	coName
	coUserID
	coEnterpriseID
	coMemberID
	coLoginID
	coTpServiceYear
	coTpYear
	coFactoryTag
	coMemberTags
	coTags
	coSuperFactory // flags from here on, in companyFlagBadges order
	coShiliFactory
	coShiliCompany
	coIsShili
	coFactoryInspection
	coBusinessInspection
	coIsTp
	nCompanyObjKeys
)

// companyFlagBadges maps the flags (from coSuperFactory on) to badge ids
// (doc §3d, §5). isTp → trustpass is a GUESS (the offer model's sellerSign
// uses that name).
var companyFlagBadges = [...]string{
	"super-factory", "powerful-factory", "powerful-merchant", "powerful-merchant",
	"deep-factory-audit", "deep-merchant-audit", "trustpass",
}

// readCompanyObject reads a company object into c, for fields still unknown.
func readCompanyObject(c *Card, obj gjson.Result, src string) {
	if !obj.IsObject() {
		return
	}
	var f [nCompanyObjKeys]gjson.Result
	members(obj, companyObjKeys[:], f[:])
	if c.Company == "" {
		for _, i := range []int{coCompany, coCompanyName, coName} {
			if s, ok := str(f[i]); ok {
				if c.Company = cardText(s); c.Company != "" {
					break
				}
			}
		}
	}
	if c.MemberID == "" {
		// userId | enterpriseId carry the member id on supplier search
		// (doc §3d); a numeric userId is not one and is skipped.
		for _, i := range []int{coMemberID, coUserID, coEnterpriseID} {
			if s, ok := str(f[i]); ok && len(s) <= maxIDText && isMemberID(strings.TrimSpace(s)) {
				c.MemberID = strings.TrimSpace(s)
				break
			}
		}
	}
	if s, ok := str(f[coLoginID]); ok && c.LoginID == "" {
		c.LoginID = cardText(s)
	}
	if !c.Years.Known {
		for _, i := range []int{coTpServiceYear, coTpYear} {
			if y, ok := yearsOf(f[i]); ok { // -1 (unknown) and 0 are rejected
				c.Years.Set(y, src+companyObjKeys[i])
				break
			}
		}
	}
	if s, ok := str(f[coFactoryTag]); ok {
		addCardTag(c, s, src+"factoryTag")
	}
	addCardTags(c, f[coMemberTags], src+"memberTags")
	addCardTags(c, f[coTags], src+"tags")
	for i, id := range companyFlagBadges {
		k := coSuperFactory + i
		if flagOn(f[k]) {
			addCardBadge(c, id, src+companyObjKeys[k]+" = "+f[k].Raw)
		}
	}
}

// flagOn reads a yes/no flag: true, 1, "true", "1", "Y". -1 (unknown), 0,
// false and anything else are not a yes.
func flagOn(v gjson.Result) bool {
	switch v.Type {
	case gjson.True:
		return true
	case gjson.Number:
		return v.Raw == "1"
	case gjson.String:
		switch strings.TrimSpace(v.Str) {
		case "true", "1", "Y", "y":
			return true
		}
	}
	return false
}

// cardBadgeWords are badge words a card's own labels may carry. Unlike a
// page body, a card's labels are that card's supplier's, so 诚信通 counts.
var cardBadgeWords = [...]struct{ word, id string }{
	{"超级工厂", "super-factory"},
	{"实力工厂", "powerful-factory"},
	{"深度验厂", "deep-factory-audit"},
	{"深度验商", "deep-merchant-audit"},
	{"深度认证", "deep-factory-audit"}, // GUESS, see badgeWords
	{"品牌授权", "brand-authorization"},
	{"实力商家", "powerful-merchant"},
	{"诚信通", "trustpass"},
}

// addCardTags adds the strings of a tag list (strings, or objects with
// text / name / tagName).
func addCardTags(c *Card, list gjson.Result, src string) {
	if !list.IsArray() {
		return
	}
	n := 0
	list.ForEach(func(_, t gjson.Result) bool {
		if n++; n > maxListItems {
			return false
		}
		s, ok := str(t)
		if !ok && t.IsObject() {
			for _, p := range [...]string{"text", "name", "tagName"} {
				if s, ok = str(t.Get(p)); ok {
					break
				}
			}
		}
		if ok {
			addCardTag(c, s, src)
		}
		return len(c.Tags) < maxCardTags
	})
}

// addCardTag adds one label (once) and the badges its words name.
func addCardTag(c *Card, s, src string) {
	s = strings.TrimSpace(s)
	if s == "" || len(c.Tags) >= maxCardTags {
		return
	}
	s = truncateUTF8(s, maxTagText)
	for _, t := range c.Tags {
		if t == s {
			return
		}
	}
	c.Tags = append(c.Tags, s)
	for _, w := range cardBadgeWords {
		if strings.Contains(s, w.word) {
			addCardBadge(c, w.id, src+" "+quote(s))
		}
	}
}

// addCardBadge adds a badge unless the card has it already.
func addCardBadge(c *Card, id, src string) {
	for _, b := range c.Badges {
		if b.ID == id {
			return
		}
	}
	c.Badges = append(c.Badges, Badge{ID: id, Source: src})
}

// Members of a DOM card (docs/verdict.md, "The cards fragment").
var domCardKeys = [...]string{"key", "offerId", "memberId", "company", "title", "price", "years", "tags", "moq", "loginId"}

const (
	dkKey = iota
	dkOfferID
	dkMemberID
	dkCompany
	dkTitle
	dkPrice
	dkYears
	dkTags
	dkMOQ
	dkLoginID
	nDOMCardKeys
)

// readDOMCards reads the "cards" fragment: a JSON array of card objects.
// Members of the wrong type are ignored, not the card.
func (r *cardReader) readDOMCards(text string) {
	i := skipSpace(text, 0)
	if i >= len(text) {
		return
	}
	if text[i] != '[' {
		r.note("DOM cards fragment not readable: not a JSON array")
		return
	}
	root, why := cutJSON(text[i:], false)
	if why != "" {
		r.note("DOM cards fragment not readable: %s", why)
		return
	}
	root.ForEach(func(_, e gjson.Result) bool {
		if !e.IsObject() {
			return true
		}
		if len(r.cards) >= MaxCards {
			if _, ok := r.match(domCardIDs(e)); !ok {
				r.dropped++
				return true
			}
		}
		c := readDOMCard(e)
		if r.idsOnly {
			c = Card{Key: c.Key, OfferID: c.OfferID, MemberID: c.MemberID}
		}
		r.add(c, true)
		return true
	})
}

// domCardIDs reads only the ids of a DOM card (to merge beyond the cap).
func domCardIDs(e gjson.Result) Card {
	var f [nDOMCardKeys]gjson.Result
	members(e, domCardKeys[:], f[:])
	var c Card
	c.OfferID, _ = numericID(f[dkOfferID])
	if s, ok := str(f[dkMemberID]); ok && len(s) <= maxIDText && isMemberID(strings.TrimSpace(s)) {
		c.MemberID = strings.TrimSpace(s)
	}
	return c
}

func readDOMCard(e gjson.Result) Card {
	var f [nDOMCardKeys]gjson.Result
	members(e, domCardKeys[:], f[:])
	var c Card
	if s, ok := str(f[dkKey]); ok {
		c.Key = truncateUTF8(s, maxCardKey)
	}
	c.OfferID, _ = numericID(f[dkOfferID])
	if s, ok := str(f[dkMemberID]); ok && len(s) <= maxIDText && isMemberID(strings.TrimSpace(s)) {
		c.MemberID = strings.TrimSpace(s)
	}
	if s, ok := str(f[dkCompany]); ok {
		c.Company = cardText(s)
	}
	if s, ok := str(f[dkTitle]); ok {
		c.Title = cardText(s)
	}
	if s, ok := str(f[dkLoginID]); ok {
		c.LoginID = cardText(s)
	}
	if p, unit, ok := priceOf(f[dkPrice]); ok {
		src := srcDOMCard + "price " + shownRaw(f[dkPrice])
		c.Price.Set(p, src)
		if unit != "" {
			c.Unit.Set(unit, src)
		}
	}
	if y, ok := yearsText(f[dkYears]); ok {
		c.Years.Set(y, srcDOMCard+"years "+shownRaw(f[dkYears]))
	}
	if n, ok := moqOf(f[dkMOQ]); ok {
		c.MOQ.Set(n, srcDOMCard+"moq "+shownRaw(f[dkMOQ]))
	}
	addCardTags(&c, f[dkTags], srcDOMCard+"tag")
	return c
}

// shownRaw quotes a DOM value for a source, bounded.
func shownRaw(v gjson.Result) string {
	if v.Type == gjson.String {
		return quote(truncateUTF8(v.Str, maxTagText))
	}
	return truncateUTF8(v.Raw, maxTagText)
}

// match finds the card c merges into: the same offer id, or for a card
// without offer id (a supplier card) the same member.
func (r *cardReader) match(c Card) (int, bool) {
	if c.OfferID != "" {
		i, ok := r.byOffer[c.OfferID]
		return i, ok
	}
	if c.MemberID != "" {
		i, ok := r.byMember[MemberKey(c.MemberID)]
		return i, ok
	}
	return 0, false
}

// add appends c, or merges it into the card it matches: what is known
// stays, c fills the rest; a DOM key replaces a made-up one.
func (r *cardReader) add(c Card, fromDOM bool) {
	if i, ok := r.match(c); ok {
		mergeCard(&r.cards[i], &c)
		if fromDOM && !r.domKey[i] && c.Key != "" {
			r.cards[i].Key, r.domKey[i] = c.Key, true
		}
		return
	}
	if len(r.cards) >= MaxCards {
		r.dropped++
		return
	}
	i := len(r.cards)
	r.cards = append(r.cards, c)
	r.domKey = append(r.domKey, fromDOM && c.Key != "")
	if c.OfferID != "" {
		r.byOffer[c.OfferID] = i
	} else if c.MemberID != "" {
		r.byMember[MemberKey(c.MemberID)] = i
	}
}

func mergeCard(dst, src *Card) {
	for _, p := range [...]struct{ d, s *string }{
		{&dst.MemberID, &src.MemberID}, {&dst.LoginID, &src.LoginID}, {&dst.Company, &src.Company}, {&dst.Title, &src.Title},
	} {
		if *p.d == "" {
			*p.d = *p.s
		}
	}
	if !dst.Price.Known {
		dst.Price = src.Price
	}
	if !dst.Unit.Known {
		dst.Unit = src.Unit
	}
	if !dst.Years.Known {
		dst.Years = src.Years
	}
	if !dst.MOQ.Known {
		dst.MOQ = src.MOQ
	}
	for _, b := range src.Badges {
		addCardBadge(dst, b.ID, b.Source)
	}
	for _, t := range src.Tags {
		if len(dst.Tags) >= maxCardTags {
			break
		}
		dup := false
		for _, x := range dst.Tags {
			dup = dup || x == t
		}
		if !dup {
			dst.Tags = append(dst.Tags, t)
		}
	}
}

// cardText trims and bounds a card string.
func cardText(s string) string {
	return truncateUTF8(strings.TrimSpace(s), maxCardText)
}

// stripTags removes the highlight markup search titles carry
// (`<font color=red>手机壳</font>`, `<span class=H>…</span>`).
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i+j+1:]
	}
	return b.String()
}

// --- card values ---------------------------------------------------------

// maxPrice bounds a unit price (CNY); anything above is not a price.
const maxPrice = 1e7

// priceOf reads a price from a JSON number or a shown text.
func priceOf(v gjson.Result) (price float64, unit string, ok bool) {
	switch v.Type {
	case gjson.Number:
		f, ok := floatOf(v)
		if !ok || f <= 0 || f > maxPrice {
			return 0, "", false
		}
		return f, "", true
	case gjson.String:
		return ParsePriceText(v.Str)
	}
	return 0, "", false
}

// ParsePriceText reads the lowest unit price from a shown price text:
// "¥1.98", "￥ 1 .98" (the DOM splits the integer and decimal parts into
// separate elements), "2.3-20.5" or "¥2.30~¥20.50" (a range: its low end),
// "1,280.00", "1.2万", "¥1.98/个" (unit 个), "¥1.98起". It returns false for
// text without a positive price ("面议", "", "¥0.00").
func ParsePriceText(s string) (price float64, unit string, ok bool) {
	if len(s) > maxCardText {
		s = truncateUTF8(s, maxCardText)
	}
	i := 0
	for i < len(s) && !isDigit(s[i]) {
		i++
	}
	if i >= len(s) {
		return 0, "", false
	}
	var num []byte
	dot := false
	if i > 0 && s[i-1] == '.' { // "¥.98"
		num, dot = append(num, '0', '.'), true
	}
	j := i
scan:
	for j < len(s) {
		c := s[j]
		switch {
		case isDigit(c):
			num = append(num, c)
			j++
		case c == '.' && !dot && j+1 < len(s) && isDigit(s[j+1]) || c == '.' && !dot && j+1 < len(s) && isPriceSpace(s, j+1):
			dot = true
			num = append(num, c)
			j++
		case c == ',' && !dot && threeDigits(s, j+1):
			j++ // thousands separator
		case isPriceSpace(s, j):
			// Bridge "1 .98" and "1. 98": the parts of one number that
			// the DOM rendered as separate elements.
			k := skipPriceSpace(s, j)
			if k < len(s) && (s[k] == '.' && !dot || len(num) > 0 && num[len(num)-1] == '.' && isDigit(s[k])) {
				j = k
				continue
			}
			break scan
		default:
			break scan
		}
	}
	if len(num) > 0 && num[len(num)-1] == '.' {
		num = num[:len(num)-1]
	}
	f, ok := parseDecimal(string(num))
	if !ok {
		return 0, "", false
	}
	rest := s[j:]
	if strings.HasPrefix(strings.TrimLeft(rest, " "), "万") {
		f *= 1e4
	}
	if f <= 0 || f > maxPrice || math.IsNaN(f) {
		return 0, "", false
	}
	if k := strings.IndexByte(rest, '/'); k >= 0 {
		unit = cleanUnit(rest[k+1:])
	}
	return f, unit, true
}

// cleanUnit keeps the unit word of "/个", "个起", " 件 ": at most 8 runes,
// up to a space, digit or 起.
func cleanUnit(u string) string {
	u = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(u), "/"))
	n := 0
	for i, r := range u {
		if r == ' ' || r == '起' || r == '/' || (r >= '0' && r <= '9') || n >= 8 {
			return u[:i]
		}
		n++
	}
	return u
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func threeDigits(s string, i int) bool {
	if i+3 > len(s) || !isDigit(s[i]) || !isDigit(s[i+1]) || !isDigit(s[i+2]) {
		return false
	}
	return i+3 == len(s) || !isDigit(s[i+3])
}

// isPriceSpace reports a space at s[i]: ASCII, no-break (U+00A0) or
// ideographic (U+3000).
func isPriceSpace(s string, i int) bool {
	switch {
	case s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r':
		return true
	case strings.HasPrefix(s[i:], "\u00a0"), strings.HasPrefix(s[i:], "\u3000"):
		return true
	}
	return false
}

func skipPriceSpace(s string, i int) int {
	for i < len(s) && isPriceSpace(s, i) {
		if s[i] < 0x80 {
			i++
		} else if strings.HasPrefix(s[i:], "\u00a0") {
			i += len("\u00a0")
		} else {
			i += len("\u3000")
		}
	}
	return i
}

// yearsText reads store years from a number or a text such as "3年",
// "诚信通3年", "入驻 3 年": 1 to 100.
func yearsText(v gjson.Result) (int, bool) {
	if y, ok := yearsOf(v); ok {
		return y, true
	}
	s, ok := str(v)
	if !ok {
		return 0, false
	}
	k := strings.Index(s, "年")
	if k < 0 {
		return 0, false
	}
	end := k
	for end > 0 && s[end-1] == ' ' {
		end--
	}
	start := end
	for start > 0 && isDigit(s[start-1]) && end-start < 3 {
		start--
	}
	if start == end || (start > 0 && isDigit(s[start-1])) {
		return 0, false
	}
	n, _ := strconv.Atoi(s[start:end])
	return n, n >= 1 && n <= 100
}

// moqOf reads a minimum order quantity from a number or a text such as
// "≥2件", "2件起批", "起批量 1,000". A fractional quantity ("0.5吨") is
// not read.
func moqOf(v gjson.Result) (int, bool) {
	if v.Type == gjson.Number {
		n, ok := intOf(v)
		return n, ok && n >= 1 && n <= 1e9
	}
	s, ok := str(v)
	if !ok {
		return 0, false
	}
	if len(s) > maxCardText {
		s = truncateUTF8(s, maxCardText)
	}
	i := 0
	for i < len(s) && !isDigit(s[i]) {
		i++
	}
	n, digits := 0, 0
	for i < len(s) {
		switch c := s[i]; {
		case isDigit(c):
			if n > 1e9 {
				return 0, false
			}
			n = n*10 + int(c-'0')
			digits++
			i++
			continue
		case c == ',' && threeDigits(s, i+1):
			i++
			continue
		case c == '.' && i+1 < len(s) && isDigit(s[i+1]):
			return 0, false
		}
		break
	}
	return n, digits > 0 && n >= 1 && n <= 1e9
}
