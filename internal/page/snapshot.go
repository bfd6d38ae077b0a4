package page

import (
	"errors"
	"sort"
	"unicode/utf8"

	"github.com/tidwall/gjson"
	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/jsonkeys"
)

// Paths of the snapshot JSON accepted by analyze().
const (
	pathSnapURL       = "url"
	pathSnapScripts   = "scripts"
	pathSnapResponses = "responses"
	pathSnapDOM       = "dom"
	pathRespURL       = "url"
	pathRespBody      = "body"
	pathSnapRemember  = "remembered"
	pathSnapTranslate = "translated"
)

// DecodeSnapshot decodes the snapshot JSON handed over by the content script.
// It applies the caps of this package while decoding: strings longer than
// their cap are truncated (on a UTF-8 boundary), entries beyond a count cap
// are dropped, and each cut is recorded in Snapshot.Notes for Parse to
// report. It never adds data. It fails on invalid JSON, on nesting deeper
// than the parser accepts, and on fields of the wrong type (null counts as
// absent).
func DecodeSnapshot(b []byte) (Snapshot, error) { return DecodeSnapshotString(string(b), nil) }

// DecodeSnapshotString is DecodeSnapshot on JSON held as a string (no copy:
// the decoded strings may share its memory). It also hands every other
// top-level member of the input to extra, when given (the blocks
// internal/core reads beside the snapshot), in the same one pass over the
// top level: each lookup by path would walk past the large scripts and
// responses again.
func DecodeSnapshotString(js string, extra func(key string, v gjson.Result)) (Snapshot, error) {
	var s Snapshot
	top, all, ok := topMembers(js)
	if !ok {
		// Take the checks one by one to say what is wrong.
		i := skipSpace(js, 0)
		if i >= len(js) || js[i] != '{' {
			return s, errors.New("snapshot: not a JSON object")
		}
		if _, _, ok := scanObject(js, i); !ok {
			return s, errors.New("snapshot: unbalanced, truncated or nested too deep")
		}
		if !gjson.Valid(js) {
			return s, errors.New("snapshot: invalid JSON")
		}
	}
	var members [6]gjson.Result // url, scripts, responses, dom, remembered, translated: the last of each name, as JSON.parse reads it
	take := func(k string, v gjson.Result) {
		i := -1
		switch k {
		case pathSnapURL:
			i = 0
		case pathSnapScripts:
			i = 1
		case pathSnapResponses:
			i = 2
		case pathSnapDOM:
			i = 3
		case pathSnapRemember:
			i = 4
		case pathSnapTranslate:
			i = 5
		}
		if i < 0 {
			if extra != nil {
				extra(k, v)
			}
		} else {
			members[i] = v
		}
	}
	if all {
		for _, m := range top {
			take(m.Read())
		}
	} else {
		gjson.Parse(js).ForEach(func(k, v gjson.Result) bool {
			take(k.Str, v)
			return true
		})
	}

	var firstErr error
	fail := func(pattern string, a ...any) {
		if firstErr == nil {
			firstErr = format.Errorf("snapshot: "+pattern, a...)
		}
	}

	if u := members[0]; u.Exists() && u.Type != gjson.Null {
		if u.Type != gjson.String {
			fail("url is not a string")
		} else {
			s.URL = capText(u.Str, MaxURLBytes, "url", &s.Notes)
		}
	}

	if v := members[1]; v.Exists() && v.Type != gjson.Null {
		if !v.IsArray() {
			fail("scripts is not an array")
		}
		n := 0
		each := func(f func(e gjson.Result) bool) {
			v.ForEach(func(_, e gjson.Result) bool { return f(e) })
		}
		if v.IsArray() {
			// The models are long strings full of escaped quotes, which
			// jsonkeys unescapes faster than gjson.
			each = func(f func(e gjson.Result) bool) { jsonkeys.Elements(v.Raw, f) }
		}
		each(func(e gjson.Result) bool {
			if e.Type != gjson.String {
				fail("scripts[%d] is not a string", n)
				return false
			}
			if len(s.Scripts) >= MaxScripts {
				n++
				return true
			}
			s.Scripts = addScript(s.Scripts, e.Str, n, &s.Notes)
			n++
			return true
		})
		if n > MaxScripts {
			s.Notes = append(s.Notes, capNote(format.Sprintf("cap hit: %d scripts, only the first %d read (MaxScripts)", n, MaxScripts)))
		}
	}

	if v := members[2]; v.Exists() && v.Type != gjson.Null {
		if !v.IsArray() {
			fail("responses is not an array")
		}
		n := 0
		var budget ResponseBudget
		v.ForEach(func(_, e gjson.Result) bool {
			if !e.IsObject() {
				fail("responses[%d] is not an object", n)
				return false
			}
			u, body := e.Get(pathRespURL), e.Get(pathRespBody)
			if (u.Exists() && u.Type != gjson.Null && u.Type != gjson.String) ||
				(body.Exists() && body.Type != gjson.Null && body.Type != gjson.String) {
				fail("responses[%d]: url and body must be strings", n)
				return false
			}
			r := Response{
				URL:  capResponse(u.Str, MaxURLBytes, n, "url", &s.Notes),
				Body: capResponse(body.Str, MaxResponseBytes, n, "body", &s.Notes),
			}
			if budget.Take(r) {
				s.Responses = append(s.Responses, r)
			}
			n++
			return true
		})
		s.Sent = n
		if note, ok := budget.Note(); ok {
			s.Notes = append(s.Notes, note)
		}
	}

	if v := members[3]; v.Exists() && v.Type != gjson.Null {
		if !v.IsObject() {
			fail("dom is not an object")
		}
		dom := map[string]string{}
		v.ForEach(func(k, e gjson.Result) bool {
			if e.Type == gjson.Null {
				return true
			}
			if e.Type != gjson.String {
				fail("dom[%q] is not a string", k.Str)
				return false
			}
			dom[k.Str] = e.Str
			return true
		})
		s.DOM = capDOM(dom, &s.Notes)
	}

	if v := members[4]; v.Exists() && v.Type != gjson.Null {
		// Facts come from the extension's storage: a bad block is dropped
		// with a Note rather than failing the whole page.
		if f, why := decodeFacts(v); why != "" {
			s.Notes = append(s.Notes, Note{Code: NoteIgnored, Text: "remembered facts ignored: " + why})
		} else {
			s.Remembered = capFacts(f, &s.Notes)
		}
	}

	if v := members[5]; v.Exists() && v.Type != gjson.Null {
		if v.Type != gjson.True && v.Type != gjson.False {
			fail("translated is not a boolean")
		}
		s.Translated = v.Type == gjson.True
	}

	if firstErr != nil {
		return Snapshot{}, firstErr
	}
	return s, nil
}

// maxTopMembers bounds the top-level members collected in the validating
// pass (a snapshot has about ten); a larger object is walked again.
const maxTopMembers = 64

// topMembers reads js in one pass when it is a JSON object nested at most
// maxNesting deep, with only JSON's whitespace around it (what the brace
// scan and gjson.Valid would both accept; ok false otherwise), and returns
// its top-level members, unless it has more than maxTopMembers (all false).
func topMembers(js string) (members []jsonkeys.Member, all, ok bool) {
	i := 0
	for i < len(js) && isJSONSpace(js[i]) {
		i++
	}
	end, members, all, ok := jsonkeys.ScanMembers(js[i:], maxNesting, maxTopMembers)
	if !ok {
		return nil, false, false
	}
	for _, c := range []byte(js[i+end:]) {
		if !isJSONSpace(c) {
			return nil, false, false
		}
	}
	return members, all, true
}

// isJSONSpace is JSON's whitespace (skipSpace also skips \f and \v).
func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// decodeFacts reads the remembered block; every member is optional, null
// counts as absent, a wrong type rejects the block.
func decodeFacts(v gjson.Result) (*SupplierFacts, string) {
	if !v.IsObject() {
		return nil, "not an object"
	}
	f := &SupplierFacts{}
	why := ""
	v.ForEach(func(k, e gjson.Result) bool {
		if e.Type == gjson.Null {
			return true
		}
		var dst *string
		switch k.Str {
		case "memberId":
			dst = &f.MemberID
		case "company":
			dst = &f.Company
		case "founded":
			dst = &f.Founded
		case "businessModel":
			dst = &f.BusinessModel
		case "licenceCompany":
			dst = &f.LicenceCompany
		case "licenceFounded":
			dst = &f.LicenceFounded
		case "seenUrl":
			dst = &f.SeenURL
		case "seenAt":
			dst = &f.SeenAt
		case "storeAgeYears":
			n, ok := intOf(e)
			if e.Type != gjson.Number || !ok {
				why = "storeAgeYears is not an integer"
				return false
			}
			f.StoreAgeYears = &n
			return true
		case "badges":
			if !e.IsArray() {
				why = "badges is not an array"
				return false
			}
			e.ForEach(func(_, x gjson.Result) bool {
				if x.Type != gjson.String {
					why = "badges has a non-string entry"
					return false
				}
				if len(f.Badges) <= maxFactBadges { // one over, so capFacts notes the cut
					f.Badges = append(f.Badges, x.Str)
				}
				return true
			})
			return why == ""
		default:
			return true // unknown members: ignored (newer extension versions)
		}
		if e.Type != gjson.String {
			why = k.Str + " is not a string"
			return false
		}
		*dst = e.Str
		return true
	})
	if why != "" {
		return nil, why
	}
	return f, ""
}

// capText truncates s to at most max bytes on a UTF-8 boundary and records
// a Note when it does.
// addScript appends script n (cut to MaxScriptBytes) to scripts, unless
// all of them together would pass MaxScriptsBytes: it is then left out,
// with a note.
func addScript(scripts []string, text string, n int, notes *[]Note) []string {
	text = capText(text, MaxScriptBytes, format.Sprintf("script %d", n), notes)
	total := len(text)
	for _, t := range scripts {
		total += len(t)
	}
	if total > MaxScriptsBytes {
		*notes = append(*notes, capNote(format.Sprintf("cap hit: script %d (%d bytes) left out, all scripts together would pass %d MiB (MaxScriptsBytes)", n, len(text), MaxScriptsBytes>>20)))
		return scripts
	}
	return append(scripts, text)
}

func capText(s string, max int, what string, notes *[]Note) string {
	if len(s) <= max {
		return s
	}
	*notes = append(*notes, capNote(format.Sprintf("cap hit: %s truncated from %d to %d bytes", what, len(s), max)))
	return truncateUTF8(s, max)
}

// capResponse is capText for part ("url" or "body") of response k.
func capResponse(s string, max, k int, part string, notes *[]Note) string {
	if len(s) <= max {
		return s
	}
	*notes = append(*notes, responseCutNote(k, format.Sprintf("%s truncated from %d to %d bytes", part, len(s), max)))
	return truncateUTF8(s, max)
}

// truncateUTF8 cuts s to at most max bytes without splitting a rune.
func truncateUTF8(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && cut > max-utf8.UTFMax && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// domPriority lists the fragments the parser reads, kept first when there
// are more than MaxDOMFragments.
var domPriority = map[string]int{"title": 0, "storeName": 1, "header": 2, "badges": 3, "description": 4, "body": 5, "offerTitles": 6, "slogan": 7}

// sortedDOMNames returns the fragment names: the known ones first, then the
// rest in byte order, so the result never depends on map iteration order.
func sortedDOMNames(dom map[string]string) []string {
	names := make([]string, 0, len(dom))
	for k := range dom {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		pi, iok := domPriority[names[i]]
		pj, jok := domPriority[names[j]]
		switch {
		case iok && jok:
			return pi < pj
		case iok != jok:
			return iok
		}
		return names[i] < names[j]
	})
	return names
}

// capDOM applies MaxDOMFragments and MaxDOMBytes; nil in, nil out.
func capDOM(dom map[string]string, notes *[]Note) map[string]string {
	if dom == nil {
		return nil
	}
	names := sortedDOMNames(dom)
	over := len(names) > MaxDOMFragments
	tooLong := false
	for _, k := range names {
		if len(dom[k]) > MaxDOMBytes || len(k) > MaxURLBytes {
			tooLong = true
			break
		}
	}
	if !over && !tooLong {
		return dom
	}
	out := make(map[string]string, min(len(names), MaxDOMFragments))
	for i, k := range names {
		if i >= MaxDOMFragments {
			*notes = append(*notes, capNote(format.Sprintf("cap hit: %d DOM fragments, only %d read (MaxDOMFragments)", len(names), MaxDOMFragments)))
			break
		}
		if len(k) > MaxURLBytes {
			*notes = append(*notes, capNote("cap hit: DOM fragment with an over-long name dropped"))
			continue
		}
		out[k] = capText(dom[k], MaxDOMBytes, format.Sprintf("DOM fragment %q", k), notes)
	}
	return out
}

// capSnapshot applies every cap to a snapshot built in Go (the CLI, tests),
// so that Parse holds to the limits whatever the caller did. It copies
// rather than modifying the caller's slices and map.
func capSnapshot(s Snapshot) (Snapshot, []Note) {
	var notes []Note
	out := Snapshot{URL: capText(s.URL, MaxURLBytes, "url", &notes)}
	if len(s.Scripts) > MaxScripts {
		notes = append(notes, capNote(format.Sprintf("cap hit: %d scripts, only the first %d read (MaxScripts)", len(s.Scripts), MaxScripts)))
	}
	for i, sc := range s.Scripts {
		if i >= MaxScripts {
			break
		}
		out.Scripts = addScript(out.Scripts, sc, i, &notes)
	}
	var budget ResponseBudget
	for i, r := range s.Responses {
		if budget.Count >= MaxResponses {
			budget.Over += len(s.Responses) - i
			break
		}
		r = Response{
			URL:  capResponse(r.URL, MaxURLBytes, i, "url", &notes),
			Body: capResponse(r.Body, MaxResponseBytes, i, "body", &notes),
		}
		if budget.Take(r) {
			out.Responses = append(out.Responses, r)
		}
	}
	if note, ok := budget.Note(); ok {
		notes = append(notes, note)
	}
	out.Prior = s.Prior
	out.Translated = s.Translated
	dom := s.DOM
	if s.Translated {
		dom = translatedDOM(dom)
	}
	out.DOM = capDOM(dom, &notes)
	out.Remembered = capFacts(s.Remembered, &notes)
	return out, notes
}
