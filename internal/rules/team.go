package rules

import "time"

// Team is what the buyer's team service knows about the page's supplier and
// offer, as the extension's sync cache holds it. Sent beside the
// snapshot as "team"; nil when team sync is off.
type Team struct {
	// MemberID is the supplier the data is about ("": not said; the
	// core then takes it to be the page's).
	MemberID string
	// Entry is the team's own list entry for the supplier (nil: none).
	Entry *BuyerEntry
	// Reports are the team's reports on the supplier, newest first.
	Reports []TeamReport
	// Prices are the prices the team has seen for this offer, CNY.
	Prices []PriceSeen
}

// TeamReport is one report a team member filed on the supplier.
type TeamReport struct {
	RuleIDs  []string
	Evidence string
	By       string
	At       time.Time
}

// PriceSeen is one price observation of the offer by the team.
type PriceSeen struct {
	Min, Max float64 // CNY
	At       time.Time
}

// Caps on the team block of one snapshot.
const (
	MaxTeamReports = 100
	MaxTeamPrices  = 500
)
