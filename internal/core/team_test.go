package core

import (
	"strings"
	"testing"
)

func TestTeamBlock(t *testing.T) {
	tests := []struct {
		name  string
		team  map[string]any
		fires []string
		quiet []string
	}{
		{"team blocked and reported", map[string]any{
			"entry":   map[string]any{"action": "block", "note": "no goods after deposit"},
			"reports": []any{map[string]any{"ruleIds": []string{"payment-off-platform", "not-a-rule"}, "evidence": "WeChat", "by": "anna", "at": "2026-11-02T10:00:00Z"}},
		}, []string{"team-reported"}, []string{"price-below-history"}},
		{"price far below the team's history", map[string]any{
			"prices": []any{
				map[string]any{"min": 9, "max": 20, "currency": "CNY", "seenAt": "2026-10-01T00:00:00Z"},
				map[string]any{"min": 9.5, "max": 20, "currency": "CNY"},
				map[string]any{"min": 1.3, "max": 3, "currency": "USD"},
				map[string]any{"min": "x"},
			},
		}, []string{"price-below-history"}, []string{"team-reported"}},
		{"malformed team block ignored", map[string]any{"entry": "block", "reports": "x", "prices": 5}, nil, []string{"team-reported", "price-below-history"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := decode(t, AnalyzeJSON(snapshotJSON(t, map[string]any{"team": tt.team})))
			ids := map[string]string{}
			for _, f := range v.Findings {
				ids[f.ID] = f.Evidence
			}
			for _, id := range tt.fires {
				if _, ok := ids[id]; !ok {
					t.Errorf("%s did not fire: %v", id, ids)
				}
			}
			for _, id := range tt.quiet {
				if ev, ok := ids[id]; ok {
					t.Errorf("%s fired: %s", id, ev)
				}
			}
			if ev := ids["team-reported"]; ev != "" && strings.Contains(ev, "not-a-rule") {
				t.Errorf("unknown rule id passed through: %s", ev)
			}
		})
	}
}
