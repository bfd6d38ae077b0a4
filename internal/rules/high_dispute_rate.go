package rules

import (
	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
)

// Thresholds on the credit page's 30-day figures. 1688's own "similar
// factories" lists show 0% disputes as the norm for well-run stores; 1% of
// orders in dispute means one buyer in a hundred had to ask the platform to
// step in. Quality returns over 5% mean goods regularly differ from the listing.
const (
	highDisputePercent       = 1
	highQualityReturnPercent = 5
)

var highDisputeRate = Rule{
	ID:       "high-dispute-rate",
	Severity: Medium,
	Title: Text{
		EN: "Many disputes or quality returns",
		ZH: "纠纷率或品质退货率高",
	},
	Advice: Text{
		EN: "Buyers often had to open disputes or return goods for quality. Test samples strictly, put specifications and penalties in the 1688 contract, and book a pre-shipment inspection.",
		ZH: "买家经常发起纠纷或因品质退货。请严格测试样品，在1688合同中写明规格和违约条款，并安排出货前验货。",
	},
	Fires: format.Sprintf("The credit page shows a 30-day dispute rate (纠纷率) of %d%% or more, or a quality return rate (品质退货率) of %d%% or more.", highDisputePercent, highQualityReturnPercent),
	Guide: "“Misrepresented Product Specs: … the mass production would have utilized inferior materials” / “Limited international dispute resolution services”",
	Check: func(m *page.Model, _ *Context) []string {
		var out []string
		if r := m.Store.DisputeRate; r.Known && r.Value >= highDisputePercent {
			out = append(out, format.Sprintf("%s = %g%%", r.Source, r.Value))
		}
		if r := m.Store.QualityReturnRate; r.Known && r.Value >= highQualityReturnPercent {
			out = append(out, format.Sprintf("%s = %g%%", r.Source, r.Value))
		}
		return out
	},
	Say: func(m *page.Model, _ *Context, _ []Finding) []Text {
		var out []Text
		if r := m.Store.DisputeRate; r.Known && r.Value >= highDisputePercent {
			out = append(out, from(Text{
				EN: format.Sprintf("Disputes (纠纷率): %g%% of orders in the last 30 days", r.Value),
				ZH: format.Sprintf("近30天纠纷率：%g%%", r.Value),
			}, r.Source))
		}
		if r := m.Store.QualityReturnRate; r.Known && r.Value >= highQualityReturnPercent {
			out = append(out, from(Text{
				EN: format.Sprintf("Returns for quality (品质退货率): %g%% of orders", r.Value),
				ZH: format.Sprintf("品质退货率：%g%%", r.Value),
			}, r.Source))
		}
		return out
	},
}
