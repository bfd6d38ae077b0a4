package core

import (
	"strings"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/rules"
)

// Paths of the buyer's own supplier list in the analyze() input:
//
//	"buyer": {"supplierEntry": {"action": "block", "note": "…", "rating": 2},
//	          "entries": {"b2b-…": {"action": "trust", "note": "…", "rating": 5}}}
const (
	pathBuyer         = "buyer"
	pathSupplierEntry = "supplierEntry" // in buyer
	pathEntries       = "entries"       // in buyer
	pathEntryAction   = "action"
	pathEntryNote     = "note"
	pathEntryRating   = "rating"
	pathEntryMember   = "memberId"
)

// maxMemberKey bounds a member id used as an entries key.
const maxMemberKey = 64

// readEntries reads supplierEntry and entries from the buyer block, which
// the caller has validated (gjson.ValidBytes). A malformed entry is dropped
// with a note; the rest of the list still counts.
func (b *Buyer) readEntries(buyer gjson.Result) {
	if !buyer.IsObject() {
		return
	}
	if v := buyer.Get(pathSupplierEntry); v.Exists() && v.Type != gjson.Null {
		if e, why := entryOf(v); why != "" {
			b.Notes = append(b.Notes, "buyer.supplierEntry ignored: "+why)
		} else {
			b.SupplierEntry = &e
		}
	}
	v := buyer.Get(pathEntries)
	if !v.Exists() || v.Type == gjson.Null {
		return
	}
	if !v.IsObject() {
		b.Notes = append(b.Notes, "buyer.entries ignored: not an object")
		return
	}
	n, bad := 0, 0
	v.ForEach(func(k, e gjson.Result) bool {
		if n++; n > rules.MaxBuyerEntries {
			return true // counted for the note
		}
		key := page.MemberKey(k.Str)
		if key == "" || len(key) > maxMemberKey {
			bad++
			return true
		}
		entry, why := entryOf(e)
		if why != "" {
			bad++
			return true
		}
		if b.Entries == nil {
			b.Entries = map[string]rules.BuyerEntry{}
		}
		b.Entries[key] = entry
		return true
	})
	if n > rules.MaxBuyerEntries {
		b.Notes = append(b.Notes, format.Sprintf("cap hit: %d buyer entries, only the first %d read (MaxBuyerEntries)", n, rules.MaxBuyerEntries))
	}
	if bad > 0 {
		b.Notes = append(b.Notes, format.Sprintf("%d buyer entries ignored: bad member id, action, note or rating", bad))
	}
}

// entryOf reads one entry: action is required ("block", "trust", "none");
// note is an optional string (cut to MaxBuyerNote bytes); rating an
// optional integer 1-5; memberId an optional string.
func entryOf(v gjson.Result) (rules.BuyerEntry, string) {
	var e rules.BuyerEntry
	if !v.IsObject() {
		return e, "not an object"
	}
	switch a := v.Get(pathEntryAction); {
	case a.Type != gjson.String:
		return e, "action is not a string"
	case a.Str == rules.ActionBlock, a.Str == rules.ActionTrust, a.Str == rules.ActionNone:
		e.Action = a.Str
	default:
		return e, "unknown action"
	}
	if n := v.Get(pathEntryNote); n.Exists() && n.Type != gjson.Null {
		if n.Type != gjson.String {
			return e, "note is not a string"
		}
		e.Note = cutUTF8(strings.TrimSpace(n.Str), rules.MaxBuyerNote)
	}
	if r := v.Get(pathEntryRating); r.Exists() && r.Type != gjson.Null {
		if r.Type != gjson.Number || r.Num != float64(int(r.Num)) || r.Num < 1 || r.Num > 5 {
			return e, "rating is not 1-5"
		}
		e.Rating = int(r.Num)
	}
	if m := v.Get(pathEntryMember); m.Exists() && m.Type != gjson.Null {
		if m.Type != gjson.String || len(m.Str) > maxMemberKey {
			return e, "memberId is not a member id"
		}
		e.MemberID = strings.TrimSpace(m.Str)
	}
	return e, ""
}

// cutUTF8 cuts s to at most max bytes without splitting a rune.
func cutUTF8(s string, max int) string {
	if len(s) <= max {
		return s
	}
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	return s[:max]
}

// BuyerEntryOut echoes the buyer's entry in the verdict, for the panel.
type BuyerEntryOut struct {
	Action string `json:"action"` // "block" | "trust" | "none"
	Note   string `json:"note"`   // the buyer's own text, "" when none
	Rating *int   `json:"rating"` // 1-5 or null
}

func entryOut(e rules.BuyerEntry, ok bool) *BuyerEntryOut {
	if !ok {
		return nil
	}
	out := &BuyerEntryOut{Action: e.Action, Note: e.Note}
	if e.Rating > 0 {
		r := e.Rating
		out.Rating = &r
	}
	return out
}
