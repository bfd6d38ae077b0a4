package page

import (
	"strings"
	"testing"
)

// The top of the real Chrome-translated capture of offer 983002962097
// (tilbehome/tedarikapp e2e/fixtures/1688/detay-tr-alitrading.html) and its
// shop header, in the shape Chrome leaves them.
const translatedTop = `<!DOCTYPE html>
<html lang="tr" class="alibar-ab-test translated-ltr"><head><title>[Çift İç Tencere] Pişirici - Alibaba</title></head><body>`

const translatedHeader = `<div id="shopNavigation"><a class="shop-company-name v-flex"><h1 title="Shenzhen Xinyechangsheng Teknoloji A.Ş."><font dir="auto" style="vertical-align: inherit;"><font dir="auto" style="vertical-align: inherit;">Shenzhen Xinyechangsheng Teknoloji A.Ş.</font></font></h1></a>` +
	`<span class="shop-tp-year"><font dir="auto" style="vertical-align: inherit;"><font dir="auto" style="vertical-align: inherit;">Taşındığımdan beri </font></font><font dir="auto" style="vertical-align: inherit;"><font dir="auto" style="vertical-align: inherit;">2 </font></font><font dir="auto" style="vertical-align: inherit;"><font dir="auto" style="vertical-align: inherit;">yıl geçti.</font></font></span></div>`

func TestFromHTMLSeesTranslation(t *testing.T) {
	tests := []struct {
		name, html string
		want       bool
	}{
		{"root class translated-ltr", translatedTop + "</body></html>", true},
		{"root class translated-rtl", `<html class="translated-rtl" lang="ar"><body>x`, true},
		{"font wrappers only (root class lost)", `<html lang="zh-CN"><body>` + translatedHeader, true},
		{"untranslated page", `<html lang="zh-CN" class="alibar-ab-test"><body><font color="red">入驻2年</font>`, false},
		{"the class named in text is not the class", `<html><body>translated-ltr <span class="translated-ltr">x</span>`, false},
	}
	for _, tt := range tests {
		if got := FromHTML("", []byte(tt.html)).Translated; got != tt.want {
			t.Errorf("%s: Translated = %v", tt.name, got)
		}
	}
}

// On a translated page no DOM text is read: the translated company name is
// not taken for the seller's, and "2 yıl" is not read as a store age; the
// notes say what stayed unknown. Untranslated, the same markup in Chinese
// gives both (the real untranslated twin reads 入驻2年).
func TestTranslatedPageDOMIsNotRead(t *testing.T) {
	s := FromHTML("https://detail.1688.com/offer/983002962097.html", []byte(translatedTop+translatedHeader+"</body></html>"))
	s.DOM[domStoreName] = "Shenzhen Xinyechangsheng Teknoloji A.Ş." // what the extension's selector would read
	s.DOM[domDescription] = "WeChat'ten ekleyin, banka kartıyla ödeyin"
	m := Parse(s)
	if m.Supplier.Company.Known || m.Supplier.StoreAgeYears.Known || m.Offer.Title.Known {
		t.Fatalf("read from translated text: company %+v, age %+v, title %+v", m.Supplier.Company, m.Supplier.StoreAgeYears, m.Offer.Title)
	}
	for _, x := range m.Texts {
		if strings.Contains(x.Text, "WeChat") {
			t.Errorf("translated text reached the text rules: %+v", x)
		}
	}
	notes := strings.Join(m.Notes, "\n")
	for _, want := range []string{"your browser translated this page", "the company name", "the store's years on 1688"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}

	zh := FromHTML("https://detail.1688.com/offer/983002962097.html", []byte(`<html lang="zh-CN"><body><div id="shopNavigation"><h1>深圳市鑫业昌盛科技有限公司</h1><span class="shop-tp-year">入驻2年</span></div>`))
	if m := Parse(zh); !m.Supplier.StoreAgeYears.Known || m.Supplier.StoreAgeYears.Value != 2 || strings.Contains(strings.Join(m.Notes, " "), "translated") {
		t.Fatalf("untranslated twin: age %+v, notes %v", m.Supplier.StoreAgeYears, m.Notes)
	}
}

// The model still counts on a translated page: the real G3 script gives the
// same model with or without translation; only the notes differ.
func TestTranslatedPageReadsTheModel(t *testing.T) {
	script := mustRead(t, "offer-943009939489.g3-context.js.txt")
	base := Snapshot{URL: "https://detail.1688.com/offer/943009939489.html", Scripts: []string{script}, DOM: map[string]string{"title": "标题"}}
	tr := base
	tr.Translated = true
	tr.DOM = map[string]string{"title": "Başlık", domStoreName: "Yer Tutucu Mağaza A.Ş."}
	a, b := Parse(base), Parse(tr)
	if !b.Readable || b.Supplier.Company != a.Supplier.Company || b.Offer.Title != a.Offer.Title || b.Offer.PriceMin != a.Offer.PriceMin {
		t.Fatalf("translated: company %+v title %+v; untranslated: %+v %+v", b.Supplier.Company, b.Offer.Title, a.Supplier.Company, a.Offer.Title)
	}
}

func TestSnapshotTranslatedMember(t *testing.T) {
	s, err := DecodeSnapshot([]byte(`{"url":"https://detail.1688.com/offer/1.html","translated":true,"dom":{"storeName":"Şirket"}}`))
	if err != nil || !s.Translated {
		t.Fatalf("translated: %v, err %v", s.Translated, err)
	}
	if m := Parse(s); m.Supplier.Company.Known {
		t.Fatalf("translated storeName read: %+v", m.Supplier.Company)
	}
	if _, err := DecodeSnapshot([]byte(`{"translated":"yes"}`)); err == nil || !strings.Contains(err.Error(), "translated") {
		t.Fatalf("a non-boolean translated: err %v", err)
	}
}

// On a translated search page the cards keep their ids, not their shown
// (translated) text.
func TestTranslatedCardsKeepIDsOnly(t *testing.T) {
	cards := `[{"key":"k1","offerId":"612398037607","memberId":"b2b-1634230375","company":"Shenzhen Turuncu Şehir Teknoloji","title":"Kablosuz çakmak","price":"¥ 8,80","years":"3 yıl"}]`
	m := Parse(Snapshot{URL: "https://s.1688.com/selloffer/offer_search.htm?keywords=x", Translated: true, DOM: map[string]string{DOMCards: cards}})
	if len(m.Cards) != 1 {
		t.Fatalf("cards = %+v", m.Cards)
	}
	c := m.Cards[0]
	if c.Key != "k1" || c.OfferID != "612398037607" || c.MemberID != "b2b-1634230375" || c.Company != "" || c.Title != "" || c.Price.Known || c.Years.Known {
		t.Fatalf("card = %+v", c)
	}
}
