package memory

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// decodeEntry reads a stored entry into e as encoding/json's Unmarshal
// would (decode_test.go compares the two), without linking encoding/json:
// keys match the field names case-insensitively, the last of a repeated key
// wins, unknown keys are skipped, null leaves a field as it is (a list:
// empty), and a value of the wrong type, a non-integer number for an
// integer field or text that is not JSON fails the whole entry.
func decodeEntry(raw string, e *Entry) bool {
	return gjson.Valid(raw) && object(gjson.Parse(raw), func(k string, v gjson.Result) bool {
		switch {
		case strings.EqualFold(k, "memberId"):
			return str(v, &e.MemberID)
		case strings.EqualFold(k, "company"):
			return str(v, &e.Company)
		case strings.EqualFold(k, "sources"):
			return list(v, &e.Sources, decodeSource)
		}
		return true
	})
}

func decodeSource(v gjson.Result, s *Source) bool {
	return object(v, func(k string, v gjson.Result) bool {
		switch {
		case strings.EqualFold(k, "url"):
			return str(v, &s.URL)
		case strings.EqualFold(k, "at"):
			return integer(v, &s.At)
		case strings.EqualFold(k, "proves"):
			return boolean(v, &s.Proves)
		case strings.EqualFold(k, "facts"):
			return decodeFacts(v, &s.Facts)
		}
		return true
	})
}

func decodeFacts(v gjson.Result, f *Facts) bool {
	return object(v, func(k string, v gjson.Result) bool {
		switch {
		case strings.EqualFold(k, "storeAgeYears"):
			var n int64
			ok := integer(v, &n)
			if ok && v.Type != gjson.Null {
				f.StoreAgeYears = int(n)
			}
			return ok
		case strings.EqualFold(k, "founded"):
			return str(v, &f.Founded)
		case strings.EqualFold(k, "businessModel"):
			return str(v, &f.BusinessModel)
		case strings.EqualFold(k, "licenceCompany"):
			return str(v, &f.LicenceCompany)
		case strings.EqualFold(k, "licenceFounded"):
			return str(v, &f.LicenceFounded)
		case strings.EqualFold(k, "badges"):
			return list(v, &f.Badges, str)
		}
		return true
	})
}

// object calls field for each key of an object, in order, until one fails;
// null is an object without keys.
func object(v gjson.Result, field func(k string, v gjson.Result) bool) bool {
	if v.Type == gjson.Null {
		return true
	}
	if !v.IsObject() {
		return false
	}
	ok := true
	v.ForEach(func(k, v gjson.Result) bool {
		ok = field(k.Str, v)
		return ok
	})
	return ok
}

// list reads an array with elem; null is no list.
func list[T any](v gjson.Result, out *[]T, elem func(gjson.Result, *T) bool) bool {
	if v.Type == gjson.Null {
		*out = nil
		return true
	}
	if !v.IsArray() {
		return false
	}
	items := v.Array()
	*out = make([]T, len(items))
	for i, item := range items {
		if !elem(item, &(*out)[i]) {
			return false
		}
	}
	return true
}

func str(v gjson.Result, out *string) bool {
	switch v.Type {
	case gjson.Null:
		return true
	case gjson.String:
		*out = validUTF8(v.Str)
		return true
	}
	return false
}

// validUTF8 replaces each byte that is not part of a UTF-8 sequence with
// U+FFFD, as encoding/json does.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for _, r := range s {
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

func integer(v gjson.Result, out *int64) bool {
	switch v.Type {
	case gjson.Null:
		return true
	case gjson.Number:
		n, err := strconv.ParseInt(v.Raw, 10, 64)
		*out = n
		return err == nil
	}
	return false
}

func boolean(v gjson.Result, out *bool) bool {
	switch v.Type {
	case gjson.Null:
		return true
	case gjson.True, gjson.False:
		*out = v.Type == gjson.True
		return true
	}
	return false
}
