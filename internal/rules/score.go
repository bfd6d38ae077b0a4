package rules

import "github.com/trustlens/trustlens/internal/page"

// Level is the one-word verdict on the badge.
type Level string

const (
	Trusted  Level = "trusted"
	Caution  Level = "caution"
	HighRisk Level = "high-risk"
	Unknown  Level = "unknown"
)

// Scoring constants; docs/scoring.md explains each.
const (
	baseScore        = 55 // a readable page with nothing known either way
	trustedMin       = 75 // score needed for "trusted"
	highRiskBelow    = 40 // scores under this are "high-risk"
	highFindingCap   = 35 // any high finding caps the score here
	unknownAgeCap    = 69 // unknown store age keeps the score under "trusted"
	defaultHighW     = -30
	defaultMediumW   = -12
	defaultLowW      = -5
	defaultPositiveW = 5
)

// weight is the score change of one finding.
func weight(f Finding, m *page.Model) int {
	r, ok := ByID(f.ID)
	if ok && r.Weight != 0 {
		return r.Weight
	}
	if f.ID == storeAgeEstablished.ID {
		return establishedWeight(m.Supplier.StoreAgeYears.Value)
	}
	switch f.Severity {
	case High:
		return defaultHighW
	case Medium:
		return defaultMediumW
	case Low:
		return defaultLowW
	case Positive:
		return defaultPositiveW
	}
	return 0
}

// counted reports whether a finding of rule id is among fs.
func counted(fs []Finding, id string) bool {
	for _, f := range fs {
		if f.ID == id {
			return true
		}
	}
	return false
}

// Score turns findings into a 0-100 score and a level. The score is nil when
// the level is unknown. Rules:
//   - each rule counts once, however many places it was seen;
//   - an unreadable page is "unknown", never scored;
//   - any high finding makes the level "high-risk" and caps the score;
//   - unknown store age can never yield "trusted";
//   - "trusted" also needs no medium finding.
func Score(m *page.Model, findings []Finding) (*int, Level) {
	if !m.Readable {
		return nil, Unknown
	}
	score := baseScore
	high, medium := false, false
	for i, f := range findings {
		if counted(findings[:i], f.ID) {
			continue // one sign counts once (Evaluate already makes one finding per rule)
		}
		score += weight(f, m)
		high = high || f.Severity == High
		medium = medium || f.Severity == Medium
	}
	if high && score > highFindingCap {
		score = highFindingCap
	}
	if !m.Supplier.StoreAgeYears.Known && score > unknownAgeCap {
		score = unknownAgeCap
	}
	score = max(0, min(100, score))
	level := Caution
	switch {
	case high || score < highRiskBelow:
		level = HighRisk
	case score >= trustedMin && !medium && m.Supplier.StoreAgeYears.Known:
		level = Trusted
	}
	return &score, level
}
