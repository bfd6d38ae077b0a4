package rules

var _ = reviewCases("review-near-duplicate", "clusters", "7 reviews from 7 buyers say")
