package core

import (
	"sort"
	"strconv"
	"strings"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/rules"
	"github.com/trustlens/trustlens/internal/text"
)

// Summary is the answer the panel leads with, built here so the CLI and
// the extension say the same thing (docs/verdict.md, "summary").
type Summary struct {
	// Reason says in one line why the page got its level: "New store
	// (1 year on 1688) that asks for WeChat payment", "Store age not shown
	// on this page", "1688 showed a security check (captcha) instead of
	// the page".
	Reason rules.Text `json:"reason"`
	// Actions are what the buyer should do first, at most three.
	Actions []rules.Text `json:"actions"`
	// Blocked is "captcha" or "login" when 1688 withheld the page or its
	// data and said so; else "".
	Blocked string `json:"blocked"`
	// Order lists the finding ids in the order the panel shows them: by
	// severity, then by how much each moved the score.
	Order []string `json:"order"`
	// Evidence is each finding's evidence written for a buyer, by finding
	// id, one line per place it was seen ("Store age: 1 year on 1688, from
	// the store card"); the finding's own evidence stays the technical source.
	Evidence map[string][]rules.Text `json:"evidence"`
}

// maxActions bounds Summary.Actions: the first box is read in seconds.
const maxActions = 3

// summarize builds the summary of a judged page.
func summarize(m *page.Model, findings []rules.Finding, level rules.Level, score *int, advice *rules.OrderAdvice) Summary {
	s := Summary{Blocked: m.Blocked, Actions: []rules.Text{}, Order: []string{}, Evidence: map[string][]rules.Text{}}
	sorted := append([]rules.Finding(nil), findings...)
	sort.SliceStable(sorted, func(i, j int) bool {
		ri, rj := sorted[i].Severity.Rank(), sorted[j].Severity.Rank()
		if ri != rj {
			return ri < rj
		}
		// Heaviest first: the most negative warning, the most positive sign.
		return abs(rules.FindingWeight(sorted[i], m)) > abs(rules.FindingWeight(sorted[j], m))
	})
	for _, f := range sorted {
		s.Evidence[f.ID] = f.Said
		s.Order = append(s.Order, f.ID)
	}
	var warnings []rules.Finding
	for _, f := range sorted {
		if f.Severity == rules.High || f.Severity == rules.Medium || f.Severity == rules.Low {
			warnings = append(warnings, f)
		}
	}
	s.Reason = reasonOf(m, warnings, level, score)
	s.Actions = actionsOf(m, warnings, level, advice)
	return s
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// ---- the one-line reason ----------------------------------------------------

// phrase is a short form of a finding for the reason line: a noun phrase
// ("New store (1 year on 1688)") or a verb phrase ("asks for WeChat
// payment"), so two can be joined as "<noun> that <verb>".
type phrase struct {
	text rules.Text
	verb bool
}

var (
	blockedCaptchaText = rules.Text{EN: "1688 showed a security check (captcha) instead of the page", ZH: "1688显示了安全验证（验证码），而不是页面内容"}
	blockedLoginText   = rules.Text{EN: "1688 asked you to log in before showing this page", ZH: "1688要求先登录才显示此页面"}
	noModelText        = rules.Text{EN: "TrustLens found no product or store data on this page", ZH: "此页面上没有找到商品或店铺数据"}
	ageUnknownText     = rules.Text{EN: "store age not shown on this page", ZH: "此页面未显示店铺年限"}
	ageCaptchaText     = rules.Text{EN: "store age not shown: 1688 asked for a security check (captcha) before giving it", ZH: "未显示店铺年限：1688要求先通过安全验证（验证码）"}
	failedText         = rules.Text{EN: "TrustLens could not analyse this page", ZH: "TrustLens无法分析此页面"}
)

func reasonOf(m *page.Model, warnings []rules.Finding, level rules.Level, score *int) rules.Text {
	if !m.Readable {
		switch m.Blocked {
		case page.BlockedCaptcha:
			return blockedCaptchaText
		case page.BlockedLogin:
			return blockedLoginText
		}
		if level == rules.HighRisk && len(warnings) > 0 { // the buyer blocked this supplier
			return capital(phraseOf(m, warnings[0]).text)
		}
		return noModelText
	}
	if m.Kind == page.KindSearch {
		return rules.Text{EN: "Search results: each result has its own badge", ZH: "搜索结果：每个结果有自己的标记"}
	}
	var parts []phrase
	for _, f := range warnings {
		if rules.RolesOf(f.ID).Aggregate || len(parts) == 2 {
			continue
		}
		p := phraseOf(m, f)
		if len(parts) == 1 && parts[0].text == p.text {
			continue
		}
		parts = append(parts, p)
	}
	age := m.Supplier.StoreAgeYears
	if !age.Known && len(parts) < 2 && level != rules.HighRisk {
		t := ageUnknownText
		if m.Blocked == page.BlockedCaptcha {
			t = ageCaptchaText
		}
		parts = append(parts, phrase{text: t})
	}
	if len(parts) == 2 && parts[0].verb && !parts[1].verb {
		parts[0], parts[1] = parts[1], parts[0] // "<noun> that <verb>"
	}
	switch {
	case len(parts) == 0 && level == rules.Trusted:
		return trustedReason(m)
	case len(parts) == 0:
		n := 0
		if score != nil {
			n = *score
		}
		return rules.Text{
			EN: format.Sprintf("Not enough good signs for Trusted (score %d; Trusted needs 75)", n),
			ZH: format.Sprintf("可信信号不足（得分%d，可信需75分）", n),
		}
	case len(parts) == 1:
		return capital(parts[0].text)
	case !parts[0].verb && parts[1].verb:
		return capital(rules.Text{EN: parts[0].text.EN + " that " + parts[1].text.EN, ZH: parts[0].text.ZH + "，且" + parts[1].text.ZH})
	}
	return capital(rules.Text{EN: parts[0].text.EN + "; " + lowerFirst(parts[1].text).EN, ZH: parts[0].text.ZH + "；" + parts[1].text.ZH})
}

// trustedReason: "11 years on 1688, TrustPass member, no warning signs".
func trustedReason(m *page.Model) rules.Text {
	y := m.Supplier.StoreAgeYears.Value
	en := []string{rules.YearsEN(y) + " on 1688"}
	zh := []string{format.Sprintf("入驻1688共%d年", y)}
	for i, b := range m.Supplier.Badges {
		if i == 2 {
			break
		}
		if t, ok := rules.BadgeName(b.ID); ok {
			en = append(en, t.EN)
			zh = append(zh, t.ZH)
		}
	}
	en = append(en, "no warning signs")
	zh = append(zh, "无危险信号")
	return rules.Text{EN: strings.Join(en, ", "), ZH: strings.Join(zh, "，")}
}

// capital upper-cases the first letter of the English text.
func capital(t rules.Text) rules.Text {
	if t.EN != "" && t.EN[0] >= 'a' && t.EN[0] <= 'z' {
		t.EN = string(t.EN[0]-'a'+'A') + t.EN[1:]
	}
	return t
}

// phraseOf is the reason-line form of a finding: the rule's declared reason
// (rules.Roles.Reason) with the store age filled in, the channel the seller
// asks for (read from the evidence) for payment-off-platform, or the title.
func phraseOf(m *page.Model, f rules.Finding) phrase {
	ro := rules.RolesOf(f.ID)
	if f.ID == paymentOffPlatformID {
		return phrase{text: offPlatformPhrase(f.Evidence), verb: ro.ReasonVerb}
	}
	t := ro.Reason
	if strings.Contains(t.EN+t.ZH, "{") {
		age := m.Supplier.StoreAgeYears
		if !age.Known {
			return phrase{text: lowerFirst(f.Title)}
		}
		n := strconv.Itoa(age.Value)
		t = rules.Text{EN: strings.ReplaceAll(t.EN, "{years}", rules.YearsEN(age.Value)), ZH: strings.ReplaceAll(t.ZH, "{n}", n)}
	}
	if t.EN == "" {
		return phrase{text: lowerFirst(f.Title)}
	}
	return phrase{text: t, verb: ro.ReasonVerb}
}

// paymentOffPlatformID is the rule whose reason names the channel its
// evidence quotes ("asks for WeChat payment").
const paymentOffPlatformID = "payment-off-platform"

// offPlatformPhrase names the channel the seller asks for, from the matched text.
func offPlatformPhrase(evidence string) rules.Text {
	e := text.Fold(evidence).S // look-alikes (薇信, 扣扣) and hidden characters resolved
	channel, zh := "outside 1688", "站外"
	switch {
	case containsAnyOf(e, "微信", "薇信", "威信", "v信", "vx", "wx", "weixin", "wechat", "加v"):
		channel, zh = "WeChat", "微信"
	case containsAnyOf(e, "qq", "扣扣", "企鹅"):
		channel, zh = "QQ", "QQ"
	case containsAnyOf(e, "whatsapp"):
		channel, zh = "WhatsApp", "WhatsApp"
	case containsAnyOf(e, "银行卡", "对公", "公户", "个人账户", "私人账户", "bank"):
		channel, zh = "a bank transfer", "银行转账"
	}
	if containsAnyOf(e, "转账", "付款", "收款", "打款", "汇款", "pay", "transfer") {
		if channel == "a bank transfer" {
			return rules.Text{EN: "asks for payment by bank transfer", ZH: "要求银行转账付款"}
		}
		return rules.Text{EN: "asks for " + channel + " payment", ZH: "要求" + zh + "付款"}
	}
	return rules.Text{EN: "asks you to deal on " + channel, ZH: "要求转到" + zh + "沟通交易"}
}

func containsAnyOf(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// lowerFirst lower-cases the first letter of the English text unless it
// starts an acronym or a name ("QQ", "TrustPass").
func lowerFirst(t rules.Text) rules.Text {
	if len(t.EN) > 1 && t.EN[0] >= 'A' && t.EN[0] <= 'Z' && (t.EN[1] < 'A' || t.EN[1] > 'Z') {
		t.EN = string(t.EN[0]-'A'+'a') + t.EN[1:]
	}
	return t
}

// ---- the top actions --------------------------------------------------------

var (
	actEscrow      = rules.Text{EN: "Pay only through 1688's checkout (escrow), never by WeChat, QQ or bank transfer", ZH: "只通过1688下单付款（担保交易），不要用微信、QQ或银行转账"}
	actSamples     = rules.Text{EN: "Start with samples and a 50-100 unit trial order", ZH: "先拿样品，再试订50-100件"}
	actWalkAway    = rules.Text{EN: "Do not send money to this supplier: look for another one", ZH: "不要向该供应商付款，另找供应商"}
	actCheckAge    = rules.Text{EN: "Open the store's page to see how long it has been on 1688 (入驻N年)", ZH: "打开店铺页面查看入驻年限"}
	actFindAge     = rules.Text{EN: "Find 入驻N年 (years on 1688) in the store's header or credit page (公司档案)", ZH: "在店铺页头或公司档案中查看“入驻N年”"}
	actCaptcha     = rules.Text{EN: "Pass the security check in this tab and reload: TrustLens checks again", ZH: "在此标签页完成安全验证并刷新，TrustLens会重新检查"}
	actLogin       = rules.Text{EN: "Log in to 1688 and reload: TrustLens checks again", ZH: "登录1688后刷新，TrustLens会重新检查"}
	actUnchecked   = rules.Text{EN: "Treat the supplier as unchecked: verify store age, licence and badges yourself", ZH: "视为未核实：自行核对店铺年限、营业执照和认证"}
	actLicence     = rules.Text{EN: "Check the business licence in the national register (gsxt.gov.cn)", ZH: "在国家企业信用信息公示系统核对营业执照"}
	actInspection  = rules.Text{EN: "Ask for a video call of the factory or a third-party inspection", ZH: "要求视频看厂或第三方验厂"}
	actTracking    = rules.Text{EN: "Insist on a known carrier (Cainiao, SF Express) with checkable tracking", ZH: "坚持使用可查单号的正规物流（菜鸟、顺丰）"}
	actNoFullPay   = rules.Text{EN: "Do not pay the full amount before the goods are checked", ZH: "验货前不要付全款"}
	actAskLowPrice = rules.Text{EN: "Ask why the price is so low and order a sample first", ZH: "询问为何价格如此低，先拿样品"}
	actTeam        = rules.Text{EN: "Read your team's report before any contact", ZH: "联系前先看团队的举报记录"}
)

// actionFor is what to do first about one finding; ok false when the finding
// adds nothing beyond the generic actions.
func actionFor(f rules.Finding) (rules.Text, bool) {
	t, ok := actionText[rules.RolesOf(f.ID).Action]
	return t, ok
}

// actionText words each action kind a rule may declare (rules.Roles.Action).
var actionText = map[rules.Action]rules.Text{
	rules.ActEscrow:     actEscrow,
	rules.ActSamples:    actSamples,
	rules.ActWalkAway:   actWalkAway,
	rules.ActLicence:    actLicence,
	rules.ActInspection: actInspection,
	rules.ActTracking:   actTracking,
	rules.ActNoFullPay:  actNoFullPay,
	rules.ActAskPrice:   actAskLowPrice,
	rules.ActTeam:       actTeam,
}

func actionsOf(m *page.Model, warnings []rules.Finding, level rules.Level, advice *rules.OrderAdvice) []rules.Text {
	var out []rules.Text
	add := func(t rules.Text) {
		for _, o := range out {
			if o == t {
				return
			}
		}
		if len(out) < maxActions {
			out = append(out, t)
		}
	}
	if !m.Readable {
		switch {
		case level == rules.HighRisk:
			add(actWalkAway)
		case m.Blocked == page.BlockedCaptcha:
			add(actCaptcha)
		case m.Blocked == page.BlockedLogin:
			add(actLogin)
		}
		add(actUnchecked)
		return out
	}
	if m.Kind == page.KindSearch {
		return []rules.Text{}
	}
	// A high-risk page leads with walking away; the order advice then says
	// the same ("do not place this order"), never a payment plan.
	if level == rules.HighRisk {
		add(actWalkAway)
	}
	for _, f := range warnings {
		if a, ok := actionFor(f); ok && !(level == rules.HighRisk && a == actSamples) {
			add(a)
		}
	}
	if !m.Supplier.StoreAgeYears.Known {
		if m.Kind == page.KindStore {
			add(actFindAge)
		} else {
			add(actCheckAge)
		}
	}
	add(actEscrow)
	if level != rules.HighRisk {
		add(actSamples)
	}
	if out == nil {
		return []rules.Text{}
	}
	return out
}
