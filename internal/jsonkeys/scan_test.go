package jsonkeys

import (
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

// scanCases are inputs for Scan next to what the passes it replaces say.
var scanCases = []string{
	`{}`, `[]`, ` {}`, `{} `, `{"a":1}x`, `{"a":1,"b":[true,false,null,"s",-0.5e+3,0,10]}`,
	`{"a":1,"a":2}`, `{"a":{"x":1,"x":2}}`, `[{"k":1},{"k":2}]`, `{"a":{"k":1},"b":{"k":2}}`,
	`{"\u0061":1,"a":2}`, `{"a\"":1}`, `{"":1,"":2}`, `{"s":"a,\"a\":1","s":"b"}`,
	`{"a":1,}`, `[1,]`, `{"a" 1}`, `{"a":01}`, `{"a":-}`, `{"a":1.}`, `{"a":1e}`, `{"a":.5}`,
	`{"a":tru}`, `{"a":nul}`, `{"a":"\x"}`, `{"a":"\u12G4"}`, `{"a":"` + "\x01" + `"}`, `{"a":"\u123`,
	`{"a":1]`, `[1}`, `{"a":[1,2}`, `{"a":"x`, `"s"`, `1`, `{a:1}`, `{'a':1}`, `{"a":"it's"}`,
	`[[[[[[[[1]]]]]]]]`, `[[[[[[[[[1]]]]]]]]]`, `{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":1}}}}}}}}`,
	`{"a":"\\","a":"\/\b\f\n\r\t"}`, "{\n\t\"a\" :\r 1 , \"b\" : [ ] }",
	`{"a":"\ud83d\ude00","b":"\ud83d","c":"\ude00x","\u0041":"\\n\/","d":"\ud83d\u0041","e":"é\"x"}`,
	`["\ud83d\ude00", "a\"b" ,{"k":[1]},[],-0.5,true,false,null,"\ud83d","é"]`, `[ ]`, `[1 , 2 ]`,
	`{"u":"x","s":["a",{"k":1}],"r":[{"$ref":"$.s"}],"n":-1.5e3,"t":true,"f":false,"z":null,"o":{}}`,
}

// scanDepth is the nesting depth of valid JSON.
func scanDepth(js string) int {
	depth, max := 0, 0
	for i := 0; i < len(js); i++ {
		switch js[i] {
		case '"':
			for i++; js[i] != '"'; i++ {
				if js[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
			max = maxInt(max, depth)
		case '}', ']':
			depth--
		}
	}
	return max
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// checkScan holds Scan to the passes it replaces: on input that starts
// with '{' or '[' and is valid JSON no deeper than maxDepth, Scan accepts
// it up to the end of the value and says repeats whenever LastWins would
// cut; on anything else it refuses, or accepts only a valid value.
func checkScan(t *testing.T, js string) {
	const maxDepth = 8
	end, repeats, ok := Scan(js, maxDepth)
	if ok {
		v := js[:end]
		if !gjson.Valid(v) || scanDepth(v) > maxDepth || (v[0] != '{' && v[0] != '[') {
			t.Fatalf("Scan(%q) accepted %q: not valid, too deep or not an object or array", js, v)
		}
		if !repeats && LastWins(v) != v {
			t.Fatalf("Scan(%q) says no key repeats, LastWins cuts", js)
		}
		if repeats && LastWins(v) == v && !strings.Contains(v, `\`) {
			t.Fatalf("Scan(%q) says a key repeats, LastWins cuts nothing", js)
		}
	}
	checkMembers(t, js)
	checkElements(t, js)
	v := strings.TrimRight(js, " \t\n\r")
	if v != "" && (v[0] == '{' || v[0] == '[') && gjson.Valid(v) && scanDepth(v) <= maxDepth && (!ok || end != len(v)) {
		t.Fatalf("Scan(%q) = %d, %v; want %d, true", js, end, ok, len(v))
	}
}

// checkMembers holds ScanMembers and Member.Read to gjson's walk of the
// same object.
func checkMembers(t *testing.T, js string) {
	const maxMembers = 6
	end, members, all, ok := ScanMembers(js, 8, maxMembers)
	if end2, _, ok2 := Scan(js, 8); ok != (ok2 && js[0] == '{') || (ok && end != end2) {
		t.Fatalf("ScanMembers(%q) = %d, %v; Scan: %d, %v", js, end, ok, end2, ok2)
	}
	if !ok {
		return
	}
	var want []gjson.Result
	gjson.Parse(js[:end]).ForEach(func(k, v gjson.Result) bool {
		want = append(want, k, v)
		return true
	})
	if !all {
		if len(want)/2 <= maxMembers {
			t.Fatalf("ScanMembers(%q) gave up on %d members", js, len(want)/2)
		}
		return
	}
	if len(members) != len(want)/2 {
		t.Fatalf("ScanMembers(%q): %d members, gjson %d", js, len(members), len(want)/2)
	}
	for i, m := range members {
		key, v := m.Read()
		wk, wv := want[2*i], want[2*i+1]
		if key != wk.Str || v.Type != wv.Type || v.Raw != wv.Raw || v.Str != wv.Str || v.Num != wv.Num {
			t.Fatalf("ScanMembers(%q) member %d: %q %+v, gjson %q %+v", js, i, key, v, wk.Str, wv)
		}
	}
}

// checkElements holds Elements to gjson's walk of the same array.
func checkElements(t *testing.T, js string) {
	end, _, ok := Scan(js, 8)
	if !ok || js[0] != '[' {
		return
	}
	var want, got []gjson.Result
	gjson.Parse(js[:end]).ForEach(func(_, v gjson.Result) bool {
		want = append(want, v)
		return true
	})
	Elements(js[:end], func(v gjson.Result) bool {
		got = append(got, v)
		return true
	})
	if len(got) != len(want) {
		t.Fatalf("Elements(%q): %d values, gjson %d", js, len(got), len(want))
	}
	for i, v := range got {
		if w := want[i]; v.Type != w.Type || v.Raw != w.Raw || v.Str != w.Str || v.Num != w.Num {
			t.Fatalf("Elements(%q) value %d: %+v, gjson %+v", js, i, v, w)
		}
	}
}

func TestScan(t *testing.T) {
	for _, c := range scanCases {
		checkScan(t, c)
	}
	for _, c := range []struct {
		in      string
		repeats bool
	}{
		{`{"a":1,"b":2}`, false}, {`{"a":1,"a":2}`, true}, {`[{"a":1},{"a":2}]`, false},
		{`{"a":{"a":1}}`, false}, {`{"x":{"a":1,"b":{"a":2},"a":3}}`, true},
	} {
		if _, repeats, ok := Scan(c.in, 8); !ok || repeats != c.repeats {
			t.Errorf("Scan(%s): repeats %v ok %v, want repeats %v", c.in, repeats, ok, c.repeats)
		}
	}
	if _, _, ok := Scan(strings.Repeat("[", 9)+strings.Repeat("]", 9), 8); ok {
		t.Error("Scan accepted nesting deeper than maxDepth")
	}
}

// Large objects switch to a map; a repeated key far apart is still found,
// and many distinct keys are not taken for a repeat.
func TestScanLargeObject(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"k":"first"`)
	for i := 0; i < 300; i++ {
		b.WriteString(`,"f`)
		b.WriteString(strings.Repeat("x", i))
		b.WriteString(`":0`)
	}
	distinct := b.String() + `}`
	repeated := b.String() + `,"k":"last"}`
	if _, repeats, ok := Scan(distinct, 8); !ok || repeats {
		t.Errorf("distinct keys: repeats %v ok %v", repeats, ok)
	}
	if _, repeats, ok := Scan(repeated, 8); !ok || !repeats {
		t.Errorf("repeated key: repeats %v ok %v", repeats, ok)
	}
}

func FuzzScan(f *testing.F) {
	for _, c := range scanCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, js string) {
		checkScan(t, js)
	})
}
