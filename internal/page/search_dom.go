package page

import (
	"strings"

	"github.com/tidwall/gjson"
)

// Cards the extension read from the rendered page: the "cards" DOM
// fragment, a JSON array (shape in docs/verdict.md), read for what the
// responses left unknown and for cards they do not carry.

// Members of a DOM card (docs/verdict.md, "The cards fragment").
var domCardKeys = [...]string{"key", "offerId", "memberId", "company", "title", "price", "years", "tags", "moq", "loginId"}

const (
	dkKey = iota
	dkOfferID
	dkMemberID
	dkCompany
	dkTitle
	dkPrice
	dkYears
	dkTags
	dkMOQ
	dkLoginID
	nDOMCardKeys
)

// readDOMCards reads the "cards" fragment: a JSON array of card objects.
// Members of the wrong type are ignored, not the card.
func (r *cardReader) readDOMCards(text string) {
	i := skipSpace(text, 0)
	if i >= len(text) {
		return
	}
	if text[i] != '[' {
		r.problem(ProblemNotReadable, "DOM cards fragment not readable: not a JSON array")
		return
	}
	root, why := cutJSON(text[i:], false)
	if why != "" {
		r.problem(ProblemNotReadable, "DOM cards fragment not readable: %s", why)
		return
	}
	root.ForEach(func(_, e gjson.Result) bool {
		if !e.IsObject() {
			return true
		}
		if len(r.cards) >= MaxCards {
			if _, ok := r.match(domCardIDs(e)); !ok {
				r.dropped++
				return true
			}
		}
		c := readDOMCard(e)
		if r.idsOnly {
			c = Card{Key: c.Key, OfferID: c.OfferID, MemberID: c.MemberID}
		}
		r.add(c, true)
		return true
	})
}

// domCardIDs reads only the ids of a DOM card (to merge beyond the cap).
func domCardIDs(e gjson.Result) Card {
	var f [nDOMCardKeys]gjson.Result
	members(e, domCardKeys[:], f[:])
	var c Card
	c.OfferID, _ = numericID(f[dkOfferID])
	if s, ok := str(f[dkMemberID]); ok && len(s) <= maxIDText && isMemberID(strings.TrimSpace(s)) {
		c.MemberID = strings.TrimSpace(s)
	}
	return c
}

func readDOMCard(e gjson.Result) Card {
	var f [nDOMCardKeys]gjson.Result
	members(e, domCardKeys[:], f[:])
	var c Card
	if s, ok := str(f[dkKey]); ok {
		c.Key = truncateUTF8(s, maxCardKey)
	}
	c.OfferID, _ = numericID(f[dkOfferID])
	if s, ok := str(f[dkMemberID]); ok && len(s) <= maxIDText && isMemberID(strings.TrimSpace(s)) {
		c.MemberID = strings.TrimSpace(s)
	}
	if s, ok := str(f[dkCompany]); ok {
		c.Company = cardText(s)
	}
	if s, ok := str(f[dkTitle]); ok {
		c.Title = cardText(s)
	}
	if s, ok := str(f[dkLoginID]); ok {
		c.LoginID = cardText(s)
	}
	if p, unit, ok := priceOf(f[dkPrice]); ok {
		src := srcDOMCard + "price " + shownRaw(f[dkPrice])
		c.Price.Set(p, src)
		if unit != "" {
			c.Unit.Set(unit, src)
		}
	}
	if y, ok := yearsText(f[dkYears]); ok {
		c.Years.Set(y, srcDOMCard+"years "+shownRaw(f[dkYears]))
	}
	if n, ok := moqOf(f[dkMOQ]); ok {
		c.MOQ.Set(n, srcDOMCard+"moq "+shownRaw(f[dkMOQ]))
	}
	addCardTags(&c, f[dkTags], srcDOMCard+"tag")
	return c
}

// shownRaw quotes a DOM value for a source, bounded.
func shownRaw(v gjson.Result) string {
	if v.Type == gjson.String {
		return quote(truncateUTF8(v.Str, maxTagText))
	}
	return truncateUTF8(v.Raw, maxTagText)
}
