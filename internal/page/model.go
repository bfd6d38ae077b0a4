// Package page turns a snapshot of a 1688 page (its URL, the inline scripts
// that carry page models, the data responses the page received and named DOM
// text fragments) into a typed Model. Every field can be unknown: the parser
// never invents a value the page did not carry.
package page

// Limits applied before any parsing. Real 1688 models are 100-200 KB; the
// caps leave an order of magnitude of headroom and bound the work a hostile
// page can cause.
const (
	MaxScriptBytes   = 4 << 20 // one inline script
	MaxScripts       = 64
	MaxResponseBytes = 2 << 20 // one captured response body
	MaxResponses     = 200
	MaxDOMBytes      = 256 << 10 // one DOM text fragment
	MaxDOMFragments  = 64
	MaxURLBytes      = 4096
)

// Snapshot is what the content script (or the CLI, from a saved page or a
// HAR file) hands to the core. It is the JSON accepted by analyze().
type Snapshot struct {
	URL       string            `json:"url"`
	Scripts   []string          `json:"scripts,omitempty"`   // inline script texts
	Responses []Response        `json:"responses,omitempty"` // data responses the page received
	DOM       map[string]string `json:"dom,omitempty"`       // named visible-text fragments, e.g. "title", "storeName", "body"

	// Notes records what DecodeSnapshot, FromHTML or FromHAR cut or dropped
	// because of the caps above; Parse copies them into Model.Notes. It is
	// never read from JSON.
	Notes []string `json:"-"`
}

// Response is one data response the page received (mtop JSONP, JSON...).
type Response struct {
	URL  string `json:"url"`
	Body string `json:"body"`
}

// Kind of page.
type Kind string

const (
	KindOffer   Kind = "offer"
	KindStore   Kind = "store"
	KindSearch  Kind = "search"
	KindUnknown Kind = "unknown"
)

// Field is a value read from the page together with where it was read.
// Known is false when the page did not carry it: callers must then say
// "unknown", never assume a default.
type Field[T any] struct {
	Value  T
	Known  bool
	Source string // where it was read, e.g. "shopcard data.model.tpYear"
}

// Set records a known value and its source.
func (f *Field[T]) Set(v T, source string) {
	f.Value, f.Known, f.Source = v, true, source
}

// Text is a piece of page text that rules scan for phrases, with a human
// label of where it sits on the page ("title", "attribute 付款方式", "SKU", ...).
type Text struct {
	Where string
	Text  string
}

// PriceTier is one quantity break: from MinQty units the unit price is Price (CNY).
type PriceTier struct {
	MinQty int
	Price  float64
}

// Attribute is a name/value pair from the offer's attribute table or the
// certificate block.
type Attribute struct {
	Name  string
	Value string
}

// Badge is a platform credential the page claims for the supplier, with the
// field that carried it. IDs: "trustpass", "powerful-merchant",
// "super-factory", "powerful-factory", "deep-factory-audit",
// "deep-merchant-audit", "brand-authorization".
type Badge struct {
	ID     string
	Source string // the exact field or text, e.g. `globalData.sellerSign.isSlsj = true`
}

// Offer is what the page says about the product.
type Offer struct {
	ID          Field[string]
	Title       Field[string]
	Unit        Field[string]
	PriceTiers  []PriceTier
	PriceMin    Field[float64]
	PriceMax    Field[float64]
	PriceType   Field[string] // as the page says: "rangePrice" (PriceTiers are quantity breaks) or "skuPrice" (per-SKU prices: min/max only, no tiers)
	MOQ         Field[int]
	SalesText   Field[string] // as shown, e.g. "3.5万+", "月销1000+"
	SalesPeriod Field[string] // the period SalesText covers, as shown, e.g. "一年内"
	SalesCount  Field[int]    // numeric count when the page carries one
	ShipFrom    Field[string]
	Logistics   Field[string] // logistics promise text
	Guarantees  []string      // buyer protections, e.g. "7天无理由退货"
	Attributes  []Attribute
	SKUNames    []string
	Tags        []string    // title tags / labels, e.g. "镇店之宝", "一件代发"
	OfficialDoc []Attribute // certificate / filing numbers shown on the page
}

// Supplier is what the page says about the seller.
type Supplier struct {
	MemberID      Field[string]
	LoginID       Field[string]
	UserID        Field[string]
	Company       Field[string]
	WinportURL    Field[string]
	StoreAgeYears Field[int]    // 1688 counts from 1 in the first year
	BusinessType  Field[string] // raw value: "slsj", "default", or a bizTypeName such as 生产加工
	ShopType      Field[string] // shopcard shopType / sellerIdentity, e.g. "cjgc", "cht"
	Signs         map[string]bool
	Badges        []Badge
}

// StoreStats are the store-level figures of the shopcard / store header.
// Rates are percentages (0-100).
type StoreStats struct {
	RepurchaseRate Field[float64] // 回头率
	ServiceScore   Field[float64] // 服务分 (0-5)
	GoodRate       Field[float64] // 好评率
	OnTimeRate     Field[float64] // 准时发货率
	Pairs          []Attribute    // every label/value pair as shown
}

// Model is the typed result of reading a snapshot.
type Model struct {
	Kind       Kind
	URL        string
	Generation string // "g3", "g2", "mobile", "" when no model was found
	Readable   bool   // a usable page model was found
	Offer      Offer
	Supplier   Supplier
	Store      StoreStats
	Texts      []Text   // every text rules may scan for phrases
	Notes      []string // what could not be read and why (failed responses, caps hit)
}

// HasBadge reports whether the supplier carries the badge and returns it.
func (m *Model) HasBadge(id string) (Badge, bool) {
	for _, b := range m.Supplier.Badges {
		if b.ID == id {
			return b, true
		}
	}
	return Badge{}, false
}
