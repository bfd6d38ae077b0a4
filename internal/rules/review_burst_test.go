package rules

var _ = reviewCases("review-burst", "burst", "33 reviews on 2026-08-27 to 2026-08-28")
