package api

import (
	"strings"
	"testing"
)

// The D1 driver binds positional parameters; a miscount would only show up
// against D1 (scripts/worker-test.sh), so check it here too.
func TestAuthorizeSQLParameters(t *testing.T) {
	if authorizeRefills < 1 || strings.Contains(authorizeSQL, "{refill}") {
		t.Fatalf("template not expanded: %s", authorizeSQL)
	}
	if got, want := strings.Count(authorizeSQL, "?"), 3*authorizeRefills+2; got != want {
		t.Fatalf("authorizeSQL has %d parameters, Authorize binds %d", got, want)
	}
}
