package core

import (
	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/rules"
)

// Inputs a verdict can say it is waiting for (Verdict.Pending).
const (
	// PendingStoreAge: the store age decides between trusted and caution
	// (and the store-age warnings); offer and store pages receive it after
	// load, in the store card or the store header response.
	PendingStoreAge = "store-age"
	// PendingPage: a store page whose model could not be read yet; store
	// pages render their text on the client after load, so the text that
	// makes them readable may still come.
	PendingPage = "page"
)

// pendingOf lists what this page may still receive that can change its
// level. The core knows what the model lacks; whether the page has asked
// for it yet only the extension knows (it sees the requests in flight), so
// it decides how long to wait (extension/content.js).
func pendingOf(m *page.Model, level rules.Level) []string {
	out := []string{}
	if !m.Readable && m.Blocked == "" && m.Kind == page.KindStore && level != rules.HighRisk {
		return append(out, PendingPage)
	}
	if !m.Readable || m.Blocked != "" || level == rules.HighRisk {
		return out // nothing that arrives can make it better than high-risk or readable
	}
	if (m.Kind == page.KindOffer || m.Kind == page.KindStore) && !m.Supplier.StoreAgeYears.Known {
		out = append(out, PendingStoreAge)
	}
	return out
}
