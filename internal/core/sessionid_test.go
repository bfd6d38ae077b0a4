package core

import (
	"strings"
	"testing"
)

func TestIsSessionID(t *testing.T) {
	for id, want := range map[string]bool{
		"": false, "a": true, "bench-100": true, "A_z-09": true, strings.Repeat("f", 64): true, strings.Repeat("f", 65): false,
		"a b": false, "a.b": false, "é": false, "a\n": false, "../x": false,
	} {
		if got := isSessionID(id); got != want {
			t.Errorf("isSessionID(%q) = %v, want %v", id, got, want)
		}
	}
}
