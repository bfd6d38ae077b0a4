package reviews_test

import (
	. "github.com/trustlens/trustlens/internal/reviews"
	"strings"
	"testing"
	"time"
)

func TestParseListDocumentedPath(t *testing.T) {
	rs, sum, ok := ParseResponse("https://h5api.m.1688.com/h5/mtop.1688.trade.service.mtoprateservice.queryitemratedlistv2/1.0/?callback=mtopjsonp12",
		readFixture(t, "list-page1.jsonp"))
	if !ok || sum != nil || len(rs) != 4 {
		t.Fatalf("ok=%v sum=%v n=%d", ok, sum, len(rs))
	}
	want := Review{ID: "4102938475610", Content: "面料很厚实，颜色和图片一样，XL码170的穿正好！下次还来👍", Stars: 5,
		Spec: "颜色:黑色;尺码:XL", Quantity: 20, Nick: "t**8", Images: 2, Source: SourceList,
		Published: time.Date(2026, 5, 7, 10, 6, 48, 0, CST)}
	if got := rs[0]; got.ID != want.ID || got.Content != want.Content || got.Stars != 5 || got.Spec != want.Spec ||
		got.Quantity != 20 || got.Nick != want.Nick || got.Images != 2 || !got.Published.Equal(want.Published) || got.Source != SourceList {
		t.Errorf("row 0 = %+v\nwant %+v", got, want)
	}
	// epoch ms as a string, quantity as a string, rateId, numeric id, stars as a string
	if !rs[1].Published.Equal(time.Date(2026, 5, 5, 10, 6, 48, 0, CST)) {
		t.Errorf("string epoch: %v", rs[1].Published)
	}
	if rs[2].ID != "4102938475612" || rs[2].Quantity != 10 || rs[2].Nick != "匿名买家" {
		t.Errorf("row 2 = %+v", rs[2])
	}
	if rs[3].ID != "4102938475613" || rs[3].Stars != 4 || rs[3].Images != 0 {
		t.Errorf("row 3 = %+v", rs[3])
	}
}

func TestParseListModelArrayAndJavaDates(t *testing.T) {
	// No URL: the body's api field decides; rows directly at data.model.
	rs, _, ok := ParseResponse("", readFixture(t, "list-model-array.json"))
	if !ok || len(rs) != 3 {
		t.Fatalf("ok=%v n=%d", ok, len(rs))
	}
	if !rs[0].Published.Equal(time.Date(2026, 5, 7, 10, 6, 48, 0, CST)) {
		t.Errorf("Java date: %v", rs[0].Published)
	}
	if rs[0].Spec != "颜色分类:磨砂黑;容量:500ml" {
		t.Errorf("spec escapes: %q", rs[0].Spec)
	}
	if rs[0].Images != 1 {
		t.Errorf("image objects: %d", rs[0].Images)
	}
	if !rs[1].System || !rs[1].Published.Equal(time.Date(2026, 5, 6, 21, 15, 2, 0, CST)) {
		t.Errorf("row 1 = %+v", rs[1])
	}
	if rs[2].Nick != "h**n" || !rs[2].Published.Equal(time.Date(2026, 5, 1, 0, 0, 0, 0, CST)) {
		t.Errorf("renamed keys: %+v", rs[2])
	}
}

func TestParseSummary(t *testing.T) {
	_, s, ok := ParseResponse("https://h5api.m.1688.com/h5/mtop.1688.trade.service.mtoprateservice.querydsrratedatav2/1.0/", readFixture(t, "dsr.jsonp"))
	if !ok || s == nil {
		t.Fatal("no summary")
	}
	if s.GoodRate == nil || *s.GoodRate != 98.7 || s.GoodsGrade == nil || *s.GoodsGrade != 4.8 || s.Total == nil || *s.Total != 1234 {
		t.Errorf("summary = %+v", s)
	}
	if len(s.Tags) != 7 || !s.Tags[5].Impression || s.Tags[5].Name != "质量很好" || s.Tags[5].Count != 88 {
		t.Errorf("tags = %+v", s.Tags)
	}
	// The real documentation excerpt: no ret, no api, no URL: by shape.
	_, s, ok = ParseResponse("", readFixture(t, "dsr-927875250705.doc-excerpt.json"))
	if !ok || s == nil || *s.Total != 2497 || *s.GoodRate != 99.9 || *s.GoodsGrade != 5.0 {
		t.Fatalf("real excerpt: ok=%v %+v", ok, s)
	}
	// "全部#xyz" tag names (a scraper strips the suffix).
	_, s, _ = ParseResponse("querydsrratedatav2", `{"data":{"model":{"commonTagNodeList":[{"name":"全部#1","count":"17"}]}}}`)
	if s == nil || s.Total == nil || *s.Total != 17 {
		t.Errorf("suffixed tag: %+v", s)
	}
}

func TestParseOldRates(t *testing.T) {
	rs, _, ok := ParseResponse("https://rate.1688.com/remark/offerDetail/rates.json?_input_charset=GBK&offerId=1&page=1", readFixture(t, "rates-old.jsonp"))
	if !ok || len(rs) != 2 {
		t.Fatalf("ok=%v n=%d", ok, len(rs))
	}
	if rs[0].Stars != 5 || rs[0].Quantity != 30 || rs[0].Nick != "s**9" || rs[0].Source != SourceRates ||
		!strings.HasPrefix(rs[0].Content, "货已收到") || !rs[0].Published.Equal(time.Date(2018, 5, 11, 9, 12, 33, 0, CST)) {
		t.Errorf("old row 0 = %+v", rs[0])
	}
	if rs[1].Stars != 1 || rs[1].Published.Day() != 2 {
		t.Errorf("old row 1 = %+v", rs[1])
	}
}

func TestParseFailures(t *testing.T) {
	for name, c := range map[string]struct{ url, body string }{
		"token empty":     {"queryitemratedlistv2", readFixture(t, "fail-token.jsonp")},
		"captcha":         {"", readFixture(t, "fail-captcha.json")},
		"success false":   {"rates.json", `{"data":{"rates":[{"rateItem":[{"starLevel":5,"remarkContent":"x"}]}]},"success":false}`},
		"ret not array":   {"queryitemratedlistv2", `{"ret":"FAIL_SYS_SESSION_EXPIRED::x","data":{"model":[{"content":"x"}]}}`},
		"empty ret":       {"queryitemratedlistv2", `{"ret":[],"data":{"model":[{"content":"x"}]}}`},
		"not json":        {"queryitemratedlistv2", `<html>login</html>`},
		"broken jsonp":    {"queryitemratedlistv2", `mtopjsonp1({"ret":["SUCCESS"],"data":{"model":[]}`},
		"invalid json":    {"queryitemratedlistv2", `{"ret":["SUCCESS"],"data":{"model":[{"content":"x",}]}}`},
		"unknown shape":   {"", `{"ret":["SUCCESS::调用成功"],"data":{"foo":1}}`},
		"array top level": {"queryitemratedlistv2", `[1,2,3]`},
		"too big":         {"queryitemratedlistv2", `{"data":{"model":[]},"x":"` + strings.Repeat("a", MaxBodyBytes) + `"}`},
	} {
		rs, s, ok := ParseResponse(c.url, c.body)
		if ok || rs != nil || s != nil {
			t.Errorf("%s: got ok=%v reviews=%d summary=%v", name, ok, len(rs), s)
		}
	}
}

func TestParseCaps(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"ret":["SUCCESS"],"data":{"model":[`)
	for i := 0; i < MaxPerResponse+50; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"id":"` + itoa(i) + `","content":"` + strings.Repeat("好", 2100) + `","starLevel":9,"quantity":-4}`)
	}
	b.WriteString(`]}}`)
	rs, _, ok := ParseResponse("queryItemRatedListV2", b.String())
	if !ok || len(rs) != MaxPerResponse {
		t.Fatalf("ok=%v n=%d", ok, len(rs))
	}
	if rs[0].Stars != 5 || rs[0].Quantity != 0 {
		t.Errorf("clamps: %+v", rs[0].Stars)
	}
	s := NewSet()
	s.Add(rs...)
	if got := []rune(s.Reviews()[0].Content); len(got) != MaxContentRunes {
		t.Errorf("content cap: %d runes", len(got))
	}
}

func itoa(i int) string {
	return strings.TrimSpace(strings.Replace(time.Duration(i).String(), "ns", "", 1))
}

func TestParseDOM(t *testing.T) {
	rs := ParseDOM([]DOMReview{
		{Text: "质量很好", Stars: "★★★★☆", Date: "2026-05-07", Nick: "t**8", Spec: "颜色:黑色;尺码:XL", Quantity: "数量: 20件", Images: 1},
		{Text: "一般", Stars: "3星", Date: "Thu May 07 10:06:48 CST 2026"},
		{Text: "x", Stars: "width: 80%", Date: "1778119608000"},
		{Text: "y", Stars: "star-5"},
		{Text: "z", Stars: "10"},
	})
	if rs[0].Stars != 4 || rs[0].Quantity != 20 || rs[0].Source != SourceDOM || rs[0].Published.Day() != 7 {
		t.Errorf("dom 0 = %+v", rs[0])
	}
	if rs[1].Stars != 3 || rs[1].Published.Hour() != 10 {
		t.Errorf("dom 1 = %+v", rs[1])
	}
	if rs[2].Stars != 4 || rs[2].Published.Minute() != 6 {
		t.Errorf("dom 2 = %+v", rs[2])
	}
	if rs[3].Stars != 5 || rs[4].Stars != 0 {
		t.Errorf("dom stars: %d %d", rs[3].Stars, rs[4].Stars)
	}
}

func TestUnwrapJSONP(t *testing.T) {
	for in, want := range map[string]string{
		`mtopjsonp3({"a":1})`:             `{"a":1}`,
		` mtopjsonp3( {"a":1} ) ; `:       `{"a":1}`,
		`window.cb_1({"a":1});`:           `{"a":1}`,
		"\uFEFF{\"a\":1}":                 `{"a":1}`,
		`{"a":1}`:                         `{"a":1}`,
		`alert(1)//({"a":1})`:             "",
		`cb({"a":1}`:                      "",
		`(function(){})({"a":1})`:         "",
		strings.Repeat("a", 200) + `({})`: "",
	} {
		got, ok := UnwrapJSONP(in)
		if (want == "") == ok || got != want && want != "" {
			t.Errorf("UnwrapJSONP(%.40q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
