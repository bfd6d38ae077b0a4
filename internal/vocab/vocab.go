// Package vocab is the vocabulary the Go core and the extension's
// JavaScript share: input caps, the member-id pattern, page and store-page
// kinds, verdict levels, severities, the badge catalogue and the rule ids.
// It is defined once, in Go (internal/page, internal/rules), and written to
// extension/vocab.js by JS; a test keeps that file up to date
// (UPDATE_DOCS=1 go test ./internal/vocab/ rewrites it).
package vocab

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/rules"
)

// Limits are the snapshot caps the content script and the background apply
// before sending; the core checks the same figures in UTF-8 bytes, the
// JavaScript counts UTF-16 code units (a unit is at most 3 bytes).
type Limits struct {
	URLChars        int `json:"urlChars"`
	Scripts         int `json:"scripts"`
	ScriptChars     int `json:"scriptChars"`
	ScriptsChars    int `json:"scriptsChars"`
	Responses       int `json:"responses"`
	ResponseChars   int `json:"responseChars"`
	ResponsesChars  int `json:"responsesChars"`
	DOMFragments    int `json:"domFragments"`
	DOMChars        int `json:"domChars"`
	DOMBytes        int `json:"domBytes"`
	OfferTitles     int `json:"offerTitles"`
	OfferTitleChars int `json:"offerTitleChars"`
	Cards           int `json:"cards"`
}

// Rule is a rule's id, severity and roles as the UI needs them (the roles
// are rules.Roles: the extension reads them instead of comparing ids).
type Rule struct {
	ID       string `json:"id"`
	Severity string `json:"severity"`
	rules.Roles
}

// Vocab is everything extension/vocab.js carries.
type Vocab struct {
	Limits Limits `json:"limits"`
	// MemberID is the source of a RegExp matching a whole member id;
	// MemberIDIn finds one inside a longer text (flags "g" where needed).
	MemberID   string            `json:"memberId"`
	MemberIDIn string            `json:"memberIdIn"`
	Kinds      []string          `json:"kinds"`
	StorePages []string          `json:"storePages"`
	Levels     []string          `json:"levels"`
	Severities []string          `json:"severities"`
	Badges     []page.BadgeInfo  `json:"badges"`
	Rules      []Rule            `json:"rules"`
	RuleIDs    map[string]string `json:"ruleIds"`
}

// Current is the vocabulary of this build.
func Current() Vocab {
	v := Vocab{
		Limits: Limits{
			URLChars:        page.MaxURLBytes,
			Scripts:         page.MaxScripts,
			ScriptChars:     page.MaxScriptBytes,
			ScriptsChars:    page.MaxScriptsBytes,
			Responses:       page.MaxResponses,
			ResponseChars:   page.MaxResponseBytes,
			ResponsesChars:  page.MaxResponsesBytes / 3,
			DOMFragments:    page.MaxDOMFragments,
			DOMChars:        page.MaxDOMBytes,
			DOMBytes:        page.MaxDOMBytes,
			OfferTitles:     page.MaxStoreOfferTitles,
			OfferTitleChars: page.MaxStoreOfferTitleChars,
			Cards:           page.MaxCards,
		},
		MemberID:   page.MemberIDPattern,
		MemberIDIn: page.MemberIDInTextPattern,
		Kinds:      []string{string(page.KindOffer), string(page.KindStore), string(page.KindSearch), string(page.KindUnknown)},
		StorePages: []string{page.StoreHome, page.StoreCredit, page.StoreContact, page.StoreLicence, page.StoreFactoryCard, page.StoreOfferList},
		Levels:     []string{string(rules.HighRisk), string(rules.Caution), string(rules.Trusted), string(rules.Unknown)},
		Severities: []string{string(rules.High), string(rules.Medium), string(rules.Low), string(rules.Info), string(rules.Positive)},
		Badges:     page.BadgeCatalogue(),
		RuleIDs:    map[string]string{},
	}
	for _, r := range rules.Registry {
		roles := r.Roles
		roles.Scope = roles.ScopeOf()
		v.Rules = append(v.Rules, Rule{ID: r.ID, Severity: string(r.Severity), Roles: roles})
		v.RuleIDs[jsName(r.ID)] = r.ID
	}
	return v
}

// jsName turns "price-outlier-low" into "priceOutlierLow".
func jsName(id string) string {
	parts := strings.Split(id, "-")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// JS is the text of extension/vocab.js: an ES module with one named export
// per field of Vocab (its JSON name), each frozen all the way down.
func JS() string {
	var b strings.Builder
	b.WriteString(`// Generated from internal/vocab (UPDATE_DOCS=1 go test ./internal/vocab/): do not edit.
// The vocabulary the Go core and the extension share: caps, the member-id
// pattern, page kinds, levels, severities, badges, rule ids and roles.
/** @template T @param {T} o @returns {Readonly<T>} */
const deepFreeze = (o) => { Object.values(o).forEach((v) => { if (v && typeof v === 'object') deepFreeze(v); }); return Object.freeze(o); };
`)
	v := reflect.ValueOf(Current())
	for i := 0; i < v.NumField(); i++ {
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		data, err := json.MarshalIndent(v.Field(i).Interface(), "", "  ")
		if err != nil {
			panic(err) // plain data: cannot fail
		}
		if v.Field(i).Kind() == reflect.String {
			fmt.Fprintf(&b, "\nexport const %s = %s;\n", name, data)
		} else {
			fmt.Fprintf(&b, "\nexport const %s = deepFreeze(%s);\n", name, data)
		}
	}
	return b.String()
}
