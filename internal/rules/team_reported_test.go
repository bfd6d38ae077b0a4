package rules

import "time"

var _ = casesFor("team-reported",
	ruleCase{name: "team blocked", model: model(), ctx: teamCtx(Team{Entry: &BuyerEntry{Action: ActionBlock, Note: "took deposit, never shipped"}}), fire: true, evidence: "on your team's blocked list: took deposit, never shipped"},
	ruleCase{name: "two reports", model: model(), ctx: teamCtx(Team{Reports: []TeamReport{
		{RuleIDs: []string{"payment-off-platform"}, Evidence: "asked for WeChat transfer", By: "anna", At: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)},
		{By: "li", At: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)},
	}}), fire: true, evidence: "2 team reports; latest 2026-11-02 by anna (payment-off-platform): asked for WeChat transfer"},
	ruleCase{name: "team trusts", model: model(), ctx: teamCtx(Team{Entry: &BuyerEntry{Action: ActionTrust}})},
	ruleCase{name: "sync off", model: model()},
)
