package reviews

import (
	"github.com/trustlens/trustlens/internal/format"
)

// Rating-skew thresholds.
const (
	// SkewBaseline is the five-star share of a well-liked product's written
	// reviews we assume before calling a share implausible (marketplace rule
	// of thumb: positive feedback under 95% is already a warning, so good
	// sellers sit at or above it).
	SkewBaseline = 0.95
	// SkewTail: fire when the observed five-star count is less likely than
	// this under SkewBaseline (binomial upper tail).
	SkewTail = 0.001
	// SkewShortShare: ... and at least this share of the five-star reviews
	// carry little text (under ShortTextRunes characters after normalising).
	SkewShortShare = 0.6
)

// ratingSkew: a five-star share implausibly high, especially with little
// text (Mukherjee et al. 2013: share of positive ratings and review length
// are among the strongest behavioural signals). System defaults are left out:
// 1688 writes them itself with five stars.
func (a *analysis) ratingSkew() *Finding {
	n, five, short := 0, 0, 0
	for i, r := range a.rs {
		if r.Stars == 0 || a.meta[i].class == classDefault {
			continue
		}
		n++
		if r.Stars == 5 {
			five++
			if a.meta[i].nrun < ShortTextRunes {
				short++
			}
		}
	}
	if n < MinSample {
		if len(a.rs) >= MinSample {
			a.note("too few rated buyer-written reviews to judge rating skew: %d, %d needed", n, MinSample)
		}
		return nil
	}
	if five == 0 {
		return nil
	}
	p := binomialTail(five, n, SkewBaseline)
	shortShare := float64(short) / float64(five)
	if p >= SkewTail || shortShare < SkewShortShare {
		return nil
	}
	f := newFinding(DetectorRatingSkew)
	f.Evidence = format.Sprintf("%s of %s rated buyer-written reviews (%s) are five stars, and %s of those (%s) have under %d characters of text; even a product that earns five stars from %.0f%% of buyers would show this with probability %s",
		fmtInt(five), fmtInt(n), pct(five, n), fmtInt(short), pct(short, five), ShortTextRunes, SkewBaseline*100, chanceText(p))
	f.Said = []Text{{
		EN: format.Sprintf("%s of %s rated reviews (%s) give five stars, and %s of those have almost no text: more than honest buyers give", fmtInt(five), fmtInt(n), pct(five, n), pct(short, five)),
		ZH: format.Sprintf("%s条有评分的评价中%s条（%s）为五星，其中%s几乎没有文字：高于真实买家的常见水平", fmtInt(n), fmtInt(five), pct(five, n), pct(short, five)),
	}}
	return f
}
