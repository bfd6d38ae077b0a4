package rules

import "github.com/trustlens/trustlens/internal/reviews"

// reviewBurst: thresholds, evidence and texts are the detector's (internal/reviews,
// docs/reviews.md explains each number).
var reviewBurst = reviewRule(reviews.DetectorBurst)
