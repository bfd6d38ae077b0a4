package core

import (
	"time"

	"github.com/tidwall/gjson"

	"github.com/trustlens/trustlens/internal/rules"
)

// Paths of the team block in the analyze() input: what the
// extension's sync cache holds about this supplier and offer.
//
//	"team": {"memberId": "b2b-…", "entry": {"action": "block", "note": "…", "rating": 2},
//	         "reports": [{"ruleIds": ["…"], "evidence": "…", "by": "…", "at": "RFC3339"}],
//	         "prices": [{"min": 8.8, "max": 9.5, "currency": "CNY", "seenAt": "RFC3339"}]}
const (
	pathTeam         = "team"
	pathTeamMember   = "memberId"
	pathTeamEntry    = "entry"
	pathTeamReports  = "reports"
	pathTeamPrices   = "prices"
	pathReportRules  = "ruleIds"
	pathReportText   = "evidence"
	pathReportBy     = "by"
	pathReportAt     = "at"
	pathPriceMin     = "min"
	pathPriceMax     = "max"
	pathPriceCur     = "currency"
	pathPriceSeenAt  = "seenAt"
	maxTeamText      = 2000
	maxTeamBy        = 100
	maxRuleIDsReport = 20
)

// readTeam reads the team block (already validated); nil when absent.
func readTeam(t gjson.Result, notes *[]string) *rules.Team {
	if !t.IsObject() {
		return nil
	}
	team := &rules.Team{}
	if id := t.Get(pathTeamMember); id.Type == gjson.String && len(id.Str) <= maxMemberKey {
		team.MemberID = id.Str
	}
	if e := t.Get(pathTeamEntry); e.Exists() && e.Type != gjson.Null {
		if entry, why := entryOf(e); why != "" {
			*notes = append(*notes, "team.entry ignored: "+why)
		} else {
			team.Entry = &entry
		}
	}
	t.Get(pathTeamReports).ForEach(func(_, r gjson.Result) bool {
		if len(team.Reports) >= rules.MaxTeamReports {
			return false
		}
		if !r.IsObject() {
			return true
		}
		rep := rules.TeamReport{
			Evidence: cutUTF8(r.Get(pathReportText).Str, maxTeamText),
			By:       cutUTF8(r.Get(pathReportBy).Str, maxTeamBy),
		}
		rep.At, _ = time.Parse(time.RFC3339, r.Get(pathReportAt).Str)
		r.Get(pathReportRules).ForEach(func(_, id gjson.Result) bool {
			if _, ok := rules.ByID(id.Str); ok && len(rep.RuleIDs) < maxRuleIDsReport {
				rep.RuleIDs = append(rep.RuleIDs, id.Str)
			}
			return true
		})
		team.Reports = append(team.Reports, rep)
		return true
	})
	t.Get(pathTeamPrices).ForEach(func(_, p gjson.Result) bool {
		if len(team.Prices) >= rules.MaxTeamPrices {
			return false
		}
		lo, hi := p.Get(pathPriceMin), p.Get(pathPriceMax)
		if lo.Type != gjson.Number || lo.Num <= 0 {
			return true
		}
		v := rules.PriceSeen{Min: lo.Num, Max: hi.Num}
		if v.Max < v.Min {
			v.Max = v.Min
		}
		if p.Get(pathPriceCur).Str == "USD" {
			v.Min, v.Max = v.Min/rules.USDPerCNY, v.Max/rules.USDPerCNY
		}
		v.At, _ = time.Parse(time.RFC3339, p.Get(pathPriceSeenAt).Str)
		team.Prices = append(team.Prices, v)
		return true
	})
	return team
}
