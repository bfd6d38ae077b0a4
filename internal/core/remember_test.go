package core

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestRememberedSupplierOnOfferPage: what a store page revealed (age 8, the
// licence) fills the offer page of the same supplier, which lacks it, and the
// verdict says where it came from.
func TestRememberedSupplierOnOfferPage(t *testing.T) {
	model, err := os.ReadFile("../page/testdata/real/offer-833454967766.init-data.json")
	if err != nil {
		t.Fatal(err)
	}
	age := 8
	in := map[string]any{
		"url":     "https://detail.1688.com/offer/833454967766.html",
		"scripts": []string{"window.__INIT_DATA=" + string(model) + ";"},
		"remembered": map[string]any{
			"memberId": "b2b-22175540303633d894", "company": "东莞市兴瑞达光电有限公司",
			"storeAgeYears": age, "licenceCompany": "深圳市别的贸易有限公司",
			"seenUrl": "https://shop1.1688.com/page/creditdetail.htm", "seenAt": "2026-11-20T10:00:00Z",
		},
	}
	b, _ := json.Marshal(in)
	v := decode(t, AnalyzeJSON(b))
	if v.Supplier.StoreAgeYears == nil || *v.Supplier.StoreAgeYears != 8 {
		t.Fatalf("remembered age not used: %v", v.Supplier.StoreAgeYears)
	}
	var sawAge, sawLicence bool
	for _, f := range v.Findings {
		switch f.ID {
		case "store-age-established":
			sawAge = strings.Contains(f.Evidence, "remembered from https://shop1.1688.com/page/creditdetail.htm")
		case "licence-mismatch":
			sawLicence = true
		}
	}
	if !sawAge || !sawLicence {
		t.Fatalf("findings %+v", v.Findings)
	}

	// Another supplier's facts are never applied.
	in["remembered"].(map[string]any)["memberId"] = "b2b-someoneelse00"
	b, _ = json.Marshal(in)
	if v := decode(t, AnalyzeJSON(b)); v.Supplier.StoreAgeYears != nil {
		t.Fatalf("facts of another member applied: %d", *v.Supplier.StoreAgeYears)
	}
}
