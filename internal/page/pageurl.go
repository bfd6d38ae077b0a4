package page

import "strings"

// pageURL is the part of an absolute address the page kind is read from,
// parsed the way net/url parses it (pageurl_test.go compares the two) so the
// core does not link net/url, whose errors bring fmt and reflect along.
type pageURL struct {
	scheme   string // lower case
	host     string // as written, port included, escapes decoded
	path     string // escapes decoded
	rawPath  string // as written
	rawQuery string
}

// parsePageURL parses an absolute http(s)-like address; ok is false where
// url.Parse fails or the address has no "//host" part.
func parsePageURL(raw string) (u pageURL, ok bool) {
	raw, frag, _ := strings.Cut(raw, "#")
	if _, ok := unescapeURL(frag, false); !ok {
		return u, false
	}
	for i := 0; i < len(raw); i++ { // control characters: refused before the fragment only
		if raw[i] < 0x20 || raw[i] == 0x7f {
			return u, false
		}
	}
	colon := strings.IndexByte(raw, ':')
	if colon < 1 || !isScheme(raw[:colon]) {
		return u, false
	}
	u.scheme = strings.ToLower(raw[:colon])
	rest := raw[colon+1:]
	if strings.HasSuffix(rest, "?") && strings.Count(rest, "?") == 1 {
		rest = rest[:len(rest)-1]
	} else {
		rest, u.rawQuery, _ = strings.Cut(rest, "?")
	}
	authority, ok := strings.CutPrefix(rest, "//")
	if !ok {
		return u, false
	}
	rest = ""
	if i := strings.IndexByte(authority, '/'); i >= 0 {
		authority, rest = authority[:i], authority[i:]
	}
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		for _, c := range []byte(authority[:i]) {
			if !isUnreserved(c) && !strings.ContainsRune("-._:~!$&'()*+,;=%@", rune(c)) {
				return u, false
			}
		}
		if _, ok := unescapeURL(authority[:i], false); !ok {
			return u, false
		}
		authority = authority[i+1:]
	}
	if u.host, ok = parseHost(authority); !ok {
		return u, false
	}
	u.rawPath = rest
	u.path, ok = unescapeURL(rest, false)
	return u, ok
}

// SplitURL parses an absolute address as url.Parse does (ok is false where
// it fails, where the address has no "//host" part, and for a bracketed IP
// literal host) and returns its lower-case scheme, its host (escapes
// decoded, port kept), its path as written and decoded, and the first value
// of the query key, as url.Values.Get gives it.
func SplitURL(raw, key string) (scheme, host, rawPath, path, value string, ok bool) {
	u, ok := parsePageURL(raw)
	if !ok {
		return "", "", "", "", "", false
	}
	return u.scheme, u.host, u.rawPath, u.path, u.query(key), true
}

// isScheme: a letter, then letters, digits, '+', '-' or '.'.
func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// parseHost checks a host as url.Parse does for a name (not a bracketed IP
// literal: those are never 1688 hosts): an optional numeric port after the
// last colon, only characters a host may carry, escapes decoded (only of
// non-ASCII bytes).
func parseHost(host string) (string, bool) {
	if strings.HasPrefix(host, "[") {
		return "", false
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		for _, c := range []byte(host[i+1:]) {
			if c < '0' || c > '9' {
				return "", false
			}
		}
		if strings.IndexByte(host[:i], ':') >= 0 {
			return "", false
		}
	}
	for _, c := range []byte(host) {
		if c < 0x80 && !isUnreserved(c) && !strings.ContainsRune("-._~!$&'()*+,;=:[]<>\"%", rune(c)) {
			return "", false
		}
	}
	// An escape in a host may only stand for a non-ASCII byte (or be %25).
	for i := 0; i+2 < len(host); i++ {
		if host[i] == '%' && isHex(host[i+1]) && unhex(host[i+1]) < 8 && host[i:i+3] != "%25" {
			return "", false
		}
	}
	return unescapeURL(host, false)
}

// hostname is the host without its port.
func (u pageURL) hostname() string {
	if i := strings.LastIndexByte(u.host, ':'); i >= 0 {
		return u.host[:i]
	}
	return u.host
}

// query returns the first value of key in the query, as url.Values.Get
// does after u.Query(): pairs with a ';' or a bad escape are skipped.
func (u pageURL) query(key string) string {
	for q := u.rawQuery; q != ""; {
		var pair string
		pair, q, _ = strings.Cut(q, "&")
		if pair == "" || strings.IndexByte(pair, ';') >= 0 {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		k, ok := unescapeURL(k, true)
		if !ok {
			continue
		}
		v, ok = unescapeURL(v, true)
		if ok && k == key {
			return v
		}
	}
	return ""
}

// unescapeURL decodes %XX escapes (and '+' as a space in a query); ok is
// false on a '%' not followed by two hex digits, as url.QueryUnescape and
// url.PathUnescape report.
func unescapeURL(s string, query bool) (string, bool) {
	if strings.IndexByte(s, '%') < 0 && (!query || strings.IndexByte(s, '+') < 0) {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return "", false
			}
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		case c == '+' && query:
			b = append(b, ' ')
		default:
			b = append(b, c)
		}
	}
	return string(b), true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
