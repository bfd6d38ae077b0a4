// Command manifest writes the manifest of one browser's package from the
// shared manifest.json, keeping its key order:
//
//	go run ./scripts/manifest chrome|firefox manifest.json OUT
//
// chrome:  background.service_worker only; no browser_specific_settings
// (Chrome warns about keys it does not know).
// firefox: background.scripts only (Firefox runs the same code as an event
// page and warns about service_worker); browser_specific_settings.gecko is
// what addons.mozilla.org requires (id, strict_min_version,
// data_collection_permissions).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 4 || (os.Args[1] != "chrome" && os.Args[1] != "firefox") {
		fmt.Fprintln(os.Stderr, "usage: manifest chrome|firefox manifest.json OUT")
		os.Exit(2)
	}
	src, err := os.ReadFile(os.Args[2])
	if err == nil {
		var out []byte
		if out, err = forBrowser(src, os.Args[1]); err == nil {
			err = os.WriteFile(os.Args[3], out, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "manifest:", err)
		os.Exit(1)
	}
}

// member is one top-level key of the manifest with its value as written.
type member struct {
	key   string
	value json.RawMessage
}

// forBrowser returns the shared manifest cut to what browser reads, indented
// with two spaces.
func forBrowser(src []byte, browser string) ([]byte, error) {
	members, err := parseObject(src)
	if err != nil {
		return nil, err
	}
	var kept []member
	for _, m := range members {
		switch {
		case m.key == "browser_specific_settings" && browser == "chrome":
			continue
		case m.key == "background":
			var bg struct {
				ServiceWorker string   `json:"service_worker"`
				Scripts       []string `json:"scripts"`
			}
			if err := json.Unmarshal(m.value, &bg); err != nil {
				return nil, fmt.Errorf("background: %w", err)
			}
			var v any = map[string]string{"service_worker": bg.ServiceWorker}
			if browser == "firefox" {
				v = map[string][]string{"scripts": bg.Scripts}
			}
			if m.value, err = json.Marshal(v); err != nil {
				return nil, err
			}
		}
		kept = append(kept, m)
	}
	if browser == "firefox" && !hasGeckoID(members) {
		return nil, fmt.Errorf("browser_specific_settings.gecko.id is required for Firefox")
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range kept {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(m.value)
	}
	b.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// parseObject reads a JSON object's members in the order they are written.
func parseObject(src []byte) ([]member, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("not a JSON object")
	}
	var members []member
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var m member
		m.key, _ = t.(string)
		if err := dec.Decode(&m.value); err != nil {
			return nil, fmt.Errorf("%s: %w", m.key, err)
		}
		members = append(members, m)
	}
	return members, nil
}

func hasGeckoID(members []member) bool {
	for _, m := range members {
		if m.key != "browser_specific_settings" {
			continue
		}
		var s struct {
			Gecko struct {
				ID string `json:"id"`
			} `json:"gecko"`
		}
		return json.Unmarshal(m.value, &s) == nil && s.Gecko.ID != ""
	}
	return false
}
