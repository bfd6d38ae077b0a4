package page

import (
	"net/url"
	"strings"
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
	kind    Kind
	offerID string // from /offer/{id}.html, only to cross-check the model
	host    string
}

// KindOf classifies a page address. Only http(s) addresses under 1688.com
// count; anything else is KindUnknown.
func KindOf(rawURL string) Kind { return parseURL(rawURL).kind }

func parseURL(rawURL string) urlInfo {
	info := urlInfo{kind: KindUnknown}
	if rawURL == "" || len(rawURL) > MaxURLBytes {
		return info
	}
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return info
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if !strings.HasSuffix(host, ".1688.com") {
		return info
	}
	info.host = host
	sub := strings.TrimSuffix(host, ".1688.com")
	path := u.Path

	switch sub {
	case "detail", "m":
		if id, ok := offerPathID(path); ok {
			info.kind, info.offerID = KindOffer, id
			return info
		}
		if sub == "m" && strings.HasPrefix(path, "/winport/") {
			info.kind = KindStore
		}
		return info
	case "s":
		info.kind = KindSearch
		return info
	case "winport.m", "wp.m":
		info.kind = KindStore
		return info
	}
	if strings.Contains(sub, ".") {
		return info // deeper hosts we do not know
	}
	if strings.HasPrefix(sub, "shop") && len(sub) > len("shop") {
		info.kind = KindStore // shop{13 alnum}.1688.com
		return info
	}
	if !serviceHosts[sub] && sub != "" {
		info.kind = KindStore // vanity {loginname}.1688.com
	}
	return info
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
