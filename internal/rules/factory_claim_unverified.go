package rules

import (
	"strings"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
	txt "github.com/trustlens/trustlens/internal/text"
)

// factoryClaim finds a seller calling itself a factory. Attribute *names*
// such as 产地 (place of origin) are not claims (only values are scanned),
// the platform's own tiers 超级工厂 / 实力工厂 are backing, not claims, and
// 非工厂 / 不是工厂 / 所谓“工厂” deny or doubt the claim.
var factoryClaim = newPhrases(txt.MustCompile(
	`<超级|实力|非|找|寻 工厂`,
	`<非|找|寻 厂家 !地址`,
	`<非 源头 !码`,
	`产地直供|产地直销|产地直发|厂直|厂家直`,
	`^ factory|manufacturer|manufacturers`,
), []string{"不是", "并非", "所谓", "自称", "要求", "其实"}, []string{"其实是", "实为", "冒充"})

// factorySelfClaim is a factory claim in prose (the description), where 工厂
// and "factory" also appear in honest sentences about factories ("ask for
// the factory address"): only a seller speaking of itself as the factory, or
// selling factory-direct, counts.
var factorySelfClaim = newPhrases(txt.MustCompile(
	`我们是|我们为|我司是|我司为|本公司是|本公司为|我公司是|我公司为|我们是一家|我司是一家|本公司是一家|我公司是一家 源头? 工厂|厂家|生产厂家|生产商|制造商`,
	`本厂|我厂|本工厂|我们工厂|我们的工厂|自有工厂|自家工厂|源头工厂|源头厂家|实体工厂`,
	`工厂直销|厂家直销|工厂直供|厂家直供|工厂直发|厂家直发|产地直供|产地直销|工厂价|出厂价`,
	`^ we_are_a_factory|we_are_a_manufacturer|we_are_the_factory|we_are_the_manufacturer|we_are_factory|we_are_manufacturer|we_are_a_direct_factory|our_own_factory|our_factory|own_factory|factory_direct|factory-direct`,
), []string{"不是", "并非", "所谓", "自称", "冒充", "如何辨别", "如何识别"}, []string{"其实是", "实为"})

// isDescription reports whether a text is the offer's description.
func isDescription(where string) bool { return where == "description" }

// factoryBacking are the platform tiers that back a factory claim.
var factoryBacking = []string{"super-factory", "powerful-factory", "deep-factory-audit"}

// claimText lists the texts a claim counts in.
func claimText(where string) bool {
	switch where {
	case "title", "store name", "store slogan", "store offer title", "tag":
		return true
	}
	return isAttribute(where)
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
	Roles: Roles{Action: ActInspection, ReasonVerb: true,
		Reason: Text{EN: "claims to be a factory without proof", ZH: "自称工厂但无认证"}},
	Title: Text{
		EN: "Claims to be a factory, but nothing verifies it",
		ZH: "自称工厂，但无验厂认证",
	},
	Advice: Text{
		EN: "Many \"factories\" on 1688 are trading companies (or use stolen photos). Ask for a live video call walking the production line, the factory address and its business licence (scope should include manufacturing), or visit. Prefer sellers with Deep Factory Audit (深度验厂) or Super Factory (超级工厂).",
		ZH: "1688上不少“工厂”其实是贸易公司（或盗用图片）。请要求视频连线看生产线、提供工厂地址和营业执照（经营范围应包含生产），或实地考察。优先选择有深度验厂或超级工厂标识的商家。",
	},
	Fires: "The title, attribute values, store name, slogan or (on store pages) its offers' titles claim 工厂/厂家/源头/产地直供/factory/manufacturer, or the description has the seller call itself the factory (我们是工厂, 本厂, 自有工厂, 工厂直销, we are a factory…), and either the declared business model is trading (经销批发, 贸易) or no platform tier backs it (超级工厂, 实力工厂, 深度验厂).",
	Guide: "“Fake Factory Claims: There are some storefronts that pose as factories, yet they are only trading firms or pure scams that have stolen pictures.” / “Request for a video or video call showing their factory … be wary of those who will not allow you see them”",
	Find: func(m *page.Model, c *Context) ([]Place, string) {
		claims := append(factoryClaim.find(c, m, claimText), factorySelfClaim.find(c, m, isDescription)...)
		if len(claims) == 0 {
			return nil, ""
		}
		if trading, ok := isTrading(m); ok {
			return claims, "but business model " + trading
		}
		for _, id := range factoryBacking {
			if _, ok := m.HasBadge(id); ok {
				return nil, ""
			}
		}
		return claims, "no 超级工厂, 实力工厂 or 深度验厂 on the page"
	},
	Say: func(m *page.Model, _ *Context, _ []Finding) []Text {
		if trading, ok := isTrading(m); ok {
			_, v, _ := strings.Cut(trading, " = ")
			v = strings.Trim(v, `"`)
			return []Text{{
				EN: format.Sprintf("But the store registers its business as trading: “%s” (wholesale or trade, not manufacturing)", v),
				ZH: format.Sprintf("但店铺登记的经营模式是“%s”（经销或贸易，而非生产）", v),
			}}
		}
		return []Text{{
			EN: "No Super Factory (超级工厂), Powerful Factory (实力工厂) or Deep Factory Audit (深度验厂) badge on the page backs the claim",
			ZH: "页面上没有超级工厂、实力工厂或深度验厂标识",
		}}
	},
}
