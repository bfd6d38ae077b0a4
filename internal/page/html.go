package page

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/trustlens/trustlens/internal/format"
)

// FromHTML builds a Snapshot from a saved page, for the CLI. It keeps the
// inline scripts (no src) that carry a model marker, the page address (the
// argument, else the "saved from" comment a browser writes at the top of a
// saved page, else <link rel="canonical">, else og:url), and two DOM
// fragments: "title" (<title>) and "body" (visible text: tags stripped,
// scripts and styles removed, whitespace collapsed, capped at MaxDOMBytes).
// It is a small single-pass scanner, not an HTML5 parser: enough for the
// shapes 1688 pages use, and safe on any input.
func FromHTML(pageURL string, html []byte) Snapshot {
	var s Snapshot
	h := string(html)
	var body textBuilder
	body.max = MaxDOMBytes
	var title, savedFrom, canonical, ogURL string
	scripts := 0
	beforeRoot := true // no element seen yet: a "saved from" comment is the browser's, not the page's

	scanHTML(h, &body, htmlVisitor{
		comment: func(c string) {
			if beforeRoot && savedFrom == "" { // a "saved from" comment is the browser's, before any element
				savedFrom = savedFromURL(c)
			}
		},
		start: func(name string, attrs map[string]string) {
			beforeRoot = false
			if !s.Translated && isTranslatedMarkup(name, attrs) {
				s.Translated = true
			}
			switch name {
			case "link":
				if strings.EqualFold(attrs["rel"], "canonical") && canonical == "" {
					canonical = decodeEntities(attrs["href"])
				}
			case "meta":
				if strings.EqualFold(attrs["property"], "og:url") && ogURL == "" {
					ogURL = decodeEntities(attrs["content"])
				}
			}
		},
		raw: func(name string, attrs map[string]string, content string) {
			switch name {
			case "script":
				if _, hasSrc := attrs["src"]; hasSrc || !hasModelMarker(content) {
					return
				}
				scripts++
				if len(s.Scripts) < MaxScripts {
					s.Scripts = addScript(s.Scripts, content, scripts-1, &s.Notes)
				}
			case "title":
				if title == "" {
					title = collapseSpace(decodeEntities(content))
				}
			}
		},
	})
	if scripts > MaxScripts {
		s.Notes = append(s.Notes, capNote(format.Sprintf("cap hit: %d model scripts, only the first %d kept (MaxScripts)", scripts, MaxScripts)))
	}

	switch {
	case pageURL != "":
		s.URL = pageURL
	case savedFrom != "":
		s.URL = savedFrom
	case isHTTPURL(canonical):
		s.URL = canonical
	case isHTTPURL(ogURL):
		s.URL = ogURL
	}
	s.URL = capText(s.URL, MaxURLBytes, "url", &s.Notes)

	dom := map[string]string{}
	if title != "" {
		dom[domTitle] = capText(title, MaxDOMBytes, "DOM fragment \"title\"", &s.Notes)
	}
	if t := body.String(); t != "" {
		if body.cut {
			s.Notes = append(s.Notes, capNote(format.Sprintf("cap hit: DOM fragment \"body\" truncated to %d bytes", MaxDOMBytes)))
		}
		dom["body"] = t
	}
	if len(s.Scripts) == 0 && len(h) > 0 {
		// No page model: keep the start of the markup, where a security
		// check or login wall says what it is (blocked.go), as the extension does.
		dom[domHTML] = truncateUTF8(h, maxBlockedHTML)
	}
	if len(dom) > 0 {
		s.DOM = dom
	}
	return s
}

// htmlVisitor receives what scanHTML meets besides visible text: comments,
// start tags, and the content of raw-text elements (script, style, textarea,
// title, noscript, template). Any of them may be nil.
type htmlVisitor struct {
	comment func(text string)
	start   func(name string, attrs map[string]string)
	raw     func(name string, attrs map[string]string, content string)
	// alt writes the alt text of images into the text (descriptions carry
	// their words there); stopAtCap stops the scan when the text is full.
	alt, stopAtCap bool
}

// scanHTML walks markup once: its visible text goes to t (tags stripped,
// entities decoded by t, block tags breaking words, textarea content kept,
// scripts and styles dropped), everything else to v. It is a small
// single-pass scanner, not an HTML5 parser, and safe on any input.
func scanHTML(h string, t *textBuilder, v htmlVisitor) {
	for i := 0; i < len(h) && !(v.stopAtCap && t.cut); {
		lt := strings.IndexByte(h[i:], '<')
		if lt < 0 {
			t.text(h[i:])
			return
		}
		t.text(h[i : i+lt])
		i += lt
		switch {
		case strings.HasPrefix(h[i:], "<!--"):
			end := strings.Index(h[i+4:], "-->")
			if end < 0 {
				return
			}
			if v.comment != nil {
				v.comment(h[i+4 : i+4+end])
			}
			i += 4 + end + 3
			continue
		case strings.HasPrefix(h[i:], "</"), strings.HasPrefix(h[i:], "<!"), strings.HasPrefix(h[i:], "<?"):
			name, _, next := readTag(h, i+1)
			if blockTags[name] {
				t.space()
			}
			i = next
			continue
		}
		name, attrs, next := readTag(h, i)
		if name == "" { // a lone '<' is text
			t.text("<")
			i++
			continue
		}
		i = next
		if v.start != nil {
			v.start(name, attrs)
		}
		switch name {
		case "script", "style", "textarea", "title", "noscript", "template":
			end := indexFold(h[i:], "</"+name)
			content := h[i:]
			if end >= 0 {
				content = h[i : i+end]
				_, _, i = readTag(h, i+end+1)
			} else {
				i = len(h)
			}
			if name == "textarea" {
				t.text(content)
			}
			if v.raw != nil {
				v.raw(name, attrs, content)
			}
		case "img", "area":
			t.space()
			if v.alt {
				t.text(attrs["alt"])
				t.space()
			}
		case "br":
			t.space()
		default:
			if blockTags[name] {
				t.space()
			}
		}
	}
}

// savedFromURL reads the comment Chrome (and IE before it) writes at the top
// of a page saved with "Save page as": " saved from url=(0135)https://…",
// where the number is the address's length in characters. It returns the
// address when it is http(s), else "".
func savedFromURL(comment string) string {
	rest, ok := strings.CutPrefix(strings.TrimSpace(comment), "saved from url=(")
	if !ok {
		return ""
	}
	num, rest, ok := strings.Cut(rest, ")")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n <= 0 {
		return ""
	}
	u := strings.TrimSpace(rest)
	if r := []rune(u); n < len(r) { // the count ends the address (it may hold spaces or "--")
		u = string(r[:n])
	}
	if !isHTTPURL(u) {
		return ""
	}
	return u
}

// hasModelMarker reports whether an inline script carries a page model.
func hasModelMarker(s string) bool {
	return strings.Contains(s, markerInitData) || strings.Contains(s, markerG3Context) ||
		strings.Contains(s, markerStoreData) || strings.Contains(s, markerPageData)
}

func isHTTPURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// blockTags break the visible text into words; inline tags do not
// (`<span>入驻</span><span>11年</span>` reads as 入驻11年, as innerText would).
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"dd": true, "div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hr": true, "html": true, "li": true,
	"main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"table": true, "tbody": true, "td": true, "tfoot": true, "th": true, "thead": true,
	"tr": true, "ul": true, "button": true, "option": true, "select": true, "img": true,
	"input": true, "label": true,
}

// readTag reads the tag starting at h[i] == '<' (or just after "</"). It
// returns the lower-case tag name (empty if this is not a tag), its
// attributes (lower-case names, raw values) and the index after '>'.
// Quoted attribute values may contain '>'.
func readTag(h string, i int) (name string, attrs map[string]string, next int) {
	j := i
	if j < len(h) && (h[j] == '<' || h[j] == '/' || h[j] == '!' || h[j] == '?') {
		j++
	}
	if j < len(h) && h[j] == '/' {
		j++
	}
	start := j
	for j < len(h) && isTagNameByte(h[j]) {
		j++
	}
	if j == start && h[i] == '<' && i+1 < len(h) && h[i+1] != '/' && h[i+1] != '!' && h[i+1] != '?' {
		return "", nil, i + 1
	}
	name = strings.ToLower(h[start:j])
	for j < len(h) {
		j = skipSpace(h, j)
		if j >= len(h) {
			break
		}
		switch h[j] {
		case '>':
			return name, attrs, j + 1
		case '/':
			j++
			continue
		}
		// attribute name
		a := j
		for j < len(h) && h[j] != '=' && h[j] != '>' && h[j] != '/' && !isSpace(h[j]) {
			j++
		}
		if j == a {
			j++
			continue
		}
		key := strings.ToLower(h[a:j])
		val := ""
		k := skipSpace(h, j)
		if k < len(h) && h[k] == '=' {
			k = skipSpace(h, k+1)
			if k < len(h) && (h[k] == '"' || h[k] == '\'') {
				q := h[k]
				end := strings.IndexByte(h[k+1:], q)
				if end < 0 {
					return name, attrs, len(h)
				}
				val = h[k+1 : k+1+end]
				j = k + 1 + end + 1
			} else {
				v := k
				for k < len(h) && h[k] != '>' && !isSpace(h[k]) {
					k++
				}
				val = h[v:k]
				j = k
			}
		}
		if attrs == nil {
			attrs = map[string]string{}
		}
		if _, dup := attrs[key]; !dup && len(attrs) < 64 {
			attrs[key] = val
		}
	}
	return name, attrs, len(h)
}

func isTagNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == ':'
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// indexFold is strings.Index, ASCII case-insensitive in sub (sub is lower case).
func indexFold(s, sub string) int {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		k := strings.IndexByte(s[i:], '<')
		if k < 0 {
			return -1
		}
		i += k
		if i+n <= len(s) && strings.EqualFold(s[i:i+n], sub) {
			return i
		}
	}
	return -1
}

// textBuilder collects visible text with whitespace collapsed and a cap.
type textBuilder struct {
	b       strings.Builder
	max     int
	pending bool // a space is owed before the next word
	cut     bool
}

func (t *textBuilder) space() { t.pending = t.b.Len() > 0 }

func (t *textBuilder) text(raw string) {
	if t.cut || raw == "" {
		return
	}
	s := raw
	if strings.IndexByte(s, '&') >= 0 {
		s = decodeEntities(s)
	}
	// FieldsFunc drops the separators: a leading or trailing one owes a space.
	leading := s != "" && isSpaceRune(firstRune(s))
	trailing := s != "" && isSpaceRune(lastRune(s))
	words := strings.FieldsFunc(s, isSpaceRune)
	if len(words) == 0 {
		if leading {
			t.space()
		}
		return
	}
	if leading {
		t.space()
	}
	for i, w := range words {
		if i > 0 {
			t.pending = true
		}
		if t.pending && t.b.Len() > 0 {
			if !t.write(" ") {
				return
			}
		}
		t.pending = false
		if !t.write(w) {
			return
		}
	}
	if trailing {
		t.space()
	}
}

// write appends s unless the cap would be passed; then it writes what fits
// (on a rune boundary) and stops for good.
func (t *textBuilder) write(s string) bool {
	if t.b.Len()+len(s) <= t.max {
		t.b.WriteString(s)
		return true
	}
	t.b.WriteString(truncateUTF8(s, t.max-t.b.Len()))
	t.cut = true
	return false
}

func (t *textBuilder) String() string { return t.b.String() }

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0xA0, 0x3000:
		return true
	}
	return false
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

// collapseSpace trims s and collapses whitespace runs to one space.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpaceRune), " ")
}

// namedEntities are the entities common in 1688 pages; others stay as written.
var namedEntities = map[string]string{
	"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'", "nbsp": "\u00a0",
	"yen": "¥", "middot": "·", "hellip": "…", "mdash": "—", "ndash": "–", "times": "×",
	"copy": "©", "reg": "®", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
}

// decodeEntities decodes &name; &#NN; and &#xHH; references.
func decodeEntities(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		semi := strings.IndexByte(s, ';')
		if semi < 2 || semi > 10 {
			b.WriteByte('&')
			s = s[1:]
			continue
		}
		ref := s[1:semi]
		if ref[0] == '#' {
			var n uint64
			var err error
			if len(ref) > 1 && (ref[1] == 'x' || ref[1] == 'X') {
				n, err = strconv.ParseUint(ref[2:], 16, 32)
			} else {
				n, err = strconv.ParseUint(ref[1:], 10, 32)
			}
			if err == nil && n > 0 && n <= utf8.MaxRune && !(n >= 0xD800 && n <= 0xDFFF) {
				b.WriteRune(rune(n))
				s = s[semi+1:]
				continue
			}
		} else if v, ok := namedEntities[ref]; ok {
			b.WriteString(v)
			s = s[semi+1:]
			continue
		}
		b.WriteByte('&')
		s = s[1:]
	}
}
