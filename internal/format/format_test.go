package format

import (
	"errors"
	"fmt"
	"math"
	"testing"
	"time"
)

// TestSameAsFmt formats every verb, flag and argument type the core uses
// with both Sprintf and fmt.Sprintf.
func TestSameAsFmt(t *testing.T) {
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		format string
		args   []any
	}{
		{"plain, 100%% sure", nil},
		{"%s = %v (%d)", []any{"shopcard data.model.tpYear", 1, 42}},
		{"%d / %d / %+d / %+d", []any{-3, int64(7), 5, -5}},
		{"%03d %06d %016d %3d", []any{7, 123, int64(-42), 5}},
		{"%q %q %q", []any{"旺铺 \"名\"\n\x00\u200b", "", "\xff<a>&"}},
		{"%c%c", []any{'中', int32('a')}},
		{"%.0f %.1f %.2f %f", []any{2.5, 0.05, -1.005, 1.0 / 3}},
		{"%.1f %.0f", []any{math.Inf(1), math.NaN()}},
		{"%g %g %g %g %.2g %.2g", []any{0.5, 1e21, 1e-7, 123456789.0, 0.000123, 3.0}},
		{"%v %v %v %v", []any{2.25, 1e6, true, false}},
		{"%v / %s", []any{errors.New("bad input"), day}},
		{"%v", []any{any("panic text")}},
		{"%s", []any{severity("high")}},
		{"“%s” left %d reviews; %.2g", []any{"买家", 3, 0.0123}},
	}
	for _, c := range cases {
		want := fmt.Sprintf(c.format, c.args...)
		if got := Sprintf(c.format, c.args...); got != want {
			t.Errorf("Sprintf(%q) = %q, fmt gives %q", c.format, got, want)
		}
	}
	if got, want := Errorf("rule %s: unknown severity %q", "x", "y").Error(), `rule x: unknown severity "y"`; got != want {
		t.Errorf("Errorf = %q, want %q", got, want)
	}
}

// severity stands for the core's named string types with a String method.
type severity string

func (s severity) String() string { return string(s) }

// TestUnsupported: a type the core does not pass is marked, not guessed.
func TestUnsupported(t *testing.T) {
	if got := Sprintf("%v", []int{1}); got != "%!v(unsupported)" {
		t.Errorf("got %q", got)
	}
}
