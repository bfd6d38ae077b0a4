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
	Say: func(m *page.Model, c *Context, _ []Finding) []Text {
		t := c.Team
		var out []Text
		if e := t.Entry; e != nil && e.Action == ActionBlock {
			line := Text{EN: "Your team blocked this supplier", ZH: "你的团队已拉黑该供应商"}
			if e.Note != "" {
				line.EN += ": “" + e.Note + "”"
				line.ZH += "：“" + e.Note + "”"
			}
			out = append(out, line)
		}
		if n := len(t.Reports); n > 0 {
			r := t.Reports[0]
			byZH := r.By
			if byZH == "" {
				byZH = "团队成员"
			}
			reports := "1 report"
			if n != 1 {
				reports = format.Sprintf("%d reports", n)
			}
			line := Text{
				EN: format.Sprintf("%s from your team; the latest by %s on %s", reports, orSomeone(r.By), r.At.Format("2006-01-02")),
				ZH: format.Sprintf("团队共%d条举报；最近一条由%s于%s提交", n, byZH, r.At.Format("2006-01-02")),
			}
			var en, zh []string
			for _, id := range r.RuleIDs {
				if t, ok := titleIndex[id]; ok {
					en = append(en, lowerFirstEN(t.EN))
					zh = append(zh, t.ZH)
				}
			}
			if len(en) > 0 {
				line.EN += ", about: " + strings.Join(en, "; ")
				line.ZH += "，涉及：" + strings.Join(zh, "；")
			}
			if note := reportNote(r.Evidence); note != "" {
				line.EN += ". They wrote: “" + note + "”"
				line.ZH += "。举报人写道：“" + note + "”"
			}
			out = append(out, line)
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

// reportNote is the reporter's own words in a team report's evidence: the
// extension sends the note followed by one "<rule id>: <evidence>" line per
// warning of the page, and those lines are already worded by the findings.
func reportNote(evidence string) string {
	var keep []string
	for _, line := range strings.Split(evidence, "\n") {
		if id, _, ok := strings.Cut(line, ": "); ok {
			if _, isRule := titleIndex[id]; isRule {
				continue
			}
		}
		if line = strings.TrimSpace(line); line != "" {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, " ")
}
