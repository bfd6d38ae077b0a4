package page

import (
	"regexp"
	"testing"
)

// isMemberID and findYears replace regexps; they must accept exactly what
// the regexps accepted.

func TestIsMemberIDMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(MemberIDPattern)
	cases := []string{"", "b2b-", "b2b-1", "a-b2b-1634230375", "a-a-b2b-1", "B2B-1", "b2b-12345678901234567890123456789012345678901",
		"b2b-1234567890123456789012345678901234567890", "b2b-abc_d", "b2b-abc ", " b2b-abc", "b2b-abc\n", "b2b-ＡＢ", "xb2b-1", "a-b2b-"}
	for _, c := range cases {
		if got, want := isMemberID(c), re.MatchString(c); got != want {
			t.Errorf("isMemberID(%q) = %v, the pattern says %v", c, got, want)
		}
	}
}

func FuzzIsMemberID(f *testing.F) {
	re := regexp.MustCompile(MemberIDPattern)
	for _, s := range []string{"b2b-1634230375", "a-b2b-x", "b2b-", "b2b-é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isMemberID(s), re.MatchString(s); got != want {
			t.Fatalf("isMemberID(%q) = %v, the pattern says %v", s, got, want)
		}
	})
}

// The store age patterns as they were written before findYears.
var storeAgeRegexps = map[string]*regexp.Regexp{
	"入驻":  regexp.MustCompile(`入驻\s*(\d{1,3})\s*年`),
	"诚信通": regexp.MustCompile(`诚信通\s*(\d{1,3})\s*年`),
}

func checkFindYears(t *testing.T, text string) {
	for label, re := range storeAgeRegexps {
		m := re.FindStringSubmatch(text)
		whole, figure, ok := findYears(text, label)
		if ok != (m != nil) || ok && (whole != m[0] || figure != m[1]) {
			t.Fatalf("findYears(%q, %q) = %q, %q, %v; the pattern finds %q", text, label, whole, figure, ok, m)
		}
	}
}

func TestFindYearsMatchesPattern(t *testing.T) {
	for _, c := range []string{"", "入驻11年", "关注 ·0粉丝 入驻11年 服务分", "入驻 3 年", "入驻\t\n3\r\f年", "入驻1234年", "入驻1234年 入驻5年",
		"入驻年", "入驻　3年", "诚信通 12 年", "诚信通通12年", "入驻入驻7年", "入驻07年", "入驻x年入驻2 年"} {
		checkFindYears(t, c)
	}
}

func FuzzFindYears(f *testing.F) {
	for _, s := range []string{"入驻11年", "诚信通 3 年", "入驻1234年 入驻5年"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkFindYears(t, s) })
}
