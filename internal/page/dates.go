package page

import (
	"time"

	"github.com/tidwall/gjson"

	"github.com/trustlens/trustlens/internal/dates"
)

// chinaTime is the zone 1688 writes its dates in (UTC+8, no DST).
var chinaTime = dates.China

// foundingDates are the dates a page states about a company: founding,
// licence, joining 1688. Years from 1900 (an old company's founding); the
// month-only forms "2017.09" and "2017年9月" occur on store pages; epoch
// numbers are milliseconds only (a 10-digit number is not a date here).
var foundingDates = dates.Rules{MinYear: 1900, MaxYear: 2100, MonthOnly: true}

// parseDate reads one date as 1688 writes it (internal/dates: epoch ms,
// Java Date.toString(), 2017-09-28, 2017/9/8, 2017.09.28, 2017年09月28日,
// month-only forms); dates without a zone are China time.
func parseDate(s string) (time.Time, bool) { return foundingDates.Parse(s) }

// dateOf reads a date from a JSON number (epoch ms) or string (any form
// parseDate accepts). It also returns the raw text, for the source.
func dateOf(r gjson.Result) (time.Time, string, bool) {
	switch r.Type {
	case gjson.Number:
		if !isDigits(r.Raw) {
			return time.Time{}, "", false
		}
		t, ok := foundingDates.Parse(r.Raw)
		return t, r.Raw, ok
	case gjson.String:
		t, ok := parseDate(r.Str)
		return t, r.Str, ok
	}
	return time.Time{}, "", false
}

// formatDate renders a parsed date as YYYY-MM-DD in China time.
func formatDate(t time.Time) string { return t.In(chinaTime).Format(time.DateOnly) }
