// Package jsonkeys makes repeated object keys read the way the page reads
// them. JavaScript's JSON.parse keeps the last of two members with the same
// key; gjson, which the core reads pages with, finds the first. A seller who
// writes {"companyName":"A", …, "companyName":"B"} would show the buyer B
// and the core A. LastWins removes the earlier members so both agree.
package jsonkeys

import (
	"slices"
	"strings"

	"github.com/tidwall/gjson"
)

// member is one object member met while scanning: where its key starts,
// where the next member's key starts (0 while unknown), and its key.
type member struct {
	key         string
	start, next int
	dead        bool // a later member with the same key was found
}

// frame is one open object or array; members[base:] are the object's.
type frame struct {
	obj  bool
	base int
	idx  map[string]int // key -> index in members, built once the object is large
}

// linearKeys is the member count up to which a key is looked up by
// scanning; larger objects get a map.
const linearKeys = 128

// structural marks the bytes the scan stops at.
var structural = [256]bool{'{': true, '}': true, '[': true, ']': true, ',': true, '"': true}

// LastWins returns js, which must be valid JSON (gjson.Valid), with every
// object member removed whose key appears again later in the same object.
// Keys compare after unescaping ("a" and "\u0061" are the same key, as in
// JSON.parse). Without repeated keys js itself is returned (no copy).
func LastWins(js string) string {
	var (
		stackBuf  [64]frame
		memberBuf [512]member
		stack     = stackBuf[:0]
		members   = memberBuf[:0]
		cuts      [][2]int // byte ranges to remove, each a whole member and its comma
		expectKey bool
	)
	for i := 0; i < len(js); {
		if !structural[js[i]] { // numbers, literals, spaces and colons say nothing here
			i++
			continue
		}
		switch c := js[i]; c {
		case '{', '[':
			stack = append(stack, frame{obj: c == '{', base: len(members)})
			expectKey = c == '{'
			i++
		case '}', ']':
			if n := len(stack); n > 0 {
				members = members[:stack[n-1].base]
				stack = stack[:n-1]
			}
			expectKey = false
			i++
		case ',':
			expectKey = len(stack) > 0 && stack[len(stack)-1].obj
			i++
		case '"':
			end := skipString(js, i)
			if expectKey && len(stack) > 0 {
				f := &stack[len(stack)-1]
				key := js[i+1 : end-1]
				if strings.IndexByte(key, '\\') >= 0 {
					key = gjson.Parse(js[i:end]).Str
				}
				if n := len(members); n > f.base {
					members[n-1].next = i
				}
				if prev, ok := f.lookup(members, key); ok {
					cuts = append(cuts, [2]int{members[prev].start, members[prev].next})
					members[prev].dead = true // the newer member answers from now on
				}
				members = append(members, member{key: key, start: i})
				if f.idx != nil {
					f.idx[key] = len(members) - 1
				} else if len(members)-f.base > linearKeys {
					f.idx = make(map[string]int, 2*linearKeys)
					for k := f.base; k < len(members); k++ {
						if !members[k].dead {
							f.idx[members[k].key] = k
						}
					}
				}
				expectKey = false
			}
			i = end
		}
	}
	if len(cuts) == 0 {
		return js
	}
	return cut(js, cuts)
}

// lookup finds an earlier live member of the frame's object with key.
func (f *frame) lookup(members []member, key string) (int, bool) {
	if f.idx != nil {
		k, ok := f.idx[key]
		return k, ok
	}
	for k := f.base; k < len(members); k++ {
		if !members[k].dead && members[k].key == key {
			return k, true
		}
	}
	return 0, false
}

// cut removes the ranges from js. Ranges are either disjoint or nested (a repeated member inside a member that
// is itself removed); nested ones are covered by the outer range.
func cut(js string, cuts [][2]int) string {
	slices.SortFunc(cuts, func(a, b [2]int) int { return a[0] - b[0] })
	var b strings.Builder
	b.Grow(len(js))
	at := 0
	for _, r := range cuts {
		if r[0] < at {
			continue // inside a range already removed
		}
		b.WriteString(js[at:r[0]])
		at = r[1]
	}
	b.WriteString(js[at:])
	return b.String()
}

// skipString returns the index just past the string that starts at js[i].
func skipString(js string, i int) int {
	for j := i + 1; ; {
		k := strings.IndexByte(js[j:], '"')
		if k < 0 {
			return len(js)
		}
		j += k
		// The quote ends the string unless an odd number of backslashes escapes it.
		n := 0
		for n < j-i-1 && js[j-1-n] == '\\' {
			n++
		}
		if n%2 == 0 {
			return j + 1
		}
		j++
	}
}
