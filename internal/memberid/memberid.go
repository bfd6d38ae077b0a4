// Package memberid says what a 1688 member id is, in one place: the core
// (internal/page), the extension (through internal/vocab's generated
// extension/vocab.js) and the team service (worker/api) all use it. It
// imports nothing, so the team service's Worker links only these lines.
package memberid

// Pattern is a whole member id: "b2b-" and letters or digits (doc §1:
// b2b-[0-9a-z]{8,24}; pages also carry shorter and mixed-case ones, and the
// search API writes "a-b2b-…").
const Pattern = `^(?:a-)?b2b-[0-9A-Za-z]{1,40}$`

// Valid reports whether s is a whole member id (Pattern), checked by hand:
// it runs on every search card, and start-up should not compile a regexp.
func Valid(s string) bool {
	if len(s) >= 2 && s[:2] == "a-" {
		s = s[2:]
	}
	if len(s) < 5 || s[:4] != "b2b-" {
		return false
	}
	id := s[4:]
	if len(id) > 40 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}
