package page

import (
	"math"
	"testing"
)

func TestParsePriceText(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		unit string
	}{
		{"¥1.98", 1.98, ""},
		{"1.98", 1.98, ""},
		{"¥ 1 .98", 1.98, ""}, // the DOM's separate integer and decimal elements
		{"￥\u00a012\u00a0.50", 12.5, ""},
		{"¥1. 98", 1.98, ""},
		{"2.3-20.5", 2.3, ""}, // a range: the low end
		{"¥2.30~¥20.50", 2.3, ""},
		{"¥ 2 .30 - ¥ 20 .50", 2.3, ""},
		{"1,280.00", 1280, ""},
		{"¥1,280", 1280, ""},
		{"1.2万", 12000, ""},
		{"¥1.98/个", 1.98, "个"},
		{"¥1.98 / 件起", 1.98, "件"},
		{"2.3-20.5/米", 2.3, "米"},
		{"¥1.98起", 1.98, ""},
		{"¥.98", 0.98, ""},
		{"1.98 2.50", 1.98, ""}, // two prices: the first
		{"12", 12, ""},
	}
	for _, tc := range tests {
		got, unit, ok := ParsePriceText(tc.in)
		if !ok || math.Abs(got-tc.want) > 1e-9 || unit != tc.unit {
			t.Errorf("ParsePriceText(%q) = %v %q %v, want %v %q", tc.in, got, unit, ok, tc.want, tc.unit)
		}
	}
	for _, in := range []string{"", "面议", "¥0.00", "¥", "价格", "99999999", "-", "..", "1e9"} {
		if got, _, ok := ParsePriceText(in); ok && in != "1e9" {
			t.Errorf("ParsePriceText(%q) = %v, want not a price", in, got)
		}
	}
	// "1e9" reads as 1 (the digits before the letter): never 1e9.
	if got, _, _ := ParsePriceText("1e9"); got != 1 {
		t.Errorf("1e9 read as %v", got)
	}
}
