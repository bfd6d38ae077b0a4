package page

import (
	"math"
	"strings"

	"github.com/tidwall/gjson"
)

// Prices as cards and offer lists show them: a JSON number, or a shown
// text such as "¥1,234.50/件".

// maxPrice bounds a unit price (CNY); anything above is not a price.
const maxPrice = 1e7

// priceOf reads a price from a JSON number or a shown text.
func priceOf(v gjson.Result) (price float64, unit string, ok bool) {
	switch v.Type {
	case gjson.Number:
		f, ok := floatOf(v)
		if !ok || f <= 0 || f > maxPrice {
			return 0, "", false
		}
		return f, "", true
	case gjson.String:
		return ParsePriceText(v.Str)
	}
	return 0, "", false
}

// ParsePriceText reads the lowest unit price from a shown price text:
// "¥1.98", "￥ 1 .98" (the DOM splits the integer and decimal parts into
// separate elements), "2.3-20.5" or "¥2.30~¥20.50" (a range: its low end),
// "1,280.00", "1.2万", "¥1.98/个" (unit 个), "¥1.98起". It returns false for
// text without a positive price ("面议", "", "¥0.00").
func ParsePriceText(s string) (price float64, unit string, ok bool) {
	if len(s) > maxCardText {
		s = truncateUTF8(s, maxCardText)
	}
	i := 0
	for i < len(s) && !isDigit(s[i]) {
		i++
	}
	if i >= len(s) {
		return 0, "", false
	}
	var num []byte
	dot := false
	if i > 0 && s[i-1] == '.' { // "¥.98"
		num, dot = append(num, '0', '.'), true
	}
	j := i
scan:
	for j < len(s) {
		c := s[j]
		switch {
		case isDigit(c):
			num = append(num, c)
			j++
		case c == '.' && !dot && j+1 < len(s) && isDigit(s[j+1]) || c == '.' && !dot && j+1 < len(s) && isPriceSpace(s, j+1):
			dot = true
			num = append(num, c)
			j++
		case c == ',' && !dot && threeDigits(s, j+1):
			j++ // thousands separator
		case isPriceSpace(s, j):
			// Bridge "1 .98" and "1. 98": the parts of one number that
			// the DOM rendered as separate elements.
			k := skipPriceSpace(s, j)
			if k < len(s) && (s[k] == '.' && !dot || len(num) > 0 && num[len(num)-1] == '.' && isDigit(s[k])) {
				j = k
				continue
			}
			break scan
		default:
			break scan
		}
	}
	if len(num) > 0 && num[len(num)-1] == '.' {
		num = num[:len(num)-1]
	}
	f, ok := parseDecimal(string(num))
	if !ok {
		return 0, "", false
	}
	rest := s[j:]
	if strings.HasPrefix(strings.TrimLeft(rest, " "), "万") {
		f *= 1e4
	}
	if f <= 0 || f > maxPrice || math.IsNaN(f) {
		return 0, "", false
	}
	if k := strings.IndexByte(rest, '/'); k >= 0 {
		unit = cleanUnit(rest[k+1:])
	}
	return f, unit, true
}

// cleanUnit keeps the unit word of "/个", "个起", " 件 ": at most 8 runes,
// up to a space, digit or 起.
func cleanUnit(u string) string {
	u = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(u), "/"))
	n := 0
	for i, r := range u {
		if r == ' ' || r == '起' || r == '/' || (r >= '0' && r <= '9') || n >= 8 {
			return u[:i]
		}
		n++
	}
	return u
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func threeDigits(s string, i int) bool {
	if i+3 > len(s) || !isDigit(s[i]) || !isDigit(s[i+1]) || !isDigit(s[i+2]) {
		return false
	}
	return i+3 == len(s) || !isDigit(s[i+3])
}

// isPriceSpace reports a space at s[i]: ASCII, no-break (U+00A0) or
// ideographic (U+3000).
func isPriceSpace(s string, i int) bool {
	switch {
	case s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r':
		return true
	case strings.HasPrefix(s[i:], "\u00a0"), strings.HasPrefix(s[i:], "\u3000"):
		return true
	}
	return false
}

func skipPriceSpace(s string, i int) int {
	for i < len(s) && isPriceSpace(s, i) {
		if s[i] < 0x80 {
			i++
		} else if strings.HasPrefix(s[i:], "\u00a0") {
			i += len("\u00a0")
		} else {
			i += len("\u3000")
		}
	}
	return i
}
