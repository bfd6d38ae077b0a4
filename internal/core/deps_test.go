package core

import (
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestWasmImports fails when a package of this module that the WebAssembly
// core links imports fmt, reflect, encoding/json or net/url: together with
// their type metadata they are most of core.wasm's size and start-up, and
// only dropping every use removes them. lean lists each package still
// importing one and what: remove entries as they are rewritten, never add.
// (gjson imports encoding/json through tidwall/pretty, whose function using
// it the core never calls, so the linker drops it.)
func TestWasmImports(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("no go command inside the wasm test runner; the native run of this test checks the wasm's imports")
	}
	lean := map[string][]string{}
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "../../wasm")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const module = "github.com/trustlens/trustlens/"
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, " ")
		name, ours := strings.CutPrefix(pkg, module)
		if !ours {
			continue
		}
		for _, imp := range strings.Fields(imports) {
			switch imp {
			case "fmt", "reflect", "encoding/json", "net/url":
				if !slices.Contains(lean[name], imp) {
					t.Errorf("%s imports %s, which the wasm core must not link (internal/format, the generated verdict writer and gjson do its work)", name, imp)
				}
			}
		}
	}
}
