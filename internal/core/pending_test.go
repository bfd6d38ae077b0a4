package core

import (
	"encoding/json"
	"reflect"
	"testing"
)

// What a verdict says it may still receive (Verdict.Pending).
func TestPending(t *testing.T) {
	tests := []struct {
		name     string
		snapshot map[string]any
		want     []string
	}{
		// A client-rendered store page before its text: nothing readable yet, the text may come.
		{"store page before its text", map[string]any{"url": "https://ccgame.1688.com/page/creditdetail.html", "dom": map[string]any{"title": "公司档案"}}, []string{"page"}},
		// An offer page that is not a page model at all: nothing will make it readable.
		{"offer address without a model", map[string]any{"url": "https://detail.1688.com/offer/1.html", "dom": map[string]any{"title": "请登录后查看"}}, []string{}},
		// A search page has no supplier of its own: the cards carry the verdicts.
		{"search page", map[string]any{"url": "https://s.1688.com/selloffer/offer_search.htm?keywords=x"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, _ := json.Marshal(tt.snapshot)
			var v Verdict
			if err := json.Unmarshal(AnalyzeJSON(in), &v); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(v.Pending, tt.want) {
				t.Errorf("pending = %v, want %v (kind %s, readable %v)", v.Pending, tt.want, v.Kind, v.Readable)
			}
		})
	}
}
