package reviews

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// cst is China Standard Time (UTC+8), the zone of every 1688 date shown
// without one. A fixed zone: the wasm build carries no tz database.
var cst = time.FixedZone("CST", 8*3600)

// plausibleTime bounds accepted review dates (1688 opened its review system
// long after 2000; anything outside is a unit mistake or garbage).
func plausibleTime(t time.Time) bool {
	y := t.Year()
	return y >= 2000 && y <= 2100
}

// ParseEpoch reads an epoch number: milliseconds (what gmtPublished carries,
// 1688-pages.md §4) or, when too small to be milliseconds after 2000,
// seconds.
func ParseEpoch(v float64) (time.Time, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
		return time.Time{}, false
	}
	var t time.Time
	switch {
	case v >= 1e11: // ms: 1e11 ms is 1973
		if v > 1e14 {
			return time.Time{}, false
		}
		t = time.UnixMilli(int64(v))
	case v >= 9e8: // seconds since about 1998
		t = time.Unix(int64(v), 0)
	default:
		return time.Time{}, false
	}
	t = t.In(cst)
	return t, plausibleTime(t)
}

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// ParseTime reads the review date forms seen or expected on 1688:
//   - epoch milliseconds (or seconds) as digits: "1778119608000";
//   - Java Date.toString: "Thu May 07 10:06:48 CST 2026" (CST is China
//     Standard Time, UTC+8, as a Java server in China prints it; GMT, UTC and
//     GMT+08:00 forms are read too; any other zone is rejected rather than
//     guessed);
//   - "2026-05-07 10:06:48", "2026-05-07 10:06", "2026-05-07", also with '/'
//     or '.' separators, "2026年05月07日" with an optional time, and RFC 3339.
//
// Dates without a zone are China Standard Time.
func ParseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	if allDigits(s) {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return time.Time{}, false
		}
		return ParseEpoch(v)
	}
	if t, ok := parseJavaDate(s); ok {
		return t, true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil && plausibleTime(t) {
		return t.In(cst), true
	}
	r := strings.NewReplacer("年", "-", "月", "-", "日", " ", "/", "-", ".", "-", "T", " ")
	d := strings.Join(strings.Fields(r.Replace(s)), " ")
	for _, layout := range []string{"2006-1-2 15:04:05", "2006-1-2 15:04", "2006-1-2"} {
		if t, err := time.ParseInLocation(layout, d, cst); err == nil && plausibleTime(t) {
			return t, true
		}
	}
	return time.Time{}, false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// parseJavaDate reads "EEE MMM dd HH:mm:ss zzz yyyy".
func parseJavaDate(s string) (time.Time, bool) {
	f := strings.Fields(s)
	if len(f) != 6 || len(f[1]) < 3 {
		return time.Time{}, false
	}
	mon, ok := months[strings.ToLower(f[1][:3])]
	if !ok {
		return time.Time{}, false
	}
	day, err1 := strconv.Atoi(f[2])
	year, err2 := strconv.Atoi(f[5])
	hms := strings.Split(f[3], ":")
	if err1 != nil || err2 != nil || len(hms) != 3 {
		return time.Time{}, false
	}
	var hh [3]int
	for i, p := range hms {
		v, err := strconv.Atoi(p)
		if err != nil {
			return time.Time{}, false
		}
		hh[i] = v
	}
	loc, ok := javaZone(f[4])
	if !ok || day < 1 || day > 31 || hh[0] > 23 || hh[1] > 59 || hh[2] > 60 {
		return time.Time{}, false
	}
	t := time.Date(year, mon, day, hh[0], hh[1], hh[2], 0, loc)
	if t.Day() != day || !plausibleTime(t) {
		return time.Time{}, false
	}
	return t.In(cst), true
}

func javaZone(z string) (*time.Location, bool) {
	switch strings.ToUpper(z) {
	case "CST", "CTT", "HKT", "PRC":
		return cst, true
	case "GMT", "UTC", "Z":
		return time.UTC, true
	}
	up := strings.ToUpper(z)
	for _, p := range []string{"GMT", "UTC"} {
		if rest, ok := strings.CutPrefix(up, p); ok && len(rest) >= 2 && (rest[0] == '+' || rest[0] == '-') {
			sign := 1
			if rest[0] == '-' {
				sign = -1
			}
			hm := strings.Split(rest[1:], ":")
			h, err := strconv.Atoi(hm[0])
			m := 0
			if len(hm) == 2 {
				m, _ = strconv.Atoi(hm[1])
			}
			if err != nil || h > 14 || m > 59 || len(hm) > 2 {
				return nil, false
			}
			return time.FixedZone(z, sign*(h*3600+m*60)), true
		}
	}
	return nil, false
}

// dayIndex is the CST calendar day of t (days since 1970-01-01 CST).
func dayIndex(t time.Time) int64 {
	return (t.Unix() + 8*3600) / 86400
}

func dayString(d int64) string {
	return time.Unix(d*86400-8*3600, 0).In(cst).Format("2006-01-02")
}
