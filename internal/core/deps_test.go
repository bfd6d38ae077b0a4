package core

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestWasmImports fails when the WebAssembly core links fmt, reflect,
// encoding/json or net/url: with their type metadata they were a third of
// core.wasm's size and much of its start-up. It names the packages that
// import one. (gjson reached encoding/json through tidwall/pretty, whose
// copy in third_party/pretty no longer does.)
func TestWasmImports(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("no go command inside the wasm test runner; the native run of this test checks the wasm's imports")
	}
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "../../wasm")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, " ")
		for _, imp := range strings.Fields(imports) {
			switch imp {
			case "fmt", "reflect", "encoding/json", "net/url":
				t.Errorf("%s imports %s, which the wasm core must not link (internal/format, the generated verdict writer and gjson do its work)", pkg, imp)
			}
		}
	}
}
