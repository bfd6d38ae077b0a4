package main

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/trustlens/trustlens/internal/core"
)

// runCLI runs the CLI and returns its exit code, stdout and stderr.
func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(append([]string{"analyze"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func compact(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return b.Bytes()
}

// seenAt is the time of analysis in a compact verdict.
var seenAt = regexp.MustCompile(`"seenAt":"[^"]*"`)

func hasFinding(v core.Verdict, id string) bool {
	for _, f := range v.Findings {
		if f.ID == id {
			return true
		}
	}
	return false
}

// The snapshot sample is what the extension would send on the real G2 offer
// 597090034012 (the model of the real capture, its composed shopcard
// response) with a buyer block (planned order, minimum store age, the
// buyer's own "blocked" entry), a team report and a session block.
func TestSnapshotJSONIsTheWasmEntry(t *testing.T) {
	file := samples + "offer-597090034012-snapshot.json"
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(file, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	wasm := core.AnalyzeJSON(data) // what wasm/main.go calls
	// Byte for byte, but for facts.seenAt: the clock of each call.
	if got := compact(t, out); !bytes.Equal(seenAt.ReplaceAll(got, nil), seenAt.ReplaceAll(wasm, nil)) {
		t.Fatalf("CLI and wasm entry differ:\ncli  %.400s\nwasm %.400s", got, wasm)
	}
	var v core.Verdict
	if err := json.Unmarshal(wasm, &v); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"supplier-blocked", "team-reported", "store-age-below-minimum"} {
		if !hasFinding(v, id) {
			t.Errorf("the snapshot's buyer and team blocks were not read: no %s in %s", id, findingIDs(v))
		}
	}
	if v.OrderAdvice == nil || v.OrderAdvice.PlannedUSD != 3000 || v.Level != "high-risk" {
		t.Fatalf("level %s, order advice %+v", v.Level, v.OrderAdvice)
	}

	// Flags set their values in the buyer block and keep the rest of it.
	code, out, errs = runCLI(file, "--json", "--order", "700CNY", "--url", "https://detail.1688.com/offer/597090034012.html?x=1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.OrderAdvice == nil || v.OrderAdvice.PlannedUSD > 100 || !hasFinding(v, "supplier-blocked") || !hasFinding(v, "store-age-below-minimum") ||
		v.URL != "https://detail.1688.com/offer/597090034012.html?x=1" {
		t.Fatalf("flags on a snapshot: url %s, advice %+v, findings %s", v.URL, v.OrderAdvice, findingIDs(v))
	}
}

// offer-833454967766-gbk-saved.html is the real G2 page sample (model of the
// real capture) saved as a GBK page with Chrome's "saved from" comment and
// no canonical link: composed encoding, real data.
func TestGBKPageReadsAsItsUTF8Original(t *testing.T) {
	gbk := analyzeJSON(t, samples+"offer-833454967766-gbk-saved.html")
	utf := analyzeJSON(t, samples+"offer-833454967766.html")
	if gbk.URL != "https://detail.1688.com/offer/833454967766.html?spm=a26352.13672862.offerlist.3" {
		t.Errorf("url = %q, want the saved-from address", gbk.URL)
	}
	if gbk.Offer.Title == nil || utf.Offer.Title == nil || *gbk.Offer.Title != *utf.Offer.Title || !strings.Contains(*gbk.Offer.Title, "中性") {
		t.Errorf("title %v, want %v", gbk.Offer.Title, utf.Offer.Title)
	}
	gbk.URL, utf.URL = "", ""
	gbk.Facts.SeenURL, utf.Facts.SeenURL = "", ""
	gbk.Facts.SeenAt, utf.Facts.SeenAt = "", "" // the clock of each run
	a, _ := json.Marshal(gbk)
	b, _ := json.Marshal(utf)
	if !bytes.Equal(a, b) {
		t.Fatalf("GBK page verdict differs from the UTF-8 page's:\n%s\n%s", a, b)
	}
}

func TestPageAddressSources(t *testing.T) {
	page, err := os.ReadFile(samples + "offer-833454967766.html")
	if err != nil {
		t.Fatal(err)
	}
	noCanonical := strings.Replace(string(page), `<link rel="canonical" href="https://detail.1688.com/offer/833454967766.html">`, "", 1)
	if noCanonical == string(page) {
		t.Fatal("sample changed: no canonical link to remove")
	}
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// Neither --url, a saved-from comment nor a canonical link: the offer id of the model.
	v := analyzeJSON(t, write("bare.html", noCanonical))
	if v.URL != "https://detail.1688.com/offer/833454967766.html" || v.Kind != "offer" || !strings.Contains(strings.Join(v.Notes, "\n"), "offer id in the page model") {
		t.Fatalf("bare page: url %q, kind %s, notes %v", v.URL, v.Kind, v.Notes)
	}
	// --url wins over the saved-from comment.
	saved := strings.Replace(noCanonical, "<!DOCTYPE html>\n", "<!DOCTYPE html>\n<!-- saved from url=(0047)https://detail.1688.com/offer/833454967766.html -->\n", 1)
	v = analyzeJSON(t, write("saved.html", saved), "--url", "https://detail.1688.com/offer/833454967766.html?from=flag")
	if v.URL != "https://detail.1688.com/offer/833454967766.html?from=flag" {
		t.Fatalf("url = %q", v.URL)
	}
	// A page without any model and without an address stays unknown.
	v = analyzeJSON(t, samples+"no-model.html")
	if v.URL != "" || v.Level != "unknown" {
		t.Fatalf("no-model page: url %q, level %s", v.URL, v.Level)
	}
}

// offer-983002962097-chrome.mhtml: Chrome's single-file layout (composed)
// around the real rendered DOM of offer 983002962097. Chrome leaves the
// scripts out, so the model is missing: the verdict says so, never trusted.
func TestChromeMHTML(t *testing.T) {
	v := analyzeJSON(t, samples+"offer-983002962097-chrome.mhtml")
	if !strings.HasPrefix(v.URL, "https://detail.1688.com/offer/983002962097.html?") || v.Kind != "offer" {
		t.Fatalf("url %q kind %s", v.URL, v.Kind)
	}
	if v.Level != "unknown" || v.Readable || !hasFinding(v, "page-unreadable") || !strings.Contains(strings.Join(v.Notes, "\n"), "single file (MHTML)") {
		t.Fatalf("level %s readable %v findings %s notes %v", v.Level, v.Readable, findingIDs(v), v.Notes)
	}
	if v.Supplier.StoreAgeYears == nil || *v.Supplier.StoreAgeYears != 2 {
		t.Errorf("store age = %v, want 2 (入驻2年 in the saved DOM)", v.Supplier.StoreAgeYears)
	}
}

// An MHTML whose parts carry the page's scripts and a JSONP response (as
// other savers write them) reads like the HAR of the same page: built here
// from the HAR sample of the real G2 offer 597090034012.
func TestMHTMLPartsAreThePageAndItsResponses(t *testing.T) {
	var har struct {
		Log struct {
			Entries []struct {
				Request  struct{ URL string }
				Response struct {
					Content struct{ MimeType, Text string }
				}
			}
		}
	}
	data, err := os.ReadFile(samples + "offer-597090034012.har")
	if err != nil || json.Unmarshal(data, &har) != nil || len(har.Log.Entries) != 2 {
		t.Fatalf("HAR sample: %v", err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, e := range har.Log.Entries {
		h := textproto.MIMEHeader{}
		h.Set("Content-Type", e.Response.Content.MimeType)
		h.Set("Content-Transfer-Encoding", "quoted-printable")
		h.Set("Content-Location", e.Request.URL)
		w, err := mw.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		qw := quotedprintable.NewWriter(w)
		qw.Write([]byte(e.Response.Content.Text))
		qw.Close()
	}
	mw.Close()
	file := filepath.Join(t.TempDir(), "page.mht")
	mhtml := "From: <Saved by Blink>\r\nSnapshot-Content-Location: " + har.Log.Entries[0].Request.URL +
		"\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + mw.Boundary() + "\"\r\n\r\n" + body.String()
	if err := os.WriteFile(file, []byte(mhtml), 0o644); err != nil {
		t.Fatal(err)
	}
	code, fromMHTML, errs := runCLI(file, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, fromHAR, errs := runCLI(samples+"offer-597090034012.har", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	clock := regexp.MustCompile(`"seenAt": "[^"]*"`) // the clock of each run
	if clock.ReplaceAllString(fromMHTML, "") != clock.ReplaceAllString(fromHAR, "") {
		t.Fatalf("MHTML verdict differs from the HAR's:\n%.600s\n%.600s", fromMHTML, fromHAR)
	}
	if !strings.Contains(fromMHTML, `"storeAgeYears": 11`) { // from the shopcard JSONP part
		t.Fatalf("shopcard part not read:\n%.600s", fromMHTML)
	}
}

func TestCharsets(t *testing.T) {
	tests := []struct {
		name, page string
		want       string // the text expected in the page's title; "" = an error
	}{
		{"gb18030 meta charset", "<meta charset=gb18030><title>\xb5\xea\xc6\xcc</title>", "店铺"},
		{"gb2312 label (read as GBK)", `<meta http-equiv="content-type" content="text/html;charset=GB2312"><title>` + "\xb5\xea\xc6\xcc</title>", "店铺"},
		{"UTF-8 byte-order mark", "\xef\xbb\xbf<title>店铺</title>", "店铺"},
		{"UTF-16 byte-order mark", "\xff\xfe<\x00t\x00i\x00t\x00l\x00e\x00>\x00\x97\x5e\xfa\x94<\x00/\x00t\x00i\x00t\x00l\x00e\x00>\x00", "店铺"},
		{"no declaration: UTF-8", "<title>店铺</title>", "店铺"},
		{"unknown charset", "<meta charset=x-klingon><title>a</title>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := fromSavedHTML("https://detail.1688.com/offer/1.html", []byte(tt.page))
			if tt.want == "" {
				if err == nil || !strings.Contains(err.Error(), "character set") {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err != nil || s.DOM["title"] != tt.want {
				t.Fatalf("title %q, err %v", s.DOM["title"], err)
			}
		})
	}
}

func TestOtherFilesAreOneLineErrors(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"page.pdf":       "%PDF-1.7\n",
		"page.html":      "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"notes":          "just some words",
		"page.mhtml":     "<html><body>not MIME</body></html>",
		"list.json":      `[1, 2]`,
		"bad.json":       `{"url": 42}`,
		"broken.json":    `{"url": "https://detail.1688.com/offer/1.html"`,
		"klingon.html":   "<meta charset=x-klingon><title>a</title>",
		"no-parts.mhtml": "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/css\r\n\r\np{}\r\n--b--\r\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errs := runCLI(p)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "trustlens: "+p+": ") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", name, code, out, errs)
		}
	}
}

// The character-set decoders stay in the CLI: the wasm does not link them.
func TestWasmLeavesTextDecodersOut(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "../../wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "github.com/trustlens/trustlens/internal/core") {
		t.Fatalf("go list output lacks the core:\n%s", out)
	}
	for _, dep := range []string{"golang.org/x/text", "mime/multipart"} {
		if strings.Contains(string(out), dep) {
			t.Errorf("the wasm depends on %s", dep)
		}
	}
}

// Pages the browser translated (real: the Turkish capture of offer
// 983002962097; composed: the real G3 sample of 943009939489 translated the
// same way). The model counts as before; the translated text is not read.
func TestTranslatedPages(t *testing.T) {
	tr := analyzeJSON(t, samples+"offer-943009939489-g3-translated-tr.html")
	zh := analyzeJSON(t, samples+"offer-943009939489-g3.html")
	if tr.Level != zh.Level || tr.Score == nil || zh.Score == nil || *tr.Score != *zh.Score || findingIDs(tr) != findingIDs(zh) ||
		*tr.Supplier.Company != *zh.Supplier.Company || *tr.Offer.Title != *zh.Offer.Title {
		t.Fatalf("translated G3 page: %s %v %s %v; untranslated: %s %v %s %v", tr.Level, tr.Score, findingIDs(tr), tr.Supplier.Company, zh.Level, zh.Score, findingIDs(zh), zh.Supplier.Company)
	}
	if !strings.Contains(strings.Join(tr.Notes, "\n"), "your browser translated this page") {
		t.Errorf("no translation note: %v", tr.Notes)
	}

	// The real translated capture carries only translated text: unknown, and
	// neither "2 yıl" nor the translated company name is read. Its
	// untranslated twin (the MHTML sample, same header in Chinese) reads 入驻2年.
	v := analyzeJSON(t, samples+"offer-983002962097-translated-tr.html")
	if v.Level != "unknown" || v.Score != nil || v.Supplier.StoreAgeYears != nil || v.Supplier.Company != nil || v.Offer.Title != nil {
		t.Fatalf("real translated capture: level %s, age %v, company %v, title %v", v.Level, v.Supplier.StoreAgeYears, v.Supplier.Company, v.Offer.Title)
	}
	if !strings.HasPrefix(v.URL, "https://detail.1688.com/offer/983002962097.html?") {
		t.Errorf("url %q, want the saved-from address", v.URL)
	}
	notes := strings.Join(v.Notes, "\n")
	for _, want := range []string{"your browser translated this page", "the store's years on 1688", "turn the translation off"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q: %s", want, notes)
		}
	}
	if twin := analyzeJSON(t, samples+"offer-983002962097-chrome.mhtml"); twin.Supplier.StoreAgeYears == nil || *twin.Supplier.StoreAgeYears != 2 {
		t.Errorf("untranslated twin: age %v", twin.Supplier.StoreAgeYears)
	}
}
