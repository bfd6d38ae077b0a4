package reviews

import (
	"math"
	"strconv"
	"strings"
)

// Sales is a sales figure as the offer page shows it.
type Sales struct {
	Count int `json:"count"`
	// WindowDays is the period the count covers: 30 for 月销 / 30天, 365 for
	// the G2 saleCountDate "一年内" and when the page does not say (the
	// documented default, 1688-pages.md §0).
	WindowDays int `json:"windowDays"`
	// Plus is true for rounded-down display counts ("3.5万+", "1000+"): the
	// true count may be higher.
	Plus bool `json:"plus"`
}

// ParseSalesText reads a 1688 sales counter: "3.5万+" → 35000, "月销1000+" →
// 1000, "已售 1,234 件" → 1234, "1.2w+" → 12000, "2亿" → 200000000. The
// result is the lower bound the text states.
func ParseSalesText(s string) (int, bool) {
	v, ok := ParseSales(s)
	return v.Count, ok
}

// ParseSales is ParseSalesText plus the window and the "+" marker.
func ParseSales(s string) (Sales, bool) {
	s = strings.TrimSpace(capRunes(s, 64))
	out := Sales{WindowDays: 365}
	low := strings.ToLower(s)
	for _, m := range []string{"月销", "30天", "近30", "本月", "month"} {
		if strings.Contains(low, m) {
			out.WindowDays = 30
		}
	}
	// The window's own number is not the count ("近30天支付56件").
	s = strings.NewReplacer("近30天", "", "30天", "", "近30日", "").Replace(s)
	// First number (digits, ',' grouping, one '.').
	start := -1
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			start = i
			break
		}
	}
	if start < 0 {
		return Sales{}, false
	}
	end := start
	dot := false
	var num strings.Builder
	for end < len(s) {
		c := s[end]
		switch {
		case c >= '0' && c <= '9':
			num.WriteByte(c)
		case c == ',' && end+1 < len(s) && s[end+1] >= '0' && s[end+1] <= '9':
		case c == '.' && !dot && end+1 < len(s) && s[end+1] >= '0' && s[end+1] <= '9':
			dot = true
			num.WriteByte(c)
		default:
			goto done
		}
		end++
	}
done:
	f, err := strconv.ParseFloat(num.String(), 64)
	if err != nil {
		return Sales{}, false
	}
	rest := strings.TrimSpace(s[end:])
	mult := 1.0
	switch {
	case strings.HasPrefix(rest, "万"), strings.HasPrefix(rest, "w"), strings.HasPrefix(rest, "W"):
		mult = 1e4
	case strings.HasPrefix(rest, "亿"):
		mult = 1e8
	case strings.HasPrefix(rest, "千"), strings.HasPrefix(rest, "k"), strings.HasPrefix(rest, "K"):
		mult = 1e3
	}
	f = math.Round(f * mult)
	if f < 0 || f > 1e12 {
		return Sales{}, false
	}
	out.Count = int(f)
	out.Plus = strings.Contains(rest, "+") || strings.Contains(rest, "＋") || strings.Contains(rest, "以上")
	return out, true
}
