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
