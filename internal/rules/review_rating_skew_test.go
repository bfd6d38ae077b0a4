package rules

var _ = reviewCases("review-rating-skew", "skew", "are five stars")
