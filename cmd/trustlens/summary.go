package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/trustlens/trustlens/internal/core"
	"github.com/trustlens/trustlens/internal/rules"
)

var levelWords = map[rules.Level]string{
	rules.Trusted:  "Trusted",
	rules.Caution:  "Caution",
	rules.HighRisk: "High risk",
	rules.Unknown:  "Unknown",
}

// badgeLine is the same text the overlay badge shows: level · score · years.
func badgeLine(v core.Verdict) string {
	score, years := "–", "?"
	if v.Score != nil {
		score = fmt.Sprint(*v.Score)
	}
	if y := v.Supplier.StoreAgeYears; y != nil {
		years = fmt.Sprintf("%d yr", *y)
		if *y != 1 {
			years += "s"
		}
	}
	return fmt.Sprintf("%s · %s · %s", levelWords[v.Level], score, years)
}

func str(p *string) string {
	if p == nil {
		return "unknown"
	}
	return *p
}

func writeSummary(w io.Writer, v core.Verdict) {
	fmt.Fprintf(w, "TrustLens: %s\n", badgeLine(v))
	if r := v.Summary.Reason.EN; r != "" {
		fmt.Fprintf(w, "Why:      %s\n", r)
	}
	for _, a := range v.Summary.Actions {
		fmt.Fprintf(w, "Do:       %s\n", a.EN)
	}
	if v.Error != "" {
		fmt.Fprintf(w, "Could not analyse this page: %s\n", v.Error)
	}
	fmt.Fprintf(w, "Page:     %s (%s)\n", v.Kind, orUnknown(v.URL))
	fmt.Fprintf(w, "Supplier: %s  member %s  login %s\n", str(v.Supplier.Company), str(v.Supplier.MemberID), str(v.Supplier.LoginID))
	if len(v.Supplier.Badges) > 0 {
		fmt.Fprintf(w, "Badges:   %s\n", strings.Join(v.Supplier.Badges, ", "))
	}
	if v.Offer.ID != nil || v.Offer.Title != nil {
		fmt.Fprintf(w, "Offer:    %s  %s\n", str(v.Offer.ID), str(v.Offer.Title))
		fmt.Fprintf(w, "Price:    %s CNY  MOQ %s  sales %s\n", priceRange(v.Offer.PriceMin, v.Offer.PriceMax), intOr(v.Offer.MOQ), str(v.Offer.Sales))
	}
	var pos []rules.Finding
	for _, f := range v.Findings {
		if f.Severity == rules.Positive {
			pos = append(pos, f)
			continue
		}
		// What a buyer reads (summary.evidence), then the technical source.
		fmt.Fprintf(w, "\n[%s] %s / %s\n", strings.ToUpper(string(f.Severity)), f.Title.EN, f.Title.ZH)
		for i, t := range v.Summary.Evidence[f.ID] {
			label := "  seen:     "
			if i > 0 {
				label = "            "
			}
			fmt.Fprintf(w, "%s%s\n", label, t.EN)
		}
		fmt.Fprintf(w, "  source:   %s\n  advice:   %s\n", f.Evidence, f.Advice.EN)
	}
	if len(pos) > 0 {
		fmt.Fprintln(w, "\nPositive signals:")
		for _, f := range pos {
			seen := f.Evidence
			if said := v.Summary.Evidence[f.ID]; len(said) > 0 {
				seen = said[0].EN
			}
			fmt.Fprintf(w, "  + %s  (%s)\n", f.Title.EN, seen)
		}
	}
	if a := v.OrderAdvice; a != nil {
		fmt.Fprintf(w, "\nPlanned order %.0f USD (%s):\n", a.PlannedUSD, a.Tone)
		for _, s := range a.Steps {
			fmt.Fprintf(w, "  - %s\n", s.EN)
		}
	}
	for _, n := range v.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown address"
	}
	return s
}

func intOr(p *int) string {
	if p == nil {
		return "unknown"
	}
	return fmt.Sprint(*p)
}

func priceRange(lo, hi *float64) string {
	switch {
	case lo == nil:
		return "unknown"
	case hi == nil || *hi == *lo:
		return fmt.Sprintf("%.2f", *lo)
	}
	return fmt.Sprintf("%.2f-%.2f", *lo, *hi)
}
