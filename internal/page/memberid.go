package page

import (
	"strings"
)

// storeMemberID finds the member id of a store page that did not state it in
// its address or header (the real PC header response carries none): public
// code reads it from the page with the pattern b2b-[0-9a-z]{8,24} (doc §1).
// Only an id quoted as a memberId value counts, and only when the page's
// scripts and store responses name exactly one: a page that mentions several
// members (recommendations, the viewer's own id) gives nothing.
// The request of a store module carries it URL-encoded and JSON-in-JSON:
// data={"params":"{\"memberId\":\"b2b-…\"}"}: quotes may be escaped.
var quotedMemberID = &textPat{
	src: `(?i)\\?"?(?:sellerMemberId|memberId|facMemId)\\?"?\s*[:=]\s*\\?"(b2b-[0-9a-z]{8,24})\\?"`,
	m: seq(opt(lit(`\`)), opt(lit(`"`)), alt(foldLit("sellerMemberId"), foldLit("memberId"), foldLit("facMemId")),
		opt(lit(`\`)), opt(lit(`"`)), spaces, one(anyOf(":=")), spaces, opt(lit(`\`)), lit(`"`),
		group(1, seq(foldLit("b2b-"), rep(isFoldAlnum, 8, 24, false))), opt(lit(`\`)), lit(`"`)),
	// \, ", s, m, f in either case, or the first byte of U+017F (ſ, an s
	// under folding); never a UTF-8 continuation byte.
	startByte: func(c byte) bool { return strings.IndexByte(`\"sSmMfF`, c) >= 0 || c == 0xC5 },
}

// isFoldAlnum is [0-9a-z] under (?i): both cases, and the two non-ASCII
// letters that fold to one of them (U+017F ſ, U+212A K).
func isFoldAlnum(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == 0x17F || r == 0x212A
}

// maxMemberScan bounds how much text the fallback searches.
const maxMemberScan = 1 << 20

func storeMemberID(s Snapshot) (string, string, bool) {
	found, where := "", ""
	budget := maxMemberScan
	look := func(text, src string) bool {
		if budget <= 0 || !strings.Contains(text, "b2b-") {
			return true
		}
		if len(text) > budget {
			text = text[:budget]
		}
		budget -= len(text)
		for _, id := range quotedMemberID.findAll(text, 16) {
			id = strings.ToLower(id)
			if strings.HasPrefix(id, "b2b-placeholder") {
				continue
			}
			if found != "" && found != id {
				return false // more than one member named: give up
			}
			found, where = id, src
		}
		return true
	}
	for _, sc := range s.Scripts {
		if !look(sc, "page script memberId") {
			return "", "", false
		}
	}
	for _, r := range s.Responses {
		if isReviewURL(r.URL) {
			continue
		}
		u, ok := unescapeURL(r.URL, true)
		if !ok {
			u = r.URL
		}
		if !look(u, "store request memberId") || !look(r.Body, "store response memberId") {
			return "", "", false
		}
	}
	return found, where, found != ""
}

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
