package rules

import (
	"fmt"
	"strings"
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
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s / %s |\n", r.ID, r.ID, r.Severity, r.Title.EN, r.Title.ZH)
	}
	for _, r := range Registry {
		fmt.Fprintf(&b, "\n## %s\n\n", r.ID)
		fmt.Fprintf(&b, "**%s** / %s — severity `%s`", r.Title.EN, r.Title.ZH, r.Severity)
		if r.Weight != 0 {
			fmt.Fprintf(&b, ", score weight %+d", r.Weight)
		}
		b.WriteString("\n\n")
		fmt.Fprintf(&b, "- **Roles:** %s\n", r.Roles.describe())
		fmt.Fprintf(&b, "- **Fires when:** %s\n", r.Fires)
		fmt.Fprintf(&b, "- **Why (guide / page data):** %s\n", r.Guide)
		fmt.Fprintf(&b, "- **Advice:** %s\n", r.Advice.EN)
		fmt.Fprintf(&b, "- **建议:** %s\n", r.Advice.ZH)
	}
	return b.String()
}
