package rules

import (
	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
)

// lowRepurchasePercent: 1688 shows a store's 回头率 (share of buyers who
// order again). The captures we have show 14% to 76% for ordinary
// manufacturers (shopcard 66%, a real credit page 14%, ten "similar
// factories" on a real factory card 29-76%). Under 10% almost nobody comes
// back; the threshold is a guess from that spread and is documented as such.
const lowRepurchasePercent = 10

var lowRepurchaseRate = Rule{
	ID:       "low-repurchase-rate",
	Severity: Low,
	Title: Text{
		EN: "Few buyers order again (low repurchase rate)",
		ZH: "回头率低",
	},
	Advice: Text{
		EN: "Buyers rarely come back to this store. Read the recent reviews for the reason, order samples, and start with a small trial order.",
		ZH: "买家很少回购。请查看近期评价了解原因，先拿样品并小量试单。",
	},
	Fires: format.Sprintf("The store's repurchase rate (回头率, shopcard or credit page) is under %d%%.", lowRepurchasePercent),
	Guide: "“Analysis of Transaction Data and Reviews: Verify the genuineness of monthly transaction levels and client feedback.”",
	Check: func(m *page.Model, _ *Context) []string {
		if r := m.Store.RepurchaseRate; r.Known && r.Value < lowRepurchasePercent {
			return []string{format.Sprintf("%s = %g%%", r.Source, r.Value)}
		}
		return nil
	},
	Say: func(m *page.Model, _ *Context, _ []Finding) []Text {
		r := m.Store.RepurchaseRate
		return []Text{from(Text{
			EN: format.Sprintf("Repurchase rate (回头率): %g%% of buyers order again", r.Value),
			ZH: format.Sprintf("回头率：%g%%", r.Value),
		}, r.Source)}
	},
}
