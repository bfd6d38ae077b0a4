package rules

import "github.com/trustlens/trustlens/internal/page"

var _ = casesFor("factory-address-withheld",
	ruleCase{name: "暂无", model: model(func(m *page.Model) { m.Supplier.Address.Set("暂无", "contact page 地址") }), fire: true, evidence: "地址 = 暂无"},
	ruleCase{name: "address given", model: model(func(m *page.Model) {
		m.Supplier.Address.Set("广东省广州市番禺区测试路1号", "contact page 地址")
	})},
	ruleCase{name: "unknown", model: model()},
)
