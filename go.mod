module github.com/trustlens/trustlens

go 1.26.8

require (
	github.com/agnivade/levenshtein v1.2.2
	github.com/syumai/workers v0.33.0
	github.com/tidwall/gjson v1.20.1
)

require (
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.2.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)

ignore (
	./bench/node_modules
	./node_modules
	./worker/node_modules
)

// gjson's pretty, with one call of encoding/json's Unmarshal replaced by a
// string decoder: gjson registers its @pretty modifier at init, so every
// program linking gjson linked encoding/json, reflect and fmt through it
// (0.93 MB of core.wasm's 6.2 MB). third_party/pretty/README.md says what
// changed and how to drop the copy.
replace github.com/tidwall/pretty v1.2.0 => ./third_party/pretty
