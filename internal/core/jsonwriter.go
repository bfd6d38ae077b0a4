package core

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// jsonWriter writes a verdict as encoding/json would (with HTML escaping off:
// page strings keep their '<', '>' and '&'), without reflect. The per-type
// methods are generated into verdict_json.go from the Verdict type by
// TestVerdictJSONWriter; this file holds the values they share. The small
// ones are not inlined: inlined into every generated call site they made
// the writer about 300 KB of wasm code.
type jsonWriter struct {
	b   []byte
	err error // the first unsupported value (a NaN or infinite float)
}

// str writes s quoted and escaped like encoding/json: ", \ and control
// characters escaped, invalid UTF-8 as U+FFFD, U+2028 and U+2029 escaped.
func (w *jsonWriter) str(s string) {
	const hex = "0123456789abcdef"
	b := append(w.b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	w.b = append(b, '"')
}

// float writes f as encoding/json does: the shortest decimal, in exponent
// form below 1e-6 and from 1e21 on; NaN and infinities are an error.
func (w *jsonWriter) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		if w.err == nil {
			w.err = unsupportedValue("json: unsupported value: " + strconv.FormatFloat(f, 'g', -1, 64))
		}
		w.b = append(w.b, '0')
		return
	}
	form := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		form = 'e'
	}
	b := strconv.AppendFloat(w.b, f, form, -1, 64)
	if form == 'e' {
		// e-09 -> e-9, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	w.b = b
}

//go:noinline
func (w *jsonWriter) int(n int64) { w.b = strconv.AppendInt(w.b, n, 10) }

//go:noinline
func (w *jsonWriter) bool(v bool) { w.b = strconv.AppendBool(w.b, v) }

//go:noinline
func (w *jsonWriter) null() { w.b = append(w.b, "null"...) }

// key writes the separator before a member (c is '{' for the first) and its name.
//
//go:noinline
func (w *jsonWriter) key(c *byte, name string) {
	w.b = append(w.b, *c, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"', ':')
	*c = ','
}

// end closes an object whose first separator was c.
//
//go:noinline
func (w *jsonWriter) end(c byte) {
	if c == '{' {
		w.b = append(w.b, '{')
	}
	w.b = append(w.b, '}')
}

// byte writes one punctuation byte.
//
//go:noinline
func (w *jsonWriter) byte(c byte) { w.b = append(w.b, c) }

type unsupportedValue string

func (e unsupportedValue) Error() string { return string(e) }
