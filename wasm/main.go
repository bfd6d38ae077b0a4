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

func analyze(_ js.Value, args []js.Value) (result any) {
	defer func() {
		if r := recover(); r != nil {
			result = `{"schema":1,"kind":"unknown","url":"","readable":false,"generation":"","supplier":{"memberId":null,"loginId":null,"company":null,"storeAgeYears":null,"badges":[],"businessType":null},"offer":{"id":null,"title":null,"priceMin":null,"priceMax":null,"moq":null,"sales":null},"score":null,"level":"unknown","findings":[],"notes":[],"error":"internal error in the wasm bridge"}`
		}
	}()
	if len(args) != 1 || args[0].Type() != js.TypeString {
		return string(core.AnalyzeJSON(nil))
	}
	return string(core.AnalyzeJSON([]byte(args[0].String())))
}

func main() {
	js.Global().Set("trustlensAnalyze", js.FuncOf(analyze))
	select {}
}
