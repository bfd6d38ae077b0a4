package rules

import (
	"strings"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
)

var teamReported = Rule{
	ID:       "team-reported",
	Severity: High,
	Roles: Roles{Action: ActTeam,
		Reason: Text{EN: "blocked or reported by your team", ZH: "被你的团队拉黑或举报"}},
	Title: Text{
		EN: "Your team blocked or reported this supplier",
		ZH: "团队已拉黑或举报该供应商",
	},
	Advice: Text{
		EN: "A colleague flagged this supplier in your team's list. Read their reason before ordering, and if you still buy, follow your team's procedure (samples, escrow, 30/70, inspection).",
		ZH: "团队成员已在共享名单中标记该供应商。下单前请先查看原因；如仍需采购，请按团队流程执行（样品、担保交易、30/70付款、验货）。",
	},
	Fires: "The team service (opt-in sync) has this supplier on the team's blocked list, or holds at least one team report on it.",
	Guide: "“Create Internal Supplier Ratings: Monitor every supplier’s performance, keep an up-to-date black list to prevent recurring hazards.” / “Join Seller Communities … learn about fraud from other people’s experiences”",
	Check: func(m *page.Model, c *Context) []string {
		t := c.Team
		if t == nil {
			return nil
		}
		var out []string
		if e := t.Entry; e != nil && e.Action == ActionBlock {
			ev := "on your team's blocked list"
			if e.Note != "" {
				ev += ": " + e.Note
			}
			out = append(out, ev)
		}
		if n := len(t.Reports); n > 0 {
			r := t.Reports[0]
			ev := format.Sprintf("%d team report", n)
			if n != 1 {
				ev += "s"
			}
			ev += format.Sprintf("; latest %s by %s", r.At.Format("2006-01-02"), orSomeone(r.By))
			if len(r.RuleIDs) > 0 {
				ev += " (" + strings.Join(r.RuleIDs, ", ") + ")"
			}
			if r.Evidence != "" {
				ev += ": " + r.Evidence
			}
			out = append(out, ev)
		}
		return out
	},
}

func orSomeone(s string) string {
	if s == "" {
		return "a team member"
	}
	return s
}
