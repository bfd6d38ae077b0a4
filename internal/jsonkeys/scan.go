package jsonkeys

import "strings"

// Scan reads the JSON object or array that starts at js[0] in one pass:
// it validates it by the grammar gjson.Valid checks, bounds its nesting,
// and notes whether any object in it has a key twice. It returns the index
// just past the value's closing bracket (what follows is not read), and
// repeats, which is false only when LastWins would change nothing, so a
// caller runs LastWins only when repeats is true. ok is false when js does
// not start with '{' or '[', when the value is not valid JSON, is cut off,
// or opens more than maxDepth objects and arrays inside one another.
//
// The pass replaces three: the brace scan that finds the value's end and
// depth, gjson.Valid, and LastWins on a page without repeated keys (every
// real page so far). It keeps no recursion, so deep input costs no stack.
func Scan(js string, maxDepth int) (end int, repeats, ok bool) {
	if js == "" || (js[0] != '{' && js[0] != '[') {
		return 0, false, false
	}
	var (
		stackBuf [64]scanFrame
		keysBuf  [512]string
		stack    = stackBuf[:0]
		keys     = keysBuf[:0] // the keys of the open objects, outermost first
		state    = wantValue
	)
	for i := 0; i < len(js); {
		c := js[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		switch state {
		case wantKeyOrClose, wantKey:
			if c == '}' && state == wantKeyOrClose {
				break // closed below
			}
			if c != '"' {
				return 0, false, false
			}
			j, ok := validString(js, i+1)
			if !ok {
				return 0, false, false
			}
			if !repeats {
				f := &stack[len(stack)-1]
				keys, repeats = f.add(keys, js[i+1:j-1])
			}
			i, state = j, wantColon
			continue
		case wantColon:
			if c != ':' {
				return 0, false, false
			}
			i, state = i+1, wantValue
			continue
		case wantValue, wantValueOrClose:
			if c == ']' && state == wantValueOrClose {
				break // closed below
			}
			switch c {
			case '{', '[':
				if len(stack) >= maxDepth {
					return 0, false, false
				}
				stack = append(stack, scanFrame{obj: c == '{', base: len(keys)})
				i++
				if c == '{' {
					state = wantKeyOrClose
				} else {
					state = wantValueOrClose
				}
				continue
			case '"':
				j, ok := validString(js, i+1)
				if !ok {
					return 0, false, false
				}
				i = j
			case 't':
				if !strings.HasPrefix(js[i:], "true") {
					return 0, false, false
				}
				i += 4
			case 'f':
				if !strings.HasPrefix(js[i:], "false") {
					return 0, false, false
				}
				i += 5
			case 'n':
				if !strings.HasPrefix(js[i:], "null") {
					return 0, false, false
				}
				i += 4
			default:
				j, ok := validNumber(js, i)
				if !ok {
					return 0, false, false
				}
				i = j
			}
			state = wantCommaOrClose
			continue
		case wantCommaOrClose:
			obj := stack[len(stack)-1].obj
			if c == ',' {
				i++
				if obj {
					state = wantKey
				} else {
					state = wantValue
				}
				continue
			}
			if (c != '}' || !obj) && (c != ']' || obj) {
				return 0, false, false
			}
		}
		// c closes the innermost object or array.
		keys = keys[:stack[len(stack)-1].base]
		stack = stack[:len(stack)-1]
		i++
		if len(stack) == 0 {
			return i, repeats, true
		}
		state = wantCommaOrClose
	}
	return 0, false, false
}

// What Scan expects next, whitespace aside.
const (
	wantValue        = iota // a value: after ':' or an array's ','
	wantValueOrClose        // a value or ']': after '['
	wantKeyOrClose          // a key or '}': after '{'
	wantKey                 // a key: after an object's ','
	wantColon               // ':' after a key
	wantCommaOrClose        // ',' or the closing bracket after a value
)

// scanFrame is one open object or array; keys[base:] are the object's.
type scanFrame struct {
	obj  bool
	base int
	seen map[string]bool // the keys, once the object is large
}

// add records an object's key in keys and says whether the object had it
// already. A key with an escape counts as repeated: telling "\u0061" from
// "a" would need unescaping, and LastWins, which the caller then runs, does
// that.
func (f *scanFrame) add(keys []string, key string) ([]string, bool) {
	if strings.IndexByte(key, '\\') >= 0 {
		return keys, true
	}
	if f.seen != nil {
		if f.seen[key] {
			return keys, true
		}
		f.seen[key] = true
		return keys, false
	}
	for _, k := range keys[f.base:] {
		if k == key {
			return keys, true
		}
	}
	keys = append(keys, key)
	if len(keys)-f.base > linearKeys {
		f.seen = make(map[string]bool, 2*linearKeys)
		for _, k := range keys[f.base:] {
			f.seen[k] = true
		}
	}
	return keys, false
}

// validString returns the index just past the JSON string whose opening
// quote is at js[i-1]: no control characters, only JSON's escapes (as
// gjson.Valid).
func validString(js string, i int) (int, bool) {
	for ; i < len(js); i++ {
		if plain[js[i]] {
			continue
		}
		switch c := js[i]; {
		case c == '"':
			return i + 1, true
		case c < ' ':
			return 0, false
		case c == '\\':
			i++
			if i == len(js) {
				return 0, false
			}
			switch js[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(js) || !isHex(js[i+1]) || !isHex(js[i+2]) || !isHex(js[i+3]) || !isHex(js[i+4]) {
					return 0, false
				}
				i += 4
			default:
				return 0, false
			}
		}
	}
	return 0, false
}

// plain marks the bytes that stand for themselves inside a JSON string:
// all but the quote, the backslash and control characters.
var plain = func() (t [256]bool) {
	for c := ' '; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// validNumber returns the index just past the JSON number at js[i]: an
// optional '-', then 0 or digits not starting with 0, an optional fraction
// and exponent (as gjson.Valid).
func validNumber(js string, i int) (int, bool) {
	if js[i] == '-' {
		i++
	}
	if i == len(js) || js[i] < '0' || js[i] > '9' {
		return 0, false
	}
	if js[i] == '0' {
		i++
	} else {
		i = digits(js, i)
	}
	if i < len(js) && js[i] == '.' {
		i++
		if i == len(js) || js[i] < '0' || js[i] > '9' {
			return 0, false
		}
		i = digits(js, i)
	}
	if i < len(js) && (js[i] == 'e' || js[i] == 'E') {
		i++
		if i < len(js) && (js[i] == '+' || js[i] == '-') {
			i++
		}
		if i == len(js) || js[i] < '0' || js[i] > '9' {
			return 0, false
		}
		i = digits(js, i)
	}
	return i, true
}

// digits returns the index of the first non-digit at or after i.
func digits(js string, i int) int {
	for i < len(js) && js[i] >= '0' && js[i] <= '9' {
		i++
	}
	return i
}
