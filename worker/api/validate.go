package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trustlens/trustlens/internal/memberid"
)

// Limits of the request schema (see worker/README.md).
const (
	maxNote       = 2000 // characters in a supplier note or report evidence
	maxBy         = 100  // characters in "by", team names and token labels
	maxRuleIDs    = 20
	maxRuleIDLen  = 64
	maxLookup     = 100
	maxPrice      = 100_000_000 // per unit, in CNY or USD
	maxListLimit  = 500
	defaultLimit  = 100
	maxPriceLimit = 1000
)

// decode reads the JSON body into dst: one object, no unknown fields, no
// trailing data. Errors name the field.
func decode(r *http.Request, dst any) *apiError {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(dst)
	if err == nil {
		if _, err2 := dec.Token(); err2 != io.EOF {
			var mbe *http.MaxBytesError
			if errors.As(err2, &mbe) {
				return errTooLarge
			}
			return invalid("body", "must hold a single JSON object")
		}
		return nil
	}
	var (
		mbe    *http.MaxBytesError
		syntax *json.SyntaxError
		typ    *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &mbe):
		return errTooLarge
	case errors.Is(err, io.EOF):
		return invalid("body", "required (a JSON object)")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return invalid("body", "invalid JSON (unexpected end)")
	case errors.As(err, &syntax):
		return invalid("body", fmt.Sprintf("invalid JSON at byte %d", syntax.Offset))
	case errors.As(err, &typ):
		if typ.Field == "" {
			return invalid("body", "must be a JSON object")
		}
		return invalid(typ.Field, "must be "+describeType(typ.Type))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name, _ := strconv.Unquote(strings.TrimPrefix(err.Error(), "json: unknown field "))
		return invalid(name, "unknown field")
	}
	return invalid("body", "invalid JSON")
}

func describeType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64:
		return "an integer"
	case reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "an array of " + strings.TrimPrefix(strings.TrimPrefix(describeType(t.Elem()), "a "), "an ") + "s"
	case reflect.Struct, reflect.Map:
		return "a JSON object"
	}
	return "of another type"
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func allBytes(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

// validMemberID: a 1688 member id as the core reads it (internal/memberid:
// b2b- then 1-40 letters or digits), in the "b2b-…" form: the search API's
// "a-b2b-…" spelling names the same member, and the client sends it without
// the "a-" so that one member is one entry.
func validMemberID(s string) bool {
	return memberid.Valid(s) && !strings.HasPrefix(s, "a-")
}

const memberIDRule = "must be a 1688 member id: b2b- then 1-40 letters or digits"

// validOfferID: the digits of an offer URL (detail.1688.com/offer/<id>.html).
func validOfferID(s string) bool {
	return len(s) >= 1 && len(s) <= 20 && allBytes(s, isDigit)
}

const offerIDRule = "must be 1-20 digits (the number in detail.1688.com/offer/<id>.html)"

// validRuleID: kebab-case like the core's rule ids (upfront-full-payment).
func validRuleID(s string) bool {
	if len(s) == 0 || len(s) > maxRuleIDLen || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	return allBytes(s, func(b byte) bool { return b == '-' || isDigit(b) || (b >= 'a' && b <= 'z') })
}

// checkText validates free text: valid UTF-8, at most max characters, no
// control characters (multiline allows newlines and tabs) and no invisible
// format characters (Unicode category Cf: zero-width spaces and joiners, soft
// hyphens, word joiners, byte-order marks and every bidi control such as the
// right-to-left override U+202E). Those let a name or note show one thing and
// say another ("加\u202e信微\u202c" displays as 加微信), so they are refused, not
// silently dropped: the client sees which character and where.
func checkText(field, s string, max int, required, multiline bool) *apiError {
	if required && strings.TrimSpace(s) == "" {
		return invalid(field, "required (a non-empty string)")
	}
	if !utf8.ValidString(s) {
		return invalid(field, "must be valid UTF-8")
	}
	if n := utf8.RuneCountInString(s); n > max {
		return invalid(field, fmt.Sprintf("must be at most %d characters (got %d)", max, n))
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) {
			return invalid(field, "must not contain control characters")
		}
		if unicode.Is(unicode.Cf, r) {
			return invalid(field, fmt.Sprintf("must not contain invisible format or bidi control characters (U+%04X)", r))
		}
	}
	return nil
}

// toCents converts a price to integer hundredths, rejecting more precision.
func toCents(field string, v float64) (int64, *apiError) {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > maxPrice {
		return 0, invalid(field, fmt.Sprintf("must be a number from 0 to %d", maxPrice))
	}
	c := math.Round(v * 100)
	if math.Abs(c-v*100) > 1e-6*math.Max(1, v) {
		return 0, invalid(field, "must have at most 2 decimal places")
	}
	return int64(c), nil
}

func fromCents(c int64) float64 { return float64(c) / 100 }

// queryLimit parses ?limit= (def when absent, 1..max).
func queryLimit(r *http.Request, def, max int) (int, *apiError) {
	v := r.URL.Query().Get("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > max {
		return 0, invalid("limit", fmt.Sprintf("must be an integer from 1 to %d", max))
	}
	return n, nil
}

// checkIdempotencyKey validates the optional client key of an append
// (8-64 characters: letters, digits, '-', '_', '.', ':'; a UUID fits).
func checkIdempotencyKey(k *string) (string, *apiError) {
	if k == nil {
		return "", nil
	}
	ok := len(*k) >= 8 && len(*k) <= 64 && allBytes(*k, func(b byte) bool {
		return isTokenByte(b) || b == '.' || b == ':'
	})
	if !ok {
		return "", invalid("idempotencyKey", "must be 8-64 characters: letters, digits, '-', '_', '.', ':' (a UUID fits)")
	}
	return *k, nil
}
