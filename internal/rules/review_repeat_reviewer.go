package rules

import "github.com/trustlens/trustlens/internal/reviews"

// reviewRepeatReviewer: thresholds, evidence and texts are the detector's (internal/reviews,
// docs/reviews.md explains each number).
var reviewRepeatReviewer = reviewRule(reviews.DetectorRepeatReviewer)
