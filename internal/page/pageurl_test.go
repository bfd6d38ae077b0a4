package page

import (
	"net/url"
	"strings"
	"testing"
)

// TestPageURLSameAsNetURL parses addresses with parsePageURL and net/url and
// compares what the kind is read from: scheme, host name, path, the member
// id query values; and the query unescaping of request addresses.
func TestPageURLSameAsNetURL(t *testing.T) {
	addrs := []string{
		"https://detail.1688.com/offer/597090034012.html",
		"https://detail.1688.com/offer/597090034012.html?spm=a26352.13672862&sk=consign#top",
		"http://m.1688.com/winport/b2b-2206631578744d8fd0.html",
		"https://shop1434o69h58468.1688.com/page/creditdetail.htm?memberId=b2b-1623525410&x=1",
		"https://winport.m.1688.com/page/index.html?memberId=b2b-22%36&facMemId=+b2b-1623525410+",
		"https://s.1688.com/selloffer/offer_search.htm?keywords=%E6%89%8B%E6%9C%BA+%E5%A3%B3",
		"HTTPS://Detail.1688.COM./offer/1.html", "https://user:pw@detail.1688.com:443/offer/1.html",
		"https://detail.1688.com:44x/offer/1.html", "https://detail.1688.com:1:2/offer/1.html",
		"https://detail.1688.com/offer/%zz.html", "https://detail.1688.com/offer/1.html#%zz",
		"https://detail.1688.com/offer/%31.html", "https://de tail.1688.com/offer/1.html",
		"https://detail.1688.com/offer/1.html?memberId=b2b-1;x&memberId=b2b-2222222", "https://detail.1688.com/offer/1.html?",
		"https://detail.1688.com/a?b?memberId=b2b-1623525410", "https:detail.1688.com/offer/1.html", "https:///offer/1.html",
		"//detail.1688.com/offer/1.html", "1http://detail.1688.com/", "ht tp://detail.1688.com/", "https://[::1]/x",
		"https://a%2Eb.1688.com/x", "https://a%C3%A9.1688.com/x", "https://a%25%41.1688.com/", "https://a%zz.1688.com/x", "https://a{b.1688.com/", "https://bad\x7f.1688.com/",
		"https://u{@detail.1688.com/", "https://detail.1688.com/offer/1.html?memberId=%zz&facMemId=b2b-1623525410",
		"mailto:x@1688.com", "https://detail.1688.com", "", ":x", "https://中文.1688.com/page/index.html",
	}
	for _, a := range addrs {
		if got, want := pageURLKey(a), netURLKey(a); got != want {
			t.Errorf("%q: got %q, net/url gives %q", a, got, want)
		}
		got, ok := unescapeURL(a, true)
		if w, err := url.QueryUnescape(a); ok != (err == nil) || (ok && got != w) {
			t.Errorf("%q: unescape %q %v, net/url %q %v", a, got, ok, w, err)
		}
	}
}

// urlKey is what parseURL reads from an http(s) address on a 1688 host;
// "none" for any other.
func urlKey(scheme, host, path, memberID, facMemID string) string {
	if scheme != "http" && scheme != "https" || !strings.HasSuffix(strings.ToLower(strings.TrimSuffix(host, ".")), "1688.com") {
		return "none"
	}
	return strings.Join([]string{scheme, host, path, memberID, facMemID}, " | ")
}

func pageURLKey(a string) string {
	u, ok := parsePageURL(a)
	if !ok {
		return "none"
	}
	return urlKey(u.scheme, u.hostname(), u.path, u.query("memberId"), u.query("facMemId"))
}

func netURLKey(a string) string {
	u, err := url.Parse(a)
	if err != nil {
		return "none"
	}
	q := u.Query()
	return urlKey(u.Scheme, u.Hostname(), u.Path, q.Get("memberId"), q.Get("facMemId"))
}
