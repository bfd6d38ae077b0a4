package rules

import (
	"os"
	"testing"
)

const rulesDoc = "../../docs/rules.md"

func TestRulesDocUpToDate(t *testing.T) {
	want := Markdown()
	if os.Getenv("UPDATE_DOCS") != "" {
		if err := os.WriteFile(rulesDoc, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(rulesDoc)
	if err != nil {
		t.Fatalf("%v (generate it with UPDATE_DOCS=1 go test ./internal/rules/)", err)
	}
	if string(got) != want {
		t.Fatal("docs/rules.md is stale: run UPDATE_DOCS=1 go test ./internal/rules/")
	}
}
