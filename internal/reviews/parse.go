package reviews

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"github.com/trustlens/trustlens/internal/jsonkeys"
)

// Response kinds (1688-pages.md §4).
const (
	apiDsr  = "querydsrratedatav2"   // mtop.1688.trade.service.MtopRateService.queryDsrRateDataV2
	apiList = "queryitemratedlistv2" // mtop.1688.trade.service.MtopRateService.queryItemRatedListV2
	apiOld  = "rates.json"           // rate.1688.com/remark/offerDetail/rates.json (≈2015-2019)
)

type respKind int

const (
	kindUnknown respKind = iota
	kindDsr
	kindList
	kindOld
)

// Constant gjson paths (security.md: keep query paths constant). Paths
// marked GUESS were not seen in any real body; the first of each list is the
// documented one.
const (
	pRet     = "ret"
	pAPI     = "api"
	pSuccess = "success" // old rate.1688.com JSON

	pData = "data" // every path below is inside the top-level data object

	// queryDsrRateDataV2 (documented: data.model; the others are GUESSES).
	pDsrModel       = "model"
	pDsrModelResult = "result.model" // GUESS
	pDsrResult      = "result"       // GUESS
	pDsrData        = "data"         // GUESS: data.data
	pGoodRates      = "goodRates"
	pGoodRate       = "goodRate" // GUESS: singular spelling
	pGoodsGrade     = "goodsGrade"
	pGoodsScore     = "goodsScore" // GUESS
	pCommonTags     = "commonTagNodeList"
	pImpressionTags = "impressionTagNodeList"
	pTagName        = "name"
	pTagNameAlt     = "tagName" // GUESS
	pTagCount       = "count"
	pTagCountAlt    = "num"             // GUESS
	pSystemRemarks  = "systemRemarkCnt" // SEEN-DATA (real full body, 2024-04), a string

	// rates.json
	pOldRates     = "rates" // data.rates
	pOldStar      = "rateItem.0.starLevel"
	pOldContent   = "rateItem.0.remarkContent"
	pOldDate      = "rateItem.0.remarkTime" // GUESS
	pOldDateAlt   = "rateItem.0.gmtCreate"  // GUESS
	pOldID        = "rateItem.0.id"         // GUESS
	pOldQuantity  = "quantity"
	pOldNick      = "member.loginId" // GUESS
	pOldNickAlt   = "buyerName"      // GUESS (saleRecords.json spelling)
	pOldSpec      = "specInfo"       // GUESS
	pOldDateOuter = "rateDate"       // GUESS
)

// listPaths are where queryItemRatedListV2 keeps its rows inside the
// top-level data object, most likely first. data.model as the array itself is SEEN-CODE (a public scraper that
// reads live responses); data.model.commentList is documented
// (1688-pages.md §4); the rest are GUESSES at renamed keys.
var listPaths = []string{
	"model",
	"model.commentList",
	"model.rateList",
	"model.rates",
	"model.list",
	"model.dataList",
	"result.commentList",
	"result.rateList",
	"result.model.commentList",
	"result.data.commentList",
	"result.list",
	"data.commentList",
	"data.rateList",
	"data.list",
	"commentList",
	"rateList",
}

// Per-row keys, documented first, then SEEN-CODE and GUESSED alternatives.
var (
	rowID      = []string{"id", "rateId", "rateID", "commentId", "feedbackId"}
	rowContent = []string{"content", "rateContent", "remarkContent", "feedback", "commentContent"}
	rowStars   = []string{"starLevel", "star", "rateStar", "score", "starLevelNum"}
	rowSpec    = []string{"specInfo", "skuInfo", "skuDesc", "specification", "sku"}
	rowQty     = []string{"quantity", "buyAmount", "buyQuantity", "amount"}
	rowNick    = []string{"raterUserNick", "userNick", "buyerName", "nick", "displayUserNick", "raterNick"}
	rowDate    = []string{"gmtPublished", "gmtCreate", "publishTime", "rateDate", "date", "gmtModified"}
	rowImages  = []string{"images", "imageList", "pics", "picList", "attachments", "pictures"}
	rowImgNum  = []string{"imageCount", "picCount"}
	rowSystem  = []string{"isSystemRemark", "systemRemark"} // SEEN-CODE
)

// ParseResponse reads one captured review response: queryDsrRateDataV2 (the
// summary), queryItemRatedListV2 (a page of reviews) or the old rates.json.
// The body may be JSON or JSONP (`mtopjsonp3({...})`). A response whose ret
// is not SUCCESS (FAIL_SYS_TOKEN_EMPTY, a captcha ...) or whose success flag
// is false yields nothing and ok=false; so does an unknown shape. The url
// (the request URL) picks the kind; the body's api field or its shape decide
// when the url does not.
func ParseResponse(url, body string) (reviews []Review, summary *Summary, ok bool) {
	if len(body) > MaxBodyBytes || len(url) > 8192 {
		return nil, nil, false
	}
	js, isJSON := unwrapJSONP(body)
	if !isJSON || !gjson.Valid(js) {
		return nil, nil, false
	}
	root := gjson.Parse(jsonkeys.LastWins(js)) // a repeated key reads as in the page's JavaScript
	if !root.IsObject() {
		return nil, nil, false
	}
	// One pass over the top-level keys (mtop bodies put ret after the large
	// data object, so separate lookups would each scan the whole body).
	var ret, success, api, data gjson.Result
	root.ForEach(func(k, v gjson.Result) bool {
		switch k.Str {
		case pRet:
			ret = v
		case pSuccess:
			success = v
		case pAPI:
			api = v
		case pData:
			data = v
		}
		return true
	})
	if ret.Exists() {
		first := ret
		if ret.IsArray() {
			first = ret.Get("0")
		}
		if !strings.HasPrefix(first.String(), "SUCCESS") {
			return nil, nil, false
		}
	}
	if success.Exists() && !success.Bool() {
		return nil, nil, false
	}
	if !data.IsObject() {
		return nil, nil, false
	}
	kind := kindOf(url)
	if kind == kindUnknown {
		kind = kindOf(api.String())
	}
	if kind == kindUnknown {
		kind = shapeOf(data)
	}
	switch kind {
	case kindDsr:
		if s := readSummary(data); s != nil {
			return nil, s, true
		}
	case kindList:
		if rows, found := findList(data); found {
			return readRows(rows, SourceList), nil, true
		}
	case kindOld:
		if rows := data.Get(pOldRates); rows.IsArray() {
			return readOldRates(rows), nil, true
		}
	}
	return nil, nil, false
}

func kindOf(s string) respKind {
	if k := kindOfLower(s); k != kindUnknown { // mtop URL paths are lower case already
		return k
	}
	return kindOfLower(strings.ToLower(s))
}

func kindOfLower(s string) respKind {
	switch {
	case strings.Contains(s, apiDsr):
		return kindDsr
	case strings.Contains(s, apiList):
		return kindList
	case strings.Contains(s, apiOld), strings.Contains(s, "remark/offerdetail/rates"):
		return kindOld
	}
	return kindUnknown
}

func shapeOf(data gjson.Result) respKind {
	if dsrModel(data).Exists() {
		return kindDsr
	}
	if data.Get(pOldRates).IsArray() {
		return kindOld
	}
	if _, ok := findList(data); ok {
		return kindList
	}
	return kindUnknown
}

// unwrapJSONP returns the JSON inside `name({...})` or `name({...});`, or the
// body itself when it already is JSON.
func unwrapJSONP(body string) (string, bool) {
	s := strings.TrimSpace(body)
	s = strings.TrimPrefix(s, "\uFEFF")
	if s == "" {
		return "", false
	}
	if s[0] == '{' || s[0] == '[' {
		return s, true
	}
	// identifier, optional spaces, '(' ... ')' [;]
	i := 0
	for i < len(s) && (s[i] == '_' || s[i] == '$' || s[i] == '.' || s[i] >= '0' && s[i] <= '9' ||
		s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == 0 || i > 128 {
		return "", false
	}
	rest := strings.TrimSpace(s[i:])
	if !strings.HasPrefix(rest, "(") {
		return "", false
	}
	rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest[1:]), ";"))
	if !strings.HasSuffix(rest, ")") {
		return "", false
	}
	inner := strings.TrimSpace(rest[:len(rest)-1])
	if inner == "" || inner[0] != '{' && inner[0] != '[' {
		return "", false
	}
	return inner, true
}

func dsrModel(data gjson.Result) gjson.Result {
	for _, p := range []string{pDsrModel, pDsrModelResult, pDsrResult, pDsrData} {
		m := data.Get(p)
		if m.IsObject() && (m.Get(pGoodRates).Exists() || m.Get(pGoodsGrade).Exists() ||
			m.Get(pCommonTags).IsArray() || m.Get(pGoodRate).Exists()) {
			return m
		}
	}
	return gjson.Result{}
}

func readSummary(data gjson.Result) *Summary {
	m := dsrModel(data)
	if !m.Exists() {
		return nil
	}
	s := &Summary{}
	if v, ok := percentOf(first(m, pGoodRates, pGoodRate)); ok {
		s.GoodRate = &v
	}
	if v, ok := numberOf(first(m, pGoodsGrade, pGoodsScore)); ok && v >= 0 && v <= 5 {
		s.GoodsGrade = &v
	}
	readTags := func(list gjson.Result, impression bool) {
		if !list.IsArray() {
			return
		}
		n := 0
		list.ForEach(func(_, t gjson.Result) bool {
			if n >= 200 {
				return false
			}
			n++
			name := first(t, pTagName, pTagNameAlt).String()
			// A public scraper strips a "#..." suffix from tag names
			// before comparing with 全部 (SEEN-CODE).
			if i := strings.IndexByte(name, '#'); i >= 0 {
				name = name[:i]
			}
			name = capRunes(strings.TrimSpace(name), 64)
			c, ok := numberOf(first(t, pTagCount, pTagCountAlt))
			if name == "" || !ok || c < 0 || c > 1e9 {
				return true
			}
			s.Tags = append(s.Tags, Tag{Name: name, Count: int(c), Impression: impression})
			if !impression && name == "全部" && s.Total == nil {
				total := int(c)
				s.Total = &total
			}
			return true
		})
	}
	if v, ok := numberOf(m.Get(pSystemRemarks)); ok && v >= 0 && v <= 1e9 {
		c := int(v)
		s.SystemRemarks = &c
	}
	readTags(m.Get(pCommonTags), false)
	readTags(m.Get(pImpressionTags), true)
	return s
}

func findList(data gjson.Result) (gjson.Result, bool) {
	for _, p := range listPaths {
		if v := data.Get(p); v.IsArray() {
			return v, true
		}
	}
	return gjson.Result{}, false
}

// Row fields, indexed for the one-pass key lookup in readRows.
const (
	fID = iota
	fContent
	fStars
	fSpec
	fQty
	fNick
	fDate
	fImages
	fImgNum
	fSystem
	nFields
)

// rowKeys maps every accepted key to its field and its rank (0 = the
// documented key, which wins over alternatives present in the same row).
var rowKeys = func() map[string][2]int {
	m := map[string][2]int{}
	for f, keys := range [nFields][]string{rowID, rowContent, rowStars, rowSpec, rowQty, rowNick, rowDate, rowImages, rowImgNum, rowSystem} {
		for rank, k := range keys {
			m[k] = [2]int{f, rank}
		}
	}
	return m
}()

// readRows reads review rows, visiting each row's keys once (not one
// lookup per candidate key: this runs for every captured page).
func readRows(rows gjson.Result, source string) []Review {
	var out []Review
	rows.ForEach(func(_, row gjson.Result) bool {
		if len(out) >= MaxPerResponse {
			return false
		}
		if !row.IsObject() {
			return true
		}
		var vals [nFields]gjson.Result
		var rank [nFields]int
		for i := range rank {
			rank[i] = 1 << 30
		}
		row.ForEach(func(k, v gjson.Result) bool {
			if fr, ok := rowKeys[k.Str]; ok && fr[1] < rank[fr[0]] && v.Type != gjson.Null {
				vals[fr[0]], rank[fr[0]] = v, fr[1]
			}
			return true
		})
		r := Review{Source: source}
		r.ID = vals[fID].String()
		r.Content = vals[fContent].String()
		if v, ok := numberOf(vals[fStars]); ok {
			r.Stars = starsOf(v)
		}
		r.Spec = decodeSpec(vals[fSpec].String())
		if v, ok := numberOf(vals[fQty]); ok && v > 0 && v < maxQuantity {
			r.Quantity = int(v)
		}
		r.Nick = vals[fNick].String()
		r.Published, _ = timeOf(vals[fDate])
		if imgs := vals[fImages]; imgs.IsArray() {
			r.Images = countArray(imgs, maxImages)
		} else if v, ok := numberOf(vals[fImgNum]); ok && v > 0 {
			r.Images = clampInt(int(v), 0, maxImages)
		}
		if sys := vals[fSystem]; sys.Exists() && (sys.Bool() || sys.String() == "1") {
			r.System = true
		}
		out = append(out, r)
		return true
	})
	return out
}

func readOldRates(rows gjson.Result) []Review {
	var out []Review
	rows.ForEach(func(_, row gjson.Result) bool {
		if len(out) >= MaxPerResponse {
			return false
		}
		if !row.IsObject() {
			return true
		}
		r := Review{Source: SourceRates}
		r.ID = row.Get(pOldID).String()
		r.Content = row.Get(pOldContent).String()
		if v, ok := numberOf(row.Get(pOldStar)); ok {
			r.Stars = starsOf(v)
		}
		if v, ok := numberOf(row.Get(pOldQuantity)); ok && v > 0 && v < maxQuantity {
			r.Quantity = int(v)
		}
		r.Nick = first(row, pOldNick, pOldNickAlt).String()
		r.Spec = decodeSpec(row.Get(pOldSpec).String())
		r.Published, _ = timeOf(first(row, pOldDate, pOldDateAlt, pOldDateOuter))
		out = append(out, r)
		return true
	})
	return out
}

// first returns the first of the paths that exists and is not null.
func first(r gjson.Result, paths ...string) gjson.Result {
	for _, p := range paths {
		if v := r.Get(p); v.Exists() && v.Type != gjson.Null {
			return v
		}
	}
	return gjson.Result{}
}

func countArray(a gjson.Result, max int) int {
	n := 0
	a.ForEach(func(_, _ gjson.Result) bool {
		n++
		return n < max
	})
	return n
}

// numberOf reads a finite JSON number or numeric string.
func numberOf(v gjson.Result) (float64, bool) {
	var f float64
	switch v.Type {
	case gjson.Number:
		f = v.Num
	case gjson.String:
		s := strings.TrimSpace(v.Str)
		if len(s) > 32 {
			return 0, false
		}
		var err error
		if f, err = strconv.ParseFloat(s, 64); err != nil {
			return 0, false
		}
	default:
		return 0, false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// percentOf reads a percentage: 99.9 (documented goodRates), "99.9" or
// "99.9%".
func percentOf(v gjson.Result) (float64, bool) {
	if v.Type == gjson.String {
		v = gjson.Result{Type: gjson.String, Str: strings.TrimSuffix(strings.TrimSpace(v.Str), "%")}
	}
	f, ok := numberOf(v)
	if !ok || f < 0 || f > 100 {
		return 0, false
	}
	return f, true
}

// starsOf clamps a star level to 0-5 (one public mapper clamps the same way).
func starsOf(v float64) int {
	if v != v || v <= 0 {
		return 0
	}
	if v >= 5 {
		return 5
	}
	return int(v + 0.5)
}

// timeOf reads an epoch number, a numeric string or a date text.
func timeOf(v gjson.Result) (time.Time, bool) {
	switch v.Type {
	case gjson.Number:
		return ParseEpoch(v.Num)
	case gjson.String:
		return ParseTime(v.Str)
	}
	return time.Time{}, false
}

// decodeSpec undoes the "#3B"/"#3A" escapes a public scraper reports in
// specInfo (SEEN-CODE: it maps #3B to the key-value separator and #3A to the
// pair separator), giving the page's "颜色:黑色;尺码:XL" form.
func decodeSpec(s string) string {
	if !strings.Contains(s, "#3") {
		return s
	}
	return strings.NewReplacer("#3B", ":", "#3b", ":", "#3A", ";", "#3a", ";").Replace(s)
}

// DOMReview is one rendered review item, read by the content script when no
// review response was captured. All fields are the visible text as shown.
type DOMReview struct {
	ID       string `json:"id,omitempty"`       // a data attribute, when the item has one
	Text     string `json:"text"`               // the review text
	Stars    string `json:"stars,omitempty"`    // "5", "5星", "★★★★☆", "star-4", "width: 80%"
	Date     string `json:"date,omitempty"`     // "2026-05-07", "2026-05-07 10:06:48", epoch ms
	Nick     string `json:"nick,omitempty"`     // masked buyer nick, "t**8"
	Spec     string `json:"spec,omitempty"`     // "颜色:黑色;尺码:XL"
	Quantity string `json:"quantity,omitempty"` // "2", "数量: 2", "2件"
	Images   int    `json:"images,omitempty"`   // photos shown with the review
}

// ParseDOM turns rendered review items into reviews (Source "dom").
func ParseDOM(items []DOMReview) []Review {
	if len(items) > MaxPerResponse {
		items = items[:MaxPerResponse]
	}
	out := make([]Review, 0, len(items))
	for _, it := range items {
		r := Review{Source: SourceDOM, ID: it.ID, Content: it.Text, Nick: it.Nick, Spec: it.Spec, Images: it.Images}
		r.Stars = parseStarsText(it.Stars)
		r.Published, _ = ParseTime(it.Date)
		if q, ok := leadingInt(it.Quantity); ok {
			r.Quantity = q
		}
		out = append(out, r)
	}
	return out
}

// parseStarsText reads the star display forms a DOM may carry.
func parseStarsText(s string) int {
	s = strings.TrimSpace(capRunes(s, 64))
	if s == "" {
		return 0
	}
	if n := strings.Count(s, "★"); n > 0 {
		return clampInt(n, 0, 5)
	}
	if i := strings.IndexByte(s, '%'); i > 0 {
		j := i
		for j > 0 && (s[j-1] >= '0' && s[j-1] <= '9' || s[j-1] == '.') {
			j--
		}
		if f, err := strconv.ParseFloat(s[j:i], 64); err == nil {
			return starsOf(f / 20)
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= '1' && s[i] <= '5' && (i+1 == len(s) || s[i+1] < '0' || s[i+1] > '9') &&
			(i == 0 || s[i-1] < '0' || s[i-1] > '9') {
			return int(s[i] - '0')
		}
	}
	return 0
}

// leadingInt reads the first run of digits in s.
func leadingInt(s string) (int, bool) {
	s = capRunes(s, 64)
	start := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if start < 0 {
		return 0, false
	}
	end := start
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	v, err := strconv.Atoi(s[start:end])
	if err != nil || v <= 0 || v >= maxQuantity {
		return 0, false
	}
	return v, true
}
