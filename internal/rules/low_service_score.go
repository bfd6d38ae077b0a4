package rules

import (
	"strconv"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
)

// 1688's service score (服务分) and its parts (售后/商品/物流/咨询体验) run
// 0-5. The captures show 4.0-4.5 for ordinary stores and 3.0-4.0 for the
// parts; under 3.5 overall, or a part under 3.0, is below every store we saw.
const (
	lowServiceScore = 3.5
	lowServicePart  = 3.0
)

var lowServiceScoreRule = Rule{
	ID:       "low-service-score",
	Severity: Medium,
	Title: Text{
		EN: "Low service score",
		ZH: "服务分低",
	},
	Advice: Text{
		EN: "Buyers rate this store's service poorly. Agree delivery dates and after-sales terms in writing in the 1688 contract and keep every chat.",
		ZH: "买家对该店铺服务评价较低。请在1688合同中书面约定交期和售后条款，并保留全部聊天记录。",
	},
	Fires: format.Sprintf("The store's service score (服务分) is under %.1f of 5, or one of its parts (售后体验, 商品体验, 物流体验, 咨询体验) is under %.1f.", lowServiceScore, lowServicePart),
	Guide: "“Analysis of Transaction Data and Reviews: Verify the genuineness of monthly transaction levels and client feedback.”",
	Check: func(m *page.Model, _ *Context) []string {
		var out []string
		if s := m.Store.ServiceScore; s.Known && s.Value < lowServiceScore {
			out = append(out, format.Sprintf("%s = %g", s.Source, s.Value))
		}
		for _, p := range m.Store.ServiceStars {
			if v, err := strconv.ParseFloat(p.Value, 64); err == nil && v < lowServicePart {
				out = append(out, format.Sprintf("%s = %s", p.Name, p.Value))
			}
		}
		return out
	},
	Say: func(m *page.Model, _ *Context, _ []Finding) []Text {
		var out []Text
		if s := m.Store.ServiceScore; s.Known && s.Value < lowServiceScore {
			out = append(out, from(Text{
				EN: format.Sprintf("Service score (服务分): %g of 5", s.Value),
				ZH: format.Sprintf("服务分：%g（满分5分）", s.Value),
			}, s.Source))
		}
		for _, p := range m.Store.ServiceStars {
			if v, err := strconv.ParseFloat(p.Value, 64); err == nil && v < lowServicePart {
				out = append(out, Text{
					EN: format.Sprintf("%s: %g of 5", serviceAspect(p.Name), v),
					ZH: format.Sprintf("%s：%g（满分5分）", p.Name, v),
				})
			}
		}
		return out
	},
}

// serviceAspect names a part of the service score in English, with the
// Chinese the store page shows.
func serviceAspect(zh string) string {
	en := map[string]string{"售后体验": "After-sales", "商品体验": "Goods as described", "物流体验": "Shipping", "咨询体验": "Answering questions"}[zh]
	if en == "" {
		return "Service part (" + zh + ")"
	}
	return en + " (" + zh + ")"
}
