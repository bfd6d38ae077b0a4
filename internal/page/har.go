package page

import (
	"encoding/base64"
	"errors"
	"strings"

	"github.com/tidwall/gjson"
	"github.com/trustlens/trustlens/internal/format"
)

// harEntry is the part of an HTTP Archive 1.2 entry we read
// (http://www.softwareishard.com/blog/har-12-spec/).
type harEntry struct {
	URL, MimeType, Text, Encoding string
}

// readHAR reads the entries of a HAR file: log.entries[].request.url and
// response.content.{mimeType,text,encoding}.
func readHAR(har []byte) ([]harEntry, error) {
	if !gjson.ValidBytes(har) {
		return nil, errors.New("har: not valid JSON")
	}
	top := gjson.ParseBytes(har)
	if !top.IsObject() {
		return nil, errors.New("har: not a JSON object")
	}
	log := top.Get("log")
	if !log.IsObject() {
		return nil, errors.New("har: no log object")
	}
	list := log.Get("entries")
	if list.Exists() && list.Type != gjson.Null && !list.IsArray() {
		return nil, errors.New("har: log.entries is not a list")
	}
	var entries []harEntry
	var err error
	list.ForEach(func(_, e gjson.Result) bool {
		var h harEntry
		c := e.Get("response.content")
		for _, f := range []struct {
			to   *string
			from gjson.Result
			name string
		}{{&h.URL, e.Get("request.url"), "request.url"}, {&h.MimeType, c.Get("mimeType"), "mimeType"},
			{&h.Text, c.Get("text"), "text"}, {&h.Encoding, c.Get("encoding"), "encoding"}} {
			switch f.from.Type {
			case gjson.String:
				*f.to = f.from.Str
			case gjson.Null:
			default:
				err = errors.New("har: an entry's " + f.name + " is not a string")
				return false
			}
		}
		entries = append(entries, h)
		return true
	})
	return entries, err
}

// FromHAR builds a Snapshot from an HTTP Archive (the user's own file, read
// by the CLI, which caps its size). The main document is the entry whose
// request URL equals pageURL when given, else the first text/html entry;
// it goes through FromHTML. The other entries go through AddDataResponses.
// Base64 bodies are decoded. It fails only when the file is not a HAR.
func FromHAR(har []byte, pageURL string) (Snapshot, error) {
	entries, err := readHAR(har)
	if err != nil {
		return Snapshot{}, err
	}

	doc := -1
	if pageURL != "" {
		for i, e := range entries {
			if e.URL == pageURL && isHTMLMime(e.MimeType) {
				doc = i
				break
			}
		}
	}
	if doc < 0 {
		for i, e := range entries {
			if isHTMLMime(e.MimeType) {
				doc = i
				break
			}
		}
	}

	var s Snapshot
	var notes []Note
	if doc >= 0 {
		e := entries[doc]
		u := pageURL
		if u == "" {
			u = e.URL
		}
		body, err := harBody(e.Text, e.Encoding)
		if err != nil {
			notes = append(notes, Note{Code: NoteSavedDamaged, Text: "har: main document body: " + err.Error()})
		}
		s = FromHTML(u, body)
		if len(body) == 0 {
			notes = append(notes, Note{Code: NoteSavedDamaged, Text: "har: the main document has no saved body"})
		}
	} else {
		s.URL = capText(pageURL, MaxURLBytes, "url", &notes)
		notes = append(notes, Note{Code: NoteSavedDamaged, Text: "har: no text/html document found"})
	}

	var saved []Resource
	for i, e := range entries {
		if i == doc || e.Text == "" || (!byDataURL(e.URL) && isMediaMime(e.MimeType)) {
			continue // checked before decoding: images are most of a HAR
		}
		body, err := harBody(e.Text, e.Encoding)
		if err != nil {
			notes = append(notes, Note{Code: NoteSavedDamaged, Text: format.Sprintf("har: entry %d: %v", i, err)})
			continue
		}
		saved = append(saved, Resource{URL: e.URL, MimeType: e.MimeType, Body: body})
	}
	s.Notes = append(s.Notes, notes...)
	AddDataResponses(&s, saved)
	return s, nil
}

// Resource is one resource saved beside a page: an entry of a HAR file, a
// part of an MHTML file.
type Resource struct {
	URL, MimeType string
	Body          []byte
}

// byDataURL is an address of 1688's data API (mtop, h5api) or an offer
// description (a script `var offer_details={…}`, see description.go).
func byDataURL(u string) bool {
	lu := strings.ToLower(u)
	return strings.Contains(lu, "mtop") || strings.Contains(lu, "h5api") || descKey(u) != ""
}

// AddDataResponses appends to s.Responses the saved resources that are data
// responses the page received: those from 1688's data API and offer
// descriptions, and any other
// that is not media and whose body looks like JSON or JSONP. It applies the
// response caps (MaxResponses, MaxResponseBytes, MaxResponsesBytes) and
// notes what they cut.
func AddDataResponses(s *Snapshot, saved []Resource) {
	var budget ResponseBudget
	for _, r := range s.Responses {
		budget.Take(r)
	}
	for _, r := range saved {
		if len(r.Body) == 0 {
			continue
		}
		if !byDataURL(r.URL) {
			if isMediaMime(r.MimeType) {
				continue
			}
			if _, ok := unwrapJSONP(string(r.Body[:min(len(r.Body), 4096)])); !ok {
				continue
			}
		}
		if budget.Count >= MaxResponses {
			budget.Over++ // not copied: the count is all the note needs
			continue
		}
		resp := Response{
			URL:  capResponse(r.URL, MaxURLBytes, len(s.Responses), "url", &s.Notes),
			Body: capResponse(string(r.Body), MaxResponseBytes, len(s.Responses), "body", &s.Notes),
		}
		if budget.Take(resp) {
			s.Responses = append(s.Responses, resp)
		}
	}
	if note, ok := budget.Note(); ok {
		s.Notes = append(s.Notes, note)
	}
}

// harBody returns the content text, base64-decoded when so encoded.
func harBody(text, encoding string) ([]byte, error) {
	if !strings.EqualFold(encoding, "base64") {
		return []byte(text), nil
	}
	b, err := base64.StdEncoding.DecodeString(text)
	if err != nil {
		b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(text, "="))
	}
	if err != nil {
		return nil, errors.New("invalid base64 body")
	}
	return b, nil
}

func isHTMLMime(m string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(m)), "text/html")
}

// isMediaMime is a content type that is never a data response.
func isMediaMime(m string) bool {
	m = strings.ToLower(strings.TrimSpace(m))
	for _, p := range []string{"image/", "font/", "video/", "audio/", "text/css", "text/html", "application/wasm", "application/octet-stream"} {
		if strings.HasPrefix(m, p) {
			return true
		}
	}
	return false
}
