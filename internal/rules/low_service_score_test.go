package rules

import "github.com/trustlens/trustlens/internal/page"

var _ = casesFor("low-service-score",
	ruleCase{name: "3.1 overall", model: model(func(m *page.Model) { m.Store.ServiceScore.Set(3.1, "shopcard 店铺服务分") }), fire: true, evidence: "服务分 = 3.1"},
	ruleCase{name: "after-sales part 2.4", model: model(func(m *page.Model) {
		m.Store.ServiceStars = []page.Attribute{{Name: "售后体验", Value: "2.4"}, {Name: "物流体验", Value: "3.0"}}
	}), fire: true, evidence: "售后体验 = 2.4"},
	ruleCase{name: "real header values", model: model(func(m *page.Model) {
		m.Store.ServiceScore.Set(4.0, "x")
		m.Store.ServiceStars = []page.Attribute{{Name: "售后体验", Value: "3.3"}, {Name: "物流体验", Value: "3.0"}}
	})},
)
