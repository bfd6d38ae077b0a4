package rules

import "github.com/trustlens/trustlens/internal/page"

var _ = casesFor("low-repurchase-rate",
	ruleCase{name: "4%", model: model(func(m *page.Model) { m.Store.RepurchaseRate.Set(4, "shopcard 店铺回头率") }), fire: true, evidence: "店铺回头率 = 4%"},
	ruleCase{name: "14%", model: model(func(m *page.Model) { m.Store.RepurchaseRate.Set(14, "credit page 回头率") })},
	ruleCase{name: "unknown (- %)", model: model()},
)
