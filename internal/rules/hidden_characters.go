package rules

import (
	"strconv"

	"github.com/trustlens/trustlens/internal/page"
	txt "github.com/trustlens/trustlens/internal/text"
)

// hiddenWhere lists the texts where hidden characters are a sign: names and
// listing fields a seller types. A description pasted from an editor may
// carry stray zero-width characters; there the text rules still see
// through them, but their presence alone is not a finding.
func hiddenWhere(where string) bool {
	switch where {
	case "title", "store name", "store slogan", "store offer title", "tag", "SKU", "logistics", "card title":
		return true
	}
	return isAttribute(where)
}

var hiddenCharacters = Rule{
	ID:       "hidden-characters",
	Severity: Medium,
	Roles: Roles{ReasonVerb: true,
		Reason: Text{EN: "hides characters in its text from 1688's word filter", ZH: "用隐藏字符躲避1688的敏感词过滤"}},
	Title: Text{
		EN: "Hidden or reversed characters in the listing or company name",
		ZH: "商品或公司名称中含有隐藏或反向字符",
	},
	Advice: Text{
		EN: "Invisible characters inside words, or right-to-left controls that change the order you see, are used to dodge 1688's word filters (for WeChat, QQ, private payment) or to show a different company name from the one registered. Copy the name from the business licence page (营业执照) and compare; keep every payment on 1688's checkout.",
		ZH: "词语中的不可见字符或改变显示顺序的从右到左控制符，常被用来躲避1688的敏感词过滤（微信、QQ、私下付款），或让显示的公司名与登记的不同。请从营业执照页面复制公司名核对，付款只走1688平台。",
	},
	Fires: "The title, attribute values, SKU names, tags, logistics text, store name or slogan carry a bidi control (right-to-left override, embedding, isolate or mark) or an invisible character (zero-width space or joiner, word joiner, BOM, soft hyphen, variation selector, Hangul filler) between two letters or digits. The evidence shows each as ⟨U+XXXX⟩.",
	Guide: "Sellers dodge 1688's own word filters with invisible characters and look-alikes (page data: 加\u200b微信, 加\u202e信微\u202c shows as 加微信); a name whose displayed order differs from its characters is not the registered name.",
	Find: func(m *page.Model, c *Context) ([]Place, string) {
		var out []Place
		n := 0
		ts := c.texts(m)
		for i := range ts {
			t := &ts[i]
			if t.Hidden+t.Bidi == 0 || !hiddenWhere(t.Where) {
				continue
			}
			n += t.Hidden + t.Bidi
			s, e := txt.HiddenRun(t.Orig)
			out = append(out, Place{Where: t.Where, Quote: txt.Visible(window(t.Orig, s, e)), Match: txt.Visible(t.Orig[s:e])})
		}
		if len(out) == 0 {
			return nil, ""
		}
		return out, strconv.Itoa(n) + " hidden or bidi characters"
	},
	Say: func(*page.Model, *Context, []Finding) []Text {
		return []Text{{
			EN: "Each ⟨U+…⟩ above is an invisible or order-reversing character hidden between letters",
			ZH: "上面每个⟨U+…⟩都是夹在文字中间的不可见或反向字符",
		}}
	},
}
