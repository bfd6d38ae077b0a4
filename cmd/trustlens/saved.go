package main

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/mail"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/tidwall/gjson"
	"golang.org/x/text/encoding/htmlindex"

	"github.com/trustlens/trustlens/internal/page"
)

// The kinds of file the CLI reads.
type fileKind int

const (
	kindHTML     fileKind = iota + 1 // a saved page
	kindMHTML                        // a page saved as one file (MHTML), with its parts
	kindHAR                          // an HTTP Archive
	kindSnapshot                     // the snapshot JSON the extension sends to the core
)

// kindOf tells what the file is: by its extension, else by its first bytes.
// Anything else is an error the CLI prints as one line.
func kindOf(name string, data []byte) (fileKind, error) {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".html", ".htm", ".xhtml", ".shtml":
		if !looksLikeText(data) {
			return 0, errors.New("does not look like a saved web page (binary content)")
		}
		return kindHTML, nil
	case ".mhtml", ".mht":
		return kindMHTML, nil
	case ".har":
		return kindHAR, nil
	case ".json":
		return kindSnapshot, nil
	}
	head := data[:min(len(data), 4096)]
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	switch {
	case isMHTML(head):
		return kindMHTML, nil
	case len(trimmed) > 0 && trimmed[0] == '{':
		if gjson.GetBytes(data, "log.entries").Exists() {
			return kindHAR, nil
		}
		return kindSnapshot, nil
	case looksLikeText(data) && bytes.Contains(bytes.ToLower(head), []byte("<html")):
		return kindHTML, nil
	}
	return 0, errors.New("not a saved page (.html, .mhtml), an HTTP Archive (.har) or a snapshot (.json)")
}

// looksLikeText is the WHATWG sniffing answer for the first bytes: text, not
// an image, archive or other binary file.
func looksLikeText(data []byte) bool {
	return strings.HasPrefix(http.DetectContentType(data), "text/")
}

// isMHTML recognises the header block of an MHTML file.
func isMHTML(head []byte) bool {
	h := bytes.ToLower(head)
	return bytes.Contains(h, []byte("mime-version:")) && bytes.Contains(h, []byte("multipart/related"))
}

// metaCharset finds the charset a page declares in its first bytes:
// <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=GBK">.
var metaCharset = regexp.MustCompile(`(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)

// prescanBytes is how far into a page the declared charset is looked for
// (browsers look at the first 1,024 bytes; a saved page may put a few
// comments and styles first).
const prescanBytes = 8 << 10

// toUTF8 decodes a page to UTF-8: by its byte-order mark, else by the
// charset given (an MHTML part's header), else by the one the page declares.
// GBK and GB18030 pages exist on 1688. A page without a declaration is read
// as UTF-8, as before. An encoding TrustLens cannot decode is an error.
func toUTF8(data []byte, charset string) ([]byte, error) {
	if rest, ok := bytes.CutPrefix(data, []byte("\xef\xbb\xbf")); ok {
		return rest, nil
	}
	if bytes.HasPrefix(data, []byte("\xff\xfe")) {
		charset = "utf-16le"
	} else if bytes.HasPrefix(data, []byte("\xfe\xff")) {
		charset = "utf-16be"
	}
	if charset == "" {
		if m := metaCharset.FindSubmatch(data[:min(len(data), prescanBytes)]); m != nil {
			charset = string(m[1])
		}
	}
	if charset == "" {
		return data, nil
	}
	enc, err := htmlindex.Get(charset)
	if err != nil {
		return nil, fmt.Errorf("the page declares the character set %q, which TrustLens cannot read", charset)
	}
	if name, _ := htmlindex.Name(enc); name == "utf-8" {
		return data, nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("cannot decode the page as %s: %v", charset, err)
	}
	return out, nil
}

// fromSavedHTML reads a saved page in its declared character set.
func fromSavedHTML(url string, data []byte) (page.Snapshot, error) {
	utf, err := toUTF8(data, "")
	if err != nil {
		return page.Snapshot{}, err
	}
	s := page.FromHTML(url, utf)
	if !utf8.Valid(utf) {
		// Read anyway (most of it may be fine), but say so.
		s.Notes = append(s.Notes, page.Note{Code: page.NoteSource, Text: "the page is not valid UTF-8 and declares no character set: some of its text may be misread"})
	}
	return s, nil
}

// fromMHTML reads a page saved as one file ("Webpage, single file" in
// Chrome): a MIME message, multipart/related, whose first HTML part (the one
// at the saved address, when several) is the page and whose other parts are
// its resources, quoted-printable or base64. Data responses among the parts
// (JSON, JSONP) are read as the page's responses. The page address is the
// argument, else the file's Snapshot-Content-Location header, else the HTML
// part's Content-Location.
func fromMHTML(url string, data []byte) (page.Snapshot, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return page.Snapshot{}, fmt.Errorf("not an MHTML file: %v", err)
	}
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mediaType, "multipart/") || params["boundary"] == "" {
		return page.Snapshot{}, errors.New("not an MHTML file: no multipart Content-Type with a boundary")
	}
	saved := msg.Header.Get("Snapshot-Content-Location")
	var (
		doc      []byte
		docURL   string
		docSaved bool // doc is the part at the saved address
		parts    []page.Resource
	)
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return page.Snapshot{}, fmt.Errorf("MHTML part %d: %v", len(parts)+1, err)
		}
		body, err := partBody(p)
		if err != nil {
			return page.Snapshot{}, fmt.Errorf("MHTML part %d: %v", len(parts)+1, err)
		}
		ct := p.Header.Get("Content-Type")
		loc := p.Header.Get("Content-Location")
		partType, partParams, _ := mime.ParseMediaType(ct)
		if partType == "text/html" && (doc == nil || (!docSaved && saved != "" && loc == saved)) {
			body, err = toUTF8(body, partParams["charset"])
			if err != nil {
				return page.Snapshot{}, fmt.Errorf("MHTML page part: %v", err)
			}
			doc, docURL, docSaved = body, loc, saved != "" && loc == saved
			continue
		}
		if partType != "" && partType != "text/html" && !strings.HasPrefix(partType, "image/") {
			if cs := partParams["charset"]; cs != "" {
				if body, err = toUTF8(body, cs); err != nil {
					return page.Snapshot{}, fmt.Errorf("MHTML part %s: %v", loc, err)
				}
			}
		}
		parts = append(parts, page.Resource{URL: loc, MimeType: ct, Body: body})
	}
	if doc == nil {
		return page.Snapshot{}, errors.New("the MHTML file holds no HTML page")
	}
	if url == "" {
		url = saved
	}
	if url == "" {
		url = docURL
	}
	s := page.FromHTML(url, doc)
	if len(s.Scripts) == 0 {
		s.Notes = append(s.Notes, page.Note{Code: page.NoteSingleFile, Text: mhtmlNoScripts})
	}
	page.AddDataResponses(&s, parts)
	return s, nil
}

// mhtmlNoScripts is the note on an MHTML page without the scripts that
// carry 1688's data: Chrome's single-file save leaves every script out.
const mhtmlNoScripts = "this page was saved as a single file (MHTML), which leaves out the page's scripts, where 1688 keeps the offer and store data: save it as \"Webpage, Complete\" or record a HAR file for a full check"

// partBody reads an MHTML part, decoding base64 (multipart.Part already
// decodes quoted-printable).
func partBody(p *multipart.Part) ([]byte, error) {
	body, err := io.ReadAll(p)
	if err != nil {
		return nil, err
	}
	if strings.EqualFold(strings.TrimSpace(p.Header.Get("Content-Transfer-Encoding")), "base64") {
		clean := bytes.Map(func(r rune) rune {
			if r == '\r' || r == '\n' || r == ' ' || r == '\t' {
				return -1
			}
			return r
		}, body)
		out := make([]byte, base64.StdEncoding.DecodedLen(len(clean)))
		n, err := base64.StdEncoding.Decode(out, clean)
		if err != nil {
			return nil, errors.New("invalid base64 body")
		}
		return out[:n], nil
	}
	return body, nil
}
