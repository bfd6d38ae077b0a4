package rules

import "github.com/trustlens/trustlens/internal/reviews"

// reviewRatingSkew: thresholds, evidence and texts are the detector's (internal/reviews,
// docs/reviews.md explains each number).
var reviewRatingSkew = reviewRule(reviews.DetectorRatingSkew)
