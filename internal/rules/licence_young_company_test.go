package rules

var _ = casesFor("licence-young-company",
	ruleCase{name: "founded 8 months ago", model: model(licence("x", date(2026, 3, 1))), ctx: Context{Now: testNow}, fire: true, evidence: "licence 成立日期 = 2026-03-01: 0.7 years ago"},
	ruleCase{name: "store claims longer than company exists", model: model(age(8), licence("x", date(2022, 6, 1))), ctx: Context{Now: testNow}, fire: true, evidence: "tpYear = 8, but licence 成立日期 = 2022-06-01"},
	ruleCase{name: "2017 company with 8-year store", model: model(age(8), licence("x", date(2017, 9, 28))), ctx: Context{Now: testNow}},
	ruleCase{name: "founding unknown", model: model(age(1)), ctx: Context{Now: testNow}},
)
