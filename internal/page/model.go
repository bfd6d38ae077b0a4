// Package page turns a snapshot of a 1688 page (its URL, the inline scripts
// that carry page models, the data responses the page received and named DOM
// text fragments) into a typed Model. Every field can be unknown: the parser
// never invents a value the page did not carry.
package page

import (
	"time"

	"github.com/trustlens/trustlens/internal/reviews"
)

// Limits applied before any parsing. Real 1688 models are 100-200 KB; the
// caps leave an order of magnitude of headroom and bound the work a hostile
// page can cause.
const (
	MaxScriptBytes = 4 << 20 // one inline script
	MaxScripts     = 64
	// MaxScriptsBytes bounds all inline scripts of one page together (a
	// real page's model scripts total well under 1 MiB): with the response
	// budget it bounds the message a page can make the extension send.
	MaxScriptsBytes  = 8 << 20
	MaxResponseBytes = 2 << 20 // one captured response body
	MaxResponses     = 1000    // 5,000 reviews at 10 a page, plus the page's other data
	// MaxResponsesBytes bounds all captured bodies of one page together.
	MaxResponsesBytes = 48 << 20
	MaxDOMBytes       = 256 << 10 // one DOM text fragment
	MaxDOMFragments   = 64
	MaxURLBytes       = 4096
)

// Snapshot is what the content script (or the CLI, from a saved page or a
// HAR file) hands to the core. It is the JSON accepted by analyze().
type Snapshot struct {
	URL       string            `json:"url"`
	Scripts   []string          `json:"scripts,omitempty"`   // inline script texts
	Responses []Response        `json:"responses,omitempty"` // data responses the page received
	DOM       map[string]string `json:"dom,omitempty"`       // named visible-text fragments, e.g. "title", "storeName", "body", "header", "offerTitles", "slogan"

	// Remembered is what the extension saw of a seller on an earlier page
	// (see FactsOf). Parse uses it only for fields this page left unknown,
	// and only when it is about the same seller.
	Remembered *SupplierFacts `json:"remembered,omitempty"`

	// Translated is true when the browser translated the page (Chrome marks
	// it with <html class="translated-ltr">): its visible text is then in
	// the buyer's language, and the DOM fragments are not read (translate.go).
	Translated bool `json:"translated,omitempty"`

	// Prior, when set, holds what an earlier call of the same analysis
	// session already read from the first Prior.Read responses (the
	// reviews); Parse reads only the responses after them and extends
	// Prior in place. Nil: everything is read (the stateless path). Never
	// read from JSON (internal/core keeps sessions).
	Prior *ReviewsSoFar `json:"-"`

	// Sent is how many responses the JSON input carried, kept or not
	// (DecodeSnapshot sets it; sessions count with it).
	Sent int `json:"-"`

	// Notes records what DecodeSnapshot, FromHTML or FromHAR cut or dropped
	// because of the caps above, each with its code (note.go); Parse copies
	// their texts into Model.Notes. It is never read from JSON.
	Notes []Note `json:"-"`
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

	Licence       Licence          // the business licence (主体资质) as the licence page / response shows it
	Founded       Field[time.Time] // founding as the store claims it (establishedYear "2017.09", found_time, credit page 成立时间); month-only dates are the 1st, the source quotes the raw text
	BusinessModel Field[string]    // 经营模式 as shown: 生产厂家, 生产型, 经销批发, 贸易型, 工贸一体…, or the header bizTypeName (生产加工)
	Address       Field[string]    // contact / factory address as shown; "暂无" (none given) is kept raw
	ExportSupport Field[bool]      // factory card 接外贸订单 支持 / 不支持
	CreditLevel   Field[string]    // credit grade: tpdocument aliAuth.creditLevel ("AA") or 诚信通体系 text ("BBB")
	FactoryArea   Field[string]    // as shown, e.g. "3100m²"
	Employees     Field[string]    // as shown, e.g. "27人", "51 - 100 人"
	MainCategory  Field[string]    // 主营 / mainCate, e.g. "运动户外"
	Certificates  []string         // certificate names (tpdocument certificate), e.g. "营业执照"
}

// Licence is the business licence (主体资质) as 1688 shows it. Every value
// is the page's text, except dates (parsed, see parseDate).
type Licence struct {
	Company      Field[string]    // 公司名称
	CreditCode   Field[string]    // 统一社会信用代码
	RegNumber    Field[string]    // 注册号
	RegCapital   Field[string]    // 注册资本 as shown, e.g. "500万元"
	LegalRep     Field[string]    // 法定代表人
	CompanyType  Field[string]    // 企业类型
	RegAuthority Field[string]    // 登记机关
	Scope        Field[string]    // 经营范围
	Address      Field[string]    // 注册地址
	Term         Field[string]    // 营业期限, e.g. "2017-09-28 至 至今"
	Founded      Field[time.Time] // 成立日期 / companyYearStarted / startYear
	VerifiedBy   Field[string]    // third-party verifier, e.g. 联信, 中诚信
	VerifiedAt   Field[time.Time] // when the verifier passed it
	AnnualReport Field[string]    // 年报时间, e.g. "2025"
}

// StoreStats are the store-level figures of the shopcard / store header.
// Rates are percentages (0-100).
type StoreStats struct {
	RepurchaseRate Field[float64] // 回头率
	ServiceScore   Field[float64] // 服务分 (0-5)
	GoodRate       Field[float64] // 好评率
	OnTimeRate     Field[float64] // 准时发货率
	Pairs          []Attribute    // every label/value pair as shown

	DisputeRate       Field[float64] // 纠纷率 (last 30 days)
	QualityReturnRate Field[float64] // 品质退货率 (last 30 days)
	Pickup48hRate     Field[float64] // 48H揽收率 (last 30 days)
	Fulfil48hRate     Field[float64] // 48H履约率 (last 30 days)
	Response3mRate    Field[float64] // 3分钟响应率 (last 30 days)
	PaidOrders30d     Field[int]     // 最近30天支付订单数
	ServiceStars      []Attribute    // per-aspect service scores as shown, e.g. {售后体验, 3.3}
}

// Model is the typed result of reading a snapshot.
type Model struct {
	Kind       Kind
	URL        string
	StorePage  string // on store pages: "home", "credit", "contact", "licence", "factory-card", "offer-list"; else ""
	Generation string // "g3", "g2", "mobile", "" when no model was found
	Readable   bool   // a usable page model was found
	// Blocked says why 1688 withheld the page or its data, when it said
	// so: BlockedCaptcha, BlockedLogin, or "" (blocked.go).
	Blocked  string
	Offer    Offer
	Supplier Supplier
	Store    StoreStats
	Texts    []Text   // every text rules may scan for phrases
	Notes    []string // what could not be read and why (failed responses, caps hit)
	// Problems sorts what could not be read (the same events as some of
	// Notes, as values a rule can test).
	Problems Problem

	// Reviews are the reviews the page received (review list and summary
	// responses, or the rendered review items as a fallback); nil when the
	// page carried none. The core analyses them (see internal/reviews).
	Reviews *reviews.Set

	// Cards are the result cards of a search or list page (offers, or
	// suppliers on supplier search), merged from the search data responses
	// and the rendered cards, in page order; at most MaxCards (search.go).
	Cards []Card
	// PeerPrices are the unit prices (CNY, ascending) of comparable offers
	// shown on the same page, without this offer's own; nil when the page
	// shows none. The core sets them (rules.PricePeers) on each card's
	// model, and on the page's offer when the page carries cards.
	PeerPrices []float64
}

// Card is one result card of a search or list page. Strings are "" when
// the card did not carry them; the Fields say where each value was read.
type Card struct {
	Key      string         // the extension's key for the rendered card; else "offer:<id>", "member:<id>" or "card:<n>"
	OfferID  string         // digits
	MemberID string         // as the page gives it: "b2b-…", sometimes "a-b2b-…" (see MemberKey)
	LoginID  string         // seller nick, when the card carries it
	Company  string         // company / store name as shown
	Title    string         // offer title (highlight markup removed)
	Price    Field[float64] // lowest unit price shown (CNY); a range "2.3-20.5" gives its low end
	Unit     Field[string]  // price unit when shown, e.g. "个" from "¥1.98/个"
	Years    Field[int]     // the supplier's years on 1688 (tpServiceYear, "3年")
	Badges   []Badge        // platform credentials the card shows for the supplier
	Tags     []string       // card labels as shown, e.g. "包邮", "产地工厂", "深度验商"
	MOQ      Field[int]     // minimum order quantity
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
