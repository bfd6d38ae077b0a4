package rules

import "github.com/trustlens/trustlens/internal/page"

// BuyerEntry is the buyer's own verdict on a supplier, kept by the
// extension and sent with the snapshot.
type BuyerEntry struct {
	Action string // ActionBlock, ActionTrust or ActionNone
	Note   string // the buyer's own text, at most MaxBuyerNote bytes
	Rating int    // 1-5; 0 when not rated
	// MemberID, when given with buyer.supplierEntry, is the supplier the
	// entry is about; an entry for another member is not applied.
	MemberID string
}

// Buyer-list actions.
const (
	ActionBlock = "block"
	ActionTrust = "trust"
	ActionNone  = "none"
)

// Caps on the buyer's list as sent with one snapshot.
const (
	MaxBuyerEntries = 500
	MaxBuyerNote    = 500
)

// EntryFor returns the buyer's entry for the model's supplier: the page's
// supplierEntry (unless it names another member), else the entry of the
// supplier's member id.
func (c *Context) EntryFor(m *page.Model) (BuyerEntry, bool) {
	id := m.Supplier.MemberID
	if e := c.SupplierEntry; e != nil {
		if e.MemberID == "" || !id.Known || page.MemberKey(e.MemberID) == page.MemberKey(id.Value) {
			return *e, true
		}
	}
	if id.Known && len(c.Entries) > 0 {
		e, ok := c.Entries[page.MemberKey(id.Value)]
		return e, ok
	}
	return BuyerEntry{}, false
}

var supplierBlocked = Rule{
	ID:       "supplier-blocked",
	Severity: High,
	Roles: Roles{DecidesUnread: true, Card: CardBlocked, Action: ActWalkAway,
		Reason: Text{EN: "on your blocked list", ZH: "在你的拉黑名单中"}},
	Title: Text{
		EN: "On your blocked list",
		ZH: "已在你的屏蔽名单中",
	},
	Advice: Text{
		EN: "You blocked this supplier earlier. Do not order from it; if you have changed your mind, change its entry in your TrustLens supplier list first.",
		ZH: "你之前已屏蔽该供应商。不要向其下单；如果改变了主意，请先在TrustLens供应商名单中修改该条目。",
	},
	Fires: "The buyer's own supplier list marks this supplier `block`: `buyer.supplierEntry` for the page's supplier, or `buyer.entries[memberId]` for a search card. The evidence quotes the buyer's note. A `trust` entry never raises the level: it is only echoed (`buyerEntry`).",
	Guide: "The buyer's own experience with a supplier outranks what its page claims: “If you see a combination of these signs, leave” — a supplier the buyer already left stays left, whatever its badges or years.",
	Check: func(m *page.Model, c *Context) []string {
		e, ok := c.EntryFor(m)
		if !ok || e.Action != ActionBlock {
			return nil
		}
		if e.Note == "" {
			return []string{"on your blocked list"}
		}
		return []string{"on your blocked list: " + e.Note}
	},
	Say: func(m *page.Model, c *Context, _ []Finding) []Text {
		t := Text{EN: "You blocked this supplier in your TrustLens list", ZH: "你已在TrustLens名单中屏蔽该供应商"}
		if e, ok := c.EntryFor(m); ok && e.Note != "" {
			t.EN += ": your note says “" + e.Note + "”"
			t.ZH += "，你的备注：“" + e.Note + "”"
		}
		return []Text{t}
	},
}
