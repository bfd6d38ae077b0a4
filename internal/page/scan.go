package page

import "strings"

// maxNesting bounds the nesting depth of any JSON-like value we accept.
// gjson's validator and getters recurse once per level, and a page could
// otherwise send a few megabytes of "[[[[" and exhaust the stack (a fatal,
// unrecoverable error in Go). Real 1688 models nest about 15 levels deep.
const maxNesting = 256

// scanObject finds the end of the brace-balanced object or array that
// starts at s[start] ('{' or '['). It honours double- and single-quoted
// strings and backslash escapes inside them, checks that closers match
// openers, and stops at maxNesting. It returns the index just past the
// closing bracket and the deepest nesting seen; ok is false when the value
// is unbalanced, truncated or too deep. One pass, no allocation beyond a
// small stack.
func scanObject(s string, start int) (end, depth int, ok bool) {
	if start < 0 || start >= len(s) || (s[start] != '{' && s[start] != '[') {
		return 0, 0, false
	}
	var stackBuf [64]byte
	stack := stackBuf[:0]
	for i := start; i < len(s); i++ {
		switch c := s[i]; c {
		case '{', '[':
			if len(stack) >= maxNesting {
				return 0, len(stack), false
			}
			stack = append(stack, c)
			if len(stack) > depth {
				depth = len(stack)
			}
		case '}', ']':
			if len(stack) == 0 {
				return 0, depth, false
			}
			open := stack[len(stack)-1]
			if (c == '}' && open != '{') || (c == ']' && open != '[') {
				return 0, depth, false
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return i + 1, depth, true
			}
		case '"', '\'':
			j, closed := skipString(s, i)
			if !closed {
				return 0, depth, false
			}
			i = j - 1
		}
	}
	return 0, depth, false
}

// skipString returns the index just past the string literal opened by the
// quote at s[i], and whether it was closed before the end of s.
func skipString(s string, i int) (int, bool) {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q:
			return j + 1, true
		}
	}
	return len(s), false
}

// skipSpace returns the index of the first non-whitespace byte at or after i.
func skipSpace(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			i++
		default:
			return i
		}
	}
	return i
}

// findAssignment finds `<marker> = {` in a script (for example
// `window.__INIT_DATA={…}`) and returns the index of the '{'. It tries every
// occurrence of the marker, because the name also appears in reads such as
// `if (window.__INIT_DATA)`. The marker must not be followed by an
// identifier character, so `__INIT_DATA` does not match `__INIT_DATA_X`;
// allowSuffix lists accepted continuations (e.g. "__" for `__INIT_DATA__`).
// The caller cuts the object with scanObject (via cutJSON): one scan only.
func findAssignment(script, marker string, allowSuffix ...string) (start int, ok bool) {
	from := 0
	for {
		k := strings.Index(script[from:], marker)
		if k < 0 {
			return 0, false
		}
		at := from + k
		i := at + len(marker)
		from = i
		if at > 0 && isIdentByte(script[at-1]) {
			continue // xpageData is not pageData
		}
		for _, suf := range allowSuffix {
			if strings.HasPrefix(script[i:], suf) {
				i += len(suf)
				break
			}
		}
		if i < len(script) && isIdentByte(script[i]) {
			continue
		}
		i = skipSpace(script, i)
		if i >= len(script) || script[i] != '=' || (i+1 < len(script) && script[i+1] == '=') {
			continue
		}
		i = skipSpace(script, i+1)
		if i >= len(script) || script[i] != '{' {
			continue
		}
		return i, true
	}
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
