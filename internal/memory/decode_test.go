package memory

import (
	"encoding/json"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

var entryCases = []string{
	`{"memberId":"b2b-1","company":"义乌市某某工厂","sources":[{"url":"https://shop1.1688.com/","at":1765000000000,"proves":true,"facts":{"storeAgeYears":3,"founded":"2019-01-02","businessModel":"生产加工","licenceCompany":"某某","licenceFounded":"2019-01-02","badges":["tp","sf"]}}]}`,
	`{"MEMBERID":"b2b-1","Sources":[{"URL":"u","AT":5,"Facts":{"StoreAgeYears":2}}],"memberid":"b2b-2"}`,
	`{"sources":null,"company":null,"memberId":"x"}`,
	`{"sources":[null,{"at":1,"facts":null},{"at":2,"facts":{"badges":null}},{"at":3,"facts":{"badges":[null,"a"]}}]}`,
	`{"sources":[{"at":1.5}]}`, `{"sources":[{"at":1e3}]}`, `{"sources":[{"at":"5"}]}`, `{"sources":[{"at":99999999999999999999}]}`,
	`{"sources":[{"proves":1}]}`, `{"sources":[{"proves":"true"}]}`, `{"sources":[{"facts":{"storeAgeYears":-3}}]}`,
	`{"sources":[{"facts":{"storeAgeYears":3.0}}]}`, `{"sources":[{"facts":{"badges":"tp"}}]}`, `{"sources":[{"facts":{"badges":[1]}}]}`,
	`{"sources": 5}`, `{"sources":{}}`, `{"memberId":5}`, `{"company":true}`, `{"x":[1,{"y":2}],"memberId":"m"}`,
	`{"memberId":"a\u00e9\ud83d\ude00\n"}`, `{"memberId":"\ud800"}`, `{"memberId":"\xff"}`,
	`{"memberId":"a"`, `{"memberId":"a"} x`, `[]`, `null`, `"s"`, ``, `{"memberId":"a",}`, ` {"sources":[]} `,
	`{"sources":[{"url":"a","url":"b","at":-1}]}`, `{"ſources":[{"at":7}]}`, `{"memberİd":"k"}`,
}

// TestDecodeSameAsEncodingJSON reads stored entries with decodeEntry and
// with encoding/json and compares whether each is accepted and what it gives.
func TestDecodeSameAsEncodingJSON(t *testing.T) {
	for _, raw := range entryCases {
		compareDecode(t, raw)
	}
}

func FuzzDecode(f *testing.F) {
	for _, raw := range entryCases {
		f.Add(raw)
	}
	f.Fuzz(compareDecode)
}

func compareDecode(t *testing.T, raw string) {
	var got, want Entry
	ok := decodeEntry(raw, &got)
	wantOK := json.Unmarshal([]byte(raw), &want) == nil
	if ok != wantOK || ok && !reflect.DeepEqual(got, want) {
		t.Errorf("%q: decoded %v %+v, encoding/json %v %+v", raw, ok, got, wantOK, want)
	}
}

// TestTrimURLSameAsNetURL compares TrimURL with what net/url gives.
func TestTrimURLSameAsNetURL(t *testing.T) {
	addrs := []string{
		"https://detail.1688.com/offer/597090034012.html?spm=a&memberId=b2b-1",
		"https://Shop1.1688.com:443/page/creditdetail.htm?memberId=b2b-1%20x+y&memberId=2",
		"https://shop1.1688.com/页/a b/!$&'()*+,;=:@[]~%41?memberId=中文",
		"https://shop1.1688.com/a%2Fb/%e4%b8%ad?memberId=a/b?c=d",
		"https://shop1.1688.com/a\"b<c>", "https://shop1.1688.com", "https:///x", "x", "",
		"https://user@shop1.1688.com/x", "https://shop1.1688.com/%zz", "mailto:a@b",
		"https://a%C3%A9.1688.com/x?memberId=" + strings.Repeat("b", 60),
	}
	for _, a := range addrs {
		if got, want := TrimURL(a), netTrimURL(a); got != want {
			t.Errorf("TrimURL(%q) = %q, net/url gives %q", a, got, want)
		}
	}
}

// netTrimURL is TrimURL written with net/url (as it was before).
func netTrimURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return cut(raw, MaxURLBytes)
	}
	out := u.Scheme + "://" + strings.ToLower(u.Host) + u.EscapedPath()
	if id := u.Query().Get("memberId"); id != "" && len(id) <= 48 {
		out += "?memberId=" + url.QueryEscape(id)
	}
	return cut(out, MaxURLBytes)
}

func FuzzTrimURL(f *testing.F) {
	f.Add("https://shop1.1688.com/页?memberId=b2b-1")
	f.Fuzz(func(t *testing.T, a string) {
		if strings.Contains(a, "[") {
			t.Skip("bracketed IP literal hosts are not 1688 addresses: SplitURL refuses them, net/url parses them")
		}
		if u, err := url.Parse(strings.TrimSpace(a)); err == nil && u.Scheme != "http" && u.Scheme != "https" {
			t.Skip("a page address is http(s): net/url reads hosts of other schemes more loosely")
		}
		if got, want := TrimURL(a), netTrimURL(a); got != want {
			t.Errorf("TrimURL(%q) = %q, net/url gives %q", a, got, want)
		}
	})
}
