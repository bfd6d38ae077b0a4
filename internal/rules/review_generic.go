package rules

import "github.com/trustlens/trustlens/internal/reviews"

// reviewGeneric: thresholds, evidence and texts are the detector's (internal/reviews,
// docs/reviews.md explains each number).
var reviewGeneric = reviewRule(reviews.DetectorGeneric)
