package page

import (
	"strings"
	"testing"
)

// TestNotesCarryTheirCodes: a cut response and the refused responses are
// told apart by code and number, and renumbering rewrites the text; the
// texts are what Parse copies into the model.
func TestNotesCarryTheirCodes(t *testing.T) {
	in := Snapshot{URL: "https://detail.1688.com/offer/1.html"}
	in.Responses = append(in.Responses, Response{URL: "https://a.1688.com/x", Body: "{}"})
	in.Responses = append(in.Responses, Response{URL: "https://a.1688.com/y", Body: strings.Repeat("x", MaxResponseBytes+1)})
	for len(in.Responses) < MaxResponses+3 {
		in.Responses = append(in.Responses, Response{URL: "https://a.1688.com/z", Body: "{}"})
	}
	_, notes := capSnapshot(in)
	var cut, budget *Note
	for i := range notes {
		switch notes[i].Code {
		case NoteResponseCut:
			cut = &notes[i]
		case NoteResponseBudget:
			budget = &notes[i]
		}
	}
	if cut == nil || cut.Response != 1 || !strings.HasPrefix(cut.Text, "cap hit: response 1 body truncated from ") {
		t.Fatalf("cut note %+v", cut)
	}
	if r := cut.Renumbered(7); r.Response != 7 || r.Text != strings.Replace(cut.Text, "response 1 ", "response 7 ", 1) {
		t.Errorf("renumbered %+v", r)
	}
	if budget == nil || !strings.Contains(budget.Text, "only the first") {
		t.Fatalf("budget note %+v", budget)
	}
	m := Parse(in)
	if got := strings.Join(m.Notes, "\n"); !strings.Contains(got, cut.Text) || !strings.Contains(got, budget.Text) {
		t.Errorf("model notes %q lack the snapshot's", m.Notes)
	}
}
