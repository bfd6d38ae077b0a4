package rules

var _ = reviewCases("review-generic", "generic", "template praise")
