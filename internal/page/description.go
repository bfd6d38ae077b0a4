package page

import (
	"strings"

	"github.com/tidwall/gjson"
)

// The offer description (商品详情: the seller's own images and text under
// the offer) is not in the page model. The model names where it lives, the
// detailUrl of the offer-description component
// (https://itemcdn.tmall.com/1688offer/icoss…; on mobile wrapped as
// air.1688.com/…/index.html?url=https://itemcdn.tmall.com/1688offer/icoss…),
// and the page loads it itself. The body is a script, not JSON:
//
//	var offer_details={"content":"<div …><img … src=\"…\"/> …</div>"};
//
// (real body: description of offer 813724060928, a public scraper's test
// fixture). Its text is what the seller writes to buyers, so every text rule
// reads it. The rendered description (DOM fragment "description") is the
// fallback when the response was not captured.
const (
	descPathMarker = "/1688offer/"   // path of every detailUrl seen (G2 PC, mobile)
	descVarMarker  = "offer_details" // the variable the body assigns
	pathDescHTML   = "content"       // offer_details.content: the description HTML
	whereDesc      = domDescription  // Text.Where of description text
	srcDescResp    = "description response"
)

// maxDescKeys bounds the detailUrl keys collected from the model scripts.
const maxDescKeys = 8

// descKey returns the key of a description address (the path segment after
// /1688offer/, e.g. "icoss4165340769b90795afecc86a4b"), or "" when u is not
// one. A mobile wrapper address carries the real one in its query.
func descKey(u string) string {
	i := strings.Index(u, descPathMarker)
	if i < 0 {
		return ""
	}
	k := u[i+len(descPathMarker):]
	end := 0
	for end < len(k) && isIdentByte(k[end]) {
		end++
	}
	return k[:end]
}

// descKeysIn collects the description keys the page's model scripts name
// (detailUrl of the G2 component, mobile detailModel.detailUrl, or the same
// address anywhere in a G3 model): the descriptions of this offer.
func descKeysIn(scripts []string) []string {
	var keys []string
	for _, sc := range scripts {
		for rest := sc; len(keys) < maxDescKeys; {
			i := strings.Index(rest, descPathMarker)
			if i < 0 {
				break
			}
			if k := descKey(rest[i:]); k != "" && !containsString(keys, k) {
				keys = append(keys, k)
			}
			rest = rest[i+len(descPathMarker):]
		}
	}
	return keys
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isDescriptionResponse reports whether a captured response is an offer
// description: its address is a /1688offer/ one, or its body assigns
// offer_details.
func isDescriptionResponse(r Response) bool {
	if descKey(r.URL) != "" {
		return true
	}
	head := r.Body[:min(len(r.Body), 64)]
	return strings.Contains(head, descVarMarker)
}

// readDescription reads one description response into the builder: the
// first one for this offer wins. A description whose key the model does not
// name belongs to another offer (a single-page navigation can leave one
// behind) and is ignored with a Note.
func (b *builder) readDescription(r Response) {
	if b.desc != "" {
		return
	}
	if k := descKey(r.URL); k != "" && len(b.descKeys) > 0 && !containsString(b.descKeys, k) {
		b.note("description response %s is not the one this offer's model names: ignored", truncateUTF8(k, 64))
		return
	}
	html, ok := offerDetailsHTML(r.Body)
	if !ok {
		b.problem(ProblemNotReadable, "description response not readable")
		return
	}
	b.desc = htmlText(html, MaxDOMBytes)
	b.descRead = true
}

// offerDetailsHTML cuts the description HTML out of a body
// `var offer_details={"content":"…"};` (or the bare JSON object).
func offerDetailsHTML(body string) (string, bool) {
	i := strings.Index(body[:min(len(body), 256)], descVarMarker)
	j := 0
	if i >= 0 {
		j = strings.IndexByte(body[i:], '{')
		if j < 0 {
			return "", false
		}
		j += i
	}
	j = skipSpace(body, j)
	if j >= len(body) || body[j] != '{' {
		return "", false
	}
	root, why := cutJSON(body[j:], false)
	if why != "" {
		return "", false
	}
	c := root.Get(pathDescHTML)
	if c.Type != gjson.String {
		return "", false
	}
	return c.Str, true
}

// htmlText is the visible text of an HTML fragment as a buyer reads it:
// tags stripped, entities decoded, scripts and styles dropped, whitespace
// collapsed, and the alt text of images kept (description images often
// carry their words there). At most max bytes.
func htmlText(h string, max int) string {
	var t textBuilder
	t.max = max
	scanHTML(h, &t, htmlVisitor{alt: true, stopAtCap: true})
	return t.String()
}
