package page

import (
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
	"github.com/trustlens/trustlens/internal/format"
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

// cardReader collects and merges cards.
type cardReader struct {
	cards    []Card
	domKey   []bool         // cards[i].Key came from the DOM
	byOffer  map[string]int // offer id -> index
	byMember map[string]int // member key -> index, cards without an offer id only
	dropped  int            // cards beyond MaxCards
	notes    []string
	problems Problem
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

func (r *cardReader) note(pattern string, a ...any) {
	r.notes = append(r.notes, format.Sprintf(pattern, a...))
}

func (r *cardReader) problem(p Problem, pattern string, a ...any) {
	r.problems |= p
	r.note(pattern, a...)
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
			r.problem(ProblemNotReadable, "%s response not readable: not JSON", kind.label())
		}
		return
	}
	root, why := cutJSON(js, false)
	if why != "" {
		if kind != listStore { // mtop.go already notes unreadable store modules
			r.problem(ProblemNotReadable, "%s response not readable: %s", kind.label(), why)
		}
		return
	}
	if kind != listStore {
		if code, failed := responseFailed(root); failed {
			r.problem(ProblemResponseFailed, "%s response failed: %s", kind.label(), truncateUTF8(code, 80))
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

// containsFold is strings.Contains, ASCII case-insensitive (sub is lower
// case). The candidates, where sub's first letter stands in either case,
// are found with strings.IndexByte, which is fast in WebAssembly too (the
// offer models it runs over are 100+ KB).
func containsFold(s, sub string) bool {
	first := [2]byte{sub[0], sub[0]}
	if c := sub[0]; c >= 'a' && c <= 'z' {
		first[1] = c - 'a' + 'A'
	}
	next := [2]int{strings.IndexByte(s, first[0]), strings.IndexByte(s, first[1])}
	for {
		k := 0 // the cursor with the nearer candidate
		if next[0] < 0 || (next[1] >= 0 && next[1] < next[0]) {
			k = 1
		}
		i := next[k]
		if i < 0 || i+len(sub) > len(s) {
			return false
		}
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
		if j := strings.IndexByte(s[i+1:], first[k]); j >= 0 {
			next[k] = i + 1 + j
		} else {
			next[k] = -1
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
