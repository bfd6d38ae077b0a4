package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The same directory gives the same bytes, whatever the files' times or the
// order they were written in.
func TestPackReproducible(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string, mtime time.Time) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	zipOnce := func(name string) []byte {
		p := filepath.Join(out, name)
		if err := pack(dir, p); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	write("manifest.json", `{"manifest_version":3}`, time.Unix(1e9, 0))
	write("_locales/en/messages.json", `{}`, time.Unix(2e9, 0))
	first := zipOnce("a.zip")
	write("_locales/en/messages.json", `{}`, time.Now()) // touched, same content
	if second := zipOnce("b.zip"); !bytes.Equal(first, second) {
		t.Fatal("two packs of the same files differ")
	}
	write("manifest.json", `{"manifest_version":2}`, time.Unix(1e9, 0))
	if third := zipOnce("c.zip"); bytes.Equal(first, third) {
		t.Fatal("a changed file gave the same zip")
	}
}
