package core

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/trustlens/trustlens/internal/page"
)

// sessionCall is one analyze() input of a session: the page's scripts and
// url, responses from number from on, and the session block.
func sessionCall(t testing.TB, p reviewPage, id string, from, to int, extra map[string]any) []byte {
	t.Helper()
	return inputJSON(t, map[string]any{"url": p.url, "scripts": p.scripts, "responses": p.responses[from:to],
		"session": map[string]any{"id": id, "from": from}}, extra)
}

func fullCall(t testing.TB, p reviewPage, to int) []byte {
	t.Helper()
	return inputJSON(t, map[string]any{"url": p.url, "scripts": p.scripts, "responses": p.responses[:to]}, nil)
}

var seenAt = regexp.MustCompile(`"seenAt":"[^"]*"|"at":[0-9]+`)

// TestSessionSameVerdictAsWholePage: a session fed one review page per call
// gives, after each call, exactly the verdict of the stateless call with
// every response so far.
func TestSessionSameVerdictAsWholePage(t *testing.T) {
	p := newReviewPage(t, 1000)
	last := len(p.responses)
	if last < 101 {
		t.Fatalf("%d responses", last)
	}
	checks := map[int]bool{1: true, 2: true, 37: true, last: true}
	for to := 1; to <= len(p.responses); to++ {
		got := AnalyzeJSON(sessionCall(t, p, "tab-1", to-1, to, nil))
		if !checks[to] {
			if v := decode(t, got); v.Resend || v.Error != "" {
				t.Fatalf("call %d: %s", to, v.Error)
			}
			continue
		}
		want := AnalyzeJSON(fullCall(t, p, to))
		// facts.seenAt and memory sources' "at" are the clock at each call: the two calls may straddle a second.
		got, want = seenAt.ReplaceAll(got, nil), seenAt.ReplaceAll(want, nil)
		if !bytes.Equal(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			from := max(0, i-300)
			t.Fatalf("after %d responses the session's verdict differs from the whole page's at byte %d:\n…%s\n…%s", to, i,
				got[from:min(len(got), i+300)], want[from:min(len(want), i+300)])
		}
	}
	v := decode(t, AnalyzeJSON(sessionCall(t, p, "tab-1", last, last, nil)))
	if v.Reviews == nil || v.Reviews.Total < 1000 || v.Reviews.Suspicious == 0 || v.Level == "unknown" {
		t.Fatalf("a call with nothing new: %+v", v.Reviews)
	}
}

func TestSessionOutOfStep(t *testing.T) {
	p := newReviewPage(t, 100)
	for name, in := range map[string][]byte{
		"unknown session":    sessionCall(t, p, "never-started", 3, 5, nil),
		"ahead of the store": sessionCall(t, p, "tab-2", 5, 6, nil),
		"behind the store":   sessionCall(t, p, "tab-2", 1, 2, nil),
	} {
		AnalyzeJSON(sessionCall(t, p, "tab-2", 0, 3, nil))
		v := decode(t, AnalyzeJSON(in))
		if !v.Resend || v.Level != "unknown" || v.Score != nil || len(v.Findings) != 0 || v.Error == "" {
			t.Errorf("%s: %+v", name, v)
		}
	}
	// Resent whole from 0, the session restarts and goes on.
	AnalyzeJSON(sessionCall(t, p, "tab-2", 0, 6, nil))
	v := decode(t, AnalyzeJSON(sessionCall(t, p, "tab-2", 6, len(p.responses), nil)))
	whole := decode(t, AnalyzeJSON(fullCall(t, p, len(p.responses))))
	if v.Resend || v.Reviews == nil || v.Reviews.Total != whole.Reviews.Total {
		t.Fatalf("after a restart: resend %v, reviews %+v", v.Resend, v.Reviews)
	}
	if !strings.Contains(string(AnalyzeJSON(sessionCall(t, p, "tab-3", 2, 3, nil))), `"resend":true`) {
		t.Error("resend is not in the JSON")
	}
	if strings.Contains(string(AnalyzeJSON(fullCall(t, p, 3))), `"resend"`) {
		t.Error("a stateless verdict names resend")
	}
}

func TestSessionBadBlock(t *testing.T) {
	p := newReviewPage(t, 20)
	for _, s := range []string{`"x"`, `{"id":"","from":0}`, `{"id":"a b","from":0}`, `{"id":"ok","from":-1}`,
		`{"id":"ok","from":1.5}`, `{"id":"ok"}`, `{"from":0}`, `{"id":"` + strings.Repeat("a", 65) + `","from":0}`} {
		in := fmt.Sprintf(`{"url":%q,"responses":[],"session":%s}`, p.url, s)
		v := decode(t, AnalyzeJSON([]byte(in)))
		if v.Resend || v.Level != "unknown" || !strings.Contains(v.Error, "session") {
			t.Errorf("session %s: resend %v level %s error %q", s, v.Resend, v.Level, v.Error)
		}
	}
	// null is "no session": the stateless path.
	scripts, _ := json.Marshal(p.scripts)
	in := fmt.Sprintf(`{"url":%q,"scripts":%s,"session":null}`, p.url, scripts)
	if v := decode(t, AnalyzeJSON([]byte(in))); v.Error != "" || !v.Readable {
		t.Errorf("session null: %+v", v)
	}
}

// TestSessionEviction: the store keeps maxSessions; the least recently used
// goes first and must then be resent.
func TestSessionEviction(t *testing.T) {
	p := newReviewPage(t, 20)
	for i := 0; i <= maxSessions; i++ {
		AnalyzeJSON(sessionCall(t, p, fmt.Sprintf("evict-%d", i), 0, 1, nil))
		if i == 0 {
			continue
		}
		// evict-1 stays in use, so evict-0 is the oldest.
		AnalyzeJSON(sessionCall(t, p, "evict-1", 1, 1, nil))
	}
	if v := decode(t, AnalyzeJSON(sessionCall(t, p, "evict-0", 1, 2, nil))); !v.Resend {
		t.Error("the least recently used session was kept")
	}
	if v := decode(t, AnalyzeJSON(sessionCall(t, p, "evict-1", 1, 2, nil))); v.Resend {
		t.Error("a session in use was evicted")
	}
	sessions.mu.Lock()
	n := len(sessions.m)
	sessions.mu.Unlock()
	if n > maxSessions {
		t.Errorf("%d sessions held", n)
	}
}

// TestSessionCaps: the page caps hold over all calls of a session, and
// refused responses still count, so the caller stays in step.
func TestSessionCaps(t *testing.T) {
	resp := map[string]string{"url": "https://h5api.m.1688.com/h5/x/1.0/", "body": `{"data":{}}`}
	batch := make([]map[string]string, 400)
	for i := range batch {
		batch[i] = resp
	}
	from := 0
	var v Verdict
	for call := 0; call < 3; call++ {
		in, _ := json.Marshal(map[string]any{"url": "https://detail.1688.com/offer/1.html", "responses": batch,
			"session": map[string]any{"id": "caps", "from": from}})
		v = decode(t, AnalyzeJSON(in))
		if v.Resend {
			t.Fatalf("call %d out of step", call)
		}
		from += len(batch)
	}
	want := fmt.Sprintf("cap hit: 1200 responses, only the first %d read", page.MaxResponses)
	if !strings.Contains(strings.Join(v.Notes, "\n"), want) {
		t.Errorf("notes %q lack %q", v.Notes, want)
	}
	// A body cut in a later call is named by its number in the page, and stays noted.
	big := map[string]string{"url": resp["url"], "body": `{"data":"` + strings.Repeat("x", page.MaxResponseBytes) + `"}`}
	in, _ := json.Marshal(map[string]any{"url": "https://detail.1688.com/offer/1.html", "responses": []any{resp, big},
		"session": map[string]any{"id": "cut", "from": 0}})
	AnalyzeJSON(in)
	in, _ = json.Marshal(map[string]any{"url": "https://detail.1688.com/offer/1.html", "responses": []any{resp, big},
		"session": map[string]any{"id": "cut", "from": 2}})
	AnalyzeJSON(in)
	in, _ = json.Marshal(map[string]any{"url": "https://detail.1688.com/offer/1.html", "session": map[string]any{"id": "cut", "from": 4}})
	notes := strings.Join(decode(t, AnalyzeJSON(in)).Notes, "\n")
	for _, n := range []string{"cap hit: response 1 body truncated", "cap hit: response 3 body truncated"} {
		if !strings.Contains(notes, n) {
			t.Errorf("notes %q lack %q", notes, n)
		}
	}
	sessions.mu.Lock()
	ss := sessions.m["caps"]
	held, received := len(ss.responses), ss.received
	sessions.mu.Unlock()
	if held != page.MaxResponses || received != 1200 {
		t.Errorf("held %d, received %d", held, received)
	}
}

// TestSessionDOMReviewsNotKept: rendered review items are re-sent whole with
// each call, so they must not accumulate in the session's reviews.
func TestSessionDOMReviewsNotKept(t *testing.T) {
	p := newReviewPage(t, 20)
	item := func(nick, text string) string {
		return fmt.Sprintf(`{"nick":%q,"text":%q,"date":"2026-10-01","stars":"5"}`, nick, text)
	}
	first := map[string]string{"reviews": "[" + item("a***1", "质量很好，发货快") + "," + item("b***2", "包装严实，和描述一致") + "]"}
	second := map[string]string{"reviews": "[" + item("c***3", "颜色和图片一样") + "," + item("d***4", "第二次买了，还是很满意") + "]"}
	// The summary response, then the list as rendered (first page, then the second).
	v := decode(t, AnalyzeJSON(sessionCall(t, p, "dom", 0, 1, map[string]any{"dom": first})))
	if v.Reviews == nil || v.Reviews.Total != 2 {
		t.Fatalf("DOM reviews not read: %+v", v.Reviews)
	}
	v = decode(t, AnalyzeJSON(sessionCall(t, p, "dom", 1, 1, map[string]any{"dom": second})))
	if v.Reviews == nil || v.Reviews.Total != 2 || v.Reviews.Flags == nil {
		t.Fatalf("the first call's rendered reviews were kept: %+v", v.Reviews)
	}
	v = decode(t, AnalyzeJSON(sessionCall(t, p, "dom", 1, len(p.responses), nil)))
	whole := decode(t, AnalyzeJSON(fullCall(t, p, len(p.responses))))
	if v.Reviews == nil || v.Reviews.Total != whole.Reviews.Total {
		t.Fatalf("rendered reviews kept in the session: %d, whole page %d", v.Reviews.Total, whole.Reviews.Total)
	}
}

// FuzzSessionCalls drives the session store with arbitrary call sequences
// (ids, from values, how many new responses, garbage bodies): no call may
// panic or judge a page it does not hold; a call the store accepts must
// give the whole page's verdict for what the caller has sent so far.
func FuzzSessionCalls(f *testing.F) {
	f.Add([]byte{0, 0, 2, 0, 2, 1, 1, 4, 1, 9, 0, 0, 3})
	f.Add([]byte{2, 0, 5, 2, 5, 5, 1, 3, 0})
	p := newReviewPage(f, 30)
	garbage := map[string]string{"url": "https://h5api.m.1688.com/h5/mtop.1688.trade.service.mtopratequeryservice.queryitemratedlistv2/1.0/", "body": `mtopjsonp9({"ret":["SUCCESS"],"data":{"model":[{"id":`}
	run := 0
	f.Fuzz(func(t *testing.T, ops []byte) {
		run++ // fresh ids each run: the store outlives it
		// What each fuzzed caller has sent, per session id.
		sent := map[string][]map[string]string{}
		for i := 0; i+2 < len(ops) && i < 60; i += 3 {
			id := fmt.Sprintf("fz-%d-%d", run, ops[i]%3)
			from := int(ops[i+1] % 8)
			if ops[i+1]&0x80 == 0 { // mostly in step
				from = len(sent[id])
			}
			n := int(ops[i+2] % 4)
			var batch []map[string]string
			for k := 0; k < n; k++ {
				if ops[i+2]&0x40 != 0 && k == 0 {
					batch = append(batch, garbage)
					continue
				}
				batch = append(batch, p.responses[(from+k)%len(p.responses)])
			}
			v := decode(t, AnalyzeJSON(inputJSON(t, map[string]any{"url": p.url, "scripts": p.scripts, "responses": batch,
				"session": map[string]any{"id": id, "from": from}}, nil)))
			if v.Resend {
				if v.Level != "unknown" || v.Score != nil || len(v.Findings) != 0 {
					t.Fatalf("a resend verdict judged the page: %+v", v)
				}
				continue
			}
			if from != len(sent[id]) && from != 0 {
				t.Fatalf("call from %d accepted; the caller had sent %d", from, len(sent[id]))
			}
			if from == 0 {
				sent[id] = nil
			}
			sent[id] = append(sent[id], batch...)
			want := decode(t, AnalyzeJSON(inputJSON(t, map[string]any{"url": p.url, "scripts": p.scripts, "responses": sent[id]}, nil)))
			if v.Level != want.Level || (v.Reviews == nil) != (want.Reviews == nil) || (v.Reviews != nil && v.Reviews.Total != want.Reviews.Total) {
				t.Fatalf("session %s after %d responses: %s %+v, whole page %s %+v", id, len(sent[id]), v.Level, v.Reviews, want.Level, want.Reviews)
			}
		}
	})
}

// The session budget counts the reviews read, not only the responses kept.
func TestSessionCountsParsedReviews(t *testing.T) {
	p := newReviewPage(t, 1000)
	const id = "count-reviews"
	decode(t, AnalyzeJSON(sessionCall(t, p, id, 0, len(p.responses), nil)))
	sessions.mu.Lock()
	ss := sessions.m[id]
	sessions.mu.Unlock()
	if ss == nil {
		t.Fatal("session not kept")
	}
	n := ss.reviews.Set.Len()
	if n < 900 || ss.reviews.Set.Bytes() < 100*n || ss.bytes() != ss.budget.Bytes+ss.reviews.Set.Bytes() {
		t.Fatalf("%d reviews: set %d bytes, responses %d, counted %d", n, ss.reviews.Set.Bytes(), ss.budget.Bytes, ss.bytes())
	}
	t.Logf("%d reviews: %d bytes of responses, %d bytes of parsed reviews counted", n, ss.budget.Bytes, ss.reviews.Set.Bytes())
}

// A session not used for 15 minutes ends at the next call of any session:
// its memory is returned.
func TestIdleSessionsEnd(t *testing.T) {
	p := newReviewPage(t, 100)
	defer func() { clock = time.Now }()
	start := time.Now()
	clock = func() time.Time { return start }
	decode(t, AnalyzeJSON(sessionCall(t, p, "left-tab", 0, len(p.responses), nil)))
	clock = func() time.Time { return start.Add(maxSessionIdle + time.Minute) }
	decode(t, AnalyzeJSON(sessionCall(t, p, "open-tab", 0, 1, nil)))
	sessions.mu.Lock()
	_, left := sessions.m["left-tab"]
	_, open := sessions.m["open-tab"]
	sessions.mu.Unlock()
	if left || !open {
		t.Fatalf("idle session kept: %v, current session kept: %v", left, open)
	}
	if v := decode(t, AnalyzeJSON(sessionCall(t, p, "left-tab", len(p.responses), len(p.responses), nil))); !v.Resend {
		t.Fatal("a call continuing the ended session was not asked to resend")
	}
}
