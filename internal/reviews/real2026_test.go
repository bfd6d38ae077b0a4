package reviews_test

import (
	"encoding/json"
	"fmt"
	. "github.com/trustlens/trustlens/internal/reviews"
	"os"
	"strings"
	"testing"
	"time"
)

const realDir = "../page/testdata/real/"

func readRealFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(realDir + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The real full queryDsrRateDataV2 body (2024-04-03, offer 623609706251):
// every scalar is a string, with systemRemarkCnt.
func TestRealDsrBodyAllStrings(t *testing.T) {
	body := readRealFile(t, "dsr-623609706251.queryDsrRateDataV2.full-body.jsonp")
	_, s, ok := ParseResponse("https://h5api.m.1688.com/h5/mtop.1688.trade.service.mtoprateservice.querydsrratedatav2/1.0/?callback=mtopjsonp27", body)
	if !ok || s == nil {
		t.Fatal("real DSR body not read")
	}
	if s.GoodRate == nil || *s.GoodRate != 100 || s.GoodsGrade == nil || *s.GoodsGrade != 5 {
		t.Errorf("goodRate %v goodsGrade %v", s.GoodRate, s.GoodsGrade)
	}
	if s.Total == nil || *s.Total != 31 || s.SystemRemarks == nil || *s.SystemRemarks != 31 {
		t.Errorf("total %v systemRemarks %v", s.Total, s.SystemRemarks)
	}
	// "最新#1": the suffix is cut, the count kept.
	found := false
	for _, tag := range s.Tags {
		found = found || tag.Name == "最新" && tag.Count == 1
	}
	if !found {
		t.Errorf("tags %+v", s.Tags)
	}
}

// relayRows are the rows of the onebound relay example (offer 612398037607,
// RELAY grade): the first row complete, the second cut where the excerpt
// ends. Row keys and value types as republished: gmtPublished a date
// string, isSystemRemark "false", starLevel "5", quantity "1.0".
func relayRows(t *testing.T) []map[string]any {
	var relay struct {
		Items struct {
			Item []map[string]any `json:"item"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(readRealFile(t, "review-rows-612398037607.onebound-relay-example.json")), &relay); err != nil {
		t.Fatal(err)
	}
	if len(relay.Items.Item) != 2 {
		t.Fatalf("relay rows: %d", len(relay.Items.Item))
	}
	return relay.Items.Item
}

// listBody is a queryItemRatedListV2 body in the 2026 scrapers' shape:
// data.model is the array of rows (composed envelope: no real list body).
func listBody(t *testing.T, rows []map[string]any) string {
	b, err := json.Marshal(map[string]any{
		"api": "mtop.1688.trade.service.MtopRateService.queryItemRatedListV2", "v": "1.0",
		"ret": []string{"SUCCESS::调用成功"}, "data": map[string]any{"model": rows},
	})
	if err != nil {
		t.Fatal(err)
	}
	return "mtopjsonp5(" + string(b) + ")"
}

const listURL = "https://h5api.m.1688.com/h5/mtop.1688.trade.service.mtoprateservice.queryitemratedlistv2/1.0/?callback=mtopjsonp5"

func TestRelayRowsAsListRows(t *testing.T) {
	rows := relayRows(t)
	rows[0]["specInfo"] = "颜色#3B可爱喵+3米延长线#3A尺码#3B大" // the #3B/#3A escapes scrapers report
	rs, _, ok := ParseResponse(listURL, listBody(t, rows))
	if !ok || len(rs) != 2 {
		t.Fatalf("ok %v, %d rows", ok, len(rs))
	}
	r := rs[0]
	want := time.Date(2020, 8, 29, 19, 6, 39, 0, time.FixedZone("CST", 8*3600))
	if r.Content != "好评。" || r.Stars != 5 || r.Quantity != 1 || r.Nick != "r**1" || r.System || !r.Published.Equal(want) {
		t.Errorf("row 0: %+v", r)
	}
	if r.Spec != "颜色:可爱喵+3米延长线;尺码:大" {
		t.Errorf("spec %q", r.Spec)
	}
	if !rs[1].Published.Equal(time.Date(2020, 8, 2, 10, 43, 27, 0, time.FixedZone("CST", 8*3600))) || rs[1].System {
		t.Errorf("row 1: %+v", rs[1])
	}
}

// automaticPage: buyers' reviews (composed, relay row shape, dates as epoch
// ms) plus the platform's automatic default praise, all on one day with
// the same words, as isSystemRemark rows (string "true", as the relay writes
// its booleans).
func automaticPage(t *testing.T, buyers, automatic int) *Set {
	base := time.Date(2026, 10, 1, 10, 0, 0, 0, time.UTC).UnixMilli()
	var rows []map[string]any
	topics := []string{"包装结实，颜色和图片一样", "尺寸偏小一点，客服很快换了", "第二次回购了，质量稳定", "物流三天到，数量齐全", "做工一般，但是价格便宜", "线有点短，别的都还行"}
	for i := 0; i < buyers; i++ {
		rows = append(rows, map[string]any{
			"id": fmt.Sprintf("b%d", i), "content": fmt.Sprintf("%s，第%d批", topics[i%len(topics)], i),
			"gmtPublished": base - int64(i)*3*86400e3, "starLevel": fmt.Sprint(3 + i%3), "quantity": "2.0",
			"raterUserNick": fmt.Sprintf("买**%d", i), "isSystemRemark": "false",
		})
	}
	for i := 0; i < automatic; i++ {
		rows = append(rows, map[string]any{
			"id": fmt.Sprintf("s%d", i), "content": "好评！", "gmtPublished": "2026-10-02 00:00:00",
			"starLevel": "5", "quantity": "1.0", "raterUserNick": "匿名", "isSystemRemark": "true",
		})
	}
	s := NewSet()
	for i := 0; i < len(rows); i += 10 {
		if _, ok := s.AddResponse(listURL, listBody(t, rows[i:min(i+10, len(rows))])); !ok {
			t.Fatal("list page not read")
		}
	}
	return s
}

func TestAutomaticReviewsLeftOut(t *testing.T) {
	now := time.Date(2026, 10, 3, 0, 0, 0, 0, time.UTC)
	rep := Analyze(automaticPage(t, 24, 40), nil, now)
	if rep.Automatic != 40 || rep.Total != 24 || rep.Basis != 24 {
		t.Fatalf("automatic %d total %d basis %d", rep.Automatic, rep.Total, rep.Basis)
	}
	if !strings.Contains(rep.Headline.EN, "40 automatic default reviews left out") || !strings.Contains(rep.Headline.ZH, "40条系统自动默认好评") {
		t.Errorf("headline %+v", rep.Headline)
	}
	// 40 identical five-star rows on one day would be a burst, a skew and a
	// template share: none of it is a buyer's doing.
	all := automaticPage(t, 24, 40).Reviews()
	for _, f := range rep.Findings {
		for _, fl := range f.Reviews {
			if all[fl.Index].System {
				t.Errorf("%s flags automatic review %s", f.ID, all[fl.Index].ID)
			}
		}
		for _, g := range f.Groups {
			for _, i := range g.Reviews {
				if all[i].System {
					t.Errorf("%s groups automatic review %s", f.ID, all[i].ID)
				}
			}
		}
	}
	for _, v := range rep.Reviews {
		if all[v.Index].System {
			t.Errorf("verdict on automatic review %s", all[v.Index].ID)
		}
	}
	if rep.RatedRaw != 24 || rep.RawRating == nil || *rep.RawRating >= 4.5 {
		t.Errorf("raw rating %v over %d (automatic five stars counted?)", rep.RawRating, rep.RatedRaw)
	}

	// The same rows as buyers' reviews do fire: the exclusion is what keeps them out.
	s := NewSet()
	for _, r := range all {
		r.System = false
		s.Add(r)
	}
	if rep2 := Analyze(s, nil, now); len(rep2.Findings) == 0 || rep2.Automatic != 0 {
		t.Errorf("as buyers' reviews: %d findings, automatic %d", len(rep2.Findings), rep2.Automatic)
	}
}

// Indices of flagged reviews are positions in the set even when automatic
// rows come first.
func TestAutomaticIndicesMapToTheSet(t *testing.T) {
	base := time.Date(2026, 10, 1, 10, 0, 0, 0, time.UTC)
	s := NewSet()
	for i := 0; i < 5; i++ {
		s.Add(Review{ID: fmt.Sprintf("s%d", i), Content: "好评！", Stars: 5, System: true, Published: base})
	}
	// A near-duplicate cluster among the buyers.
	text := "这个充电器做工很好，充电速度快，发热不明显，包装也很用心，推荐购买"
	s.Add(Review{ID: "a", Content: text, Stars: 5, Nick: "甲**1", Published: base.Add(-48 * time.Hour)})
	s.Add(Review{ID: "b", Content: text + "！", Stars: 5, Nick: "乙**2", Published: base.Add(-24 * time.Hour)})
	s.Add(Review{ID: "c", Content: text + "。", Stars: 5, Nick: "丙**3", Published: base.Add(-12 * time.Hour)})
	rep := Analyze(s, nil, base)
	all := s.Reviews()
	got := map[string]bool{}
	for _, v := range rep.Reviews {
		got[all[v.Index].ID] = true
	}
	if !got["a"] || !got["b"] || !got["c"] || len(got) != 3 {
		t.Errorf("flagged %v, want a, b and c", got)
	}
}
