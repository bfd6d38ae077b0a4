package page

import (
	"github.com/trustlens/trustlens/internal/format"
)

// ResponseBudget applies MaxResponses and MaxResponsesBytes to responses
// taken one at a time, in page order: by DecodeSnapshot, by Parse for
// snapshots built in Go, by AddDataResponses (HAR, MHTML), and by internal/core's analysis
// sessions, which add a page's responses over many calls. The zero value is
// an empty budget.
type ResponseBudget struct {
	Count int // responses taken
	Bytes int // their address and body bytes
	Over  int // responses refused
}

// Take reports whether r still fits (and counts it), or refuses it.
func (b *ResponseBudget) Take(r Response) bool {
	size := len(r.URL) + len(r.Body)
	if b.Count >= MaxResponses || b.Bytes+size > MaxResponsesBytes {
		b.Over++
		return false
	}
	b.Count++
	b.Bytes += size
	return true
}

// Note is the cap note for the responses refused so far; ok is false when
// none was.
func (b *ResponseBudget) Note() (n Note, ok bool) {
	if b.Over == 0 {
		return Note{}, false
	}
	return Note{Code: NoteResponseBudget, Text: format.Sprintf("cap hit: %d responses, only the first %d read (MaxResponses %d, MaxResponsesBytes %d MiB)", b.Count+b.Over, b.Count, MaxResponses, MaxResponsesBytes>>20)}, true
}
