package rules

import "github.com/trustlens/trustlens/internal/page"

var _ = casesFor("page-unreadable",
	ruleCase{name: "no model", model: page.Model{Kind: page.KindOffer}, fire: true, evidence: "no page model"},
	ruleCase{name: "failed response noted", model: page.Model{Kind: page.KindOffer, Notes: []string{"shopcard response failed: FAIL_SYS_USER_VALIDATE"}}, fire: true, evidence: "FAIL_SYS_USER_VALIDATE"},
	ruleCase{name: "readable", model: model()},
)
