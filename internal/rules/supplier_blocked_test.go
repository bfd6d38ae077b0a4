package rules

import (
	"testing"

	"github.com/trustlens/trustlens/internal/page"
)

func member(id string) func(*page.Model) {
	return func(m *page.Model) { m.Supplier.MemberID.Set(id, "page address memberId") }
}

var _ = casesFor("supplier-blocked",
	ruleCase{name: "page entry block with the buyer's note", model: model(age(11)),
		ctx:  Context{SupplierEntry: &BuyerEntry{Action: ActionBlock, Note: "sent wrong colours twice"}},
		fire: true, evidence: "on your blocked list: sent wrong colours twice"},
	ruleCase{name: "block without note", model: model(), ctx: Context{SupplierEntry: &BuyerEntry{Action: ActionBlock}},
		fire: true, evidence: "on your blocked list"},
	ruleCase{name: "search card by member id", model: model(member("b2b-2926666289")),
		ctx:  Context{Entries: map[string]BuyerEntry{"b2b-2926666289": {Action: ActionBlock, Note: "fake factory"}}},
		fire: true, evidence: "fake factory"},
	ruleCase{name: "a-b2b- id matches b2b- entry", model: model(member("a-b2b-2926666289")),
		ctx:  Context{Entries: map[string]BuyerEntry{"b2b-2926666289": {Action: ActionBlock}}},
		fire: true, evidence: "blocked"},
	ruleCase{name: "supplierEntry naming this member", model: model(member("b2b-1")),
		ctx:  Context{SupplierEntry: &BuyerEntry{Action: ActionBlock, MemberID: "b2b-1"}},
		fire: true, evidence: "blocked"},
	ruleCase{name: "trust entry", model: model(), ctx: Context{SupplierEntry: &BuyerEntry{Action: ActionTrust, Note: "good"}}},
	ruleCase{name: "none entry", model: model(), ctx: Context{SupplierEntry: &BuyerEntry{Action: ActionNone}}},
	ruleCase{name: "no entry", model: model(member("b2b-1"))},
	ruleCase{name: "another member's entry", model: model(member("b2b-1")),
		ctx: Context{Entries: map[string]BuyerEntry{"b2b-2": {Action: ActionBlock}}}},
	ruleCase{name: "supplierEntry for another member", model: model(member("b2b-1")),
		ctx: Context{SupplierEntry: &BuyerEntry{Action: ActionBlock, MemberID: "b2b-2"}}},
	ruleCase{name: "entries need a member id", model: model(),
		ctx: Context{Entries: map[string]BuyerEntry{"b2b-2": {Action: ActionBlock}}}},
)

// A block is high-risk whatever the positives; a trust entry changes nothing.
func TestBuyerEntryLevels(t *testing.T) {
	m := model(age(11), badge("super-factory", "x"))
	base := Evaluate(&m, &Context{})
	_, lvl := Score(&m, base)
	s, blocked := Score(&m, Evaluate(&m, &Context{SupplierEntry: &BuyerEntry{Action: ActionBlock}}))
	if lvl != Trusted || blocked != HighRisk || *s > highFindingCap {
		t.Fatalf("levels: plain %s, blocked %s (%d)", lvl, blocked, *s)
	}
	young := model(age(1))
	_, y := Score(&young, Evaluate(&young, &Context{SupplierEntry: &BuyerEntry{Action: ActionTrust, Rating: 5}}))
	if y != HighRisk {
		t.Fatalf("trust entry raised a 1-year store to %s", y)
	}
}
