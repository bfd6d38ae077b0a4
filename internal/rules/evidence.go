package rules

import (
	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
)

// fieldEvidence quotes a field's source and value: `shopcard data.model.tpYear = 1`.
func fieldEvidence[T any](f page.Field[T]) string {
	if f.Source == "" {
		return format.Sprintf("%v", f.Value)
	}
	return format.Sprintf("%s = %v", f.Source, f.Value)
}

// badgeCheck builds the Check of a positive badge rule.
func badgeCheck(id string) func(*page.Model, *Context) []string {
	return func(m *page.Model, _ *Context) []string {
		if b, ok := m.HasBadge(id); ok {
			return []string{b.Source}
		}
		return nil
	}
}
