package page

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// harFile is the part of HTTP Archive 1.2 we read
// (http://www.softwareishard.com/blog/har-12-spec/).
type harFile struct {
	Log *struct {
		Entries []struct {
			Request struct {
				URL string `json:"url"`
			} `json:"request"`
			Response struct {
				Content struct {
					MimeType string `json:"mimeType"`
					Text     string `json:"text"`
					Encoding string `json:"encoding"`
				} `json:"content"`
			} `json:"response"`
		} `json:"entries"`
	} `json:"log"`
}

// FromHAR builds a Snapshot from an HTTP Archive (the user's own file, read
// by the CLI, which caps its size). The main document is the entry whose
// request URL equals pageURL when given, else the first text/html entry;
// it goes through FromHTML. Every other entry whose URL mentions mtop or
// h5api or is an offer description (/1688offer/), or whose body looks like
// JSON or JSONP, becomes a Response (at
// most MaxResponses, bodies capped at MaxResponseBytes). Base64 bodies are
// decoded. It fails only when the file is not a HAR.
func FromHAR(har []byte, pageURL string) (Snapshot, error) {
	var f harFile
	if err := json.Unmarshal(har, &f); err != nil {
		return Snapshot{}, fmt.Errorf("har: %w", err)
	}
	if f.Log == nil {
		return Snapshot{}, errors.New("har: no log object")
	}
	entries := f.Log.Entries

	doc := -1
	if pageURL != "" {
		for i, e := range entries {
			if e.Request.URL == pageURL && isHTMLMime(e.Response.Content.MimeType) {
				doc = i
				break
			}
		}
	}
	if doc < 0 {
		for i, e := range entries {
			if isHTMLMime(e.Response.Content.MimeType) {
				doc = i
				break
			}
		}
	}

	var s Snapshot
	var notes []string
	if doc >= 0 {
		e := entries[doc]
		u := pageURL
		if u == "" {
			u = e.Request.URL
		}
		body, err := harBody(e.Response.Content.Text, e.Response.Content.Encoding)
		if err != nil {
			notes = append(notes, "har: main document body: "+err.Error())
		}
		s = FromHTML(u, body)
		if len(body) == 0 {
			notes = append(notes, "har: the main document has no saved body")
		}
	} else {
		s.URL = capText(pageURL, MaxURLBytes, "url", &notes)
		notes = append(notes, "har: no text/html document found")
	}

	var budget ResponseBudget
	for i, e := range entries {
		if i == doc {
			continue
		}
		c := e.Response.Content
		if c.Text == "" {
			continue
		}
		lu := strings.ToLower(e.Request.URL)
		// Data by address: mtop / h5api, and the offer description
		// (a script `var offer_details={…}`, see description.go).
		byURL := strings.Contains(lu, "mtop") || strings.Contains(lu, "h5api") || descKey(e.Request.URL) != ""
		if !byURL && isMediaMime(c.MimeType) {
			continue
		}
		body, err := harBody(c.Text, c.Encoding)
		if err != nil {
			notes = append(notes, fmt.Sprintf("har: entry %d: %v", i, err))
			continue
		}
		if !byURL {
			// Other entries only when the body looks like JSON or JSONP.
			if _, ok := unwrapJSONP(string(body[:min(len(body), 4096)])); !ok {
				continue
			}
		}
		if budget.Count >= MaxResponses {
			budget.Over++ // not copied: the count is all the note needs
			continue
		}
		r := Response{
			URL:  capText(e.Request.URL, MaxURLBytes, responseWhat(len(s.Responses), "url"), &notes),
			Body: capText(string(body), MaxResponseBytes, responseWhat(len(s.Responses), "body"), &notes),
		}
		if budget.Take(r) {
			s.Responses = append(s.Responses, r)
		}
	}
	if note := budget.Note(); note != "" {
		notes = append(notes, note)
	}
	s.Notes = append(s.Notes, notes...)
	return s, nil
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
