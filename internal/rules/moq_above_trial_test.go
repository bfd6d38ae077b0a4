package rules

import "github.com/trustlens/trustlens/internal/page"

var _ = casesFor("moq-above-trial",
	ruleCase{name: "2000", model: model(func(m *page.Model) { m.Offer.MOQ.Set(2000, "model moq") }), fire: true, evidence: "model moq = 2000"},
	ruleCase{name: "50", model: model(func(m *page.Model) { m.Offer.MOQ.Set(50, "model moq") })},
	ruleCase{name: "unknown", model: model()},
)
