package rules

import "github.com/trustlens/trustlens/internal/reviews"

// reviewsVsSales: thresholds, evidence and texts are the detector's (internal/reviews,
// docs/reviews.md explains each number).
var reviewsVsSales = reviewRule(reviews.DetectorVsSales)
