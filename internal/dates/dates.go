// Package dates reads the dates 1688 writes, in the one place both the page
// parser (founding and licence dates) and the review parser (review times)
// use: epoch numbers, Java Date.toString(), RFC 3339, and the civil forms
// 2017-09-28, 2017/9/8, 2017.09.28, 2017年09月28日 with an optional time. A
// date without a zone is China time. Each caller states its own Rules (which
// years are plausible, whether epoch seconds or month-only dates occur).
package dates

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// China is China Standard Time (UTC+8, no DST), the zone of every 1688 date
// written without one. A fixed zone: the wasm build has no zone database.
var China = time.FixedZone("CST", 8*3600)

// Rules say what a caller accepts.
type Rules struct {
	MinYear, MaxYear int  // accepted years, in China time
	Seconds          bool // digits below 1e11 are epoch seconds (from about 1998), not rejected
	MonthOnly        bool // "2017.09", "2017-09", "2017年9月" are the 1st of that month
}

// Parse reads one date. Results are in China time. It rejects impossible
// dates (2017-02-30, 25:00), unknown zones (rather than guessing one) and
// years outside the rules.
func (r Rules) Parse(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	if allDigits(s) {
		if len(s) > 15 {
			return time.Time{}, false
		}
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, false
		}
		return r.Epoch(float64(v))
	}
	if t, ok := parseJava(s); ok {
		return r.check(t)
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return r.check(t)
	}
	d := strings.Join(strings.Fields(civilForm.Replace(s)), " ")
	for _, layout := range []string{"2006-1-2 15:04:05", "2006-1-2 15:04", "2006-1-2"} {
		if t, err := time.ParseInLocation(layout, d, China); err == nil {
			return r.check(t)
		}
	}
	if r.MonthOnly {
		if t, err := time.ParseInLocation("2006-1", strings.TrimSuffix(d, "-"), China); err == nil {
			return r.check(t)
		}
	}
	return time.Time{}, false
}

// civilForm turns the civil forms into 2006-1-2 15:04:05.
var civilForm = strings.NewReplacer("年", "-", "月", "-", "日", " ", "/", "-", ".", "-", "T", " ")

// Epoch reads an epoch number: milliseconds (1e11 ms is 1973), or with
// Rules.Seconds seconds from about 1998 (9e8).
func (r Rules) Epoch(v float64) (time.Time, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 || v > 1e14 {
		return time.Time{}, false
	}
	switch {
	case v >= 1e11:
		return r.check(time.UnixMilli(int64(v)))
	case r.Seconds && v >= 9e8:
		return r.check(time.Unix(int64(v), 0))
	}
	return time.Time{}, false
}

// Plausible reports whether t falls in the accepted years (China time).
func (r Rules) Plausible(t time.Time) bool {
	y := t.In(China).Year()
	return y >= r.MinYear && y <= r.MaxYear
}

func (r Rules) check(t time.Time) (time.Time, bool) {
	if !r.Plausible(t) {
		return time.Time{}, false
	}
	return t.In(China), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// parseJava reads Java's Date.toString(), "EEE MMM dd HH:mm:ss zzz yyyy".
func parseJava(s string) (time.Time, bool) {
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
	if !ok || day < 1 || day > 31 || hh[0] > 23 || hh[1] > 59 || hh[2] > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, mon, day, hh[0], hh[1], hh[2], 0, loc)
	if t.Day() != day { // time.Date turns Feb 30 into March
		return time.Time{}, false
	}
	return t, true
}

// javaZone reads the zone of a Java date: CST on 1688 servers is China
// Standard Time (UTC+8), not US Central (so are CTT, PRC and HKT's offset);
// GMT, UTC and offsets such as GMT+08:00 or GMT+0800 also occur. Other
// abbreviations are ambiguous: rejected.
func javaZone(z string) (*time.Location, bool) {
	up := strings.ToUpper(z)
	switch up {
	case "CST", "CTT", "HKT", "PRC":
		return China, true
	case "GMT", "UTC", "Z":
		return time.UTC, true
	}
	for _, p := range []string{"GMT", "UTC"} {
		rest, ok := strings.CutPrefix(up, p)
		if !ok || len(rest) < 2 || (rest[0] != '+' && rest[0] != '-') {
			continue
		}
		sign := 1
		if rest[0] == '-' {
			sign = -1
		}
		h, m, _ := strings.Cut(rest[1:], ":")
		if m == "" && len(h) == 4 {
			h, m = h[:2], h[2:]
		}
		hh, err1 := strconv.Atoi(h)
		mm, err2 := 0, error(nil)
		if m != "" {
			mm, err2 = strconv.Atoi(m)
		}
		if err1 != nil || err2 != nil || hh > 14 || mm > 59 {
			return nil, false
		}
		return time.FixedZone(z, sign*(hh*3600+mm*60)), true
	}
	return nil, false
}
