package rules

import (
	"regexp"
	"testing"
)

// The hand-written name normalisation and id check replace these regexps;
// they must give the same results on every input.
var (
	regionInBracketsRe = regexp.MustCompile(`[(（][^)）]{1,12}[)）]`)
	legalSuffixRe      = regexp.MustCompile(`(股份有限公司|有限责任公司|有限公司|集团公司|公司|商行|经营部|工作室|厂|co\.?,?\s*ltd\.?|limited|ltd\.?|inc\.?)$`)
	nameNoiseRe        = regexp.MustCompile(`[\s·.,，、\-_]+`)
	kebabRe            = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

func checkNameSteps(t *testing.T, s string) {
	if got, want := dropRegions(s), regionInBracketsRe.ReplaceAllString(s, ""); got != want {
		t.Fatalf("dropRegions(%q) = %q, the regexp gives %q", s, got, want)
	}
	noiseless := nameNoiseRe.ReplaceAllString(s, "")
	if got := dropNoise(s); got != noiseless {
		t.Fatalf("dropNoise(%q) = %q, the regexp gives %q", s, got, noiseless)
	}
	// Suffixes are removed after the noise, as normCompany does.
	if got, want := trimLegalSuffix(noiseless), legalSuffixRe.ReplaceAllString(noiseless, ""); got != want {
		t.Fatalf("trimLegalSuffix(%q) = %q, the regexp gives %q", noiseless, got, want)
	}
	if got, want := isKebab(s), kebabRe.MatchString(s); got != want {
		t.Fatalf("isKebab(%q) = %v, the regexp says %v", s, got, want)
	}
}

var nameStepCases = []string{
	"", "广州欧博化妆品有限公司", "广州欧博化妆品(广州)有限公司", "东莞市（兴瑞达）光电有限公司", "a()b", "((a)", "(123456789012)", "(1234567890123)",
	"Shenzhen Orange City Co., Ltd.", "abc coltd", "x 股份有限公司有限公司", "工作室厂", "limitedltd", "inc.", "\xff(\xfe)\xfd",
	"payment-off-platform", "a--b", "-a", "a-", "a", "A-b", "a_b", "星期·天 、_-",
}

func TestNameStepsMatchRegexps(t *testing.T) {
	for _, c := range nameStepCases {
		checkNameSteps(t, c)
	}
}

func FuzzNameSteps(f *testing.F) {
	for _, c := range nameStepCases {
		f.Add(c)
	}
	f.Fuzz(checkNameSteps)
}
