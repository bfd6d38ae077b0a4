package rules

import "github.com/trustlens/trustlens/internal/page"

var pageUnreadable = Rule{
	ID:       "page-unreadable",
	Roles:    Roles{Scope: ScopePage},
	Severity: Info,
	Title: Text{
		EN: "Could not read this page",
		ZH: "无法读取此页面",
	},
	Advice: Text{
		EN: "TrustLens found no product or store data it understands, so it cannot judge this supplier. Treat the supplier as unchecked: verify store age, licence and badges yourself before paying.",
		ZH: "未找到可识别的商品或店铺数据，无法评估该供应商。请视为未核实：付款前自行核对店铺年限、营业执照和认证标识。",
	},
	Fires: "No G3, G2 or mobile page model and no successful store response could be read. The level is then `unknown` and no score is given.",
	Guide: "Never false reassurance: a page the extension cannot read says so plainly (product principles).",
	Check: func(m *page.Model, _ *Context) []string {
		if m.Readable {
			return nil
		}
		ev := "no page model found"
		if len(m.Notes) > 0 {
			ev += ": " + m.Notes[0]
		}
		return []string{ev}
	},
}
