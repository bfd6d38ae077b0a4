package reviews

import (
	"time"

	"github.com/trustlens/trustlens/internal/format"
)

// Reviews-vs-sales thresholds.
const (
	// SalesMinReviews: fewer dated reviews in the window never fire.
	SalesMinReviews = 10
	// SalesPlusSlack: a "+" count ("100+") is a rounded-down display; assume
	// the true count may be up to this many times the number shown.
	SalesPlusSlack = 2
)

// reviewsVsSales: more reviews than the sales count allows. Each review
// needs an order and each order at least one unit, so reviews dated inside
// the sales window cannot exceed the units sold in it. Only reviews whose
// dates fall in the window are counted (the page's total is lifetime, the
// sales count is not), which makes the count a lower bound.
func (a *analysis) reviewsVsSales() *Finding {
	s := a.opts.Sales
	if s == nil || s.Count < 0 {
		return nil
	}
	win := s.WindowDays
	if win <= 0 {
		win = 365
	}
	if a.now.IsZero() {
		return nil
	}
	from := a.now.Add(-time.Duration(win) * 24 * time.Hour)
	inWin, qty, dated := 0, 0, 0
	for _, r := range a.rs {
		if r.Published.IsZero() {
			continue
		}
		dated++
		if !r.Published.Before(from) && !r.Published.After(a.now.Add(24*time.Hour)) {
			inWin++
			qty += r.Quantity
		}
	}
	if dated == 0 && len(a.rs) > 0 {
		a.note("review dates unknown: reviews cannot be compared with sales")
		return nil
	}
	limit := s.Count
	if s.Plus {
		limit = s.Count * SalesPlusSlack
	}
	if inWin < SalesMinReviews || inWin <= limit {
		return nil
	}
	f := newFinding(DetectorVsSales)
	shown := fmtInt(s.Count)
	if s.Plus {
		shown += "+"
	}
	period := format.Sprintf("the last %d days", win)
	if win == 365 {
		period = "the last year (一年内)"
	} else if win == 30 {
		period = "the last 30 days (月销)"
	}
	f.Evidence = format.Sprintf("%s reviews are dated within %s, but the page shows %s sold in that period; every review needs an order of at least one unit", fmtInt(inWin), period, shown)
	if s.Plus {
		f.Evidence += format.Sprintf(" (even allowing %d× for the rounded-down “+” count)", SalesPlusSlack)
	}
	if qty > 0 {
		f.Evidence += format.Sprintf("; those reviews alone account for %s units", fmtInt(qty))
	}
	periodEN, periodZH := format.Sprintf("the last %d days", win), format.Sprintf("近%d天", win)
	if win == 365 {
		periodEN, periodZH = "the last year", "一年内"
	}
	f.Said = []Text{{
		EN: format.Sprintf("%s reviews in %s, but the page shows only %s sold in that time: each review needs an order", fmtInt(inWin), periodEN, shown),
		ZH: format.Sprintf("%s有%s条评价，但页面显示同期仅售出%s件：每条评价都需要一笔订单", periodZH, fmtInt(inWin), shown),
	}}
	return f
}
