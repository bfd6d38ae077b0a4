package memberid

import (
	"regexp"
	"testing"
)

// Valid accepts exactly what Pattern matches.
func TestValidIsPattern(t *testing.T) {
	re := regexp.MustCompile(Pattern)
	for _, s := range []string{
		"b2b-22175540303633d894", "a-b2b-22175540303633d894", "b2b-1634230375", "b2b-A", "b2b-", "a-b2b-", "a-",
		"B2B-12345678", "b2b-1234_5678", "b2b-1234-5678", "b2b-" + string(make([]byte, 41)), "b2b-abcdefghijabcdefghijabcdefghijabcdefghij",
		"b2b-abcdefghijabcdefghijabcdefghijabcdefgh", "xb2b-12345678", "a-a-b2b-12345678", "b2b-12345678 ", "b2b-１２３", "",
	} {
		if got, want := Valid(s), re.MatchString(s); got != want {
			t.Errorf("Valid(%q) = %v, Pattern says %v", s, got, want)
		}
	}
}

func FuzzValidIsPattern(f *testing.F) {
	re := regexp.MustCompile(Pattern)
	for _, s := range []string{"b2b-22175540303633d894", "a-b2b-x", "b2b-", "B2B-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Valid(s), re.MatchString(s); got != want {
			t.Fatalf("Valid(%q) = %v, Pattern says %v", s, got, want)
		}
	})
}
