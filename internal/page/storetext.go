package page

import (
	"strconv"
	"strings"
	"sync"
)

// Visible text of store pages (doc §3c and the real page texts of
// company-b2b-406915100661872 and company-b2b-1634230375). The extension
// sends the text as one string: one label per line on some pages, all on
// one space-separated line on others; every pattern here works on both.
//
// The "header" fragment (the seller's own header block) is read on every
// page; "body" only on store pages, and only up to the first marker of
// other sellers' content or of the site footer (ownText).

// otherSellerMarkers start text that is not about this seller: the factory
// card and the shop pages list recommended factories and offers with their
// own 回头率 / 履约率 / 诚信等级, and the footer is the site's.
var otherSellerMarkers = [...]string{
	"为你推荐",
	"相似工厂",
	"发现更多工厂",
	"猜你喜欢",
	"技术支持：旺铺管理入口",
	"技术支持:旺铺管理入口",
	"阿里巴巴集团|",
	"1688.com 版权所有",
}

// ownText cuts s at the first marker of other sellers' content, and turns
// the spaces regexp's \s does not know (no-break and ideographic spaces,
// seen in the real texts) into plain ones; line breaks stay.
func ownText(s string) string {
	if hasOddSpace(s) {
		s = strings.Map(func(r rune) rune {
			if r != '\n' && isSpaceRune(r) {
				return ' '
			}
			return r
		}, s)
	}
	cut := len(s)
	for _, m := range otherSellerMarkers {
		if i := strings.Index(s[:cut], m); i >= 0 {
			cut = i
		}
	}
	return s[:cut]
}

// hasOddSpace reports whether s has a space other than ' ' and '\n' (one
// byte pass; strings.ContainsAny is slow with non-ASCII sets).
func hasOddSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\t', '\r', '\f', '\v':
			return true
		case 0xC2: // U+00A0 is C2 A0
			if i+1 < len(s) && s[i+1] == 0xA0 {
				return true
			}
		case 0xE3: // U+3000 is E3 80 80
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
				return true
			}
		}
	}
	return false
}

// textRule is one pattern of the store text: the first submatch is the
// value. kw is a literal the text must contain for the pattern to be tried
// (a cheap prefilter: most patterns find nothing on most pages, and a
// regexp without a literal prefix scans the whole text).
//
// set reports whether the match decided the field: a value was stored, or
// the label showed a placeholder ("-", "暂无": known to be not given, so the
// field stays unknown and no later match is tried). It returns false for a
// match that is not this label's value (e.g. "29%回头率 100%履约率", where
// the figure stands before its label), and the next match is tried.
type textRule struct {
	kw  string
	pat *textPat
	set func(b *builder, v, src string) bool
}

// newPat is the pattern of the sequence ps (textpat.go); every match starts
// with prefix (or anywhere if "").
func newPat(src, prefix string, ps ...matcher) *textPat {
	return &textPat{src: src, m: seq(ps...), prefix: prefix}
}

// newPatAt is newPat for a pattern without a literal start: a match starts
// at the text's start or at one of the ASCII bytes in starts.
func newPatAt(src, starts string, ps ...matcher) *textPat {
	return &textPat{src: src, m: seq(ps...), startByte: startsWith(starts)}
}

// valueAfter is the value that follows a label: a number with its unit
// (possibly after a space, "14 %") that ends there, or else the next word.
// "100%履约率" is a word: the figure of the next label, written before it.
const valueAfterSrc = `\s*[:：]?\s*([\d.]+\s*[%分](?:[\s|,，;；]|$)|\S+)`

var valueAfter = seq(spaces, opt(one(anyOf(":："))), spaces, group(1, alt(
	seq(rep(anyOf("0123456789."), 1, -1, false), spaces, one(anyOf("%分")), alt(one(anyOf(" \t\n\f\r|,，;；")), atEnd)),
	word,
)))

// shownValue trims what valueAfter captured.
func shownValue(v string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(v), "|,，;；"))
}

// rateRule reads a percentage after the label. "-", "暂无" and the like are
// unknown, never zero.
// label is the label's pattern, labelSrc its regexp, prefix its first literal.
func rateRule(kw, labelSrc, prefix string, label matcher, field func(*StoreStats) *Field[float64]) textRule {
	return textRule{
		kw:  kw,
		pat: newPat(labelSrc+valueAfterSrc, prefix, label, valueAfter),
		set: func(b *builder, v, src string) bool {
			v = shownValue(v)
			if isNoValue(v) {
				return true
			}
			num, ok := strings.CutSuffix(v, "%")
			if !ok {
				return false
			}
			f, ok := parseDecimal(strings.TrimSpace(num))
			if !ok || f < 0 || f > 100 {
				return false
			}
			fill(field(&b.m.Store), f, src)
			return true
		},
	}
}

// stringRule stores the first submatch as shown, unless it says "none".
func stringRule(kw string, pat *textPat, field func(*Supplier) *Field[string]) textRule {
	return textRule{
		kw:  kw,
		pat: pat,
		set: func(b *builder, v, src string) bool {
			v = strings.TrimSpace(v)
			if !isNoValue(v) {
				fill(field(&b.m.Supplier), v, src)
			}
			return true
		},
	}
}

// isNoValue is a shown placeholder for "nothing": -, --, 暂无, 无.
func isNoValue(v string) bool {
	switch strings.Trim(v, "-—% ") {
	case "", "暂无", "无":
		return true
	}
	return false
}

// storeTextRules are built on first use: offer pages without a store
// header never need them, and the core's start-up stays short.
var storeTextRules = sync.OnceValue(func() []textRule {
	return []textRule{
		rateRule("回头率", `回头率`, "回头率", lit("回头率"), func(s *StoreStats) *Field[float64] { return &s.RepurchaseRate }),
		rateRule("好评率", `好评率`, "好评率", lit("好评率"), func(s *StoreStats) *Field[float64] { return &s.GoodRate }),
		rateRule("纠纷率", `纠纷率`, "纠纷率", lit("纠纷率"), func(s *StoreStats) *Field[float64] { return &s.DisputeRate }),
		rateRule("品质退货率", `品质退货率`, "品质退货率", lit("品质退货率"), func(s *StoreStats) *Field[float64] { return &s.QualityReturnRate }),
		rateRule("揽收率", `48\s*[Hh]\s*揽收率`, "48", seq(lit("48"), spaces, one(anyOf("Hh")), spaces, lit("揽收率")),
			func(s *StoreStats) *Field[float64] { return &s.Pickup48hRate }),
		rateRule("履约率", `48\s*[Hh]\s*履约率`, "48", seq(lit("48"), spaces, one(anyOf("Hh")), spaces, lit("履约率")),
			func(s *StoreStats) *Field[float64] { return &s.Fulfil48hRate }),
		rateRule("分钟响应率", `3\s*分钟响应率`, "3", seq(lit("3"), spaces, lit("分钟响应率")),
			func(s *StoreStats) *Field[float64] { return &s.Response3mRate }),
		{
			kw:  "服务分",
			pat: newPat(`服务分`+valueAfterSrc, "服务分", lit("服务分"), valueAfter),
			set: func(b *builder, v, src string) bool {
				v = shownValue(v)
				if isNoValue(v) {
					return true
				}
				f, ok := parseDecimal(strings.TrimSpace(strings.TrimSuffix(v, "分")))
				if !ok || f < 0 || f > 5 {
					return false
				}
				fill(&b.m.Store.ServiceScore, f, src)
				return true
			},
		},
		{
			kw:  "支付订单数",
			pat: newPat(`最近\s*30\s*天支付订单数\s*(\S+)`, "最近", lit("最近"), spaces, lit("30"), spaces, lit("天支付订单数"), spaces, group(1, word)),
			set: func(b *builder, v, src string) bool {
				if isNoValue(v) {
					return true
				}
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 || len(v) > 9 {
					return false
				}
				fill(&b.m.Store.PaidOrders30d, n, src)
				return true
			},
		},
		stringRule("经营模式", newPat(`经营模式\s*(\S+)`, "经营模式", lit("经营模式"), spaces, group(1, word)), func(s *Supplier) *Field[string] { return &s.BusinessModel }),
		stringRule("注册资", newPat(`注册资[本金]\s*(\S+)`, "注册资", lit("注册资"), one(anyOf("本金")), spaces, group(1, word)), func(s *Supplier) *Field[string] { return &s.Licence.RegCapital }),
		stringRule("厂房面积", newPat(`厂房面积\s*(\S+)`, "厂房面积", lit("厂房面积"), spaces, group(1, word)), func(s *Supplier) *Field[string] { return &s.FactoryArea }),
		stringRule("人数", newPat(`员工总?人数\s*(\d+(?:\s*-\s*\d+)?\s*人?)`, "员工", lit("员工"), opt(lit("总")), lit("人数"), spaces,
			group(1, seq(digits(1, -1), opt(seq(spaces, lit("-"), spaces, digits(1, -1))), spaces, opt(lit("人"))))), func(s *Supplier) *Field[string] { return &s.Employees }),
		stringRule("主营类目", newPat(`主营类目\s*[:：]?\s*(\S+)`, "主营类目", lit("主营类目"), spaces, opt(one(anyOf(":："))), spaces, group(1, word)), func(s *Supplier) *Field[string] { return &s.MainCategory }),
		// "主营" alone as a label is on its own line (credit page, one label
		// per line); on one-line pages "主营:" is followed by buttons.
		stringRule("主营", newPatAt(`(?:^|\n)[ \t]*主营[ \t]*\n[ \t]*(\S+)`, "\n", alt(atStart, lit("\n")), rep(anyOf(" \t"), 0, -1, false), lit("主营"),
			rep(anyOf(" \t"), 0, -1, false), lit("\n"), rep(anyOf(" \t"), 0, -1, false), group(1, word)), func(s *Supplier) *Field[string] { return &s.MainCategory }),
		// 阿里巴巴企业诚信通体系 BBB (credit page); NN诚信等级 (factory card).
		stringRule("诚信通体系", newPat(`诚信通体系\s*([A-E]{1,3})(?:\s|$)`, "诚信通体系", lit("诚信通体系"), spaces, group(1, rep(anyOf("ABCDE"), 1, 3, false)),
			alt(one(reSpace), atEnd)), func(s *Supplier) *Field[string] { return &s.CreditLevel }),
		stringRule("诚信等级", newPatAt(`(?:^|\s)([A-E]{1,3})诚信等级`, " \t\n\f\r", alt(atStart, one(reSpace)), group(1, rep(anyOf("ABCDE"), 1, 3, false)), lit("诚信等级")), func(s *Supplier) *Field[string] { return &s.CreditLevel }),
		{
			kw:  "接外贸订单",
			pat: newPat(`接外贸订单\s*(支持|不支持)`, "接外贸订单", lit("接外贸订单"), spaces, group(1, litAlt("支持", "不支持"))),
			set: func(b *builder, v, src string) bool {
				fill(&b.m.Supplier.ExportSupport, v == "支持", src)
				return true
			},
		},
		// The store's own founding claim. 成立日期 is read here only when the
		// text is not a licence (there it is the licence's, see readLicenceText).
		{
			kw:  "成立",
			pat: newPatAt(`(\d{4}\.\d{1,2})\s*成立`, "0123456789", group(1, seq(digits(4, 4), lit("."), digits(1, 2))), spaces, lit("成立")),
			set: setFounded,
		},
		{
			kw: "成立时间",
			pat: newPat(`成立时间\s*(\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?)`, "成立时间", lit("成立时间"), spaces,
				group(1, seq(digits(4, 4), one(anyOf("-./")), digits(1, 2), opt(seq(one(anyOf("-./")), digits(1, 2)))))),
			set: setFounded,
		},
	}
})

// setFounded fills Supplier.Founded from a date text.
func setFounded(b *builder, v, src string) bool {
	t, ok := parseDate(v)
	if !ok {
		return false
	}
	fill(&b.m.Supplier.Founded, t, src)
	return true
}

// storePats are the other store text patterns, built on first use too.
type storePatterns struct {
	foundedDate, address                          textRule
	licenceVerified, companyAtStart, companyWhole *textPat
}

var storePats = sync.OnceValue(func() (p storePatterns) {
	// 成立日期 outside a licence block: a store founding claim.
	p.foundedDate = textRule{
		kw: "成立日期",
		pat: newPat(`成立日期\s*(\d{4}[-./]\d{1,2}[-./]\d{1,2})`, "成立日期", lit("成立日期"), spaces,
			group(1, seq(digits(4, 4), one(anyOf("-./")), digits(1, 2), one(anyOf("-./")), digits(1, 2)))),
		set: setFounded,
	}
	// Contact page: 地址：… ("暂无" is kept: the seller withholds it).
	p.address = textRule{
		kw:  "地址",
		pat: newPat(`地址\s*[：:]\s*(\S+)`, "地址", lit("地址"), spaces, one(anyOf("：:")), spaces, group(1, word)),
		set: func(b *builder, v, src string) bool {
			fill(&b.m.Supplier.Address, v, src)
			return true
		},
	}
	// 该信息于2026年03月27日通过中诚信专业认证 (licence page).
	p.licenceVerified = newPat(`该信息于\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*通过\s*(\S{1,20}?)\s*专业认证`, "该信息于",
		lit("该信息于"), spaces, group(1, seq(digits(4, 4), spaces, lit("年"), spaces, digits(1, 2), spaces, lit("月"), spaces, digits(1, 2), spaces, lit("日"))),
		spaces, lit("通过"), spaces, group(2, rep(reNonSpace, 1, 20, true)), spaces, lit("专业认证"))
	// A company name at the very start of a store page (its header).
	p.companyAtStart = &textPat{src: `^\s*(\S{2,60}?(?:有限责任公司|股份有限公司|有限公司|公司|商行|经营部|工作室|合作社|厂))(?:\s|$)`, anchored: true,
		m: seq(atStart, spaces, group(1, seq(rep(reNonSpace, 2, 60, true), companySuffix)), alt(one(reSpace), atEnd))}
	p.companyWhole = &textPat{src: `^\S{2,60}?(?:有限责任公司|股份有限公司|有限公司|公司|商行|经营部|工作室|合作社|厂)$`, anchored: true,
		m: seq(atStart, rep(reNonSpace, 2, 60, true), companySuffix, atEnd)}
	return p
})

// companySuffix is a company name's legal-form ending, longest first.
var companySuffix = litAlt("有限责任公司", "股份有限公司", "有限公司", "公司", "商行", "经营部", "工作室", "合作社", "厂")

// Titles of store pages that carry the company name (real: the shop home
// "深圳橙色之城科技有限公司店铺推荐", the factory card
// "深圳橙色之城科技有限公司-企业信息查询黄页-阿里巴巴").
var storeTitleSuffixes = [...]string{"店铺推荐", "-企业信息查询黄页"}

// licenceLabels are the labels of the licence page (主体资质), in page order.
var licenceLabels = [...]string{"公司名称", "注册资本", "统一社会信用代码", "注册号", "登记机关", "营业期限",
	"经营范围", "注册地址", "成立日期", "法定代表人", "企业类型", "年报时间"}

// minLicenceLabels is how many licence labels make a text a licence: a
// single 注册资本 or 成立日期 elsewhere is not one.
const minLicenceLabels = 3

// namedText is a DOM fragment cut to the seller's own part.
type namedText struct{ name, text string }

// readStoreText reads the visible store text (see the file comment).
func (b *builder) readStoreText(dom map[string]string) {
	var texts []namedText
	if h := ownText(dom[domHeader]); strings.TrimSpace(h) != "" {
		texts = append(texts, namedText{domHeader, h})
	}
	if b.m.Kind == KindStore {
		if body := ownText(dom[domBody]); strings.TrimSpace(body) != "" {
			texts = append(texts, namedText{domBody, body})
		}
	}
	if len(texts) == 0 {
		return
	}
	licence := false
	if b.m.Kind == KindStore {
		for _, t := range texts {
			if b.readLicenceText(t) {
				licence = true
			}
		}
	}
	rules := storeTextRules()
	pats := storePats()
	if !licence {
		rules = append(rules[:len(rules):len(rules)], pats.foundedDate)
	}
	if b.m.StorePage == StoreContact {
		rules = append(rules[:len(rules):len(rules)], pats.address)
	}
	for _, r := range rules {
		for _, t := range texts {
			if b.applyRule(r, t) {
				break
			}
		}
	}
	if b.m.Kind == KindStore && b.m.StorePage != StoreFactoryCard && b.m.StorePage != StoreLicence {
		// The factory card starts with a search box ("搜全部工厂"), the
		// licence page with its heading: only other pages start with the
		// store header, i.e. the company name.
		for _, t := range texts {
			if m := pats.companyAtStart.submatches(t.text, 1); m != nil {
				fill(&b.m.Supplier.Company, m[1], "DOM "+t.name+": start of text "+quote(m[1]))
				break
			}
		}
	}
	if b.m.Kind == KindStore {
		title := strings.TrimSpace(dom[domTitle])
		for _, suf := range storeTitleSuffixes {
			if i := strings.Index(title, suf); i > 0 && pats.companyWhole.find(title[:i]) != nil {
				fill(&b.m.Supplier.Company, title[:i], "DOM title: "+quote(title))
				break
			}
		}
	}
}

// maxRuleTries bounds how many matches of one rule are tried in one text.
const maxRuleTries = 8

// applyRule applies a text rule to one fragment; the first match whose
// value is usable wins. Matches are searched one at a time (the first is
// usually good; searching for all would scan the whole text).
func (b *builder) applyRule(r textRule, t namedText) bool {
	if !strings.Contains(t.text, r.kw) {
		return false
	}
	rest := t.text
	for try := 0; try < maxRuleTries && rest != ""; try++ {
		loc := r.pat.find(rest)
		if loc == nil || loc[2] < 0 {
			return false
		}
		if r.set(b, rest[loc[2]:loc[3]], "DOM "+t.name+": "+quote(strings.Join(strings.Fields(rest[loc[0]:loc[1]]), " "))) {
			return true
		}
		if loc[1] == 0 {
			return false // an empty match at the start: no progress
		}
		rest = rest[loc[1]:]
	}
	return false
}

// readLicenceText reads a licence block (label / value pairs) and the
// verification sentence. It reports whether the text is a licence.
func (b *builder) readLicenceText(t namedText) bool {
	vals := splitLabels(t.text, licenceLabels[:])
	lic := &b.m.Supplier.Licence
	src := func(label string) string { return "DOM " + t.name + ": licence " + label }
	if m := storePats().licenceVerified.submatches(t.text, 2); m != nil {
		if at, ok := parseDate(strings.Join(strings.Fields(m[1]), "")); ok {
			s := "DOM " + t.name + ": " + quote(m[0])
			fill(&lic.VerifiedAt, at, s)
			fill(&lic.VerifiedBy, m[2], s)
		}
	}
	if len(vals) < minLicenceLabels {
		return false
	}
	for _, f := range []struct {
		label string
		field *Field[string]
		token bool // a single token: the first word of the value
	}{
		{"公司名称", &lic.Company, false},
		{"注册资本", &lic.RegCapital, true},
		{"统一社会信用代码", &lic.CreditCode, true},
		{"注册号", &lic.RegNumber, true},
		{"登记机关", &lic.RegAuthority, false},
		{"营业期限", &lic.Term, false},
		{"经营范围", &lic.Scope, false},
		{"注册地址", &lic.Address, false},
		{"法定代表人", &lic.LegalRep, false},
		{"企业类型", &lic.CompanyType, false},
		{"年报时间", &lic.AnnualReport, true},
	} {
		v, ok := vals[f.label]
		if f.token {
			v, _, _ = strings.Cut(v, " ")
		}
		if ok && !isNoValue(v) {
			fill(f.field, v, src(f.label))
		}
	}
	if v, ok := vals["成立日期"]; ok {
		first, _, _ := strings.Cut(v, " ")
		if d, ok := parseDate(first); ok {
			fill(&lic.Founded, d, src("成立日期")+" = "+quote(first))
		}
	}
	return true
}

// maxLabelValue bounds one label's value (经营范围 is the longest: a few
// hundred characters).
const maxLabelValue = 4096

// splitLabels reads "label value label value …" text, with the labels
// either on their own lines or separated by spaces on one line: a label
// counts where it stands as a word (after the start, a space or a line
// break, and before a space, a line break, a colon or the end), and its
// value runs to the next label. When the value spans lines, its first
// non-empty line is kept (one label per line pages put the value on the
// next line). The first occurrence of a label wins.
func splitLabels(text string, labels []string) map[string]string {
	type hit struct {
		label      string
		start, end int
	}
	var hits []hit
	for _, l := range labels {
		from := 0
		for {
			i := strings.Index(text[from:], l)
			if i < 0 {
				break
			}
			start := from + i
			end := start + len(l)
			from = end
			if start > 0 && !isLabelSep(lastRune(text[:start])) {
				continue
			}
			if end < len(text) {
				r := firstRune(text[end:])
				if !isLabelSep(r) && r != '：' && r != ':' {
					continue
				}
			}
			hits = append(hits, hit{l, start, end})
			break // the first occurrence of each label
		}
	}
	if len(hits) == 0 {
		return nil
	}
	// Sort by position (few hits: insertion sort).
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].start < hits[j-1].start; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	out := map[string]string{}
	for i, h := range hits {
		if i > 0 && h.start < hits[i-1].end {
			continue // overlaps the previous label
		}
		stop := len(text)
		if i+1 < len(hits) {
			stop = hits[i+1].start
		}
		v := strings.TrimLeft(text[h.end:stop], " \t：:")
		v = strings.TrimSpace(v)
		if strings.ContainsAny(v, "\n\r") {
			for _, line := range strings.FieldsFunc(v, func(r rune) bool { return r == '\n' || r == '\r' }) {
				if line = strings.TrimSpace(line); line != "" {
					v = line
					break
				}
			}
		}
		out[h.label] = truncateUTF8(v, maxLabelValue)
	}
	return out
}

// isLabelSep is whitespace or '|'.
func isLabelSep(r rune) bool { return isSpaceRune(r) || r == '|' }
