package memory

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/trustlens/trustlens/internal/page"
)

func TestTrimURL(t *testing.T) {
	long := "https://detail.1688.com/offer/597090034012.html?spm=" + strings.Repeat("a", 4000) + "#x"
	cases := map[string]string{
		long: "https://detail.1688.com/offer/597090034012.html",
		"https://winport.m.1688.com/page/index.html?memberId=b2b-29266662898cf9d&spm=1": "https://winport.m.1688.com/page/index.html?memberId=b2b-29266662898cf9d",
		"https://SHOP1.1688.com/page/creditdetail.htm":                                  "https://shop1.1688.com/page/creditdetail.htm",
		"https://shop1.1688.com/" + strings.Repeat("页", 100):                            "",
	}
	for in, want := range cases {
		got := TrimURL(in)
		if want == "" {
			if len(got) > MaxURLBytes || !strings.HasPrefix(got, "https://shop1.1688.com/") {
				t.Errorf("TrimURL(long path) = %q (%d bytes)", got, len(got))
			}
			continue
		}
		if got != want {
			t.Errorf("TrimURL(%.60q) = %q, want %q", in, got, want)
		}
	}
}

func sighting(url string, age int) *page.SupplierFacts {
	return &page.SupplierFacts{MemberID: "b2b-1234567890", SeenURL: url, StoreAgeYears: &age}
}

// The newest sources are kept, but never at the cost of the newest one
// whose address proves the member.
func TestNoteKeepsNewestProvingSource(t *testing.T) {
	var e Entry
	e.Note(sighting("https://shop1.1688.com/", 3), true, 1000)
	for i := 0; i < 10; i++ {
		e.Note(sighting("https://detail.1688.com/offer/"+itoa(i+1)+".html", 15), false, int64(2000+i))
	}
	if len(e.Sources) != MaxSources {
		t.Fatalf("%d sources kept, want %d", len(e.Sources), MaxSources)
	}
	if last := e.Sources[MaxSources-1]; !last.Proves || last.Facts.StoreAgeYears != 3 {
		t.Fatalf("the proving source was dropped: %+v", e.Sources)
	}
	if e.Sources[0].At != 2009 {
		t.Fatalf("not newest first: %+v", e.Sources[0])
	}
}

// The same values seen again refresh the source's time only once a day.
func TestNoteRefreshesOncePerDay(t *testing.T) {
	var e Entry
	if !e.Note(sighting("https://shop1.1688.com/", 3), true, 1000) {
		t.Fatal("first sighting not written")
	}
	if e.Note(sighting("https://shop1.1688.com/?spm=2", 3), true, 5000) {
		t.Fatal("the same values an hour later were written again")
	}
	if !e.Note(sighting("https://shop1.1688.com/", 4), true, 6000) {
		t.Fatal("a changed value was not written")
	}
	if len(e.Sources) != 1 || e.Sources[0].Facts.StoreAgeYears != 4 {
		t.Fatalf("sources %+v", e.Sources)
	}
}

// A stored entry is brought within bounds whatever storage held.
func TestDecodeBounds(t *testing.T) {
	var srcs []map[string]any
	for i := 0; i < 50; i++ {
		srcs = append(srcs, map[string]any{"url": strings.Repeat("u", 500), "at": i + 1, "facts": map[string]any{"storeAgeYears": 500, "founded": strings.Repeat("x", 500)}})
	}
	raw, _ := json.Marshal(map[string]any{"memberId": "b2b-1", "sources": srcs})
	e, why := Decode(string(raw))
	if why != "" {
		t.Fatal(why)
	}
	out, _ := json.Marshal(e)
	if len(e.Sources) != MaxSources || len(out) > 4<<10 || e.Sources[0].Facts.StoreAgeYears != 0 || e.Sources[0].At != 50 {
		// 50 sources of 1 KB each: 4 kept, cut to the bounds, newest first
		t.Fatalf("%d sources, %d bytes, first %+v", len(e.Sources), len(out), e.Sources[0].At)
	}
	if _, why := Decode(`{"sources": 5}`); why == "" {
		t.Fatal("a wrong shape was accepted")
	}
}
