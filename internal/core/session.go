package core

import (
	"strings"
	"sync"
	"time"

	"github.com/tidwall/gjson"

	"github.com/trustlens/trustlens/internal/page"
)

// Analysis sessions. A page keeps receiving data while the buyer
// reads it: each new page of reviews is one more response. Sending every
// response again with each call makes the call grow with the buyer's
// reading (475 KB of JSON at 1,000 reviews, 1.9 MB at 5,000) and re-reads
// every earlier page. With a session the caller sends only what is new:
//
//	"session": {"id": "<the page's own id>", "from": 12}
//
// means "responses" holds the page's captures from number 12 on, and this
// core already holds the first 12 of session id. The core keeps them and the
// reviews read from them (page.ReviewsSoFar), so a call reads only its new
// responses and runs the detectors once over the whole set. "from": 0
// starts (or restarts) the session. When the core does not hold the session
// at that point (the instance restarted, a session was evicted, two calls
// crossed), the verdict carries "resend": true and nothing else is judged:
// the caller sends the whole page again with "from": 0. Everything else in
// the input (scripts, DOM, buyer, team, remembered) is sent whole each time.
//
// Without a session block analyze() is stateless, as the CLI and the tests
// use it.

// Paths of the session block.
const (
	pathSession     = "session"
	pathSessionID   = "id"
	pathSessionFrom = "from"
)

// Bounds of the session store: the 1688 tabs a buyer compares at once (most
// hold a few KB: a page's model is sent whole, not kept), each held to the
// page caps (page.MaxResponses, page.MaxResponsesBytes), and all of them to
// maxSessionBytes, counting the responses kept and the reviews read from
// them (reviews.Set.Bytes); the least recently used session goes first. A
// session not used for maxSessionIdle ends (its tab was closed or left).
const (
	maxSessions     = 32
	maxSessionBytes = 96 << 20 // all sessions' responses and parsed reviews together
	maxSessionNotes = 20       // cut-body notes kept per session
	maxSessionIdle  = 15 * time.Minute
)

// isSessionID reports whether a caller may name a session id: short and
// plain, 1 to 64 of A-Z a-z 0-9 _ -.
func isSessionID(id string) bool {
	if len(id) < 1 || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

type sessionIn struct {
	id   string
	from int
}

// readSession reads the session block; why says what is wrong with it.
func readSession(v gjson.Result) (sessionIn, string) {
	if !v.IsObject() {
		return sessionIn{}, "is not an object"
	}
	id, from := v.Get(pathSessionID), v.Get(pathSessionFrom)
	if id.Type != gjson.String || !isSessionID(id.Str) {
		return sessionIn{}, "id must be 1-64 letters, digits, _ or -"
	}
	if from.Type != gjson.Number || from.Num < 0 || from.Num != float64(int(from.Num)) || from.Num > 1e9 {
		return sessionIn{}, "from must be a whole number of responses"
	}
	return sessionIn{id: id.Str, from: int(from.Num)}, ""
}

// session is one page's captures so far.
type session struct {
	received  int // responses the caller has sent (from counts these)
	responses []page.Response
	budget    page.ResponseBudget // the page caps, over all calls
	notes     []page.Note         // cut-response notes of earlier calls
	reviews   page.ReviewsSoFar
	used      uint64
	usedAt    time.Time
}

// bytes is what the session holds: its responses and the reviews read.
func (ss *session) bytes() int { return ss.budget.Bytes + ss.reviews.Set.Bytes() }

// sessionStore holds the sessions of this instance. The wasm runs one call
// at a time; the lock makes the native core (tests, CLI) safe too.
type sessionStore struct {
	mu   sync.Mutex
	m    map[string]*session
	tick uint64
}

var sessions = &sessionStore{m: map[string]*session{}}

// analyze runs one call of a session: the new responses join the session,
// the snapshot is judged with all of them, and the session's reviews
// are read only past what earlier calls read.
func (st *sessionStore) analyze(in sessionIn, s page.Snapshot, b Buyer) Verdict {
	st.mu.Lock()
	defer st.mu.Unlock()
	ss := st.m[in.id]
	if in.from == 0 {
		ss = &session{}
		st.m[in.id] = ss
	} else if ss == nil || ss.received != in.from {
		v := ErrorVerdict(s.URL, "analysis session out of step: the whole page must be sent again")
		v.Resend = true
		return v
	}
	st.tick++
	ss.used, ss.usedAt = st.tick, clock()
	ss.received += max(s.Sent, len(s.Responses))
	for _, r := range s.Responses {
		if ss.budget.Take(r) {
			// Copies: a decoded string may share the memory of the whole
			// input (150 KB of page model per call) and would keep it alive.
			ss.responses = append(ss.responses, page.Response{URL: strings.Clone(r.URL), Body: strings.Clone(r.Body)})
		}
	}

	// Notes: what was cut of this call's responses is kept for the later
	// calls; the count cap is the session's, over all calls.
	notes := make([]page.Note, 0, len(s.Notes)+len(ss.notes)+1)
	for _, n := range s.Notes {
		switch n.Code {
		case page.NoteResponseCut:
			if len(ss.notes) < maxSessionNotes { // renumbered as the page's response
				ss.notes = append(ss.notes, n.Renumbered(n.Response+in.from))
			}
		case page.NoteResponseBudget: // the session's budget says it below
		default:
			notes = append(notes, n)
		}
	}
	notes = append(notes, ss.notes...)
	if note, ok := ss.budget.Note(); ok {
		notes = append(notes, note)
	}
	s.Notes = notes
	s.Responses = ss.responses
	s.Prior = &ss.reviews
	v := Analyze(s, b)
	st.evict(in.id) // after the reviews of this call are counted
	return v
}

// clock is time.Now; tests move it.
var clock = time.Now

// evict drops sessions idle for maxSessionIdle, then least recently used
// sessions (never keep) until the store is within its bounds.
func (st *sessionStore) evict(keep string) {
	now := clock()
	for id, ss := range st.m {
		if id != keep && now.Sub(ss.usedAt) > maxSessionIdle {
			delete(st.m, id)
		}
	}
	for {
		total, oldest, oldestUse := 0, "", uint64(0)
		for id, ss := range st.m {
			total += ss.bytes()
			if id != keep && (oldest == "" || ss.used < oldestUse) {
				oldest, oldestUse = id, ss.used
			}
		}
		if oldest == "" || (len(st.m) <= maxSessions && total <= maxSessionBytes) {
			return
		}
		delete(st.m, oldest)
	}
}
