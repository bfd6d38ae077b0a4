package rules

import (
	"github.com/trustlens/trustlens/internal/page"
	txt "github.com/trustlens/trustlens/internal/text"
)

// 专线 is also a normal word in domestic freight (物流专线 between Chinese
// cities is common and legitimate), so the rule is medium, not high: the risk
// is an international "dedicated line" with internal tracking numbers that
// no public carrier can confirm.
var dedicatedLine = newPhrases(txt.MustCompile(
	`国际|海外|欧美|美国|美加|英国|欧洲|日本|韩国|澳洲|澳大利亚|加拿大|东南亚|中东|跨境|海运|空运|双清|fba|泰国|越南|马来|新加坡|菲律宾|印尼|俄罗斯|德国|法国|墨西哥|巴西|中东 专线`,
	`专线 小包|单号`,
	`内部 单号|物流|追踪|跟踪|查询`,
	`自有物流|自建物流|私人物流`,
	`^ dedicated _? line|lines`,
	`^ internal _? tracking`,
), nil, nil)

var logisticsDedicatedLine = Rule{
	ID:       "logistics-dedicated-line",
	Severity: Medium,
	Roles: Roles{Action: ActTracking, ReasonVerb: true,
		Reason: Text{EN: "ships by a \"dedicated line\" (专线) with its own tracking", ZH: "使用“专线”物流和自有单号"}},
	Title: Text{
		EN: "Ships by a \"dedicated line\" or internal tracking",
		ZH: "使用“专线”或内部单号物流",
	},
	Advice: Text{
		EN: "Fake \"dedicated line\" tracking numbers are a common way to hide that nothing was shipped. Insist on a verified carrier whose tracking you can check yourself (Cainiao, SF Express, a known forwarder), and book a pre-shipment inspection for large orders.",
		ZH: "虚假的“专线”单号常被用来掩盖未发货。请坚持使用可自行查询的正规物流（菜鸟、顺丰或知名货代），大单请安排出货前验货。",
	},
	Fires: "A page text offers an international 专线 (国际专线, 美国专线, FBA专线, 专线小包…) / 内部单号 / 自有物流 or \"dedicated line\" shipping. A warning (不走专线) does not fire.",
	Guide: "“Fake Logistics & Tracking: The tracking numbers given by sellers are for “dedicated line” but they are fake” / “Choose service providers like Cainiao or SF Express and avoid using “dedicated lines” or internal tracking numbers.”",
	Find: func(m *page.Model, c *Context) ([]Place, string) {
		return dedicatedLine.find(c, m, nil), ""
	},
}
