package page

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecodeSnapshot(t *testing.T) {
	t.Run("round trip", func(t *testing.T) {
		in := Snapshot{
			URL:       "https://detail.1688.com/offer/943009939489.html",
			Scripts:   []string{mustRead(t, fixtureG3)},
			Responses: []Response{{URL: "https://h5api.m.1688.com/h5/mtop.1688.moga.pc.shopcard/1.0/", Body: mustRead(t, fixtureShopcard)}},
			DOM:       map[string]string{"title": "标题 <b>", "body": "入驻3年"},
		}
		js, err := json.Marshal(in)
		in.Sent = 1 // counted while decoding, never encoded
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeSnapshot(js)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, in) {
			t.Errorf("decoded %+v", got)
		}
		m := Parse(got)
		if !m.Readable || m.Generation != "g3" {
			t.Errorf("readable %v gen %q", m.Readable, m.Generation)
		}
		expectInt(t, "age from shopcard", m.Supplier.StoreAgeYears, 11)
	})
	t.Run("nulls and unknown fields", func(t *testing.T) {
		got, err := DecodeSnapshot([]byte(`{"url":null,"scripts":null,"dom":{"a":null,"b":"x"},"extra":{"deep":[1,2]}}`))
		if err != nil {
			t.Fatal(err)
		}
		if got.URL != "" || got.Scripts != nil || !reflect.DeepEqual(got.DOM, map[string]string{"b": "x"}) {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("errors", func(t *testing.T) {
		for _, in := range []string{
			``, `null`, `[]`, `"x"`, `{`, `{"url":"x"`, `{"url":"x"}}`, `{"url":1}`, `{"scripts":"x"}`, `{"scripts":[1]}`,
			`{"responses":[1]}`, `{"responses":[{"url":1}]}`, `{"responses":{}}`, `{"dom":[]}`, `{"dom":{"a":1}}`,
			`{"url":"\ud800"` + "\x00" + `}`, `{"a":` + strings.Repeat("[", 1000) + strings.Repeat("]", 1000) + `}`,
		} {
			if _, err := DecodeSnapshot([]byte(in)); err == nil {
				t.Errorf("DecodeSnapshot(%.40q) accepted", in)
			}
		}
	})
	t.Run("caps", func(t *testing.T) {
		scripts := make([]string, MaxScripts+2)
		for i := range scripts {
			scripts[i] = "s"
		}
		scripts[0] = strings.Repeat("字", MaxScriptBytes/3+10) // over the cap, multi-byte
		resps := make([]Response, MaxResponses+1)
		resps[0].Body = strings.Repeat("b", MaxResponseBytes+1)
		js, _ := json.Marshal(Snapshot{URL: strings.Repeat("u", MaxURLBytes+1), Scripts: scripts, Responses: resps,
			DOM: map[string]string{"body": strings.Repeat("d", MaxDOMBytes+5)}})
		got, err := DecodeSnapshot(js)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Scripts) != MaxScripts || len(got.Responses) != MaxResponses {
			t.Errorf("%d scripts, %d responses", len(got.Scripts), len(got.Responses))
		}
		if len(got.Scripts[0]) > MaxScriptBytes || !utf8.ValidString(got.Scripts[0]) || !strings.HasPrefix(scripts[0], got.Scripts[0]) {
			t.Errorf("script 0 cut to %d bytes", len(got.Scripts[0]))
		}
		if len(got.Responses[0].Body) != MaxResponseBytes || len(got.URL) != MaxURLBytes || len(got.DOM["body"]) != MaxDOMBytes {
			t.Errorf("body %d url %d dom %d", len(got.Responses[0].Body), len(got.URL), len(got.DOM["body"]))
		}
		m := Parse(got)
		for _, n := range []string{"cap hit: url", "cap hit: script 0", "cap hit: 66 scripts", "cap hit: response 0 body",
			fmt.Sprintf("cap hit: %d responses", MaxResponses+1), `cap hit: DOM fragment "body"`} {
			expectNote(t, m, n)
		}
	})
	t.Run("all bodies together", func(t *testing.T) {
		// 30 bodies of 2 MB: the first 24 fit in 48 MiB; the rest are
		// dropped whole (a cut review page would be read as a short one).
		body := strings.Repeat("b", MaxResponseBytes-200)
		resps := make([]Response, 30)
		for i := range resps {
			resps[i] = Response{URL: fmt.Sprintf("https://h5api.m.1688.com/%d", i), Body: body}
		}
		js, _ := json.Marshal(Snapshot{Responses: resps})
		got, err := DecodeSnapshot(js)
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, r := range got.Responses {
			total += len(r.URL) + len(r.Body)
			if r.Body != body {
				t.Fatal("a kept body was changed")
			}
		}
		if len(got.Responses) != 24 || total > MaxResponsesBytes {
			t.Errorf("%d responses, %d bytes kept", len(got.Responses), total)
		}
		expectNote(t, Parse(got), "cap hit: 30 responses, only the first 24 read")
	})
}
