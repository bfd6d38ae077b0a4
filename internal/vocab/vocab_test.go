package vocab

import (
	"os"
	"regexp"
	"testing"
)

const vocabJS = "../../extension/vocab.js"

func TestVocabJSUpToDate(t *testing.T) {
	want := JS()
	if os.Getenv("UPDATE_DOCS") != "" {
		if err := os.WriteFile(vocabJS, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(vocabJS)
	if err != nil {
		t.Fatalf("%v (generate it with UPDATE_DOCS=1 go test ./internal/vocab/)", err)
	}
	if string(got) != want {
		t.Fatal("extension/vocab.js is stale: run UPDATE_DOCS=1 go test ./internal/vocab/")
	}
}

func TestVocabPatternsCompileAndAgree(t *testing.T) {
	v := Current()
	whole := regexp.MustCompile(v.MemberID)
	in := regexp.MustCompile(v.MemberIDIn)
	for _, id := range []string{"b2b-1634230375", "b2b-22134871959123d9e2", "a-b2b-406915100661872"} {
		if !whole.MatchString(id) {
			t.Errorf("memberId does not match %s", id)
		}
		if m := in.FindString(`"x":"` + id + `"`); m != id {
			t.Errorf("memberIdIn does not find %s: %q", id, m)
		}
	}
	for _, bad := range []string{"b2b-", "b2b-12 34", "xb2b-1234567", "b2b-" + string(make([]byte, 41))} {
		if whole.MatchString(bad) {
			t.Errorf("memberId matches %q", bad)
		}
	}
	if len(v.Rules) == 0 || len(v.Badges) == 0 || v.Limits.Responses == 0 {
		t.Fatal("empty vocabulary")
	}
}
