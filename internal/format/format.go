// Package format is the small part of fmt the core uses, built on strconv so
// the WebAssembly core links neither fmt nor reflect (together with their
// type metadata they were about half of core.wasm).
//
// Sprintf understands the verbs the core writes — %s %v %d %q %f %g %c %% —
// with the flags '+' and '0', a width and a precision, and gives the same
// bytes as fmt for the argument types the core passes: strings, integers,
// floats, bools, errors and values with a String method. Anything else is
// written as "%!v(unsupported)" (format_test.go compares it with fmt).
package format

import (
	"strconv"
	"unicode/utf8"
)

// Sprintf formats like fmt.Sprintf for the verbs and types listed above.
func Sprintf(format string, args ...any) string {
	b := make([]byte, 0, len(format)+16*len(args))
	next := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		i++
		var plus, zero bool
		for ; i < len(format); i++ {
			if format[i] == '+' {
				plus = true
			} else if format[i] == '0' {
				zero = true
			} else {
				break
			}
		}
		width, i2 := number(format, i)
		i = i2
		prec := -1
		if i < len(format) && format[i] == '.' {
			prec, i = number(format, i+1)
			if prec < 0 {
				prec = 0
			}
		}
		if i >= len(format) {
			b = append(b, "%!(NOVERB)"...)
			break
		}
		verb := format[i]
		if verb == '%' {
			b = append(b, '%')
			continue
		}
		if next >= len(args) {
			b = append(b, '%', '!', verb, '(', 'M', 'I', 'S', 'S', 'I', 'N', 'G', ')')
			continue
		}
		start := len(b)
		b = appendArg(b, verb, plus, prec, args[next])
		next++
		if n := utf8.RuneCount(b[start:]); width > n {
			pad := byte(' ')
			at := start
			if zero {
				pad = '0'
				if at < len(b) && (b[at] == '-' || b[at] == '+') {
					at++
				}
			}
			fill := make([]byte, width-n)
			for k := range fill {
				fill[k] = pad
			}
			b = append(b[:at], append(fill, b[at:]...)...)
		}
	}
	return string(b)
}

// number reads a decimal number at format[i:]; -1 when there is none.
func number(format string, i int) (int, int) {
	n := -1
	for ; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
		if n < 0 {
			n = 0
		}
		n = n*10 + int(format[i]-'0')
	}
	return n, i
}

func appendArg(b []byte, verb byte, plus bool, prec int, arg any) []byte {
	switch v := arg.(type) {
	case string:
		return appendString(b, verb, v)
	case int:
		return appendInt(b, verb, plus, int64(v))
	case int64:
		return appendInt(b, verb, plus, v)
	case int32:
		return appendInt(b, verb, plus, int64(v))
	case uint8:
		return appendInt(b, verb, plus, int64(v))
	case float64:
		return appendFloat(b, verb, plus, prec, v)
	case bool:
		if verb == 's' || verb == 'v' {
			return strconv.AppendBool(b, v)
		}
	case error:
		return appendString(b, verb, v.Error())
	case interface{ String() string }:
		return appendString(b, verb, v.String())
	}
	return append(b, '%', '!', verb, '(', 'u', 'n', 's', 'u', 'p', 'p', 'o', 'r', 't', 'e', 'd', ')')
}

func appendString(b []byte, verb byte, s string) []byte {
	switch verb {
	case 's', 'v':
		return append(b, s...)
	case 'q':
		return strconv.AppendQuote(b, s)
	}
	return append(b, "%!"+string(verb)+"(string="+s+")"...)
}

func appendInt(b []byte, verb byte, plus bool, n int64) []byte {
	switch verb {
	case 'd', 'v':
		if plus && n >= 0 {
			b = append(b, '+')
		}
		return strconv.AppendInt(b, n, 10)
	case 'c':
		return utf8.AppendRune(b, rune(n))
	case 'q':
		return strconv.AppendQuoteRune(b, rune(n))
	}
	return append(b, "%!"+string(verb)+"(int="+strconv.FormatInt(n, 10)+")"...)
}

func appendFloat(b []byte, verb byte, plus bool, prec int, f float64) []byte {
	switch verb {
	case 'f':
		if prec < 0 {
			prec = 6
		}
	case 'g', 'v':
		verb = 'g'
	default:
		return append(b, "%!"+string(verb)+"(float64="+strconv.FormatFloat(f, 'g', -1, 64)+")"...)
	}
	if plus && f >= 0 {
		b = append(b, '+')
	}
	return strconv.AppendFloat(b, f, verb, prec, 64)
}

// Errorf is errors.New(Sprintf(format, args...)).
func Errorf(format string, args ...any) error {
	return errorString(Sprintf(format, args...))
}

type errorString string

func (e errorString) Error() string { return string(e) }
