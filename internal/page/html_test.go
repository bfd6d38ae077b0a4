package page

import (
	"encoding/base64"
	"os"
	"strings"
	"testing"
)

func TestFromHTML(t *testing.T) {
	g2 := wrapInitData(mustRead(t, fixtureG2Default))
	tests := []struct {
		name      string
		url, html string
		wantURL   string
		scripts   int
		title     string
		body      string // exact body fragment ("" = no body)
	}{
		{
			name:    "G2 page, URL from argument",
			url:     "https://detail.1688.com/offer/833454967766.html",
			html:    `<html><head><title>打火机 &amp; 礼品</title><link rel="canonical" href="https://detail.1688.com/offer/1.html"></head><body><script>` + g2 + `</script><div>Hello</div></body></html>`,
			wantURL: "https://detail.1688.com/offer/833454967766.html", scripts: 1, title: "打火机 & 礼品", body: "Hello",
		},
		{
			name:    "canonical link when no argument",
			html:    `<LINK REL=canonical HREF="https://detail.1688.com/offer/2.html?a=1&amp;b=2"><meta property="og:url" content="https://detail.1688.com/offer/3.html">`,
			wantURL: "https://detail.1688.com/offer/2.html?a=1&b=2",
		},
		{
			// The top of a real Chrome "Save page as" capture (tilbehome/tedarikapp
			// e2e/fixtures/1688/detay-tr-alitrading.html, offer 983002962097).
			name: "saved-from comment before canonical",
			html: "<!DOCTYPE html>\n<!-- saved from url=(0135)https://detail.1688.com/offer/983002962097.html?offerId=983002962097&hotSaleSkuId=6110685807709&spm=a260k.home2025/2025.recommendpart.4 -->\n" +
				`<html lang="tr" class="alibar-ab-test translated-ltr"><link rel="canonical" href="https://detail.1688.com/offer/2.html">`,
			wantURL: "https://detail.1688.com/offer/983002962097.html?offerId=983002962097&hotSaleSkuId=6110685807709&spm=a260k.home2025/2025.recommendpart.4",
		},
		{
			// Chrome escapes "--" in the address (-%2D) and gives its length.
			name:    "saved-from count ends the address",
			html:    `<!-- saved from url=(0036)https://detail.1688.com/offer/4.html trailing words -->`,
			wantURL: "https://detail.1688.com/offer/4.html",
		},
		{
			name:    "saved-from comment inside the page is the page's words, not the browser's",
			html:    `<html><body><!-- saved from url=(0036)https://detail.1688.com/offer/5.html --><link rel="canonical" href="https://detail.1688.com/offer/6.html">`,
			wantURL: "https://detail.1688.com/offer/6.html",
		},
		{
			name:    "saved-from about: address ignored",
			html:    `<!-- saved from url=(0014)about:internet --><link rel="canonical" href="https://detail.1688.com/offer/7.html">`,
			wantURL: "https://detail.1688.com/offer/7.html",
		},
		{
			name:    "og:url when no canonical",
			html:    `<meta content='https://m.1688.com/offer/3.html' property='og:url'><link rel="canonical" href="javascript:alert(1)">`,
			wantURL: "https://m.1688.com/offer/3.html",
		},
		{
			name: "scripts: src, no marker, comments, case and attributes",
			html: `<script src="a.js">window.__INIT_DATA={}</script>` +
				`<!-- <script>window.__INIT_DATA={"x":1}</script> -->` +
				`<script>var a = 1;</script>` +
				`<SCRIPT type="text/javascript" data-x='a>b'>window.__STORE_DATA={"components":{}}</ScRiPt >` +
				`<script>window.pageData = {}</script>` +
				`<script>window.context=(function(b,d){return d})(window.contextPath,{"result":{}})</script>` +
				`<script>window.__INIT_DATA={"unclosed":1}`,
			scripts: 4,
		},
		{
			name: "visible text: inline tags join, block tags split, hidden text dropped",
			html: `<body><style>p{}</style><div><span>入驻</span><span>5年</span></div><p>A&nbsp;B</p><noscript>no</noscript><template>tpl</template><p>x&#x4E2D;&#25991;&bogus;y</p><br>z < 3 <textarea>文本</textarea></body>`,
			body: "入驻5年 A B x中文&bogus;y z < 3 文本",
		},
		{
			name:  "title whitespace collapsed",
			html:  "<title>\n  a \t b\n</title>",
			title: "a b",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := FromHTML(tc.url, []byte(tc.html))
			if s.URL != tc.wantURL {
				t.Errorf("url %q, want %q", s.URL, tc.wantURL)
			}
			if len(s.Scripts) != tc.scripts {
				t.Errorf("%d scripts, want %d: %q", len(s.Scripts), tc.scripts, s.Scripts)
			}
			if s.DOM["title"] != tc.title {
				t.Errorf("title %q, want %q", s.DOM["title"], tc.title)
			}
			if s.DOM["body"] != tc.body {
				t.Errorf("body %q, want %q", s.DOM["body"], tc.body)
			}
		})
	}

	t.Run("a saved G2 page parses", func(t *testing.T) {
		s := FromHTML("", []byte(`<link rel="canonical" href="https://detail.1688.com/offer/833454967766.html"><script>`+g2+`</script>`))
		m := Parse(s)
		if !m.Readable || m.Generation != "g2" {
			t.Fatalf("readable %v gen %q notes %q", m.Readable, m.Generation, m.Notes)
		}
		expectStr(t, "company", m.Supplier.Company, "东莞市兴瑞达光电有限公司", "")
	})

	t.Run("caps", func(t *testing.T) {
		var b strings.Builder
		for i := 0; i < MaxScripts+3; i++ {
			b.WriteString("<script>window.pageData={}</script>")
		}
		b.WriteString("<p>" + strings.Repeat("字", MaxDOMBytes) + "</p>")
		s := FromHTML("https://shopa1.1688.com/", []byte(b.String()))
		if len(s.Scripts) != MaxScripts {
			t.Errorf("%d scripts", len(s.Scripts))
		}
		if n := len(s.DOM["body"]); n > MaxDOMBytes || n < MaxDOMBytes-3 {
			t.Errorf("body %d bytes", n)
		}
		m := Parse(s)
		expectNote(t, m, "cap hit: 67 model scripts")
		expectNote(t, m, `cap hit: DOM fragment "body" truncated`)
	})
}

func TestFromHAR(t *testing.T) {
	readHAR := func(t *testing.T, name string) []byte {
		t.Helper()
		b, err := os.ReadFile("testdata/har/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	t.Run("G3 page with a base64 shopcard", func(t *testing.T) {
		s, err := FromHAR(readHAR(t, "offer-943009939489-g3.har"), "")
		if err != nil {
			t.Fatal(err)
		}
		if s.URL != "https://detail.1688.com/offer/943009939489.html" || len(s.Scripts) != 1 {
			t.Fatalf("url %q, %d scripts", s.URL, len(s.Scripts))
		}
		// shopcard (decoded from base64), the failed DSR (mtop URL), collect.json (JSON body).
		if len(s.Responses) != 3 {
			t.Fatalf("%d responses: %+v", len(s.Responses), s.Responses)
		}
		if !strings.HasPrefix(s.Responses[0].Body, "mtopjsonp5(") {
			t.Errorf("shopcard body not decoded: %.40q", s.Responses[0].Body)
		}
		const wantBody = "入驻5年 & 实力商家 深度验厂 第一段 第二段 粗体文字 文本框"
		if s.DOM["body"] != wantBody {
			t.Errorf("body %q", s.DOM["body"])
		}
		if s.DOM["title"] != "跨境中大型犬边牧拉布拉多柴犬四脚衣冲锋衣防水防风狗狗衣服雨衣 - 阿里巴巴" {
			t.Errorf("title %q", s.DOM["title"])
		}
		m := Parse(s)
		checkInvariants(t, m)
		if !m.Readable || m.Generation != "g3" || len(m.Notes) != 1 || m.Notes[0] != "reviews response failed: FAIL_SYS_USER_VALIDATE" {
			t.Fatalf("readable %v gen %q notes %q", m.Readable, m.Generation, m.Notes)
		}
		expectStr(t, "id", m.Offer.ID, "943009939489", "")
		expectInt(t, "age (shopcard before DOM)", m.Supplier.StoreAgeYears, 11)
		expectFloat(t, "repurchase", m.Store.RepurchaseRate, 66)
		expectBadges(t, m, map[string]string{
			"trustpass":     `result.global.globalData.model.sellerModel.sellerIdentity = "cht"`,
			"super-factory": `shopcard data.model.shopType = "cjgc"`,
		})
	})

	t.Run("mobile page chosen by URL, bad base64 noted", func(t *testing.T) {
		har := readHAR(t, "mobile-813724060928.har")
		s, err := FromHAR(har, "https://m.1688.com/offer/813724060928.html?sk=order")
		if err != nil {
			t.Fatal(err)
		}
		m := Parse(s)
		checkInvariants(t, m)
		if !m.Readable || m.Generation != "mobile" {
			t.Fatalf("readable %v gen %q notes %q", m.Readable, m.Generation, m.Notes)
		}
		expectFloat(t, "min", m.Offer.PriceMin, 3.6)
		expectInt(t, "MOQ", m.Offer.MOQ, 1)
		expectNote(t, m, "har: entry 3: invalid base64 body")

		// Without the URL the first HTML entry (an ad frame) is the document.
		s, err = FromHAR(har, "")
		if err != nil {
			t.Fatal(err)
		}
		if s.URL != "https://ad.1688.com/frame.html" || Parse(s).Readable {
			t.Errorf("url %q", s.URL)
		}
	})

	t.Run("not a HAR", func(t *testing.T) {
		for _, in := range []string{``, `{`, `[]`, `{"log":null}`, `{"x":1}`, `{"log":{"entries":"x"}}`} {
			if _, err := FromHAR([]byte(in), ""); err == nil {
				t.Errorf("FromHAR(%q) accepted", in)
			}
		}
	})

	t.Run("no HTML document", func(t *testing.T) {
		body := base64.StdEncoding.EncodeToString([]byte(mustRead(t, fixtureShopcard)))
		har := `{"log":{"entries":[{"request":{"url":"https://h5api.m.1688.com/h5/mtop.1688.moga.pc.shopcard/1.0/"},
		  "response":{"content":{"mimeType":"application/json","encoding":"base64","text":"` + body + `"}}}]}}`
		s, err := FromHAR([]byte(har), "https://shop1460393846166.1688.com/")
		if err != nil {
			t.Fatal(err)
		}
		m := Parse(s)
		if !m.Readable || m.Kind != KindStore {
			t.Errorf("readable %v kind %s", m.Readable, m.Kind)
		}
		expectNote(t, m, "har: no text/html document found")
	})
}
