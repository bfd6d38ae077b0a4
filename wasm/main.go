//go:build js && wasm

// Command wasm is the WebAssembly bridge: it registers one function,
// globalThis.trustlensAnalyze(snapshotJSON) -> verdictJSON, and holds no
// logic of its own. Panics are recovered (in core.AnalyzeJSON and here) so one
// bad page cannot kill the instance for every later call.
package main

import (
	"syscall/js"

	"github.com/trustlens/trustlens/internal/core"
)

// fallback is the verdict returned if the bridge itself panics; made once at
// start, from the core's own error verdict, so its shape never drifts.
var fallback string

func analyze(_ js.Value, args []js.Value) (result any) {
	defer func() {
		if r := recover(); r != nil {
			result = fallback
		}
	}()
	if len(args) != 1 || args[0].Type() != js.TypeString {
		return string(core.AnalyzeJSON(nil))
	}
	return string(core.AnalyzeJSON([]byte(args[0].String())))
}

func main() {
	fallback = string(core.ErrorJSON("internal error in the wasm bridge"))
	js.Global().Set("trustlensAnalyze", js.FuncOf(analyze))
	select {}
}
