package rules

var _ = reviewCases("review-repeat-reviewer", "repeat", "wrote 5 near-identical reviews")
