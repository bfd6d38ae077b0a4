package reviews

// Detector ids: stable kebab-case, never renamed once shipped.
const (
	DetectorNearDuplicate  = "review-near-duplicate"
	DetectorBurst          = "review-burst"
	DetectorRatingSkew     = "review-rating-skew"
	DetectorGeneric        = "review-generic"
	DetectorRepeatReviewer = "review-repeat-reviewer"
	DetectorVsSales        = "reviews-vs-sales"
)

// DetectorInfo is the catalogue entry of one detector, as plain data for
// internal/rules (one rule per file) and docs/rules.md. Severity uses the
// rules package's words: high, medium, low, info.
type DetectorInfo struct {
	ID       string
	Severity string
	Title    Text
	Advice   Text
	// Fires says in one line what makes the detector fire.
	Fires string
	// Guide is the research line (reviews-research.md) behind it.
	Guide string
}

// Detectors lists every review detector in display order.
var Detectors = []DetectorInfo{
	{
		ID:       DetectorNearDuplicate,
		Severity: "medium",
		Title:    Text{EN: "Copied reviews: near-identical texts from different buyers", ZH: "雷同评价：不同买家的评价内容几乎相同"},
		Advice: Text{
			EN: "Copied reviews are a classic sign of bought praise. Judge the product by the photos, the low-star reviews and a sample order, not by the review count; ask the seller for real customer photos or videos.",
			ZH: "内容雷同的评价常见于刷单好评。请以买家实拍图、低星评价和样品为准，不要只看评价数量；可向商家索要真实客户的照片或视频。",
		},
		Fires: "After normalising (full-width → half-width, lower case, no punctuation/spaces/emoji, repeated characters collapsed), texts of 20+ characters that are not template praise and have Levenshtein similarity ≥ 85% form clusters; a cluster counts with 2+ different buyers (anonymous counts as different) and either 3+ reviews or a text of 30+ characters.",
		Guide: "Jindal & Liu (WSDM 2008): duplicate and near-duplicate reviews are the spam signal (AUC 0.78 on 5.8 M Amazon reviews); Mukherjee et al. (ICWSM 2013): max content similarity among the strongest signals; Chinese compared as characters after normalising full-width forms, punctuation, emoji and repeated characters.",
	},
	{
		ID:       DetectorBurst,
		Severity: "medium",
		Title:    Text{EN: "Review burst: many high ratings in a few days", ZH: "集中刷评：短时间内大量好评"},
		Advice: Text{
			EN: "A sudden wave of five-star reviews often follows a paid review campaign. Read the reviews outside the burst dates and the low-star ones before you order, and start with a sample.",
			ZH: "短期内突然出现大量五星评价，常与刷单活动有关。下单前请重点查看集中期以外的评价和低星评价，并先拿样品。",
		},
		Fires: "With 20+ dated reviews, a window of 1-3 CST days holds 5+ reviews, at least 2% of all dated reviews, at least twice its expected count and more than the 99.9% Poisson quantile of it (expected per day: the larger of count/span and the surrounding ±14 days' rate); it counts only when its mean rating is ≥ 4 and at least the other reviews' mean. Its 4-5★ reviews are flagged.",
		Guide: "ReviewMeta: expected per day = count/span; a day is flagged when it exceeds what random arrival gives with 99.9% probability (134 reviews over 624 days flags days above 3). Xie et al. (KDD 2012): attacks are bursts correlated with high ratings. Fei et al. (ICWSM 2013): reviews in one burst share their nature.",
	},
	{
		ID:       DetectorRatingSkew,
		Severity: "low",
		Title:    Text{EN: "Implausibly perfect ratings with little text", ZH: "好评比例异常且内容空洞"},
		Advice: Text{
			EN: "Near-100% five-star ratings made of one-liners say little about quality. Look for reviews with photos, specific details or complaints, and order a sample before a bulk order.",
			ZH: "几乎全是五星且多为一句话的评价，很难说明质量。请寻找带图、内容具体或有意见的评价，大货前先拿样品。",
		},
		Fires: "Among 20+ rated buyer-written reviews (system defaults excluded), the five-star count has under 0.1% binomial probability for a product that earns five stars from 95% of buyers, and 60%+ of the five-star reviews have under 10 characters.",
		Guide: "Mukherjee et al. (ICWSM 2013): share of positive ratings and review length are among the strongest behavioural features (behaviour caught 83% of filtered fakes vs 68% for text). Rule of thumb: positive feedback under 95% is a warning on AliExpress-style marketplaces, so 95% is taken as a good seller's baseline.",
	},
	{
		ID:       DetectorGeneric,
		Severity: "info",
		Title:    Text{EN: "Most reviews say nothing: defaults and template praise", ZH: "多数评价无实质内容：默认好评和模板好评"},
		Advice: Text{
			EN: "System-default reviews (此用户没有填写评价, 默认好评) and one-word praise (好评, 不错) carry no information about quality. Base your decision on the written reviews with details or photos, and on a sample order.",
			ZH: "系统默认评价（此用户没有填写评价、默认好评）和一句话好评（好评、不错）无法反映质量。请以内容具体或带图的评价和样品为准。",
		},
		Fires: "Among 20+ reviews, at least 50% are system defaults (empty, 此用户没有填写评价, 系统默认好评 ...) or consist only of template praise phrases (好评, 不错, 很好, 满意 ... or repetitions).",
		Guide: "ReviewMeta compares word-count buckets and discounts low-information reviews; the adjusted rating is computed from the kept reviews only. 1688 fills in default five-star reviews when the buyer writes nothing.",
	},
	{
		ID:       DetectorRepeatReviewer,
		Severity: "medium",
		Title:    Text{EN: "Same buyer, same review, again and again", ZH: "同一买家反复发布相同评价"},
		Advice: Text{
			EN: "One account reviewing the same thing many times in a short period suggests self-dealing orders. Discount those reviews and ask the seller for references you can check.",
			ZH: "同一账号短期内多次发布相同评价，疑似自买自评。请忽略这些评价，并向商家索要可核实的客户案例。",
		},
		Fires: "One masked nick (not anonymous) has 3+ near-identical texts (the near-duplicate rule), or 3+ reviews for the same variant and quantity within 14 days whose Poisson chance (reviews in those days × share of the nick × share of the variant+quantity) is under 0.1% divided by the number of nick × variant pairs.",
		Guide: "Mukherjee et al. (ICWSM 2013): max reviews per day and max content similarity per reviewer are strong behavioural signals. Xie et al. (KDD 2012): over 90% of reviewers write one review. 1688 masks nicks to first and last characters, so the chance of two buyers sharing one shown nick is tested, not assumed away.",
	},
	{
		ID:       DetectorVsSales,
		Severity: "high",
		Title:    Text{EN: "More reviews than sales", ZH: "评价数多于销量"},
		Advice: Text{
			EN: "Reviews outnumber the units the page says were sold, which real orders cannot produce: reviews may be carried over from another listing or bought. Do not rely on them; order a sample first.",
			ZH: "评价数超过页面显示的销量，正常订单无法产生这种情况：评价可能来自其他商品链接或为刷单。请勿依赖这些评价，先拿样品。",
		},
		Fires: "With the page's sales count for a period (一年内 by default, 月销 = 30 days), 10+ reviews are dated inside that period and they outnumber the count (twice the count when it is shown rounded down with “+”).",
		Guide: "Each review on 1688 belongs to an order of at least one unit, so reviews in a period cannot exceed the units sold in it. No published 1688 review rate exists, so no 'typical rate' threshold is used.",
	},
}

// DetectorByID returns the catalogue entry for id (zero value if unknown).
func DetectorByID(id string) DetectorInfo {
	for _, d := range Detectors {
		if d.ID == id {
			return d
		}
	}
	return DetectorInfo{ID: id}
}
