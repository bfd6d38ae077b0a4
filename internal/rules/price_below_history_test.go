package rules

var _ = casesFor("price-below-history",
	ruleCase{name: "40% of the usual price", model: model(price(4)), ctx: teamCtx(Team{Prices: seen(10, 9.5, 10.5, 11)}), fire: true, evidence: "price = ¥4.00 vs the team's median ¥10.25 of 4 observations (39%)"},
	ruleCase{name: "usual price", model: model(price(9)), ctx: teamCtx(Team{Prices: seen(10, 9.5, 10.5)})},
	ruleCase{name: "too little history", model: model(price(2)), ctx: teamCtx(Team{Prices: seen(10, 10)})},
	ruleCase{name: "price unknown", model: model(), ctx: teamCtx(Team{Prices: seen(10, 9.5, 10.5)})},
)
