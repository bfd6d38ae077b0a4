package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/trustlens/trustlens/internal/page"
)

// factoryClaim finds a seller calling itself a factory. Attribute *names*
// such as 产地 (place of origin) are not claims (only values are scanned),
// and the platform's own tiers 超级工厂 / 实力工厂 / 深度验厂 are backing, not
// claims: matches inside them are skipped.
var factoryClaim = regexp.MustCompile(`工厂|厂家|源头|产地直[供销发]|厂[家]?直[销供营]|factory|manufacturer`)

// backedBy are the platform tiers that back a factory claim.
var factoryBacking = []string{"super-factory", "powerful-factory", "deep-factory-audit"}

// claimWhere lists the texts a claim counts in.
func claimText(where string) bool {
	switch where {
	case "title", "store name", "store slogan", "store offer title", "tag":
		return true
	}
	return isAttribute(where)
}

// isPlatformTier reports whether the match at [s,e) of the normalised text
// is part of 超级工厂, 实力工厂 or 深度验厂.
func isPlatformTier(norm string, s, e int) bool {
	for _, tier := range []string{"超级工厂", "实力工厂", "深度验厂"} {
		for _, at := range []int{s - len("超级"), s} {
			if at >= 0 && at+len(tier) <= len(norm) && norm[at:at+len(tier)] == tier {
				return true
			}
		}
	}
	return false
}

func findFactoryClaim(texts []page.Text) *phraseHit {
	for _, t := range texts {
		if !claimText(t.Where) || t.Text == "" {
			continue
		}
		rs := []rune(t.Text)
		norm := normalize(rs)
		for _, loc := range factoryClaim.FindAllStringIndex(norm, 8) {
			if isPlatformTier(norm, loc[0], loc[1]) {
				continue
			}
			start := len([]rune(norm[:loc[0]]))
			end := start + len([]rune(norm[loc[0]:loc[1]]))
			return &phraseHit{Text: t, Match: string(rs[start:end]), Context: window(rs, start, end)}
		}
	}
	return nil
}

// isTrading reports whether the declared business model is trading.
func isTrading(m *page.Model) (string, bool) {
	for _, f := range []page.Field[string]{m.Supplier.BusinessModel, m.Supplier.BusinessType} {
		if !f.Known {
			continue
		}
		v := f.Value
		if strings.Contains(v, "生产") || strings.Contains(v, "工贸") || strings.Contains(v, "加工") || strings.Contains(v, "厂") {
			return "", false
		}
		if strings.Contains(v, "经销") || strings.Contains(v, "批发") || strings.Contains(v, "贸易") || strings.Contains(v, "商贸") {
			return fieldEvidence(f), true
		}
	}
	return "", false
}

var factoryClaimUnverified = Rule{
	ID:       "factory-claim-unverified",
	Severity: Medium,
	Title: Text{
		EN: "Claims to be a factory, but nothing verifies it",
		ZH: "自称工厂，但无验厂认证",
	},
	Advice: Text{
		EN: "Many \"factories\" on 1688 are trading companies (or use stolen photos). Ask for a live video call walking the production line, the factory address and its business licence (scope should include manufacturing), or visit. Prefer sellers with Deep Factory Audit (深度验厂) or Super Factory (超级工厂).",
		ZH: "1688上不少“工厂”其实是贸易公司（或盗用图片）。请要求视频连线看生产线、提供工厂地址和营业执照（经营范围应包含生产），或实地考察。优先选择有深度验厂或超级工厂标识的商家。",
	},
	Fires: "The title, attribute values, store name, slogan or (on store pages) its offers' titles claim 工厂/厂家/源头/产地直供/factory/manufacturer, and either the declared business model is trading (经销批发, 贸易) or no platform tier backs it (超级工厂, 实力工厂, 深度验厂).",
	Guide: "“Fake Factory Claims: There are some storefronts that pose as factories, yet they are only trading firms or pure scams that have stolen pictures.” / “Request for a video or video call showing their factory … be wary of those who will not allow you see them”",
	Check: func(m *page.Model, _ *Context) []string {
		claim := findFactoryClaim(m.Texts)
		if claim == nil {
			return nil
		}
		if trading, ok := isTrading(m); ok {
			return []string{fmt.Sprintf("%s, but business model %s", claim.Evidence(), trading)}
		}
		for _, id := range factoryBacking {
			if _, ok := m.HasBadge(id); ok {
				return nil
			}
		}
		return []string{claim.Evidence() + "; no 超级工厂, 实力工厂 or 深度验厂 on the page"}
	},
}
