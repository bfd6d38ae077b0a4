package page

import (
	"math"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/trustlens/trustlens/internal/jsonkeys"
)

// quoteBareKeys turns a JavaScript object literal whose keys may be bare
// numbers or identifiers (`{5846845077736:0.1030}`, seen in the G3
// `skuWeight`) into JSON by quoting those keys. A token counts as a key only
// when it follows '{' or ',' and is followed by ':', and only outside
// strings, so string contents and array elements are never touched.
// `\uXXXX` escapes are valid JSON already and are left alone.
func quoteBareKeys(s string) string {
	var b strings.Builder
	last := 0       // s[last:] not yet copied to b
	prev := byte(0) // previous significant byte outside strings
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\'':
			j, _ := skipString(s, i)
			i, prev = j, '"'
			continue
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case (prev == '{' || prev == ',') && isIdentByte(c):
			j := i
			for j < len(s) && isIdentByte(s[j]) {
				j++
			}
			k := skipSpace(s, j)
			if k < len(s) && s[k] == ':' {
				if b.Len() == 0 {
					b.Grow(len(s) + 64)
				}
				b.WriteString(s[last:i])
				b.WriteByte('"')
				b.WriteString(s[i:j])
				b.WriteByte('"')
				last = j
			}
			i, prev = j, 'a'
			continue
		}
		prev = c
		i++
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// unwrapJSONP returns the JSON inside `callback({...})` or `callback({...});`,
// or the body itself when it already starts with '{'. ok is false when the
// body is neither.
func unwrapJSONP(body string) (string, bool) {
	i := skipSpace(body, 0)
	if i >= len(body) {
		return "", false
	}
	if body[i] == '{' {
		return body[i:], true
	}
	j := i
	for j < len(body) && (isIdentByte(body[j]) || body[j] == '.') {
		j++
	}
	if j == i {
		return "", false
	}
	j = skipSpace(body, j)
	if j >= len(body) || body[j] != '(' {
		return "", false
	}
	j = skipSpace(body, j+1)
	if j >= len(body) || body[j] != '{' {
		return "", false
	}
	return body[j:], true
}

// cutJSON cuts the object that starts at text[0] with the brace scanner and
// checks it with gjson.Valid, quoting bare keys when plain JSON fails. A key
// repeated in one object reads as its last value, as the page's own
// JavaScript reads it (jsonkeys.LastWins). It returns the parsed root or a
// reason for a Note.
//
// Plain JSON, what real pages carry, is read in one pass (jsonkeys.Scan
// finds the end, validates and says whether LastWins has work); anything
// else takes the passes one by one, which also name what is wrong.
func cutJSON(text string, tolerant bool) (gjson.Result, string) {
	if end, repeats, ok := jsonkeys.Scan(text, maxNesting); ok {
		js := text[:end]
		if repeats {
			js = jsonkeys.LastWins(js)
		}
		return gjson.Parse(js), ""
	}
	end, _, ok := scanObject(text, 0)
	if !ok {
		return gjson.Result{}, "unbalanced braces, truncated or nested too deep"
	}
	js := text[:end]
	if !gjson.Valid(js) {
		if !tolerant {
			return gjson.Result{}, "not valid JSON"
		}
		js = quoteBareKeys(js)
		if !gjson.Valid(js) {
			return gjson.Result{}, "not valid JSON even after quoting bare keys"
		}
	}
	return gjson.Parse(jsonkeys.LastWins(js)), ""
}

// refBudget bounds the work of resolving one value: every reference
// followed and every path step taken costs one unit, shared by nested
// lookups, so chains, cycles and fan-out in hostile input stay cheap.
const refBudget = 64

// refKey is the fastjson-style reference node key: {"$ref":"$.a.b[0].c"}.
const refKey = "$ref"

// maxRefNode bounds the size of a reference node: they are tiny
// ({"$ref":"$.result…"}), so large objects are not searched for a key.
const maxRefNode = 1024

// deref follows `$ref` nodes (fastjson syntax, rooted at `$`) within root,
// including references met on the way along a path. A value that is not a
// reference is returned as is; a reference that cannot be resolved (or
// exhausts refBudget) yields an empty Result.
func deref(root, v gjson.Result) gjson.Result {
	budget := refBudget
	return resolve(root, v, &budget)
}

func resolve(root, v gjson.Result, budget *int) gjson.Result {
	for {
		ref, ok := refOf(v)
		if !ok {
			return v
		}
		if *budget--; *budget < 0 {
			return gjson.Result{}
		}
		v = lookupRef(root, ref, budget)
	}
}

// lookupRef walks a `$.a.b[0]['c']` path from root.
func lookupRef(root gjson.Result, path string, budget *int) gjson.Result {
	if !strings.HasPrefix(path, "$") {
		return gjson.Result{} // relative refs ("@", "..") are not used by 1688
	}
	cur := root
	p := path[1:]
	for p != "" {
		if *budget--; *budget < 0 {
			return gjson.Result{}
		}
		cur = resolve(root, cur, budget)
		var key string
		switch p[0] {
		case '.':
			p = p[1:]
			n := strings.IndexAny(p, ".[")
			if n < 0 {
				n = len(p)
			}
			key, p = p[:n], p[n:]
		case '[':
			n := strings.IndexByte(p, ']')
			if n < 0 {
				return gjson.Result{}
			}
			key, p = strings.Trim(p[1:n], `'"`), p[n+1:]
		default:
			return gjson.Result{}
		}
		cur = child(cur, key)
		if !cur.Exists() {
			return cur
		}
	}
	return cur
}

// refOf returns the pointer of a `$ref` node.
func refOf(v gjson.Result) (string, bool) {
	if !v.IsObject() || len(v.Raw) > maxRefNode || !strings.Contains(v.Raw, refKey) {
		return "", false
	}
	ref := v.Get(refKey)
	return ref.Str, ref.Type == gjson.String
}

// child returns the member key of an object or the element at index key of
// an array, comparing keys literally (no gjson path syntax, so keys from a
// page never act as queries).
func child(v gjson.Result, key string) gjson.Result {
	var out gjson.Result
	switch {
	case v.IsObject():
		v.ForEach(func(k, val gjson.Result) bool {
			if k.Str == key {
				out = val
				return false
			}
			return true
		})
	case v.IsArray():
		idx, err := strconv.Atoi(key)
		if err != nil || idx < 0 {
			return out
		}
		n := 0
		v.ForEach(func(_, val gjson.Result) bool {
			if n == idx {
				out = val
				return false
			}
			n++
			return true
		})
	}
	return out
}

// --- typed readers: every value may arrive as a number or a string --------

// str returns a non-empty JSON string unchanged.
func str(r gjson.Result) (string, bool) {
	if r.Type == gjson.String && r.Str != "" {
		return r.Str, true
	}
	return "", false
}

// idOf reads an id that may be a JSON number or string. Numbers are read
// from their raw text, never through float64 (597090034012 must not become
// 5.97090034012e+11). Only plain digit runs are accepted as numbers.
func idOf(r gjson.Result) (string, bool) {
	switch r.Type {
	case gjson.String:
		if s := strings.TrimSpace(r.Str); s != "" {
			return r.Str, true
		}
	case gjson.Number:
		if isDigits(r.Raw) {
			return r.Raw, true
		}
	}
	return "", false
}

// numericID is idOf restricted to digit strings (offer and user ids).
func numericID(r gjson.Result) (string, bool) {
	s, ok := idOf(r)
	if !ok || !isDigits(s) || len(s) > 24 {
		return "", false
	}
	return s, true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// floatOf reads a finite decimal from a number or a string like "2.30".
func floatOf(r gjson.Result) (float64, bool) {
	switch r.Type {
	case gjson.Number:
		if math.IsNaN(r.Num) || math.IsInf(r.Num, 0) {
			return 0, false
		}
		return r.Num, true
	case gjson.String:
		return parseDecimal(strings.TrimSpace(r.Str))
	}
	return 0, false
}

// parseDecimal accepts only plain decimals ("12", "2.30", "-1"), not the
// hex, "Inf" or "NaN" forms strconv.ParseFloat would also take.
func parseDecimal(s string) (float64, bool) {
	if s == "" || len(s) > 32 {
		return 0, false
	}
	dot, digits := false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		case c == '-' && i == 0:
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// intOf reads an integer from a number or a numeric string.
func intOf(r gjson.Result) (int, bool) {
	var s string
	switch r.Type {
	case gjson.Number:
		s = r.Raw
	case gjson.String:
		s = strings.TrimSpace(r.Str)
	default:
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err == nil {
		return n, true
	}
	// 1.0 or 1e3 style numbers: accept when integral and in range.
	f, ok := floatOf(r)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int(f), true
}

// boolOf reads a JSON true/false (not "true" strings: the models use real booleans).
func boolOf(r gjson.Result) (bool, bool) {
	switch r.Type {
	case gjson.True:
		return true, true
	case gjson.False:
		return false, true
	}
	return false, false
}

// unescapeSKU undoes the one HTML escape 1688 puts in SKU keys: the
// dimensions of "黑色&gt;XL" are joined with an escaped '>'.
func unescapeSKU(s string) string {
	if !strings.Contains(s, "&gt;") {
		return s
	}
	return strings.ReplaceAll(s, "&gt;", ">")
}

// fields returns the values of keys in obj, in the order of keys, in one
// pass over obj (separate Gets would each rescan a 100+ KB model). A key the
// object lacks gives a zero Result; the first occurrence of a key wins.
func fields(obj gjson.Result, keys ...string) []gjson.Result {
	out := make([]gjson.Result, len(keys))
	obj.ForEach(func(k, v gjson.Result) bool {
		for i, key := range keys {
			if k.Str == key && !out[i].Exists() {
				out[i] = v
			}
		}
		return true
	})
	return out
}
