//go:build js && wasm

// Command wasm is the WebAssembly bridge: it registers one function,
// globalThis.trustlensAnalyze(snapshotJSON) -> verdictJSON, and holds no
// logic of its own. snapshotJSON is the JSON text, as a string or as its
// UTF-8 bytes in a Uint8Array (what background.js sends: one copy into Go
// memory instead of the three a string costs, so a 120 KB page model makes
// a third of the garbage). Panics are recovered (in core.AnalyzeString and
// here) so one bad page cannot kill the instance for every later call.
package main

import (
	"syscall/js"
	"unsafe"

	"github.com/trustlens/trustlens/internal/core"
)

// fallback is the verdict returned if the bridge itself panics; made once at
// start, from the core's own error verdict, so its shape never drifts.
var fallback string

// uint8Array is the JavaScript constructor the byte form is checked against.
var uint8Array = js.Global().Get("Uint8Array")

// maxInputBytes bounds the byte form (the core's caps apply after decoding:
// 64 scripts of 4 MB and 8 MiB in all, 48 MiB of responses).
const maxInputBytes = 512 << 20

func analyze(_ js.Value, args []js.Value) (result any) {
	defer func() {
		if r := recover(); r != nil {
			result = fallback
		}
	}()
	if len(args) != 1 {
		return string(core.AnalyzeString(""))
	}
	switch a := args[0]; {
	case a.Type() == js.TypeString:
		return string(core.AnalyzeString(a.String()))
	case a.InstanceOf(uint8Array):
		n := a.Length()
		if n == 0 || n > maxInputBytes {
			return string(core.AnalyzeString(""))
		}
		b := make([]byte, n)
		js.CopyBytesToGo(b, a)
		// b is this call's own buffer and is never written again: the
		// snapshot's strings may share it (as they share a string input).
		return string(core.AnalyzeString(unsafe.String(&b[0], n)))
	}
	return string(core.AnalyzeString(""))
}

func main() {
	fallback = string(core.ErrorJSON("internal error in the wasm bridge"))
	js.Global().Set("trustlensAnalyze", js.FuncOf(analyze))
	select {}
}
