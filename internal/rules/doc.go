package rules

import (
	"strings"

	"github.com/trustlens/trustlens/internal/format"
)

// Markdown renders the catalogue as docs/rules.md. The file is generated:
// `UPDATE_DOCS=1 go test ./internal/rules/` rewrites it, and a test fails
// when it is stale.
func Markdown() string {
	var b strings.Builder
	b.WriteString("# Rule catalogue\n\n")
	b.WriteString("Generated from `internal/rules` (the registry); do not edit by hand. Regenerate with\n")
	b.WriteString("`UPDATE_DOCS=1 go test ./internal/rules/`. How findings become a score and a level: `scoring.md`.\n\n")
	b.WriteString("| id | severity | title |\n|---|---|---|\n")
	for _, r := range Registry {
		b.WriteString(format.Sprintf("| [`%s`](#%s) | %s | %s / %s |\n", r.ID, r.ID, string(r.Severity), r.Title.EN, r.Title.ZH))
	}
	for _, r := range Registry {
		b.WriteString(format.Sprintf("\n## %s\n\n", r.ID))
		b.WriteString(format.Sprintf("**%s** / %s — severity `%s`", r.Title.EN, r.Title.ZH, string(r.Severity)))
		if r.Weight != 0 {
			b.WriteString(format.Sprintf(", score weight %+d", r.Weight))
		}
		b.WriteString("\n\n")
		b.WriteString(format.Sprintf("- **Roles:** %s\n", r.Roles.describe()))
		b.WriteString(format.Sprintf("- **Fires when:** %s\n", r.Fires))
		b.WriteString(format.Sprintf("- **Why (guide / page data):** %s\n", r.Guide))
		b.WriteString(format.Sprintf("- **Advice:** %s\n", r.Advice.EN))
		b.WriteString(format.Sprintf("- **建议:** %s\n", r.Advice.ZH))
	}
	return b.String()
}
