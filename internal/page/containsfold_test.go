package page

import (
	"strings"
	"testing"
)

// containsFoldRef is containsFold written plainly: every position whose
// byte is sub's first letter in either case is a candidate.
func containsFoldRef(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if (s[i] == sub[0] || s[i] == strings.ToUpper(sub[:1])[0]) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

var containsFoldCases = [][2]string{
	{`{"moduleName":"Wp_pc_common_offerlist"}`, svcStoreOffers},
	{`wwwwWWWW wp_pc_common_offerlis`, svcStoreOffers},
	{`WP_PC_COMMON_OFFERLIST`, svcStoreOffers},
	{`xwp_pc_common_offerlisT`, svcStoreOffers},
	{`wp_pc_common_offer`, svcStoreOffers},
	{``, "ab"}, {`aB`, "ab"}, {`AaAb`, "ab"}, {`_x_X`, "_x"}, {`__X`, "_x"}, {`bA`, "ab"},
}

func TestContainsFold(t *testing.T) {
	for _, c := range containsFoldCases {
		if got, want := containsFold(c[0], c[1]), containsFoldRef(c[0], c[1]); got != want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", c[0], c[1], got, want)
		}
	}
	if !containsFold(`"Wp_pc_common_offerlist"`, svcStoreOffers) || containsFold(`wp_pc_common`, svcStoreOffers) {
		t.Error("containsFold misses the module name or finds it in a prefix")
	}
}

func FuzzContainsFold(f *testing.F) {
	for _, c := range containsFoldCases {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, s, sub string) {
		sub = strings.ToLower(sub)
		if sub == "" {
			return
		}
		if got, want := containsFold(s, sub), containsFoldRef(s, sub); got != want {
			t.Fatalf("containsFold(%q, %q) = %v, want %v", s, sub, got, want)
		}
	})
}
