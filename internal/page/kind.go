package page

import (
	"strings"

	"github.com/trustlens/trustlens/internal/memberid"
)

// serviceHosts are 1688 subdomains that are not stores. Any other single
// label under 1688.com is treated as an old vanity store host
// ({loginname}.1688.com, e.g. wwm16888.1688.com).
var serviceHosts = map[string]bool{
	"www": true, "detail": true, "m": true, "s": true, "search": true, "login": true,
	"passport": true, "work": true, "trade": true, "order": true, "offer": true,
	"sale": true, "air": true, "show": true, "rate": true, "h5api": true,
	"cybert": true, "mindx": true, "peixun": true, "page": true, "club": true,
	"info": true, "news": true, "help": true, "service": true, "widget": true,
	"re": true, "cart": true, "p4p": true, "res": true, "img": true, "cbu01": true,
	"shop": true, "winport": true, "wp": true, "member": true, "buyer": true,
	"seller": true, "login-test": true, "air-test": true, "go": true, "b2b": true,
	"exodus": true, "smartkey": true, "dj": true, "data": true, "i": true,
	"aliqin": true, "fuwu": true, "ad": true, "u": true, "tbm": true,
}

// urlInfo is what the page address says.
type urlInfo struct {
	kind      Kind
	offerID   string // from /offer/{id}.html, only to cross-check the model
	host      string
	memberID  string // from ?memberId= (or facMemId, or /winport/{memberId}.html)
	storePage string // Model.StorePage
}

// Store page kinds (Model.StorePage).
const (
	StoreHome        = "home"
	StoreCredit      = "credit"
	StoreContact     = "contact"
	StoreLicence     = "licence"
	StoreFactoryCard = "factory-card"
	StoreOfferList   = "offer-list"
)

// storePages maps the file name of a store sub-page (/page/{name}.htm or
// .html, doc §1) to its kind. Other sub-pages (albumlist, feedback,
// creditdetail_remark …) are store pages of no particular kind.
var storePages = map[string]string{
	"index":         StoreHome,
	"offerlist":     StoreOfferList,
	"creditdetail":  StoreCredit,
	"contactinfo":   StoreContact,
	"businessinfor": StoreLicence,
}

// factoryCardPath is the factory card (工厂档案) on sale.1688.com.
const factoryCardPath = "/factory/card.html"

// MemberIDPattern is a whole 1688 member id (internal/memberid, which the
// team service uses too). The extension uses the same source
// (extension/vocab.js, internal/vocab).
const MemberIDPattern = memberid.Pattern

// MemberIDInTextPattern is a member id inside a longer text (a script, a
// link, a response body): at least 6 characters after "b2b-", so that prose
// such as "b2b-trade" is not taken for one. Callers check the boundaries.
const MemberIDInTextPattern = `(?:a-)?b2b-[0-9A-Za-z]{6,40}`

// isMemberID reports whether s is a whole member id (MemberIDPattern).
func isMemberID(s string) bool { return memberid.Valid(s) }

// memberIDOf returns the member id a store address carries, if any.
func memberIDOf(u pageURL) string {
	for _, k := range []string{"memberId", "facMemId"} {
		if v := strings.TrimSpace(u.query(k)); isMemberID(v) {
			return v
		}
	}
	// m.1688.com/winport/{memberId}.html
	if name, ok := strings.CutPrefix(u.path, "/winport/"); ok {
		name = strings.TrimSuffix(name, ".html")
		if isMemberID(name) {
			return name
		}
	}
	return ""
}

// storePageOf names the kind of store page a path is; root is true for the
// shop hosts, where "/" is the shop home.
func storePageOf(path string, root bool) string {
	if root && (path == "" || path == "/") {
		return StoreHome
	}
	name, ok := strings.CutPrefix(path, "/page/")
	if !ok {
		return ""
	}
	for _, ext := range []string{".html", ".htm"} {
		if n, ok := strings.CutSuffix(name, ext); ok {
			return storePages[n]
		}
	}
	return ""
}

// KindOf classifies a page address. Only http(s) addresses under 1688.com
// count; anything else is KindUnknown.
func KindOf(rawURL string) Kind { return parseURL(rawURL).kind }

func parseURL(rawURL string) urlInfo {
	info := urlInfo{kind: KindUnknown}
	if rawURL == "" || len(rawURL) > MaxURLBytes {
		return info
	}
	u, ok := parsePageURL(strings.TrimSpace(rawURL))
	if !ok || (u.scheme != "http" && u.scheme != "https") {
		return info
	}
	host := strings.ToLower(strings.TrimSuffix(u.hostname(), "."))
	if !strings.HasSuffix(host, ".1688.com") {
		return info
	}
	info.host = host
	sub := strings.TrimSuffix(host, ".1688.com")
	path := u.path

	switch sub {
	case "detail", "m":
		if id, ok := offerPathID(path); ok {
			info.kind, info.offerID = KindOffer, id
			return info
		}
		if sub == "m" && strings.HasPrefix(path, "/winport/") {
			info.store(u, StoreHome) // m.1688.com/winport/{memberId}.html
		}
		return info
	case "s":
		info.kind = KindSearch
		return info
	case "winport.m", "wp.m":
		info.store(u, storePageOf(path, false))
		return info
	case "sale":
		if path == factoryCardPath {
			info.store(u, StoreFactoryCard)
		}
		return info
	}
	if strings.Contains(sub, ".") {
		return info // deeper hosts we do not know
	}
	if strings.HasPrefix(sub, "shop") && len(sub) > len("shop") {
		info.store(u, storePageOf(path, true)) // shop{13 alnum}.1688.com
		return info
	}
	if !serviceHosts[sub] && sub != "" {
		info.store(u, storePageOf(path, true)) // vanity {loginname}.1688.com
	}
	return info
}

// store marks the address as a store page.
func (info *urlInfo) store(u pageURL, page string) {
	info.kind, info.storePage, info.memberID = KindStore, page, memberIDOf(u)
}

// offerPathID reads {id} from /offer/{id}.html.
func offerPathID(path string) (string, bool) {
	const prefix, suffix = "/offer/", ".html"
	if !strings.HasPrefix(path, prefix) || !strings.HasSuffix(path, suffix) {
		return "", false
	}
	id := path[len(prefix) : len(path)-len(suffix)]
	if !isDigits(id) || len(id) > 24 {
		return "", false
	}
	return id, true
}
