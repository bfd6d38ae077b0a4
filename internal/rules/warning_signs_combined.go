package rules

import (
	"sort"
	"strings"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
)

// combinedThreshold is how many distinct warning signs make "leave".
const combinedThreshold = 3

var warningSignsCombined = Rule{
	ID:       "warning-signs-combined",
	Roles:    Roles{Aggregate: true, Action: ActWalkAway},
	Severity: High,
	Title: Text{
		EN: "Several warning signs together: walk away",
		ZH: "多个危险信号同时出现：建议放弃",
	},
	Advice: Text{
		EN: "The guide's advice when warning signs combine is to leave: this pattern matches typical fraud. If you still want the goods, find another supplier of the same product with a longer history and cleaner signals.",
		ZH: "多个危险信号同时出现时，建议直接放弃：这是典型的欺诈模式。如仍需该商品，请寻找历史更长、信号更干净的其他供应商。",
	},
	Fires: format.Sprintf("%d or more distinct warning-sign rules (severity high, medium or low) fire on the same page.", combinedThreshold),
	Guide: "“If you see a combination of these signs, leave as there are many such patterns which can be seen in typical fraud on other sourcing platforms.”",
	Combine: func(_ *page.Model, _ *Context, found []Finding) []string {
		seen := map[string]bool{}
		for _, f := range found {
			if RolesOf(f.ID).Preference {
				continue // the buyer's own threshold, not a sign about the supplier
			}
			if f.Severity == High || f.Severity == Medium || f.Severity == Low {
				seen[f.ID] = true
			}
		}
		if len(seen) < combinedThreshold {
			return nil
		}
		ids := make([]string, 0, len(seen))
		for id := range seen {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		return []string{format.Sprintf("%d warning signs: %s", len(ids), strings.Join(ids, ", "))}
	},
	Say: func(_ *page.Model, _ *Context, found []Finding) []Text {
		var en, zh []string
		for _, f := range found {
			if !RolesOf(f.ID).Preference && (f.Severity == High || f.Severity == Medium || f.Severity == Low) {
				en = append(en, lowerFirstEN(f.Title.EN))
				zh = append(zh, f.Title.ZH)
			}
		}
		return []Text{{
			EN: format.Sprintf("%d warning signs on one page: %s", len(en), strings.Join(en, "; ")),
			ZH: format.Sprintf("同一页面出现%d个危险信号：%s", len(zh), strings.Join(zh, "；")),
		}}
	},
}
