package page

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tidwall/gjson"
)

// chinaTime is the zone 1688 writes its dates in (UTC+8, no DST). A fixed
// zone, not time.LoadLocation: the wasm build has no zone database.
var chinaTime = time.FixedZone("CST", 8*3600)

// Dates outside these years are not accepted: they are typos, zero values
// (epoch 0 = 1970 is kept out by the range of real founding dates anyway)
// or hostile input.
const (
	minDateYear = 1900
	maxDateYear = 2100
)

// The text forms of a date 1688 uses (doc §3b, and the store captures):
//
//	2017-09-28, 2017/09/28, 2017.09.28   dateYMD
//	2017年09月28日, 2017年9月                dateCJK
//	2017.09, 2017-09                       dateYM (month only: the 1st is used)
//	Thu May 07 10:06:48 CST 2026           Java Date.toString()
//	1506528000000                          epoch milliseconds (number or string)
var (
	dateYMD  = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$`)
	dateCJK  = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?$`)
	dateYM   = regexp.MustCompile(`^(\d{4})[-.](\d{1,2})$`)
	dateJava = regexp.MustCompile(`^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([A-Z]{2,4}(?:[+-]\d{1,2}:?\d{2})?) (\d{4})$`)
)

var monthAbbr = map[string]time.Month{
	"Jan": time.January, "Feb": time.February, "Mar": time.March, "Apr": time.April,
	"May": time.May, "Jun": time.June, "Jul": time.July, "Aug": time.August,
	"Sep": time.September, "Oct": time.October, "Nov": time.November, "Dec": time.December,
}

// parseDate reads one date as 1688 writes it (see the forms above). Dates
// without a zone are China time. It rejects impossible dates (2017-02-30)
// and years outside [minDateYear, maxDateYear].
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	if isDigits(s) {
		return epochMillis(s)
	}
	atoi := func(x string) int {
		if x == "" {
			return 0
		}
		n, _ := strconv.Atoi(x)
		return n
	}
	if m := dateYMD.FindStringSubmatch(s); m != nil {
		return civil(atoi(m[1]), atoi(m[2]), atoi(m[3]), atoi(m[4]), atoi(m[5]), atoi(m[6]), chinaTime)
	}
	if m := dateCJK.FindStringSubmatch(s); m != nil {
		d := atoi(m[3])
		if m[3] == "" {
			d = 1
		}
		return civil(atoi(m[1]), atoi(m[2]), d, 0, 0, 0, chinaTime)
	}
	if m := dateYM.FindStringSubmatch(s); m != nil {
		return civil(atoi(m[1]), atoi(m[2]), 1, 0, 0, 0, chinaTime)
	}
	if m := dateJava.FindStringSubmatch(s); m != nil {
		mon, ok := monthAbbr[m[1]]
		if !ok {
			return time.Time{}, false
		}
		loc, ok := javaZone(m[6])
		if !ok {
			return time.Time{}, false
		}
		return civil(atoi(m[7]), int(mon), atoi(m[2]), atoi(m[3]), atoi(m[4]), atoi(m[5]), loc)
	}
	return time.Time{}, false
}

// javaZone reads the zone of a Java Date.toString(): CST on 1688 servers is
// China Standard Time (UTC+8), not US Central; GMT/UTC and GMT+08:00 also
// occur in Java output. Other abbreviations are ambiguous: rejected.
func javaZone(z string) (*time.Location, bool) {
	switch z {
	case "CST":
		return chinaTime, true
	case "GMT", "UTC":
		return time.UTC, true
	}
	for _, p := range []string{"GMT", "UTC"} {
		rest, ok := strings.CutPrefix(z, p)
		if !ok || len(rest) < 2 {
			continue
		}
		sign := 1
		if rest[0] == '-' {
			sign = -1
		}
		h, m, _ := strings.Cut(rest[1:], ":")
		if len(m) == 0 && len(h) == 4 {
			h, m = h[:2], h[2:]
		}
		hh, err1 := strconv.Atoi(h)
		mm, err2 := strconv.Atoi(m)
		if err1 != nil || err2 != nil || hh > 14 || mm > 59 {
			return nil, false
		}
		return time.FixedZone(z, sign*(hh*3600+mm*60)), true
	}
	return nil, false
}

// civil builds a date and checks that it exists (time.Date would normalise
// 2017-02-30 into March).
func civil(y, mo, d, h, mi, sec int, loc *time.Location) (time.Time, bool) {
	if y < minDateYear || y > maxDateYear || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc)
	if t.Day() != d || int(t.Month()) != mo {
		return time.Time{}, false
	}
	return t, true
}

// epochMillis reads epoch milliseconds (1688 sends them as numbers or digit
// strings). Seconds are not accepted: nothing on 1688 was seen to use them,
// and a 10-digit number read as milliseconds is January 1970, out of range.
func epochMillis(digits string) (time.Time, bool) {
	if len(digits) > 15 {
		return time.Time{}, false
	}
	ms, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	t := time.UnixMilli(ms).In(chinaTime)
	if t.Year() < minDateYear || t.Year() > maxDateYear || ms < 100_000_000_000 { // before 1973: a 10- or 11-digit number is not ms
		return time.Time{}, false
	}
	return t, true
}

// dateOf reads a date from a JSON number (epoch ms) or string (any form
// parseDate accepts). It also returns the raw text, for the source.
func dateOf(r gjson.Result) (time.Time, string, bool) {
	switch r.Type {
	case gjson.Number:
		if !isDigits(r.Raw) {
			return time.Time{}, "", false
		}
		t, ok := epochMillis(r.Raw)
		return t, r.Raw, ok
	case gjson.String:
		t, ok := parseDate(r.Str)
		return t, r.Str, ok
	}
	return time.Time{}, "", false
}

// formatDate renders a parsed date as YYYY-MM-DD in China time.
func formatDate(t time.Time) string { return t.In(chinaTime).Format(time.DateOnly) }
