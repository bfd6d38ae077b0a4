package rules

import (
	"strconv"

	"github.com/trustlens/trustlens/internal/page"
)

// moqTrialLimit is the largest minimum order that still allows the trial
// order the guide asks for.
const moqTrialLimit = 1000

var moqAboveTrial = Rule{
	ID:       "moq-above-trial",
	Severity: Info, // advice, not a warning sign: many honest factories sell by the thousand
	Title:    Text{EN: "Minimum order too large for a trial order", ZH: "起订量过大，无法试单"},
	Advice: Text{
		EN: "Ask for samples or a smaller first order before committing to the full minimum.",
		ZH: "先要样品或申请小批量首单，再下完整起订量。",
	},
	Fires: "The offer's minimum order is 1,000 units or more.",
	Guide: "“Think of placing a small trial order (50–100 units) for checking uniformity and service at a low scale level before going for large orders.”",
	Check: func(m *page.Model, _ *Context) []string {
		if q := m.Offer.MOQ; q.Known && q.Value >= moqTrialLimit {
			return []string{fieldEvidence(q)}
		}
		return nil
	},
	Say: func(m *page.Model, _ *Context, _ []Finding) []Text {
		n := strconv.Itoa(m.Offer.MOQ.Value)
		return []Text{from(Text{EN: "Minimum order: " + n + " units", ZH: "起订量：" + n + "件"}, m.Offer.MOQ.Source)}
	},
}
