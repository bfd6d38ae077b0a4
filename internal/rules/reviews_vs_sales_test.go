package rules

var _ = reviewCases("reviews-vs-sales", "sales", "but the page shows 40 sold")
