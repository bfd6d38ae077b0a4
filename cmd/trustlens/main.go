// Command trustlens runs the TrustLens core on saved pages:
//
//	trustlens analyze FILE [--url URL] [--order AMOUNT] [--min-years N] [--json]
//
// FILE is a saved page (.html, in its declared character set: GBK and
// GB18030 pages exist), a page saved as one file (.mhtml) with its parts, an
// HTTP Archive (.har) with the page and the data responses it received, or
// a snapshot (.json, as the extension sends it, read by the wasm bridge's
// own entry). The verdict is the same one the extension shows: the CLI, the
// wasm and the tests call the same core.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/trustlens/trustlens/internal/core"
	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/rules"
)

// maxFileBytes caps what the CLI reads; a HAR with images can be large.
const maxFileBytes = 64 << 20

const usage = `usage: trustlens analyze FILE [--url URL] [--order AMOUNT{USD|CNY}] [--min-years N] [--json]

FILE        a saved 1688 page (.html, .mhtml), an HTTP Archive (.har) or a snapshot (.json)
--url       the page's address, when the file does not carry it (a saved page's
            "saved from" comment, canonical link or offer id are read otherwise)
--order     a planned order value, e.g. 5000USD or 30000CNY: adds payment advice
--min-years your minimum store age (1-30): a younger store gets a finding
--json      print the verdict as JSON (docs/verdict.md)`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type options struct {
	file, url string
	json      bool
	buyer     core.Buyer
}

// parseOrder reads "5000USD", "5000 usd" or "30000CNY".
func parseOrder(s string) (core.Buyer, error) {
	s = strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	for _, cur := range []string{"USD", "CNY"} {
		if num, ok := strings.CutSuffix(s, cur); ok {
			v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
			if err != nil || v <= 0 || v > 1e9 {
				break
			}
			return core.Buyer{PlannedAmount: v, PlannedCurrency: cur}, nil
		}
	}
	return core.Buyer{}, fmt.Errorf("--order wants an amount and USD or CNY, e.g. 5000USD, not %q", s)
}

// flagValue reads the value of flag name at args[*i]: "--name=v", or
// "--name v" (then *i moves past v). ok is false when args[*i] is not that flag.
func flagValue(args []string, i *int, name string) (v string, ok bool, err error) {
	a := args[*i]
	if v, found := strings.CutPrefix(a, name+"="); found {
		return v, true, nil
	}
	if a != name && a != name[1:] { // "--url" or "-url"
		return "", false, nil
	}
	if *i+1 >= len(args) {
		return "", true, fmt.Errorf("%s needs a value", name)
	}
	*i++
	return args[*i], true, nil
}

func parseArgs(args []string) (options, error) {
	var o options
	if len(args) == 0 || args[0] != "analyze" {
		return o, errors.New("expected the command 'analyze'")
	}
	for i := 1; i < len(args); i++ {
		a := args[i]
		if a == "--json" || a == "-json" {
			o.json = true
			continue
		}
		if a == "-h" || a == "--help" {
			return o, errors.New("help")
		}
		if v, ok, err := flagValue(args, &i, "--url"); err != nil {
			return o, err
		} else if ok {
			o.url = v
			continue
		}
		if v, ok, err := flagValue(args, &i, "--order"); err != nil {
			return o, err
		} else if ok {
			b, err := parseOrder(v)
			if err != nil {
				return o, err
			}
			o.buyer.PlannedAmount, o.buyer.PlannedCurrency = b.PlannedAmount, b.PlannedCurrency
			continue
		}
		if v, ok, err := flagValue(args, &i, "--min-years"); err != nil {
			return o, err
		} else if ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 0 || n > rules.MaxMinStoreYears {
				return o, fmt.Errorf("--min-years wants a whole number of years from 0 to %d, not %q", rules.MaxMinStoreYears, v)
			}
			o.buyer.MinStoreYears = n
			continue
		}
		switch {
		case strings.HasPrefix(a, "-") && a != "-":
			return o, fmt.Errorf("unknown flag %s", a)
		case o.file == "":
			o.file = a
		default:
			return o, fmt.Errorf("unexpected argument %s", a)
		}
	}
	if o.file == "" {
		return o, errors.New("missing FILE")
	}
	return o, nil
}

func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseArgs(args)
	if err != nil {
		if err.Error() == "help" {
			fmt.Fprintln(stdout, usage)
			return 0
		}
		short, _, _ := strings.Cut(usage, "\n") // the usage line; --help prints the rest
		fmt.Fprintf(stderr, "trustlens: %v\n%s\n", err, short)
		return 2
	}
	v, err := verdictOf(o)
	if err != nil {
		fmt.Fprintf(stderr, "trustlens: %v\n", err)
		return 2
	}
	if o.json {
		if err := writeJSON(stdout, v); err != nil {
			fmt.Fprintf(stderr, "trustlens: %v\n", err)
			return 2
		}
		return 0
	}
	writeSummary(stdout, v)
	return 0
}

// writeJSON prints v as indented JSON with page strings unchanged.
func writeJSON(w io.Writer, v core.Verdict) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // page strings appear unchanged
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// verdictOf reads the file named in o and judges it: a snapshot through
// the wasm bridge's own entry (with the buyer, team and session blocks it
// carries), a saved page, MHTML file or HAR through the snapshot built from it.
func verdictOf(o options) (core.Verdict, error) {
	data, err := readCapped(o.file)
	if err != nil {
		return core.Verdict{}, err
	}
	v, err := analyzeFile(o, data)
	if err != nil {
		return core.Verdict{}, fmt.Errorf("%s: %v", o.file, err)
	}
	return v, nil
}

func analyzeFile(o options, data []byte) (core.Verdict, error) {
	kind, err := kindOf(o.file, data)
	if err != nil {
		return core.Verdict{}, err
	}
	if kind == kindSnapshot {
		return analyzeSnapshot(data, o)
	}
	snap, err := snapshotOf(kind, o.url, data)
	if err != nil {
		return core.Verdict{}, err
	}
	return core.Analyze(snap, o.buyer), nil
}

func readCapped(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %v", name, unwrapPathErr(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", name, unwrapPathErr(err))
	}
	if len(data) > maxFileBytes {
		return nil, fmt.Errorf("%s is larger than %d MB", name, maxFileBytes>>20)
	}
	return data, nil
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// snapshotOf builds the snapshot of a saved page, MHTML file or HAR. When
// neither --url nor the file gives the page address, it is the offer's own
// address when the page model names the offer.
func snapshotOf(kind fileKind, url string, data []byte) (page.Snapshot, error) {
	var s page.Snapshot
	var err error
	switch kind {
	case kindHAR:
		s, err = page.FromHAR(data, url)
	case kindMHTML:
		s, err = fromMHTML(url, data)
	default:
		s, err = fromSavedHTML(url, data)
	}
	if err != nil || s.URL != "" {
		return s, err
	}
	if m := page.Parse(s); m.Offer.ID.Known && isDigits(m.Offer.ID.Value) {
		s.URL = "https://detail.1688.com/offer/" + m.Offer.ID.Value + ".html"
		s.Notes = append(s.Notes, page.Note{Code: page.NoteSource, Text: "page address taken from the offer id in the page model (" + m.Offer.ID.Source + "): the file did not give it"})
	}
	return s, nil
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != "" && len(s) <= 20
}

// analyzeSnapshot runs a snapshot JSON through core.AnalyzeJSON, the wasm
// bridge's entry, after setting what the flags give (--url, and --order and
// --min-years in the buyer block, beside what the block already holds).
// A snapshot the core cannot read is an error.
func analyzeSnapshot(data []byte, o options) (core.Verdict, error) {
	var v core.Verdict
	if !gjson.ValidBytes(data) || !gjson.ParseBytes(data).IsObject() {
		return v, errors.New("not a snapshot: a .json file must be one JSON object, as the extension sends it")
	}
	in, err := withFlags(data, o)
	if err != nil {
		return v, err
	}
	out := core.AnalyzeJSONAt(in, o.buyer.Now)
	if err := json.Unmarshal(out, &v); err != nil {
		return v, err
	}
	if strings.HasPrefix(v.Error, core.SnapshotErrorPrefix) {
		return v, errors.New(v.Error)
	}
	return v, nil
}

// withFlags returns the snapshot JSON with the flags' values set; the input
// itself when no flag is given.
func withFlags(data []byte, o options) ([]byte, error) {
	b := o.buyer
	if o.url == "" && b.PlannedCurrency == "" && b.MinStoreYears == 0 {
		return data, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, fmt.Errorf("not a snapshot: %v", err)
	}
	if o.url != "" {
		top["url"], _ = json.Marshal(o.url)
	}
	if b.PlannedCurrency != "" || b.MinStoreYears != 0 {
		buyer := map[string]json.RawMessage{}
		if raw, ok := top["buyer"]; ok && gjson.ParseBytes(raw).IsObject() {
			if err := json.Unmarshal(raw, &buyer); err != nil {
				return nil, fmt.Errorf("buyer block: %v", err)
			}
		}
		if b.PlannedCurrency != "" {
			buyer["plannedOrder"], _ = json.Marshal(map[string]any{"amount": b.PlannedAmount, "currency": b.PlannedCurrency})
		}
		if b.MinStoreYears != 0 {
			buyer["minStoreYears"], _ = json.Marshal(b.MinStoreYears)
		}
		top["buyer"], _ = json.Marshal(buyer)
	}
	return json.Marshal(top)
}
