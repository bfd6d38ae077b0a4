package rules

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
	txt "github.com/trustlens/trustlens/internal/text"
)

// Evidence in a buyer's words. A finding's Evidence names the exact field
// that fired the rule ("shopcard data.model.tpYear = 1"): right for a
// developer, opaque to a buyer. Finding.Said says the same thing the way a
// buyer reads it ("Store age: 1 year on 1688, from the store card"), in
// English and Chinese, one line per place or fact. Text rules get theirs
// from their places (placeSaid); every other rule declares Rule.Say.

// YearsEN is "1 year", "3 years".
func YearsEN(n int) string {
	if n == 1 {
		return "1 year"
	}
	return format.Sprintf("%d years", n)
}

// BadgeName is how a sentence names a badge of the catalogue: "TrustPass
// (诚信通)", "factory audited on site (深度验厂)".
func BadgeName(id string) (Text, bool) {
	for _, b := range page.BadgeCatalogue() {
		if b.ID == id {
			return Text{EN: b.Phrase + " (" + b.ZH + ")", ZH: b.ZH}, true
		}
	}
	return Text{}, false
}

// sourceName names where a value was read, in a buyer's words.
func sourceName(src string) Text {
	switch {
	case strings.HasPrefix(src, "remembered from "):
		return Text{EN: "a page of this store you visited earlier", ZH: "你之前访问过的该店铺页面"}
	case strings.HasPrefix(src, "shopcard"):
		return Text{EN: "the store card", ZH: "店铺卡片"}
	case strings.HasPrefix(src, "credit page"):
		return Text{EN: "the store's credit page (诚信档案)", ZH: "店铺诚信档案"}
	case strings.HasPrefix(src, "licence"):
		return Text{EN: "the business licence page (营业执照)", ZH: "营业执照页面"}
	case strings.HasPrefix(src, "factory card"):
		return Text{EN: "the factory card", ZH: "工厂名片"}
	case strings.HasPrefix(src, "contact"):
		return Text{EN: "the store's contact page", ZH: "店铺联系方式页面"}
	case strings.HasPrefix(src, "store module"), strings.HasPrefix(src, "__STORE_DATA"):
		return Text{EN: "the store header", ZH: "店铺页头"}
	case strings.HasPrefix(src, "DOM "):
		return Text{EN: "the text on this page", ZH: "此页面的文字"}
	case strings.Contains(src, "tag") || strings.Contains(src, "label"):
		return Text{EN: "the store's labels on this page", ZH: "此页面的店铺标签"}
	}
	return Text{EN: "this page's data", ZH: "此页面的数据"}
}

// from appends ", from <source>" to a line.
func from(t Text, src string) Text {
	s := sourceName(src)
	return Text{EN: t.EN + ", from " + s.EN, ZH: t.ZH + "，来自" + s.ZH}
}

// storeAgeSaid: "Store age: 1 year on 1688, from the store card".
func storeAgeSaid(m *page.Model) []Text {
	a := m.Supplier.StoreAgeYears
	if !a.Known {
		return []Text{{EN: "Store age not shown on this page", ZH: "此页面未显示店铺年限"}}
	}
	return []Text{from(Text{
		EN: format.Sprintf("Store age: %s on 1688", YearsEN(a.Value)),
		ZH: format.Sprintf("店铺年限：入驻1688共%d年", a.Value),
	}, a.Source)}
}

// badgeSay words a badge finding: "TrustPass (诚信通), from this page's data".
func badgeSay(id string) func(*page.Model, *Context, []Finding) []Text {
	return func(m *page.Model, _ *Context, _ []Finding) []Text {
		b, ok := m.HasBadge(id)
		if !ok {
			return nil
		}
		name, _ := BadgeName(b.ID)
		return []Text{from(Text{EN: capitalEN(name.EN), ZH: name.ZH}, b.Source)}
	}
}

func capitalEN(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// quoted is “s” followed by its English gloss when the glossary knows a
// word of it: “加微信” (add WeChat).
func quoted(s string) string {
	q := "“" + s + "”"
	if g := glossOf(s); g != "" {
		q += " (" + g + ")"
	}
	return q
}

// unVisible turns the ⟨U+XXXX⟩ marks of a quote (txt.Visible) back into
// the characters, so the gloss reads what the words are.
func unVisible(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "⟨U+")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.Index(s[i:], "⟩")
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		if n, err := strconv.ParseUint(s[i+len("⟨U+"):i+j], 16, 32); err == nil {
			b.WriteRune(rune(n))
		}
		s = s[i+j+len("⟩"):]
	}
}

// placeSaid writes one place a text rule saw its sign: where it is and the
// quote, with the Chinese glossed.
func placeSaid(p Place) Text {
	where := whereName(p.Where)
	return Text{
		EN: format.Sprintf("%s says %s", where.EN, quoted(p.Quote)),
		ZH: format.Sprintf("%s写着“%s”", where.ZH, p.Quote),
	}
}

// whereName names a page text ("title", "attribute 付款方式", "SKU") for a buyer.
func whereName(where string) Text {
	switch {
	case where == "title":
		return Text{EN: "The product title", ZH: "商品标题"}
	case strings.HasPrefix(where, "attribute "):
		name := strings.TrimPrefix(where, "attribute ")
		return Text{EN: "The product detail " + quoted(name), ZH: format.Sprintf("商品属性“%s”", name)}
	case strings.HasPrefix(where, "description"):
		return Text{EN: "The product description", ZH: "商品详情"}
	case strings.HasPrefix(where, "SKU"), strings.HasPrefix(where, "sku"):
		return Text{EN: "A product option", ZH: "商品规格"}
	case where == "store offer title", where == "card title":
		return Text{EN: "A product title in this store", ZH: "本店一个商品标题"}
	case where == "tag", where == "store tag", where == "credit tag":
		return Text{EN: "A label on the page", ZH: "页面标签"}
	case where == "guarantee":
		return Text{EN: "A service promise on the page", ZH: "页面上的服务承诺"}
	case strings.HasPrefix(where, "certificate"):
		return Text{EN: "A certificate on the page", ZH: "页面上的证书"}
	case where == "logistics":
		return Text{EN: "The shipping text", ZH: "物流说明"}
	case where == "store name":
		return Text{EN: "The store name", ZH: "店铺名称"}
	case where == "store slogan":
		return Text{EN: "The store slogan", ZH: "店铺标语"}
	case where == "main products":
		return Text{EN: "The store's main products", ZH: "店铺主营产品"}
	case where == "licence scope":
		return Text{EN: "The licence's business scope", ZH: "营业执照经营范围"}
	case strings.HasPrefix(where, "DOM"):
		return Text{EN: "The page text", ZH: "页面文字"}
	}
	return Text{EN: "The page", ZH: "页面"}
}

// glossary glosses the Chinese words buyers meet in the evidence quotes,
// in folded form (txt.Fold: lower case, half-width, look-alikes resolved).
// Longer entries come first so "加微信" wins over "微信". It covers the
// words of the corpus's asks (testdata/corpus); TestCorpusQuotesGlossed
// holds it to that.
var glossary = []struct{ zh, en string }{
	// Contacts off 1688.
	{"加微信", "add WeChat"}, {"微信号", "WeChat ID"}, {"微信", "WeChat"}, {"v信", "WeChat"},
	{"加vx", "add WeChat"}, {"加wx", "add WeChat"}, {"加薇", "add WeChat"}, {"加微", "add WeChat"}, {"加v", "add WeChat (V)"},
	{"加我v", "add me on WeChat (V)"}, {"vx", "WeChat"}, {"wx", "WeChat"},
	{"加qq", "add QQ"}, {"加我qq", "add me on QQ"}, {"加q", "add QQ"}, {"qq群", "QQ group"}, {"qq号", "QQ number"}, {"企鹅", "QQ (penguin)"}, {"qq", "QQ"},
	{"私下交易", "deal privately"}, {"私下", "privately"}, {"私聊", "private chat"}, {"线下", "offline"},
	{"绕过平台", "bypass 1688"}, {"平台外", "outside 1688"}, {"加我", "add me"}, {"找我", "contact me"}, {"好友", "friend"},
	{"详谈", "talk it over"}, {"详询", "ask for details"}, {"联系", "contact"}, {"咨询", "ask"}, {"沟通", "talk"},
	{"电话", "phone"}, {"视频", "video"}, {"有礼", "gift"}, {"搜", "search"},
	// Payment.
	{"个人账户", "personal account"}, {"个人账号", "personal account"}, {"个人名下", "in a personal name"}, {"私人账户", "private account"},
	{"银行卡", "bank card"}, {"对公转账", "company bank transfer"}, {"对公账户", "company bank account"}, {"对公", "company bank account"},
	{"转账", "transfer"}, {"汇款", "remit money"}, {"打款", "pay"}, {"银行", "bank"}, {"开票", "invoice"},
	{"付款方式", "payment method"}, {"付款", "pay"}, {"收款", "receive payment"},
	{"先款后货", "pay before shipping"}, {"先付后发", "pay first, ship after"}, {"款到发货", "ship after payment"}, {"款到即发", "ship once paid"},
	{"全款", "full payment"}, {"定金", "deposit"}, {"预付", "prepay"}, {"分期", "instalments"},
	{"价格更优惠", "better price"}, {"价格更低", "lower price"}, {"更便宜", "cheaper"}, {"优惠", "discount"},
	{"批发价", "wholesale price"}, {"批发", "wholesale"}, {"量大从优", "volume discount"}, {"下单", "order"},
	// Shipping.
	{"专线", "dedicated line"}, {"内部单号", "internal tracking number"}, {"单号", "tracking number"}, {"物流", "shipping"},
	{"包邮", "free shipping"}, {"运费险", "shipping insurance"}, {"顺丰", "SF Express"}, {"发货", "ship"},
	// Factory claims.
	{"产地直供", "direct from the place of origin"}, {"工厂", "factory"}, {"厂家", "manufacturer"}, {"厂直", "factory direct"},
	{"本厂", "our factory"}, {"生产线", "production lines"}, {"出厂价", "factory price"}, {"源头", "direct source"}, {"直销", "direct sale"},
	// Goods that need certificates.
	{"充电宝", "power bank"}, {"充电", "charging"}, {"锂电池", "lithium battery"}, {"电池", "battery"}, {"蓝牙", "Bluetooth"},
	{"耳机", "earphones"}, {"无线", "wireless"}, {"插头", "plug"}, {"插座", "socket"}, {"电源", "power supply"}, {"适配器", "adapter"},
	{"数据线", "cable"}, {"台灯", "desk lamp"}, {"灯具", "lamp"}, {"电动", "electric"}, {"电热", "electric heating"}, {"电子", "electronic"},
	{"打火机", "lighter"}, {"点烟器", "cigarette lighter"}, {"玩具", "toy"}, {"积木", "building blocks"}, {"儿童", "children's"},
	{"婴儿", "baby"}, {"宝宝", "baby"}, {"童装", "children's clothes"}, {"奶瓶", "baby bottle"}, {"化妆品", "cosmetics"}, {"护肤", "skin care"},
	{"面霜", "face cream"}, {"洗面奶", "face wash"}, {"口红", "lipstick"}, {"香水", "perfume"}, {"餐具", "tableware"}, {"水杯", "cup"},
	{"保温杯", "vacuum flask"}, {"食品级", "food grade"}, {"厨具", "kitchenware"}, {"口罩", "face mask"}, {"医用", "medical"},
	{"安全帽", "hard hat"}, {"头盔", "helmet"}, {"牙刷", "toothbrush"},
	// Everyday listing words (where sellers hide characters).
	{"有限公司", "Co., Ltd."}, {"贸易", "trading"}, {"科技", "technology"}, {"新款", "new style"}, {"连衣裙", "dress"}, {"女包", "handbag"},
	{"红色", "red"}, {"纯棉", "cotton"}, {"毛巾", "towel"}, {"加厚", "thick"}, {"耐克", "Nike"}, {"款式", "styles"},
	{"义乌", "Yiwu"}, {"广州", "Guangzhou"}, {"深圳", "Shenzhen"}, {"中性", "unisex"},
	// Attribute names the asks sit under.
	{"交易条款", "terms of trade"}, {"结算", "settlement"}, {"售后", "after-sales"}, {"品牌", "brand"}, {"适用", "suitable for"},
	{"产地", "place of origin"}, {"材质", "material"}, {"货号", "item number"}, {"规格", "specification"}, {"包装", "packaging"},
	{"备注", "remarks"}, {"说明", "notes"}, {"服务", "service"},
}

// glossOf lists the English of the glossary words found in s, in the
// order they appear ("add WeChat, transfer"), "" when none.
func glossOf(s string) string {
	type hit struct {
		at int
		en string
	}
	var hits []hit
	rest := txt.Fold(unVisible(s)).S // look-alikes, spacing and hidden characters resolved
	for _, g := range glossary {
		for at := strings.Index(rest, g.zh); at >= 0; at = strings.Index(rest, g.zh) {
			if !slices.ContainsFunc(hits, func(h hit) bool { return h.en == g.en }) {
				hits = append(hits, hit{at, g.en})
			}
			// Blank the word out, keeping the offsets of the others.
			rest = rest[:at] + strings.Repeat(" ", len(g.zh)) + rest[at+len(g.zh):]
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	out := make([]string, 0, len(hits))
	for _, h := range hits {
		out = append(out, h.en)
	}
	if len(out) == 0 && wechatNumber(rest) {
		out = append(out, "WeChat")
	}
	return strings.Join(out, ", ")
}

// wechatNumber: 微 or 薇 right before an id (a digit, a colon): the short
// form sellers write for a WeChat id ("微13800138000", "薇:138…").
func wechatNumber(s string) bool {
	rs := []rune(strings.ReplaceAll(s, " ", ""))
	for i := 0; i+1 < len(rs); i++ {
		if (rs[i] == '微' || rs[i] == '薇') && (rs[i+1] >= '0' && rs[i+1] <= '9' || rs[i+1] == ':') {
			return true
		}
	}
	return false
}

// lowerFirstEN lower-cases the first letter unless it starts an acronym or
// a name ("QQ", "TrustPass").
func lowerFirstEN(s string) string {
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] < 'A' || s[1] > 'Z') && !strings.HasPrefix(s, "TrustPass") {
		return string(s[0]-'A'+'a') + s[1:]
	}
	return s
}
