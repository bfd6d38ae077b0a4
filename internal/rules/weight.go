package rules

import "github.com/trustlens/trustlens/internal/page"

// FindingWeight is the score change one finding brings on this model (the
// panel lists warnings of one severity by it, heaviest first).
func FindingWeight(f Finding, m *page.Model) int { return weight(f, m) }
