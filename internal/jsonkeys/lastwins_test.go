package jsonkeys

import (
	"os"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

func TestLastWins(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"a":1,"b":2}`, `{"a":1,"b":2}`},
		{`{"a":1,"a":2}`, `{"a":2}`},
		{`{"a":1, "b":2, "a":3}`, `{"b":2, "a":3}`},
		{`{"a":1,"a":2,"a":3}`, `{"a":3}`},
		{`{"a":{"x":1,"x":2},"a":{"y":3}}`, `{"a":{"y":3}}`},
		{`{"a":{"x":1,"x":2},"b":[{"k":1,"k":"v"}]}`, `{"a":{"x":2},"b":[{"k":"v"}]}`},
		{`{"\u0061":1,"a":2}`, `{"a":2}`},
		{`{"":1,"":2}`, `{"":2}`},
		{`{"s":"a,\"a\":1","s":"b"}`, `{"s":"b"}`},
		{`["a","a",{"a":1}]`, `["a","a",{"a":1}]`},
	}
	for _, c := range cases {
		if !gjson.Valid(c.in) {
			t.Fatalf("test input %s is not valid JSON", c.in)
		}
		got := LastWins(c.in)
		if got != c.want {
			t.Errorf("LastWins(%s) = %s, want %s", c.in, got, c.want)
		}
		if !gjson.Valid(got) {
			t.Errorf("LastWins(%s) = %s: not valid JSON", c.in, got)
		}
	}
}

// The page's model with the company named twice: JavaScript shows the last
// name, and so must every lookup after LastWins (gjson alone finds the first).
func TestLastWinsMatchesJSONParse(t *testing.T) {
	model := `{"globalData":{"tempModel":{"companyName":"义乌真厂","offerId":1,"companyName":"Another Co"}}}`
	if got := gjson.Get(model, "globalData.tempModel.companyName").Str; got != "义乌真厂" {
		t.Fatalf("gjson without LastWins read %q: the premise of this test changed", got)
	}
	if got := gjson.Get(LastWins(model), "globalData.tempModel.companyName").Str; got != "Another Co" {
		t.Errorf("after LastWins: %q, want the last name as JSON.parse keeps it", got)
	}
}

// Large objects switch to a map; a repeated key far apart is still found.
func TestLastWinsLargeObject(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"k":"first"`)
	for i := 0; i < 100; i++ {
		b.WriteString(`,"f`)
		b.WriteString(strings.Repeat("x", i))
		b.WriteString(`":0`)
	}
	b.WriteString(`,"k":"last"}`)
	out := LastWins(b.String())
	if got := gjson.Get(out, "k").Str; got != "last" {
		t.Errorf("k = %q, want last", got)
	}
	if strings.Count(out, `"k"`) != 1 {
		t.Errorf("the first k was not removed")
	}
}

func TestLastWinsNoCopyWithoutRepeats(t *testing.T) {
	in := `{"a":[1,2,{"b":"c"}],"d":null}`
	if out := LastWins(in); out != in {
		t.Errorf("changed input without repeated keys: %s", out)
	}
}

func FuzzLastWins(f *testing.F) {
	f.Add(`{"a":1,"a":{"b":2,"b":3}}`)
	f.Fuzz(func(t *testing.T, in string) {
		if !gjson.Valid(in) {
			return
		}
		out := LastWins(in)
		if !gjson.Valid(out) {
			t.Fatalf("LastWins(%q) = %q: not valid JSON", in, out)
		}
		if LastWins(out) != out {
			t.Fatalf("LastWins is not idempotent on %q", in)
		}
	})
}

// The real G2 page model (120 KB, no repeated keys): LastWins against the
// gjson.Valid pass every model already gets.
func BenchmarkLastWinsG2(b *testing.B) {
	raw, err := os.ReadFile("../page/testdata/real/offer-597090034012.init-data.json")
	if err != nil {
		b.Fatal(err)
	}
	js := string(raw)
	b.Run("LastWins", func(b *testing.B) {
		b.SetBytes(int64(len(js)))
		for i := 0; i < b.N; i++ {
			LastWins(js)
		}
	})
	b.Run("gjson.Valid", func(b *testing.B) {
		b.SetBytes(int64(len(js)))
		for i := 0; i < b.N; i++ {
			gjson.Valid(js)
		}
	})
}
