package pretty

import (
	"bytes"
	"encoding/json"
	"testing"
)

// The patched parsestr gives what json.Unmarshal gave it, on the one JSON
// string pretty passes it.
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`"a"`, `"a\"b"`, `"\u00e9\ud83d\ude00"`, `"\ud800"`, `"\udc00x"`, `"\ud800\u0041"`,
		`"\x"`, `"a`, `"\u12"`, "\"\xff\"", `"\/\b\f\n\r\t\\"`, `"` + "\x01" + `"`, `""`, `"a"b"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want string
		if json.Unmarshal([]byte(s), &want) != nil || s[0] != '"' || !bytes.ContainsRune([]byte(s), '\\') {
			t.Skip("not one JSON string with an escape (parsestr reads one without as it always did)")
		}
		if string(parsestr([]byte(s))) != want {
			t.Errorf("%q: %q, json.Unmarshal %q", s, parsestr([]byte(s)), want)
		}
	})
}
