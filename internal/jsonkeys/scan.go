package jsonkeys

import (
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/tidwall/gjson"
)

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
	return scan(js, maxDepth, nil)
}

// Member is one member of an object as written: its key and its value,
// each as raw JSON text.
type Member struct{ Key, Value string }

// ScanMembers is Scan on an object that also collects its own members
// (not those of objects inside it), in order, repeated keys included. When
// the object has more than maxMembers of them, members is nil and all false
// (the caller walks the object itself).
func ScanMembers(js string, maxDepth, maxMembers int) (end int, members []Member, all, ok bool) {
	if js == "" || js[0] != '{' {
		return 0, nil, false, false
	}
	top := topMembers{max: maxMembers}
	end, _, ok = scan(js, maxDepth, &top)
	if !ok || top.over {
		return end, nil, false, ok
	}
	return end, top.list, true, true
}

// topMembers collects the members of the outermost object for ScanMembers.
type topMembers struct {
	list       []Member
	max        int
	over       bool
	key        string // the key of the member being read
	valueStart int
}

// scan is Scan, collecting the outermost object's members into top when
// top is not nil.
func scan(js string, maxDepth int, top *topMembers) (end int, repeats, ok bool) {
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
	// atTop says whether the value that starts or ends now is a member of
	// the outermost object, with its members still collected.
	atTop := func() bool { return top != nil && !top.over && len(stack) == 1 }
	done := func(end int) {
		if len(top.list) == top.max {
			top.over, top.list = true, nil
			return
		}
		top.list = append(top.list, Member{Key: top.key, Value: js[top.valueStart:end]})
	}
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
			if atTop() {
				top.key = js[i:j]
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
			if atTop() {
				top.valueStart = i
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
			if atTop() {
				done(i)
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
		if atTop() {
			done(i)
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

// Read returns the member's key and value as gjson's Result.ForEach on the
// object gives them (the key unescaped; a string value's Str unescaped),
// without walking the object again.
func (m Member) Read() (string, gjson.Result) {
	key := m.Key[1 : len(m.Key)-1]
	if strings.IndexByte(key, '\\') >= 0 {
		key = unescape(key)
	}
	return key, value(m.Value)
}

// value is the JSON value raw as gjson reads it, a string unescaped by
// unescape.
func value(raw string) gjson.Result {
	if raw[0] != '"' {
		return gjson.Parse(raw)
	}
	str := raw[1 : len(raw)-1]
	if strings.IndexByte(str, '\\') >= 0 {
		str = unescape(str)
	}
	return gjson.Result{Type: gjson.String, Raw: raw, Str: str}
}

// Elements calls f with each element of the JSON array arr, which must be
// valid (Scan), until f returns false: the values gjson's Result.ForEach
// gives, a string's unescaped as Member.Read does (the snapshot's scripts
// are long strings full of escaped quotes).
func Elements(arr string, f func(v gjson.Result) bool) {
	for i := 1; ; {
		for i < len(arr) && (arr[i] == ',' || arr[i] == ' ' || arr[i] == '\t' || arr[i] == '\n' || arr[i] == '\r') {
			i++
		}
		if i >= len(arr) || arr[i] == ']' {
			return
		}
		var end int
		switch arr[i] {
		case '"':
			end, _ = validString(arr, i+1) // valid already: its table loop finds the end without a call per escaped quote
		case '{', '[':
			n, _, _ := Scan(arr[i:], len(arr)) // valid already: only its end is wanted
			end = i + n
		default: // a number, true, false or null
			end = i
			for end < len(arr) && !strings.ContainsRune(",] \t\n\r", rune(arr[end])) {
				end++
			}
		}
		if !f(value(arr[i:end])) {
			return
		}
		i = end
	}
}

// unescape decodes the escapes of a validated JSON string's contents as
// gjson does: a \u escape of a lone surrogate becomes U+FFFD. Runs without
// escapes are copied whole (gjson appends byte by byte, which dominated
// reading a snapshot in WebAssembly).
func unescape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		k := strings.IndexByte(s, '\\')
		if k < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:k])
		c := s[k+1]
		s = s[k+2:]
		switch c {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r := hex4(s)
			s = s[4:]
			if r >= 0xD800 && r < 0xDC00 && len(s) >= 6 && s[0] == '\\' && s[1] == 'u' {
				if r2 := hex4(s[2:]); r2 >= 0xDC00 && r2 < 0xE000 {
					r = utf16.DecodeRune(r, r2)
					s = s[6:]
				}
			}
			b.WriteRune(r) // a lone surrogate is written as U+FFFD
		default: // '"', '\\', '/'
			b.WriteByte(c)
		}
	}
}

// hex4 reads the four hex digits that start s (validated).
func hex4(s string) rune {
	n, _ := strconv.ParseUint(s[:4], 16, 32)
	return rune(n)
}
