package page

import (
	"strings"
	"testing"
)

const (
	fixtureDescription = "description-813724060928.offer_details.js.txt"
	// The detailUrl the real G2 model of offer 597090034012 names (its
	// @ali/tdmod-od-pc-offer-description component).
	descURL597 = "https://itemcdn.tmall.com/1688offer/icoss4165340769b90795afecc86a4b"
)

// withDescriptionText puts seller text into the real description body of
// offer 813724060928 (images only), after its first image, the way
// descriptions mix text paragraphs and images. Composed text, real shape.
func withDescriptionText(t testing.TB, html string) string {
	t.Helper()
	body := mustRead(t, fixtureDescription)
	const anchor = `usemap=\"#_sdmap_0\"/>`
	if !strings.Contains(body, anchor) {
		t.Fatal("fixture changed: no first image")
	}
	esc := strings.NewReplacer(`"`, `\"`, "/", `\/`).Replace(html)
	return strings.Replace(body, anchor, anchor+esc, 1)
}

func TestDescriptionRealBody(t *testing.T) {
	html, ok := offerDetailsHTML(mustRead(t, fixtureDescription))
	if !ok || !strings.HasPrefix(html, `<div id="offer-template-0"></div>`) || strings.Count(html, "<img") != 11 {
		t.Fatalf("real body: ok=%v html %.80q", ok, html)
	}
	// Images without alt text and no words: read, but no text.
	if got := htmlText(html, MaxDOMBytes); got != "" {
		t.Errorf("text of an image-only description: %q", got)
	}
}

func TestHTMLText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<p>请加VX&#xff1a;tl_test88</p><p>走对公转账&amp;银行卡</p>`, "请加VX：tl_test88 走对公转账&银行卡"},
		{`<img src="x.jpg" alt="源头工厂 &quot;直供&quot;"/><span>价</span><span>格</span>`, `源头工厂 "直供" 价格`},
		{`<style>.a{color:red}</style><script>var x="加微信"</script>正文<!-- 加微信 -->`, "正文"},
		{`<div>a<br>b</div><area alt="c" href="#">`, "a b c"},
		{`<p>unclosed <b`, "unclosed"},
	} {
		if got := htmlText(c.in, MaxDOMBytes); got != c.want {
			t.Errorf("htmlText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := htmlText(strings.Repeat("<p>加微信</p>", 100), 30); len(got) > 30 {
		t.Errorf("cap: %d bytes", len(got))
	}
}

func offer597(t testing.TB, responses ...Response) Snapshot {
	return Snapshot{
		URL:       "https://detail.1688.com/offer/597090034012.html",
		Scripts:   []string{wrapInitData(mustRead(t, fixtureG2Slsj))},
		Responses: responses,
	}
}

func TestDescriptionResponseBecomesText(t *testing.T) {
	const words = `<p>请加VX：tl_test88，走对公转账或银行卡付款</p><img src="https://cbu01.alicdn.com/a.jpg" alt="源头工厂直供"/>`
	body := withDescriptionText(t, words)
	want := "请加VX：tl_test88，走对公转账或银行卡付款 源头工厂直供"

	m := Parse(offer597(t, Response{URL: descURL597 + "?__version__=1", Body: body}))
	checkInvariants(t, m)
	expectText(t, m, "description", want)

	// The rendered description is only the fallback: with the response
	// read, the same words are not there twice.
	s := offer597(t, Response{URL: descURL597, Body: body})
	s.DOM = map[string]string{"description": "请加VX：tl_test88，走对公转账或银行卡付款"}
	m = Parse(s)
	n := 0
	for _, x := range m.Texts {
		if x.Where == "description" {
			n++
		}
	}
	if n != 1 || !hasText(m, "description", want) {
		t.Errorf("%d description texts, want the response's only: %+v", n, m.Texts)
	}

	// Without the response, the rendered description is read.
	s.Responses = nil
	expectText(t, Parse(s), "description", "请加VX：tl_test88，走对公转账或银行卡付款")
}

func TestDescriptionOfAnotherOffer(t *testing.T) {
	// The model names icoss4165…; a description under another key was left
	// by an earlier offer of a single-page navigation.
	body := withDescriptionText(t, "<p>加微信 tl_test88</p>")
	m := Parse(offer597(t, Response{URL: "https://itemcdn.tmall.com/1688offer/icoss0000000000other", Body: body}))
	if hasText(m, "description", "加微信 tl_test88") {
		t.Error("another offer's description was read")
	}
	expectNote(t, m, "not the one this offer's model names")

	// A body recognised by its variable, at an address without a key (a
	// saved copy): read.
	m = Parse(offer597(t, Response{URL: "https://example.test/desc.js", Body: body}))
	expectText(t, m, "description", "加微信 tl_test88")
}

func TestDescriptionKeysInModels(t *testing.T) {
	if got := descKeysIn([]string{wrapInitData(mustRead(t, fixtureG2Slsj))}); len(got) != 1 || got[0] != "icoss4165340769b90795afecc86a4b" {
		t.Errorf("G2 keys: %q", got)
	}
	// Mobile: the address is wrapped in air.1688.com/…?url=https://itemcdn.tmall.com/1688offer/icoss…
	if got := descKeysIn([]string{wrapInitData(mustRead(t, fixtureMobile))}); len(got) != 1 || got[0] != "icoss408069340609b43d7bb2518916" {
		t.Errorf("mobile keys: %q", got)
	}
}

func TestDescriptionUnreadable(t *testing.T) {
	m := Parse(offer597(t, Response{URL: descURL597, Body: "var offer_details={\"content\":"}))
	expectNote(t, m, "description response not readable")
	checkInvariants(t, m)
}
