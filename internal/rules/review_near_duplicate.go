package rules

import "github.com/trustlens/trustlens/internal/reviews"

// reviewNearDuplicate: thresholds, evidence and texts are the detector's (internal/reviews,
// docs/reviews.md explains each number).
var reviewNearDuplicate = reviewRule(reviews.DetectorNearDuplicate)
