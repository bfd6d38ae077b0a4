package reviews

import (
	"time"

	"github.com/trustlens/trustlens/internal/dates"
)

// cst is China Standard Time (UTC+8), the zone of every 1688 date shown
// without one.
var cst = dates.China

// reviewDates are review times: 1688 opened its review system long after
// 2000 (anything outside 2000-2100 is a unit mistake or garbage), and epoch
// seconds are read as well as milliseconds.
var reviewDates = dates.Rules{MinYear: 2000, MaxYear: 2100, Seconds: true}

// ParseEpoch reads an epoch number: milliseconds (what gmtPublished carries,
// 1688-pages.md §4) or, when too small to be milliseconds after 2000,
// seconds.
func ParseEpoch(v float64) (time.Time, bool) { return reviewDates.Epoch(v) }

// ParseTime reads the review date forms seen or expected on 1688
// (internal/dates): epoch milliseconds or seconds as digits, Java
// Date.toString ("Thu May 07 10:06:48 CST 2026": CST is China time), RFC
// 3339, "2026-05-07 10:06:48" / "2026-05-07 10:06" / "2026-05-07" with '-',
// '/' or '.', and "2026年05月07日" with an optional time. Dates without a
// zone are China Standard Time; unknown zones are rejected, not guessed.
func ParseTime(s string) (time.Time, bool) { return reviewDates.Parse(s) }

// dayIndex is the CST calendar day of t (days since 1970-01-01 CST).
func dayIndex(t time.Time) int64 {
	return (t.Unix() + 8*3600) / 86400
}

func dayString(d int64) string {
	return time.Unix(d*86400-8*3600, 0).In(cst).Format("2006-01-02")
}
