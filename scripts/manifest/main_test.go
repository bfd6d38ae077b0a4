package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// The shared manifest.json, cut for each browser.
func TestForBrowser(t *testing.T) {
	src, err := os.ReadFile("../../manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, browser := range []string{"chrome", "firefox"} {
		out, err := forBrowser(src, browser)
		if err != nil {
			t.Fatalf("%s: %v", browser, err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(out, &m); err != nil {
			t.Fatalf("%s: %v", browser, err)
		}
		var bg map[string]any
		_ = json.Unmarshal(m["background"], &bg)
		_, gecko := m["browser_specific_settings"]
		_, sw := bg["service_worker"]
		_, scripts := bg["scripts"]
		if got, want := [3]bool{gecko, sw, scripts}, map[string][3]bool{"chrome": {false, true, false}, "firefox": {true, false, true}}[browser]; got != want {
			t.Errorf("%s: gecko settings, service_worker, scripts = %v, want %v", browser, got, want)
		}
		// Every other key as written, in the same order.
		if !strings.HasPrefix(string(out), "{\n  \"manifest_version\": 3,\n  \"name\"") {
			t.Errorf("%s: key order changed:\n%.80s", browser, out)
		}
	}
	if _, err := forBrowser([]byte(`{"manifest_version":3,"background":{"scripts":["a.js"]}}`), "firefox"); err == nil {
		t.Error("a Firefox manifest without a gecko id was accepted")
	}
}
