package page

import (
	"fmt"
	"strconv"
	"strings"
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

// budgetNoteTail ends every note of Note.
var budgetNoteTail = "(MaxResponses " + strconv.Itoa(MaxResponses) + ", MaxResponsesBytes " + strconv.Itoa(MaxResponsesBytes>>20) + " MiB)"

// Note is the cap note for the responses refused so far, or "".
func (b *ResponseBudget) Note() string {
	if b.Over == 0 {
		return ""
	}
	return fmt.Sprintf("cap hit: %d responses, only the first %d read %s", b.Count+b.Over, b.Count, budgetNoteTail)
}

// IsBudgetNote reports whether a note is a ResponseBudget note (a caller
// adding responses over many calls replaces it with its own budget's).
func IsBudgetNote(n string) bool { return strings.HasSuffix(n, budgetNoteTail) }

// responseCutPrefix starts the note capText writes for a response whose
// address or body was cut to its cap (what = responseWhat).
const responseCutPrefix = "cap hit: response "

// responseWhat names part ("url" or "body") of response k in a cap note.
func responseWhat(k int, part string) string { return "response " + strconv.Itoa(k) + " " + part }

// ResponseCutIndex splits a note about a cut response into its number K and
// the rest; ok is false for any other note.
func ResponseCutIndex(n string) (k int, rest string, ok bool) {
	tail, found := strings.CutPrefix(n, responseCutPrefix)
	if !found {
		return 0, "", false
	}
	num, rest, found := strings.Cut(tail, " ")
	k, err := strconv.Atoi(num)
	if !found || err != nil {
		return 0, "", false
	}
	return k, rest, true
}

// ResponseCutNote is the note of a cut response numbered k.
func ResponseCutNote(k int, rest string) string {
	return responseCutPrefix + strconv.Itoa(k) + " " + rest
}
