package rules

import "time"

func teamCtx(t Team) Context { return Context{Team: &t} }

func seen(prices ...float64) []PriceSeen {
	var out []PriceSeen
	for i, p := range prices {
		out = append(out, PriceSeen{Min: p, Max: p, At: time.Date(2026, 10, 1+i, 0, 0, 0, 0, time.UTC)})
	}
	return out
}

var _ = casesFor("team-reported",
	ruleCase{name: "team blocked", model: model(), ctx: teamCtx(Team{Entry: &BuyerEntry{Action: ActionBlock, Note: "took deposit, never shipped"}}), fire: true, evidence: "on your team's blocked list: took deposit, never shipped"},
	ruleCase{name: "two reports", model: model(), ctx: teamCtx(Team{Reports: []TeamReport{
		{RuleIDs: []string{"payment-off-platform"}, Evidence: "asked for WeChat transfer", By: "anna", At: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)},
		{By: "li", At: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)},
	}}), fire: true, evidence: "2 team reports; latest 2026-11-02 by anna (payment-off-platform): asked for WeChat transfer"},
	ruleCase{name: "team trusts", model: model(), ctx: teamCtx(Team{Entry: &BuyerEntry{Action: ActionTrust}})},
	ruleCase{name: "sync off", model: model()},
)

var _ = casesFor("price-below-history",
	ruleCase{name: "40% of the usual price", model: model(price(4)), ctx: teamCtx(Team{Prices: seen(10, 9.5, 10.5, 11)}), fire: true, evidence: "price = ¥4.00 vs the team's median ¥10.25 of 4 observations (39%)"},
	ruleCase{name: "usual price", model: model(price(9)), ctx: teamCtx(Team{Prices: seen(10, 9.5, 10.5)})},
	ruleCase{name: "too little history", model: model(price(2)), ctx: teamCtx(Team{Prices: seen(10, 10)})},
	ruleCase{name: "price unknown", model: model(), ctx: teamCtx(Team{Prices: seen(10, 9.5, 10.5)})},
)
