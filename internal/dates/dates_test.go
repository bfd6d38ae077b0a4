package dates

import (
	"testing"
	"time"
)

// The callers' own tables (internal/page TestParseDate, internal/reviews
// TestParseTime) cover the forms each meets; these are the rules.
func TestRules(t *testing.T) {
	strict := Rules{MinYear: 2000, MaxYear: 2100}
	loose := Rules{MinYear: 1900, MaxYear: 2100, Seconds: true, MonthOnly: true}
	for _, c := range []struct {
		in          string
		strict, lse string // RFC 3339 in China time, "" = rejected
	}{
		{"2017-09", "", "2017-09-01T00:00:00+08:00"},
		{"2017年9月", "", "2017-09-01T00:00:00+08:00"},
		{"1778119608", "", "2026-05-07T10:06:48+08:00"},
		{"1778119608000", "2026-05-07T10:06:48+08:00", "2026-05-07T10:06:48+08:00"},
		{"1950-01-01", "", "1950-01-01T00:00:00+08:00"},
		{"2017-02-29", "", ""},
		{"2017-09-28 24:00", "", ""},
		{"Thu May 07 10:06:60 CST 2026", "", ""},
		{"Thu May 07 10:06:48 EST 2026", "", ""},
		{"Thu May 07 10:06:48 GMT+15:00 2026", "", ""},
		{"Thu May 07 10:06:48 gmt-05:30 2026", "2026-05-07T23:36:48+08:00", "2026-05-07T23:36:48+08:00"},
		{"2026-05-07T10:06:48Z", "2026-05-07T18:06:48+08:00", "2026-05-07T18:06:48+08:00"},
		{"1e12", "", ""},
	} {
		for _, r := range []struct {
			rules Rules
			want  string
		}{{strict, c.strict}, {loose, c.lse}} {
			got, ok := r.rules.Parse(c.in)
			if r.want == "" {
				if ok {
					t.Errorf("%+v Parse(%q) = %v, want rejected", r.rules, c.in, got)
				}
				continue
			}
			if !ok || got.Format(time.RFC3339) != r.want || got.Location() != China {
				t.Errorf("%+v Parse(%q) = %v %v, want %s", r.rules, c.in, got, ok, r.want)
			}
		}
	}
	if strict.Plausible(time.Date(1999, 12, 31, 16, 0, 0, 0, time.UTC)) != true { // 2000-01-01 00:00 in China
		t.Error("Plausible is not in China time")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2017-09-28", "Thu May 07 10:06:48 CST 2026", "1778119608000", "2017年9月", "GMT+", "Thu May 07 10:06:48 GMT+ 2026"} {
		f.Add(s)
	}
	r := Rules{MinYear: 1900, MaxYear: 2100, Seconds: true, MonthOnly: true}
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := r.Parse(s); ok && (!r.Plausible(got) || got.Location() != China) {
			t.Fatalf("Parse(%q) = %v", s, got)
		}
	})
}
