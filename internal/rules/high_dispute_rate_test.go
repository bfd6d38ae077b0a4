package rules

import "github.com/trustlens/trustlens/internal/page"

var _ = casesFor("high-dispute-rate",
	ruleCase{name: "2.5% disputes", model: model(func(m *page.Model) { m.Store.DisputeRate.Set(2.5, "credit page 纠纷率") }), fire: true, evidence: "纠纷率 = 2.5%"},
	ruleCase{name: "quality returns", model: model(func(m *page.Model) { m.Store.QualityReturnRate.Set(8, "credit page 品质退货率") }), fire: true, evidence: "品质退货率 = 8%"},
	ruleCase{name: "0%", model: model(func(m *page.Model) {
		m.Store.DisputeRate.Set(0, "credit page 纠纷率")
		m.Store.QualityReturnRate.Set(0, "x")
	})},
)
