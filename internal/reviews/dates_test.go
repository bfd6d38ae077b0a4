package reviews_test

import (
	. "github.com/trustlens/trustlens/internal/reviews"
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	utc := func(y int, m time.Month, d, hh, mm, ss int) time.Time {
		return time.Date(y, m, d, hh, mm, ss, 0, time.UTC)
	}
	for _, c := range []struct {
		in   string
		want time.Time // zero: must fail
	}{
		{"Thu May 07 10:06:48 CST 2026", utc(2026, 5, 7, 2, 6, 48)},
		{"Mon Jan 05 00:00:01 CST 2026", utc(2026, 1, 4, 16, 0, 1)},
		{"Thu May 07 10:06:48 GMT 2026", utc(2026, 5, 7, 10, 6, 48)},
		{"Thu May 07 10:06:48 UTC 2026", utc(2026, 5, 7, 10, 6, 48)},
		{"Thu May 07 10:06:48 GMT+08:00 2026", utc(2026, 5, 7, 2, 6, 48)},
		{"Thu May 07 10:06:48 PDT 2026", time.Time{}}, // unknown zone: rejected, not guessed
		{"Thu Feb 30 10:06:48 CST 2026", time.Time{}}, // no such day
		{"Thu Mayo 07 10:06:48 CST 2026", utc(2026, 5, 7, 2, 6, 48)},
		{"Xyz Foo 07 10:06:48 CST 2026", time.Time{}},
		{"2026-05-07 10:06:48", utc(2026, 5, 7, 2, 6, 48)},
		{"2026-05-07 10:06", utc(2026, 5, 7, 2, 6, 0)},
		{"2026-05-07", utc(2026, 5, 6, 16, 0, 0)},
		{"2026/5/7", utc(2026, 5, 6, 16, 0, 0)},
		{"2026.05.07", utc(2026, 5, 6, 16, 0, 0)},
		{"2026年05月07日", utc(2026, 5, 6, 16, 0, 0)},
		{"2026年5月7日 10:06", utc(2026, 5, 7, 2, 6, 0)},
		{"2026-05-07T10:06:48+08:00", utc(2026, 5, 7, 2, 6, 48)},
		{"1778119608000", utc(2026, 5, 7, 2, 6, 48)},
		{"1778119608", utc(2026, 5, 7, 2, 6, 48)},
		{"17781196", time.Time{}},
		{"99999999999999999", time.Time{}},
		{"1899-01-01", time.Time{}},
		{"", time.Time{}},
		{"昨天", time.Time{}},
	} {
		got, ok := ParseTime(c.in)
		if c.want.IsZero() {
			if ok {
				t.Errorf("ParseTime(%q) = %v, want failure", c.in, got)
			}
			continue
		}
		if !ok || !got.Equal(c.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", c.in, got, ok, c.want)
		}
		if ok && got.Location().String() != "CST" {
			t.Errorf("ParseTime(%q) zone %v, want CST", c.in, got.Location())
		}
	}
}

func TestParseEpoch(t *testing.T) {
	if got, ok := ParseEpoch(1778119608000); !ok || got.Unix() != 1778119608 {
		t.Errorf("ms: %v %v", got, ok)
	}
	for _, v := range []float64{0, -5, 1e15, 12345} {
		if _, ok := ParseEpoch(v); ok {
			t.Errorf("ParseEpoch(%v) accepted", v)
		}
	}
}

func TestParseSalesText(t *testing.T) {
	for _, c := range []struct {
		in     string
		n      int
		window int
		plus   bool
		ok     bool
	}{
		{"3.5万+", 35000, 365, true, true},
		{"月销1000+", 1000, 30, true, true},
		{"已售 1,234 件", 1234, 365, false, true},
		{"1.2w+", 12000, 365, true, true},
		{"2亿", 200000000, 365, false, true},
		{"成交10万+件", 100000, 365, true, true},
		{"近30天支付 56 件", 56, 30, false, true},
		{"5千+", 5000, 365, true, true},
		{"200以上", 200, 365, true, true},
		{"暂无销量", 0, 0, false, false},
		{"", 0, 0, false, false},
	} {
		s, ok := ParseSales(c.in)
		if ok != c.ok || ok && (s.Count != c.n || s.WindowDays != c.window || s.Plus != c.plus) {
			t.Errorf("ParseSales(%q) = %+v, %v", c.in, s, ok)
		}
		n, ok2 := ParseSalesText(c.in)
		if ok2 != c.ok || n != c.n {
			t.Errorf("ParseSalesText(%q) = %d, %v", c.in, n, ok2)
		}
	}
}
