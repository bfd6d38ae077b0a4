package core

import (
	"sort"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
	"github.com/trustlens/trustlens/internal/rules"
)

// Per-card verdicts of search and list pages. Each card becomes a
// small page.Model (the card's supplier, its offer, its title, the prices
// of the comparable cards on the page) evaluated with the whole registry
// and the same scorer as a page: rules that need data a card lacks do not
// fire, unknown store age can never be trusted, and a card with nothing
// known is "unknown". No JSON is read here: the cards were parsed once.

// Sources of the supplier and offer fields a card model gets from its card.
const (
	srcCardMember  = "result card memberId"
	srcCardLogin   = "result card loginId"
	srcCardCompany = "result card company"
	srcCardOffer   = "result card offerId"
	srcCardTitle   = "result card title"
	whereCardTitle = "card title"
)

// CardOut is the compact verdict of one result card (docs/verdict.md).
type CardOut struct {
	Key           string          `json:"key"`
	OfferID       *string         `json:"offerId"`
	MemberID      *string         `json:"memberId"`
	Company       *string         `json:"company"`
	StoreAgeYears *int            `json:"storeAgeYears"`
	Badges        []string        `json:"badges"`
	Price         *float64        `json:"price"` // lowest unit price read (CNY)
	Level         rules.Level     `json:"level"`
	Score         *int            `json:"score"`
	Findings      []rules.Finding `json:"findings"`
	// Evidence is each finding's evidence written for a buyer, by finding
	// id, as the page's summary.evidence.
	Evidence   map[string][]rules.Text `json:"evidence"`
	BuyerEntry *BuyerEntryOut          `json:"buyerEntry"`
}

// scoreOf is rules.Score, except that a supplier on the buyer's blocked
// list is high-risk even when nothing else could be read (score null).
func scoreOf(m *page.Model, findings []rules.Finding) (*int, rules.Level) {
	score, level := rules.Score(m, findings)
	if level == rules.Unknown {
		for _, f := range findings {
			if rules.RolesOf(f.ID).DecidesUnread {
				level = rules.HighRisk
			}
		}
	}
	return score, level
}

func hasFinding(fs []rules.Finding, id string) bool {
	for _, f := range fs {
		if f.ID == id {
			return true
		}
	}
	return false
}

// preparePage runs before the page's rules: it notes a supplierEntry that
// names another member, works out the comparable card prices once, and
// gives the page's own offer its PeerPrices.
func preparePage(m *page.Model, c *rules.Context) *rules.PricePeers {
	if e, id := c.SupplierEntry, m.Supplier.MemberID; e != nil && e.MemberID != "" && id.Known &&
		page.MemberKey(e.MemberID) != page.MemberKey(id.Value) {
		m.Notes = append(m.Notes, format.Sprintf("buyer.supplierEntry is for member %q, not this page's supplier %s: not applied", cutUTF8(e.MemberID, maxMemberKey), id.Value))
	}
	if len(m.Cards) == 0 {
		return nil
	}
	peers := rules.NewPricePeers(m.Cards)
	if m.Offer.PriceMin.Known {
		m.PeerPrices = peers.ForOffer(&m.Offer)
	}
	return peers
}

// finishSearch: a search page has no supplier or offer of its own. When
// cards were read, the page is readable but its level is "unknown" with no
// score, and its supplier and offer blocks are empty (a search page's
// <title> is no offer title); each card carries its own verdict.
func finishSearch(v *Verdict, m *page.Model) {
	if m.Kind != page.KindSearch || len(m.Cards) == 0 {
		return
	}
	v.Readable, v.Score, v.Level = true, nil, rules.Unknown
	v.Findings, v.OrderAdvice, v.Facts, v.BuyerEntry = []rules.Finding{}, nil, nil, nil
	v.Supplier, v.Offer = SupplierOut{Badges: []string{}}, OfferOut{}
}

// judgeCards gives every card its verdict. On a store page the store's own
// cards (no member id, or the store's) inherit the store's supplier and
// store figures, and every page finding the card's own evaluation lacks,
// so a card is never more reassuring than its store.
func judgeCards(m *page.Model, c *rules.Context, peers *rules.PricePeers, pageFindings []rules.Finding) []CardOut {
	out := make([]CardOut, 0, len(m.Cards))
	pageKey := ""
	if m.Supplier.MemberID.Known {
		pageKey = page.MemberKey(m.Supplier.MemberID.Value)
	}
	for i := range m.Cards {
		card := &m.Cards[i]
		inherit := m.Kind == page.KindStore && (card.MemberID == "" || page.MemberKey(card.MemberID) == pageKey)
		cm := cardModel(m, card, inherit, peers.For(i))
		cc := rules.Context{Now: c.Now, Entries: c.Entries, MinStoreYears: c.MinStoreYears}
		if inherit {
			cc.SupplierEntry = c.SupplierEntry
		}
		findings := cardFindings(rules.Evaluate(&cm, &cc), inherit, pageFindings)
		score, level := scoreOf(&cm, findings)
		badges := make([]string, 0, len(cm.Supplier.Badges))
		for _, b := range cm.Supplier.Badges {
			badges = append(badges, b.ID)
		}
		co := CardOut{
			Key:           card.Key,
			StoreAgeYears: opt(cm.Supplier.StoreAgeYears),
			Badges:        badges,
			Price:         opt(card.Price),
			Level:         level,
			Score:         score,
			Findings:      findings,
			Evidence:      map[string][]rules.Text{},
			BuyerEntry:    entryOut(cc.EntryFor(&cm)),
		}
		for _, f := range findings {
			if len(f.Said) > 0 {
				co.Evidence[f.ID] = f.Said
			}
		}
		if card.OfferID != "" {
			co.OfferID = &card.OfferID
		}
		co.MemberID = opt(cm.Supplier.MemberID)
		co.Company = opt(cm.Supplier.Company)
		out = append(out, co)
	}
	return out
}

// cardModel builds the model one card is judged on.
func cardModel(m *page.Model, card *page.Card, inherit bool, peers []float64) page.Model {
	cm := page.Model{Kind: m.Kind, URL: m.URL, PeerPrices: peers}
	if inherit {
		cm.Supplier, cm.Store, cm.Readable = m.Supplier, m.Store, m.Readable
	}
	sup := &cm.Supplier
	if card.MemberID != "" && !sup.MemberID.Known {
		sup.MemberID.Set(card.MemberID, srcCardMember)
	}
	if card.LoginID != "" && !sup.LoginID.Known {
		sup.LoginID.Set(card.LoginID, srcCardLogin)
	}
	if card.Company != "" && !sup.Company.Known {
		sup.Company.Set(card.Company, srcCardCompany)
	}
	if !sup.StoreAgeYears.Known {
		sup.StoreAgeYears = card.Years
	}
	switch {
	case len(card.Badges) == 0:
	case len(sup.Badges) == 0:
		sup.Badges = card.Badges // read only: shared with the card
	default:
		merged := append(make([]page.Badge, 0, len(sup.Badges)+len(card.Badges)), sup.Badges...)
		for _, b := range card.Badges {
			if _, ok := cm.HasBadge(b.ID); !ok {
				merged = append(merged, b)
			}
		}
		sup.Badges = merged
	}
	o := &cm.Offer
	if card.OfferID != "" {
		o.ID.Set(card.OfferID, srcCardOffer)
	}
	if card.Title != "" {
		o.Title.Set(card.Title, srcCardTitle)
		cm.Texts = []page.Text{{Where: whereCardTitle, Text: card.Title}}
	}
	o.PriceMin, o.Unit, o.MOQ = card.Price, card.Unit, card.MOQ
	cm.Readable = cm.Readable || card.Price.Known || card.Years.Known || len(card.Badges) > 0
	return cm
}

// cardFindings drops what does not apply to a card (findings about the
// page: a card's "unknown" level says it) and, for a store's own card, adds
// the store page's findings about the supplier the card's evaluation lacks.
func cardFindings(own []rules.Finding, inherit bool, pageFindings []rules.Finding) []rules.Finding {
	out := own[:0]
	for _, f := range own {
		if rules.RolesOf(f.ID).ScopeOf() != rules.ScopePage {
			out = append(out, f)
		}
	}
	if inherit {
		n := len(out)
		for _, f := range pageFindings {
			if rules.RolesOf(f.ID).ScopeOf() != rules.ScopeSupplier {
				continue // about the page, the buyer's order or the page's own offer
			}
			if !hasFinding(out[:n], f.ID) {
				out = append(out, f)
			}
		}
		if len(out) > n {
			sort.SliceStable(out, func(i, j int) bool {
				if a, b := out[i].Severity.Rank(), out[j].Severity.Rank(); a != b {
					return a < b
				}
				return out[i].ID < out[j].ID
			})
		}
	}
	if out == nil {
		out = []rules.Finding{}
	}
	return out
}
