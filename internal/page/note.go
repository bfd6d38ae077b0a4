package page

import "strconv"

// Note is one thing decoding a snapshot cut, dropped or could not read: a
// code that callers act on and the text the verdict shows (Parse copies the
// texts into Model.Notes). An analysis session, which adds a page's
// responses over many calls, renumbers the notes about cut responses and
// replaces the budget note with its own by their codes, never by reading
// the text.
type Note struct {
	Code NoteCode
	Text string
	// Response is the number (page order) of the response a
	// NoteResponseCut is about.
	Response int
	rest     string // the text after the response number, to renumber it
}

// NoteCode says what a note is about.
type NoteCode string

const (
	NoteCap            NoteCode = "cap"             // an input cap cut or dropped something
	NoteResponseCut    NoteCode = "response-cut"    // one response's address or body was cut (Response)
	NoteResponseBudget NoteCode = "response-budget" // responses refused by MaxResponses / MaxResponsesBytes
	NoteIgnored        NoteCode = "ignored"         // an input was not used (remembered facts)
	NoteSource         NoteCode = "source"          // what the saved file or capture could not give
	NoteSavedDamaged   NoteCode = "saved-damaged"   // the saved file (HAR) lacks the page or part of it is damaged
	NoteSingleFile     NoteCode = "single-file"     // a page saved as one file (MHTML) without its scripts
)

// Problem is a set of kinds of things a page did not give.
type Problem uint8

const (
	ProblemSingleFile     Problem = 1 << iota // saved as one file (MHTML) without its scripts
	ProblemResponseFailed                     // 1688 answered a data request with a failure code
	ProblemSavedDamaged                       // the saved file (HAR) is damaged
	ProblemNotReadable                        // a model, response or fragment is there but damaged or unknown
	ProblemTranslated                         // the browser translated the page
)

// Has reports whether p holds q.
func (p Problem) Has(q Problem) bool { return p&q != 0 }

// problemOf is the Problem a snapshot note stands for (0: none).
func problemOf(n Note) Problem {
	switch n.Code {
	case NoteSavedDamaged:
		return ProblemSavedDamaged
	case NoteSingleFile:
		return ProblemSingleFile
	}
	return 0
}

// capNote is a NoteCap note.
func capNote(text string) Note { return Note{Code: NoteCap, Text: text} }

// responseCutNote is the note of response k whose part was cut (rest:
// "body truncated from … to … bytes").
func responseCutNote(k int, rest string) Note {
	return Note{Code: NoteResponseCut, Text: "cap hit: response " + strconv.Itoa(k) + " " + rest, Response: k, rest: rest}
}

// Renumbered is a NoteResponseCut note about the same cut as response k;
// other notes are returned unchanged.
func (n Note) Renumbered(k int) Note {
	if n.Code != NoteResponseCut {
		return n
	}
	return responseCutNote(k, n.rest)
}

// noteTexts is the texts of notes, in order.
func noteTexts(notes []Note) []string {
	out := make([]string, 0, len(notes))
	for _, n := range notes {
		out = append(out, n.Text)
	}
	return out
}
