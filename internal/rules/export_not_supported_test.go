package rules

import "github.com/trustlens/trustlens/internal/page"

var _ = casesFor("export-not-supported",
	ruleCase{name: "不支持", model: model(func(m *page.Model) { m.Supplier.ExportSupport.Set(false, "factory card 接外贸订单") }), fire: true, evidence: "接外贸订单 = false"},
	ruleCase{name: "支持", model: model(func(m *page.Model) { m.Supplier.ExportSupport.Set(true, "factory card 接外贸订单") })},
	ruleCase{name: "unknown", model: model()},
)
