// Command wasmsize prints how many bytes of a Go-built WebAssembly module's
// code each Go package owns: it reads the code section (one body per
// function) and the "name" custom section (the Go symbol of each function),
// and sums body sizes by package path. Data (strings, type descriptors, the
// pclntab) is printed as one total: the linker does not name its parts.
// Build the module without -s so the name section is kept:
//
//	GOOS=js GOARCH=wasm go build -trimpath -o core-sym.wasm ./wasm
//	go run ./bench/wasmsize core-sym.wasm
//
// Usage: wasmsize [-n 30] [-funcs package/path] file.wasm
package main

import (
	"bufio"
	"errors"
	"flag"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	top := flag.Int("n", 30, "rows to print")
	funcs := flag.String("funcs", "", "list the largest functions of this package instead")
	flag.Parse()
	if flag.NArg() != 1 {
		os.Stderr.WriteString("usage: wasmsize [-n 30] [-funcs package/path] file.wasm\n")
		os.Exit(2)
	}
	b, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		err = report(b, *top, *funcs)
	}
	if err != nil {
		os.Stderr.WriteString("wasmsize: " + err.Error() + "\n")
		os.Exit(1)
	}
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) uleb() uint64 {
	var v uint64
	for shift := 0; ; shift += 7 {
		if len(r.b) == 0 {
			r.err = errors.New("truncated module")
			return 0
		}
		c := r.b[0]
		r.b = r.b[1:]
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
}

func (r *reader) bytes(n uint64) []byte {
	if uint64(len(r.b)) < n {
		r.err = errors.New("truncated module")
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func report(b []byte, top int, funcs string) error {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return errors.New("not a wasm module")
	}
	r := &reader{b: b[8:]}
	var imports uint64
	var bodies []int
	names := map[uint64]string{}
	var data, total int
	for len(r.b) > 0 && r.err == nil {
		id := r.b[0]
		r.b = r.b[1:]
		size := r.uleb()
		sec := &reader{b: r.bytes(size)}
		switch id {
		case 2: // imports: functions among them take the first indices
			n := sec.uleb()
			for i := uint64(0); i < n && sec.err == nil; i++ {
				sec.bytes(sec.uleb())
				sec.bytes(sec.uleb())
				kind := sec.bytes(1)
				switch kind[0] {
				case 0:
					sec.uleb()
					imports++
				case 1:
					sec.bytes(1)
					limits(sec)
				case 2:
					limits(sec)
				case 3:
					sec.bytes(2)
				}
			}
		case 10:
			n := sec.uleb()
			for i := uint64(0); i < n && sec.err == nil; i++ {
				l := sec.uleb()
				sec.bytes(l)
				bodies = append(bodies, int(l))
			}
		case 11:
			data += int(size)
		case 0:
			name := string(sec.bytes(sec.uleb()))
			if name != "name" {
				break
			}
			for len(sec.b) > 0 && sec.err == nil {
				sub := sec.bytes(1)
				ss := &reader{b: sec.bytes(sec.uleb())}
				if sub == nil || sub[0] != 1 {
					continue
				}
				n := ss.uleb()
				for i := uint64(0); i < n && ss.err == nil; i++ {
					idx := ss.uleb()
					names[idx] = string(ss.bytes(ss.uleb()))
				}
			}
		}
		total += int(size)
		if sec.err != nil {
			return sec.err
		}
	}
	if r.err != nil {
		return r.err
	}
	byPkg := map[string]int{}
	code := 0
	for i, l := range bodies {
		name := names[imports+uint64(i)]
		switch {
		case funcs == "":
			byPkg[pkgOf(name)] += l
		case pkgOf(name) == funcs:
			byPkg[name] += l
		}
		code += l
	}
	type row struct {
		pkg string
		n   int
	}
	var rows []row
	for p, n := range byPkg {
		rows = append(rows, row{p, n})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].n > rows[j].n })
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	w.WriteString("file " + strconv.Itoa(len(b)) + " bytes; code " + strconv.Itoa(code) + ", data " + strconv.Itoa(data) + ", other sections " + strconv.Itoa(total-code-data) + "\n")
	for i, r := range rows {
		if i == top {
			break
		}
		w.WriteString(strconv.Itoa(r.n) + "\t" + r.pkg + "\n")
	}
	return nil
}

func limits(r *reader) {
	if f := r.bytes(1); f != nil {
		r.uleb()
		if f[0]&1 != 0 {
			r.uleb()
		}
	}
}

// pkgOf returns the package of a function as the wasm name section spells
// it: "/" becomes "_", so "github.com/tidwall/gjson.Get" is
// "github.com_tidwall_gjson.Get" and "regexp/syntax.(*parser).push" is
// "regexp_syntax.__parser_.push". Type equality functions ("type_.eq.X.T")
// count for X's package.
func pkgOf(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	sym = strings.TrimPrefix(sym, "type_.eq.")
	host := ""
	for _, h := range []string{"github.com_", "golang.org_"} {
		if strings.HasPrefix(sym, h) {
			host, sym = h, sym[len(h):]
		}
	}
	if dot := strings.IndexByte(sym, '.'); dot >= 0 {
		sym = sym[:dot]
	}
	return strings.ReplaceAll(host+sym, "_", "/")
}
