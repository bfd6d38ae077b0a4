package reviewgen

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/trustlens/trustlens/internal/dates"
	"github.com/trustlens/trustlens/internal/reviews"
)

// This file generates review sets that look like 1688 ones (masked nicks
// like "t**8", spec strings like "颜色:黑色;尺码:XL", wholesale quantities,
// months of history, canned praise and system defaults) with planted
// near-duplicate clusters, bursts and repeat reviewers, and clean sets where
// nothing may fire. It is deterministic: the same GenConfig always gives the
// same reviews, on every platform (its own splitmix64 generator; no
// math/rand). The tests, the fixtures in testdata/gen and the benchmark
// (bench/gen) all use it.
//
// No real queryItemRatedListV2 body has been seen (1688-pages.md §4), so
// EncodeCaptures composes the bodies from the documented field names.

// GenConfig describes one generated set.
type GenConfig struct {
	Name string
	Seed uint64
	// N is the number of genuine background reviews.
	N int
	// SpanDays is the history length; End the newest review time.
	SpanDays int
	End      time.Time
	// Product picks the item (0 hoodie, 1 vacuum cup, 2 phone case, 3 socks).
	Product int
	// Shares of system defaults and template praise among genuine reviews.
	DefaultShare, CannedShare float64
	// FiveStarShare of genuine buyer-written reviews (rest spread 4..1).
	FiveStarShare float64
	// ShortShare: genuine written reviews that are one short phrase.
	ShortShare float64
	// Planted near-duplicate clusters: count and size range.
	Clusters, ClusterMin, ClusterMax int
	// CoBurstClusters: this many of the clusters are posted within 3 days.
	CoBurstClusters int
	// Planted bursts: count and reviews per burst (spread over 1-2 days).
	Bursts, BurstSize int
	// Planted repeat reviewers: one nick, RepeatSize reviews each (half by
	// same variant+quantity within 3 days, half by near-identical text).
	Repeaters, RepeatSize int
	// GenuineRepeaters: real wholesale re-order buyers (same nick, variant and
	// quantity, reviews 30-60 days apart, different texts): must not fire.
	GenuineRepeaters int
	// SalesPerReview sets Sales = N * SalesPerReview (0: 12).
	SalesPerReview float64
	// Sales overrides the sales count when > 0.
	Sales int
}

// Generated is a generated set with its ground truth.
type Generated struct {
	Config  GenConfig        `json:"config"`
	Reviews []reviews.Review `json:"reviews"` // newest first, as the page lists them
	Summary reviews.Summary  `json:"summary"`
	Sales   reviews.Sales    `json:"sales"`
	Now     time.Time        `json:"now"`
	Truth   Truth            `json:"truth"`
}

// Truth lists the planted groups by review ID.
type Truth struct {
	Clusters [][]string `json:"clusters"`
	Bursts   [][]string `json:"bursts"`
	Repeats  [][]string `json:"repeats"`
}

// IDs returns the set of IDs in groups.
func IDs(groups [][]string) map[string]bool {
	m := map[string]bool{}
	for _, g := range groups {
		for _, id := range g {
			m[id] = true
		}
	}
	return m
}

// DefaultEnd is the fixed end of generated histories (no wall clock).
var DefaultEnd = time.Date(2026, 11, 20, 12, 0, 0, 0, dates.China)

// Scenarios are the named sets the tests and fixtures use.
func Scenarios() []GenConfig {
	base := GenConfig{N: 400, SpanDays: 240, End: DefaultEnd, DefaultShare: 0.15, CannedShare: 0.15,
		FiveStarShare: 0.78, ShortShare: 0.25, GenuineRepeaters: 2}
	with := func(name string, seed uint64, f func(*GenConfig)) GenConfig {
		c := base
		c.Name, c.Seed = name, seed
		f(&c)
		return c
	}
	return []GenConfig{
		with("clean", 11, func(c *GenConfig) {}),
		with("clean-hoodie-big", 12, func(c *GenConfig) { c.N, c.SpanDays = 900, 300 }),
		with("clean-socks", 13, func(c *GenConfig) { c.Product, c.N = 3, 250 }),
		with("clusters", 21, func(c *GenConfig) { c.Product, c.Clusters, c.ClusterMin, c.ClusterMax = 1, 4, 3, 8 }),
		with("burst", 31, func(c *GenConfig) { c.Product, c.N, c.Bursts, c.BurstSize = 2, 300, 1, 30 }),
		with("skew", 41, func(c *GenConfig) {
			c.N, c.FiveStarShare, c.CannedShare, c.DefaultShare, c.ShortShare = 300, 0.995, 0.55, 0.05, 0.6
		}),
		with("generic", 51, func(c *GenConfig) { c.Product, c.DefaultShare, c.CannedShare = 3, 0.45, 0.25 }),
		with("repeat", 61, func(c *GenConfig) { c.Repeaters, c.RepeatSize = 2, 5 }),
		with("sales", 71, func(c *GenConfig) { c.N, c.SpanDays, c.Sales = 150, 200, 40 }),
		with("few", 81, func(c *GenConfig) { c.N, c.SpanDays, c.Bursts, c.BurstSize, c.GenuineRepeaters = 6, 60, 1, 6, 0 }),
	}
}

// BenchConfig is the mixed set of a given size used by the benchmark: about
// one planted cluster per 100 reviews, bursts and repeat reviewers, over six
// months.
func BenchConfig(n int, seed uint64) GenConfig {
	c := GenConfig{Name: fmt.Sprintf("mixed-%d", n), Seed: seed, SpanDays: 180, End: DefaultEnd,
		DefaultShare: 0.15, CannedShare: 0.15, FiveStarShare: 0.78, ShortShare: 0.25,
		ClusterMin: 3, ClusterMax: 8, GenuineRepeaters: max(1, n/500)}
	c.Clusters = max(1, n/100)
	switch {
	case n <= 200:
		c.Bursts, c.BurstSize = 1, 8
	case n <= 2000:
		c.Bursts, c.BurstSize = 2, max(20, n/35)
	default:
		c.Bursts, c.BurstSize = 3, n/50
	}
	c.Repeaters, c.RepeatSize = max(1, n/1000), 4
	planted := c.Clusters*(c.ClusterMin+c.ClusterMax)/2 + c.Bursts*c.BurstSize + c.Repeaters*c.RepeatSize
	c.N = max(n-planted, n/2)
	return c
}

// --- deterministic random numbers (splitmix64) ---

// Rand is the generator's splitmix64 source: the same seed gives the same
// numbers on every platform.
type Rand struct{ s uint64 }

// NewRand returns a source seeded with seed.
func NewRand(seed uint64) *Rand { return &Rand{s: seed} }

// Intn returns a number in [0, n).
func (r *Rand) Intn(n int) int { return r.intn(n) }

// Chance reports true with probability p.
func (r *Rand) Chance(p float64) bool { return r.chance(p) }

func (r *Rand) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	z := r.s
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}
func (r *Rand) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return int(r.next() % uint64(n))
}
func (r *Rand) float() float64        { return float64(r.next()>>11) / (1 << 53) }
func (r *Rand) chance(p float64) bool { return r.float() < p }
func (r *Rand) pick(xs []string) string {
	return xs[r.intn(len(xs))]
}

// zipf picks 0..n-1 with weights 1/(i+1)^s.
func (r *Rand) zipf(n int, s float64) int {
	total := 0.0
	for i := 0; i < n; i++ {
		total += 1 / math.Pow(float64(i+1), s)
	}
	x := r.float() * total
	for i := 0; i < n; i++ {
		x -= 1 / math.Pow(float64(i+1), s)
		if x < 0 {
			return i
		}
	}
	return n - 1
}

// --- vocabulary ---

type genProduct struct {
	name  string
	dimA  string
	valsA []string
	dimB  string
	valsB []string
	good  []genTopic // clauses a satisfied buyer writes about this product
	bad   []genTopic // complaints
}

// genTopic is one thing a buyer comments on: a subject and what they say
// about it, each with several wordings, so that two genuine buyers rarely
// write the same sentence (as in real reviews).
type genTopic struct {
	subj, pred []string
}

// topics parses "subj|subj => pred|pred" lines. In a predicate {adv} is a
// degree word, {a}/{b} the review's variant values, {n} a small number,
// {h} a height or weight, {who} a person.
func topics(lines ...string) []genTopic {
	var out []genTopic
	for _, l := range lines {
		sp, pp, _ := strings.Cut(l, "=>")
		out = append(out, genTopic{subj: strings.Split(strings.TrimSpace(sp), "|"), pred: strings.Split(strings.TrimSpace(pp), "|")})
	}
	return out
}

var genProducts = []genProduct{
	{name: "卫衣", dimA: "颜色", valsA: []string{"黑色", "白色", "灰色", "藏青色", "卡其色", "酒红色", "杏色"},
		dimB: "尺码", valsB: []string{"M", "L", "XL", "XXL", "S", "3XL"},
		good: topics(
			"面料|布料|料子|衣服面料 => {adv}厚实|摸着{adv}舒服|{adv}软|有分量|不起球|{adv}亲肤|比想象的好",
			"颜色|{a}|{a}这款|这个颜色 => {adv}正|和图片一样|没有色差|{adv}好看|{adv}显白|比图上还好看|{adv}高级",
			"尺码|码数|大小|{b}码 => 标准|{adv}合适|偏大一点点|刚刚好|按平时的码拍就行|{h}穿正好",
			"做工|走线|车工|细节 => {adv}精细|{adv}扎实|没有线头|{adv}到位|挑不出毛病|比上一家好",
			"版型|款式|上身效果|穿上 => {adv}好看|{adv}有型|{adv}显瘦|{adv}宽松|{adv}百搭|{who}说好看",
			"里面的绒|加绒的|保暖 => {adv}厚|{adv}暖和|冬天穿没问题|一点不透风",
			"印花|logo|图案|帽绳 => {adv}清晰|{adv}牢固|洗了不掉|{adv}结实",
			"洗了{n}次|下过水|机洗了两次 => 没有掉色|不变形|也没起球|还跟新的一样",
		),
		bad: topics(
			"线头|做工|走线|车工 => 有点多|{adv}粗糙|有几件开线了|{adv}一般|歪歪扭扭的|不如上一批",
			"颜色|{a}|{a}这款 => 有点色差|比图片暗|和上次的不一样|偏{adv}暗|洗了掉色",
			"尺码|{b}码|码数 => 偏小|偏大很多|不标准|{h}穿着紧|袖子偏长",
			"面料|布料|料子 => 洗一次就起球|有点薄|{adv}扎人|味道大，晾了{n}天|{adv}硬|不透气",
			"发货|物流|快递 => {adv}慢|等了{n}天|催了才发|少发了{n}件",
			"印花|logo|帽绳 => 有点歪|掉了一块|{adv}模糊|线断了",
		)},
	{name: "保温杯", dimA: "颜色分类", valsA: []string{"磨砂黑", "象牙白", "薄荷绿", "樱花粉", "天空蓝"},
		dimB: "容量", valsB: []string{"500ml", "350ml", "750ml"},
		good: topics(
			"保温效果|保温|保温性能 => {adv}好|{adv}给力|早上倒的水晚上还是热的|{n}个小时还烫嘴|放车里一天还是温的",
			"颜色|{a}|{a}的 => {adv}好看|{adv}高级|和图片一样|{adv}耐看",
			"杯盖|密封|盖子 => {adv}严实|倒过来不漏水|{adv}好拧|做得{adv}精致",
			"{b}的|容量|大小 => 刚好放包里|{adv}合适|{adv}够用|拿着{adv}顺手",
			"手感|杯身|磨砂 => {adv}细腻|不留指纹|{adv}舒服|{adv}有质感",
			"内胆|材质|做工 => 是316的|没有异味|{adv}精细|{adv}扎实",
			"刻字|logo|印字 => {adv}清楚|{adv}牢固|{adv}漂亮",
			"送{who}的|做公司礼品的|给客户的 => {adv}喜欢|都说好|{adv}有面子",
		),
		bad: topics(
			"保温|保温效果|保温性能 => 一般|{n}个小时就凉了|不如上一批|{adv}差|没有宣传的好",
			"盖子|杯盖|密封圈 => 有点难拧|有点漏水|{adv}紧|有异味|装不严",
			"杯身|杯底|喷漆 => 有划痕|有{n}个磕碰了|有色差|掉漆了|{adv}粗糙",
			"刻字|印字|logo => 有点歪|{adv}浅|位置不对",
			"发货|物流|快递 => {adv}慢|等了{n}天|少发了{n}个|外箱压坏了",
		)},
	{name: "手机壳", dimA: "型号", valsA: []string{"iPhone15", "iPhone15Pro", "iPhone14", "华为P60", "小米14", "OPPOReno10"},
		dimB: "颜色", valsB: []string{"透明", "磨砂黑", "紫色", "星空蓝"},
		good: topics(
			"{a}的|尺寸|孔位 => 严丝合缝|{adv}准|装上{adv}贴合|一点不松",
			"按键|侧键 => {adv}灵敏|{adv}顺手|按着{adv}舒服",
			"镜头|摄像头保护|边框 => 保护得{adv}好|{adv}到位|包得{adv}严",
			"{b}的|颜色|透明款 => {adv}耐脏|{adv}好看|没有发黄|{adv}有质感",
			"手感|握感 => {adv}好|不滑手|{adv}细腻|{adv}舒服",
			"防摔|质量 => 摔了{n}次手机没事|{adv}靠谱|{adv}硬朗",
			"店里|客人|网店 => 卖得{adv}好|反馈{adv}好|走得{adv}快",
		),
		bad: topics(
			"{b}的|透明的|颜色 => 用了{n}天就发黄了|{adv}容易脏|有色差|掉色",
			"孔位|边框|按键 => 有点偏|有点翘|有点硌手|{adv}硬|不灵敏",
			"{a}的|尺寸 => 装上有点松|{adv}紧|对不上|不贴合",
			"手感|材质 => {adv}廉价|有股味道|{adv}滑",
			"发货|物流|快递 => {adv}慢|等了{n}天|少发了{n}个|发错型号了",
		)},
	{name: "袜子", dimA: "颜色", valsA: []string{"混色", "黑色", "白色", "灰色"},
		dimB: "规格", valsB: []string{"10双装", "20双装", "50双装"},
		good: topics(
			"棉|材质|面料 => 穿着{adv}透气|{adv}吸汗|{adv}柔软|不臭脚",
			"{b}|这个价|价格 => {adv}划算|{adv}实惠|{adv}便宜",
			"弹力|袜口 => {adv}好|不勒脚|{adv}舒服|松紧{adv}合适",
			"洗了{n}次|下过水 => 没变形|不掉色|也没起球",
			"脚后跟|袜底 => 加厚了{adv}耐穿|{adv}厚实|{adv}结实",
			"{a}的|颜色 => {adv}百搭|{adv}耐看|{adv}正",
			"给{who}买的|自己穿的 => 说{adv}舒服|{adv}满意|{adv}合脚",
			"摆摊|店里|地摊上 => 卖得{adv}快|{adv}好卖|走得{adv}快",
		),
		bad: topics(
			"袜子|这批袜子|有几双 => 有{n}双破了洞|比想象中薄|尺码偏小|{adv}薄|线头多",
			"{a}的|颜色|混色的 => 掉色|有点色差|颜色不全|{adv}暗",
			"袜口|弹力 => {adv}松|{adv}紧|勒脚|洗了就松了",
			"发货|物流|快递 => {adv}慢|等了{n}天|少发了{n}双|包装破了",
		)},
}

var genGeneralTopics = topics(
	"物流|快递|发货|发货速度 => {adv}快|{adv}给力|{n}天就到了|第二天就发了|比预想的快|{adv}及时",
	"包装|打包 => {adv}严实|{adv}用心|没有破损|{adv}仔细|{adv}规范",
	"客服|老板|商家|卖家 => {adv}耐心|回复{adv}及时|{adv}好说话|态度{adv}好|{adv}靠谱|{adv}讲诚信",
	"数量|件数|货 => 没少|都对|清点过了没问题|和单子一致",
	"实物|和描述|跟详情页 => {adv}相符|一致|差不多|一模一样",
	"拿货价|价格|性价比 => {adv}实惠|{adv}高|比别家便宜|{adv}合理",
	"混批|一件代发|开发票 => 也能做|{adv}方便|{adv}省心",
)

var genAdv = []string{"很", "挺", "非常", "特别", "蛮", "超", "还挺", "比较", "相当", "真的很", "很是", ""}

var (
	genOpen = []string{"", "", "", "", "收到了，", "货到了，", "第二批了，", "帮朋友拿的，", "店里补货，", "验货完毕，",
		"这是第{n}次拿货了，", "老客户了，", "第一次在这家拿货，", "对比了几家，", "{n}号下单{m}号到的，", "给店里进的货，"}
	genClose  = []string{"", "", "", "下次还会再来", "推荐购买", "满意", "👍", "！", "~", "会继续关注", "五星"}
	genBadEnd = []string{"", "", "希望改进", "一般般吧", "凑合用", "不会再买了", "联系客服补发了", "客服说给补偿",
		"退了{n}件", "看在价格的份上算了", "下次看看再说", "希望老板重视", "差评"}
	genShort = []string{"还行吧，凑合", "挺好的，就是慢了点", "质量对得起价格", "没毛病", "跟图片差不多", "第二次买了",
		"{a}好看", "包装一般", "中规中矩", "还可以吧", "比上次的好", "不如上一批"}
	genCannedMix = []string{"好评", "不错", "很好", "满意", "好", "好评！", "不错不错", "很好很好", "非常满意", "质量很好",
		"好评好评", "👍👍👍", "质量不错，物流很快", "很好，满意", "物美价廉", "五星好评", "挺好的", "可以", "很满意，下次再来",
		"不错👍", "好的", "谢谢老板", "还不错", "性价比高"}
	genDefaults = []string{"此用户没有填写评价", "此用户没有填写评价", "系统默认好评", ""}
	genWho      = []string{"老公", "孩子", "客户", "自己", "朋友", "家里人", "同事", "老妈"}
	genHeights  = []string{"155", "160", "163", "165", "168", "170", "172", "175", "178", "180", "185"}
	genNickHead = strings.Split("tajwlzhcymsqbkdgfnprx小大王李张陈天金阿开义广深杭温欧晨鑫华福刘杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁", "")
	genNickTail = strings.Split("0123456789aegnxyzmkst店行号哥姐贸业仓坊家铺部花猫鱼宝妹妈爸子龙飞军强明丽娟", "")
	genQty      = []int{1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 500}
	genQtyW     = []float64{12, 8, 6, 10, 14, 10, 6, 8, 10, 4, 2}
	genShillFmt = []string{
		"这款{p}真的太好了，{a}特别正，做工精细没有线头，质感非常好，朋友都问在哪里买的，强烈推荐给大家",
		"第一次在这家买{p}，没想到质量这么好，包装也很用心，物流超级快，客服小姐姐态度特别好，下次还会再来",
		"{p}收到了，和图片描述的一模一样，用料很足，做工也很扎实，价格还实惠，已经推荐给身边的朋友了",
		"老板很靠谱，发货速度快，{p}质量杠杠的，拿去店里卖客人都说好，已经是第三次进货了，必须五星好评",
		"宝贝非常好，{a}很高级，细节处理得很到位，性价比超高，这个价格能买到这样的{p}真的很值",
		"超级喜欢这个{p}，颜值高质量好，{who}用了都说好，卖家服务也很周到，物流快包装好，全五星好评",
		"对比了好几家最后选了这家，果然没让我失望，{p}品质很好，做工精细，发货也快，值得信赖的好商家",
		"已经是老顾客了，每次拿货都很放心，{p}质量稳定，款式新颖，价格公道，合作很愉快，继续支持",
		"质量好到超出预期，{a}的{p}很上档次，包装精美，送人也很有面子，客服耐心解答问题，好评",
		"这家店的{p}一直都很好，这次又拿了一批，{a}的卖得最快，老板人好说话，售后也有保障",
		"收到货马上检查了，{p}没有任何瑕疵，做工非常好，跟实体店几百块的一样，这个价格太划算了",
		"物流神速，隔天就到了，{p}质量特别好，手感一流，{who}非常满意，以后就认准这家店了",
	}
	genSynonyms = [][2]string{{"很", "超"}, {"非常", "特别"}, {"好", "棒"}, {"快", "迅速"}, {"喜欢", "满意"},
		{"推荐", "安利"}, {"质量", "品质"}, {"朋友", "闺蜜"}, {"值", "划算"}, {"精细", "精致"}}
)

// --- generation ---

type genReview struct {
	reviews.Review
	tag string // "", "cluster:k", "burst:k", "repeat:k"
}

// Generate builds one set.
func Generate(c GenConfig) Generated {
	if c.End.IsZero() {
		c.End = DefaultEnd
	}
	if c.SpanDays <= 0 {
		c.SpanDays = 180
	}
	if c.FiveStarShare == 0 {
		c.FiveStarShare = 0.78
	}
	r := &Rand{s: c.Seed*0x2545F4914F6CDD1D + 1}
	p := genProducts[c.Product%len(genProducts)]
	g := &generator{c: c, r: r, p: p, start: c.End.Add(-time.Duration(c.SpanDays) * 24 * time.Hour)}
	g.dayWeights()

	var out []genReview
	for i := 0; i < c.N; i++ {
		out = append(out, genReview{Review: g.genuine(g.randomTime())})
	}
	for k := 0; k < c.GenuineRepeaters; k++ {
		out = append(out, g.genuineRepeater()...)
	}
	var truth Truth
	for k := 0; k < c.Clusters; k++ {
		rs := g.cluster(k, k < c.CoBurstClusters)
		truth.Clusters = append(truth.Clusters, g.ids(rs))
		out = append(out, rs...)
	}
	for k := 0; k < c.Bursts; k++ {
		rs := g.burst(k)
		truth.Bursts = append(truth.Bursts, g.ids(rs))
		out = append(out, rs...)
	}
	for k := 0; k < c.Repeaters; k++ {
		rs := g.repeater(k)
		truth.Repeats = append(truth.Repeats, g.ids(rs))
		out = append(out, rs...)
	}
	// Newest first, as the page lists reviews; ties by ID.
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Published.Equal(out[j].Published) {
			return out[i].Published.After(out[j].Published)
		}
		return out[i].ID < out[j].ID
	})
	res := Generated{Config: c, Truth: truth, Now: c.End.Add(24 * time.Hour)}
	for _, x := range out {
		res.Reviews = append(res.Reviews, x.Review)
	}
	res.Summary = summarize(res.Reviews)
	spr := c.SalesPerReview
	if spr == 0 {
		spr = 12
	}
	res.Sales = reviews.Sales{Count: int(float64(len(res.Reviews)) * spr), WindowDays: 365}
	if c.Sales > 0 {
		res.Sales.Count = c.Sales
	}
	return res
}

type generator struct {
	c      GenConfig
	r      *Rand
	p      genProduct
	start  time.Time
	cum    []float64
	nextID uint64
	nicks  map[string]bool
}

func (g *generator) ids(rs []genReview) []string {
	out := make([]string, len(rs))
	for i, x := range rs {
		out[i] = x.ID
	}
	return out
}

// dayWeights: sales grow over the history (0.6 → 1.4) with a weekly rhythm.
func (g *generator) dayWeights() {
	g.cum = make([]float64, g.c.SpanDays)
	total := 0.0
	for d := 0; d < g.c.SpanDays; d++ {
		w := 0.6 + 0.8*float64(d)/float64(g.c.SpanDays)
		switch (d + int(g.c.Seed)) % 7 {
		case 0, 6:
			w *= 0.85
		case 2:
			w *= 1.1
		}
		total += w
		g.cum[d] = total
	}
}

func (g *generator) randomDay() int {
	x := g.r.float() * g.cum[len(g.cum)-1]
	return sort.SearchFloat64s(g.cum, x)
}

func (g *generator) timeOn(day int) time.Time {
	t := g.start.Add(time.Duration(day) * 24 * time.Hour)
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, dates.China)
	return t.Add(time.Duration(8*3600+g.r.intn(15*3600)) * time.Second).Add(time.Duration(g.r.intn(1000)) * time.Millisecond)
}

func (g *generator) randomTime() time.Time { return g.timeOn(g.randomDay()) }

func (g *generator) id() string {
	g.nextID++
	return strconv.FormatUint(3_000_000_000_000+g.c.Seed%1000*1_000_000_000+g.nextID*7919, 10)
}

func (g *generator) nick() string {
	return g.r.pick(genNickHead) + "**" + g.r.pick(genNickTail)
}

// freshNick returns a nick not used by other planted reviews of this set
// (background reviews may still share it by chance, as on 1688).
func (g *generator) freshNick() string {
	if g.nicks == nil {
		g.nicks = map[string]bool{}
	}
	for i := 0; i < 100; i++ {
		n := g.nick()
		if !g.nicks[n] {
			g.nicks[n] = true
			return n
		}
	}
	return g.nick()
}

func (g *generator) spec() (string, string, string) {
	a := g.p.valsA[g.r.zipf(len(g.p.valsA), 1.0)]
	b := g.p.valsB[g.r.zipf(len(g.p.valsB), 0.8)]
	return g.p.dimA + ":" + a + ";" + g.p.dimB + ":" + b, a, b
}

func (g *generator) quantity() int {
	total := 0.0
	for _, w := range genQtyW {
		total += w
	}
	x := g.r.float() * total
	for i, w := range genQtyW {
		x -= w
		if x < 0 {
			return genQty[i]
		}
	}
	return 1
}

func (g *generator) fill(tmpl, a, b string) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	a2 := g.p.valsA[g.r.intn(len(g.p.valsA))]
	n := strconv.Itoa(2 + g.r.intn(8))
	m := strconv.Itoa(10 + g.r.intn(18))
	h := g.r.pick(genHeights) + "的"
	if g.r.chance(0.4) {
		h = strconv.Itoa(90+5*g.r.intn(14)) + "斤"
	}
	return strings.NewReplacer("{a2}", a2, "{a}", a, "{b}", b, "{n}", n, "{m}", m,
		"{who}", g.r.pick(genWho), "{h}", h, "{p}", g.p.name).Replace(tmpl)
}

func (g *generator) stars() int {
	if g.r.chance(g.c.FiveStarShare) {
		return 5
	}
	x := g.r.float()
	switch {
	case x < 0.5:
		return 4
	case x < 0.72:
		return 3
	case x < 0.84:
		return 2
	}
	return 1
}

var genPunct = []string{"，", "，", "，", "。", "！", " ", ","}

// clause writes one sentence about a topic with a random wording.
func (g *generator) clause(t genTopic, a, b string) string {
	c := g.r.pick(t.subj) + g.r.pick(t.pred)
	c = strings.ReplaceAll(c, "{adv}", g.r.pick(genAdv))
	if g.r.chance(0.15) {
		c += []string{"的", "哦", "呢", "啊", "呀"}[g.r.intn(5)]
	}
	return g.fill(c, a, b)
}

// written composes a genuine buyer text for the stars given: one to four
// clauses about different topics, an optional opening and closing.
func (g *generator) written(stars int, a, b string) string {
	if g.r.chance(g.c.ShortShare) {
		return g.fill(g.r.pick(genShort), a, b)
	}
	var parts []string
	used := map[*genTopic]bool{}
	add := func(pool []genTopic) {
		for tries := 0; tries < 5; tries++ {
			t := &pool[g.r.intn(len(pool))]
			if !used[t] {
				used[t] = true
				parts = append(parts, g.clause(*t, a, b))
				return
			}
		}
	}
	join := func() string {
		var sb strings.Builder
		for i, p := range parts {
			if i > 0 {
				sb.WriteString(g.r.pick(genPunct))
			}
			sb.WriteString(p)
		}
		return sb.String()
	}
	if stars <= 3 {
		add(g.p.bad)
		if g.r.chance(0.5) {
			add(g.p.bad)
		}
		if stars == 3 && g.r.chance(0.6) {
			add(g.p.good)
		}
		text := g.fill(g.r.pick(genOpen), a, b) + join()
		if e := g.fill(g.r.pick(genBadEnd), a, b); e != "" {
			text += g.r.pick(genPunct) + e
		}
		return text
	}
	k := 1 + g.r.intn(4)
	for i := 0; i < k; i++ {
		if g.r.chance(0.6) {
			add(g.p.good)
		} else {
			add(genGeneralTopics)
		}
	}
	text := g.fill(g.r.pick(genOpen), a, b) + join()
	if e := g.r.pick(genClose); e != "" {
		if e == "👍" || e == "！" || e == "~" {
			text += e
		} else {
			text += "，" + e
		}
	}
	return text
}

func (g *generator) images() int {
	if g.r.chance(0.12) {
		return 1 + g.r.intn(6)
	}
	return 0
}

// genuine is one background review.
func (g *generator) genuine(t time.Time) reviews.Review {
	spec, a, b := g.spec()
	rv := reviews.Review{ID: g.id(), Spec: spec, Quantity: g.quantity(), Nick: g.nick(), Published: t, Source: reviews.SourceList}
	switch x := g.r.float(); {
	case x < g.c.DefaultShare:
		rv.Stars, rv.Content = 5, g.r.pick(genDefaults)
	case x < g.c.DefaultShare+g.c.CannedShare:
		rv.Stars = 5
		if g.r.chance((1 - g.c.FiveStarShare) / 2) {
			rv.Stars = 4
		}
		rv.Content = g.r.pick(genCannedMix)
	default:
		rv.Stars = g.stars()
		rv.Content = g.written(rv.Stars, a, b)
		rv.Images = g.images()
	}
	return rv
}

// genuineRepeater: a real re-order buyer (same nick, variant and quantity,
// 30-60 days apart, different texts).
func (g *generator) genuineRepeater() []genReview {
	nick := g.freshNick()
	spec, a, b := g.spec()
	q := g.quantity()
	day := g.r.intn(max(1, g.c.SpanDays/4))
	var out []genReview
	for i := 0; i < 3 && day < g.c.SpanDays; i++ {
		rv := g.genuine(g.timeOn(day))
		rv.Nick, rv.Spec, rv.Quantity = nick, spec, q
		if g.r.chance(0.5) {
			rv.Content = g.written(5, a, b)
			rv.Stars = 5
		}
		out = append(out, genReview{Review: rv})
		day += 30 + g.r.intn(31)
	}
	return out
}

// shill returns a filled long fake-praise base text.
func (g *generator) shill(k int) string {
	_, a, b := g.spec()
	return g.fill(genShillFmt[(k*7+int(g.c.Seed))%len(genShillFmt)], a, b)
}

// mutate varies a copied text the way copy-paste reviewers do: cosmetic
// changes normalisation removes (punctuation, emoji, full-width digits,
// spacing, repeated characters) and up to ~10% real edits (synonyms,
// an inserted 真的/很, a dropped character). Some copies get more edits and
// fall below the similarity threshold: realistic misses.
func (g *generator) mutate(s string) string {
	rs := []rune(s)
	budget := len(rs) / 10
	if g.r.chance(0.08) {
		budget = len(rs) / 5 // heavy rewrite: may escape detection
	}
	edits := g.r.intn(budget + 1)
	if g.r.chance(0.3) {
		edits = 0
	}
	out := s
	for e := 0; e < edits; {
		switch g.r.intn(3) {
		case 0:
			syn := genSynonyms[g.r.intn(len(genSynonyms))]
			if strings.Contains(out, syn[0]) {
				out = strings.Replace(out, syn[0], syn[1], 1)
				e += max(len([]rune(syn[0])), len([]rune(syn[1])))
			} else {
				e++
			}
		case 1:
			rr := []rune(out)
			i := g.r.intn(len(rr))
			if reviews.IsSeparator(rr[i]) {
				continue
			}
			out = string(rr[:i]) + string(rr[i+1:])
			e++
		case 2:
			rr := []rune(out)
			i := g.r.intn(len(rr))
			ins := []string{"真的", "很", "也", "都"}[g.r.intn(4)]
			out = string(rr[:i]) + ins + string(rr[i:])
			e += len([]rune(ins))
		}
	}
	// cosmetic
	switch g.r.intn(6) {
	case 0:
		out = strings.ReplaceAll(out, "，", ",")
	case 1:
		out = strings.ReplaceAll(out, "，", " ")
	case 2:
		out += []string{"！！", "👍👍", "~~", "❤️", "。。。"}[g.r.intn(5)]
	case 3:
		out = strings.NewReplacer("1", "１", "2", "２", "3", "３", "5", "５").Replace(out)
	case 4:
		out = strings.Replace(out, "好", "好好好", 1)
	}
	return out
}

// cluster plants one near-duplicate group from different buyers.
func (g *generator) cluster(k int, coBurst bool) []genReview {
	base := g.shill(k)
	size := g.c.ClusterMin + g.r.intn(max(1, g.c.ClusterMax-g.c.ClusterMin+1))
	day := g.randomDay()
	var out []genReview
	for i := 0; i < size; i++ {
		t := g.randomTime()
		if coBurst {
			t = g.timeOn(min(g.c.SpanDays-1, day+g.r.intn(3)))
		}
		text := base
		if i > 0 {
			text = g.mutate(base)
		}
		spec, _, _ := g.spec()
		out = append(out, genReview{Review: reviews.Review{ID: g.id(), Content: text, Stars: 5, Spec: spec,
			Quantity: g.quantity(), Nick: g.freshNick(), Published: t, Images: g.images(), Source: reviews.SourceList},
			tag: fmt.Sprintf("cluster:%d", k)})
	}
	return out
}

// burst plants a wave of high ratings within 1-2 days.
func (g *generator) burst(k int) []genReview {
	span := g.c.SpanDays
	day := span/3 + g.r.intn(max(1, span*2/3-2))
	var out []genReview
	for i := 0; i < g.c.BurstSize; i++ {
		spec, a, b := g.spec()
		rv := reviews.Review{ID: g.id(), Spec: spec, Quantity: g.quantity(), Nick: g.freshNick(),
			Published: g.timeOn(day + g.r.intn(2)), Source: reviews.SourceList, Stars: 5}
		if g.r.chance(0.15) {
			rv.Stars = 4
		}
		if g.r.chance(0.4) {
			rv.Content = g.r.pick(genCannedMix)
		} else {
			rv.Content = g.written(5, a, b)
		}
		out = append(out, genReview{Review: rv, tag: fmt.Sprintf("burst:%d", k)})
	}
	return out
}

// repeater plants one nick with a pattern: even k = same variant+quantity
// within 3 days (uncommon variant), odd k = near-identical texts over weeks.
func (g *generator) repeater(k int) []genReview {
	nick := g.freshNick()
	var out []genReview
	if k%2 == 0 {
		a := g.p.valsA[len(g.p.valsA)-1] // the rarest variant
		b := g.p.valsB[len(g.p.valsB)-1]
		spec := g.p.dimA + ":" + a + ";" + g.p.dimB + ":" + b
		q := []int{2, 3, 6, 12}[g.r.intn(4)]
		day := g.r.intn(g.c.SpanDays - 3)
		for i := 0; i < g.c.RepeatSize; i++ {
			out = append(out, genReview{Review: reviews.Review{ID: g.id(), Content: g.written(5, a, b), Stars: 5, Spec: spec,
				Quantity: q, Nick: nick, Published: g.timeOn(day + g.r.intn(3)), Source: reviews.SourceList},
				tag: fmt.Sprintf("repeat:%d", k)})
		}
		return out
	}
	base := g.shill(k + 5)
	day := g.r.intn(max(1, g.c.SpanDays/2))
	for i := 0; i < g.c.RepeatSize; i++ {
		spec, _, _ := g.spec()
		text := base
		if i > 0 {
			text = g.mutate(base)
		}
		out = append(out, genReview{Review: reviews.Review{ID: g.id(), Content: text, Stars: 5, Spec: spec,
			Quantity: g.quantity(), Nick: nick, Published: g.timeOn(min(g.c.SpanDays-1, day+i*(5+g.r.intn(10)))), Source: reviews.SourceList},
			tag: fmt.Sprintf("repeat:%d", k)})
	}
	return out
}

// summarize computes a queryDsrRateDataV2-like summary of a set.
func summarize(rs []reviews.Review) reviews.Summary {
	var s reviews.Summary
	total, good, mid, bad, img := len(rs), 0, 0, 0, 0
	sum, rated := 0, 0
	for _, r := range rs {
		switch {
		case r.Stars >= 4:
			good++
		case r.Stars == 3:
			mid++
		case r.Stars > 0:
			bad++
		}
		if r.Stars > 0 {
			sum += r.Stars
			rated++
		}
		if r.Images > 0 {
			img++
		}
	}
	s.Total = &total
	if rated > 0 {
		gr := math.Round(1000*float64(good)/float64(rated)) / 10
		grade := math.Round(10*float64(sum)/float64(rated)) / 10
		s.GoodRate, s.GoodsGrade = &gr, &grade
	}
	s.Tags = []reviews.Tag{{Name: "全部", Count: total}, {Name: "有图", Count: img}, {Name: "好评", Count: good},
		{Name: "中评", Count: mid}, {Name: "差评", Count: bad}}
	return s
}

// Capture is one composed response as the page would receive it.
type Capture struct {
	URL  string
	Body string
}

// listRow is a queryItemRatedListV2 row with the documented field names
// (1688-pages.md §4): composed, not captured.
type listRow struct {
	ID            string   `json:"id"`
	Content       string   `json:"content"`
	StarLevel     int      `json:"starLevel"`
	SpecInfo      string   `json:"specInfo"`
	Quantity      int      `json:"quantity"`
	RaterUserNick string   `json:"raterUserNick"`
	BuyerLevelTag string   `json:"buyerLevelTag"`
	GmtPublished  int64    `json:"gmtPublished"`
	Images        []string `json:"images"`
}

const (
	genListAPI = "mtop.1688.trade.service.MtopRateService.queryItemRatedListV2"
	genDsrAPI  = "mtop.1688.trade.service.MtopRateService.queryDsrRateDataV2"
)

func mtopURL(api string, cb int, data string) string {
	return "https://h5api.m.1688.com/h5/" + strings.ToLower(api) + "/1.0/?jsv=2.7.2&appKey=12574478&t=1763611200000&sign=0&api=" +
		api + "&v=1.0&type=jsonp&dataType=jsonp&callback=mtopjsonp" + strconv.Itoa(cb) + "&data=" + url.QueryEscape(data)
}

// EncodeCaptures composes the responses a page would receive for a
// generated set: the queryDsrRateDataV2 summary, then queryItemRatedListV2
// pages of pageSize rows, newest first, as mtop JSONP. Even pages put the
// rows at data.model (the array form a public scraper reads live), odd ones
// at data.model.commentList (the documented form).
func EncodeCaptures(g Generated, pageSize int) []Capture {
	if pageSize <= 0 {
		pageSize = 10
	}
	cb := 3
	var out []Capture
	dsr := map[string]any{"api": genDsrAPI, "v": "1.0", "ret": []string{"SUCCESS::调用成功"},
		"data": map[string]any{"model": dsrModelJSON(g.Summary)}}
	out = append(out, Capture{URL: mtopURL(genDsrAPI, cb, `{"offerId":"700000000001","loginId":"seller","scene":"item","site":null}`),
		Body: jsonp(cb, dsr)})
	for p := 0; p*pageSize < len(g.Reviews); p++ {
		cb++
		var rows []listRow
		for _, r := range g.Reviews[p*pageSize : min(len(g.Reviews), (p+1)*pageSize)] {
			row := listRow{ID: r.ID, Content: r.Content, StarLevel: r.Stars, SpecInfo: r.Spec, Quantity: r.Quantity,
				RaterUserNick: r.Nick, GmtPublished: r.Published.UnixMilli(), Images: []string{}}
			for i := 0; i < r.Images; i++ {
				row.Images = append(row.Images, fmt.Sprintf("https://cbu01.alicdn.com/img/ibank/O1CN01%s_%d.jpg", r.ID, i))
			}
			rows = append(rows, row)
		}
		var model any = rows
		if p%2 == 1 {
			model = map[string]any{"commentList": rows, "page": p + 1, "pageSize": pageSize}
		}
		body := map[string]any{"api": genListAPI, "v": "1.0", "ret": []string{"SUCCESS::调用成功"},
			"data": map[string]any{"model": model}}
		data := fmt.Sprintf(`{"page":%d,"pageSize":%d,"tagType":"common","tagName":"全部","scene":"item","itemId":"700000000001","loginId":"seller"}`, 2*p+1, pageSize)
		out = append(out, Capture{URL: mtopURL(genListAPI, cb, data), Body: jsonp(cb, body)})
	}
	return out
}

func dsrModelJSON(s reviews.Summary) map[string]any {
	m := map[string]any{}
	if s.GoodRate != nil {
		m["goodRates"] = *s.GoodRate
	}
	if s.GoodsGrade != nil {
		m["goodsGrade"] = *s.GoodsGrade
	}
	var tags []map[string]any
	for _, t := range s.Tags {
		tags = append(tags, map[string]any{"name": t.Name, "count": t.Count})
	}
	m["commonTagNodeList"] = tags
	m["fulfillmentDataList"] = []map[string]any{{"name": "商品好评", "value": "100%"}, {"name": "按时发货"}, {"name": "商品退款"}}
	m["impressionTagNodeList"] = []map[string]any{{"name": "质量很好", "count": 5}, {"name": "价格很便宜", "count": 3}}
	return m
}

func jsonp(cb int, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // composed from plain data: cannot fail
	}
	return "mtopjsonp" + strconv.Itoa(cb) + "(" + string(b) + ")"
}
