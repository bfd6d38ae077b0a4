package rules

import (
	"github.com/trustlens/trustlens/internal/page"
)

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
	Say: func(m *page.Model, _ *Context, _ []Finding) []Text {
		return []Text{unreadableSaid(m)}
	},
}

// unreadableSaid says why the page could not be read, in a buyer's words:
// what 1688 showed instead, or what the page or the saved file lacks.
func unreadableSaid(m *page.Model) Text {
	switch m.Blocked {
	case page.BlockedCaptcha:
		return Text{EN: "1688 showed a security check (captcha) instead of the page", ZH: "1688显示了安全验证（验证码），而不是页面内容"}
	case page.BlockedLogin:
		return Text{EN: "1688 asked you to log in before showing this page", ZH: "1688要求先登录才显示此页面"}
	}
	switch p := m.Problems; {
	case p.Has(page.ProblemSingleFile):
		return Text{EN: "This page was saved as a single file (MHTML), which leaves out the data 1688 keeps in the page's scripts", ZH: "此页面保存为单个文件（MHTML），不含1688放在页面脚本中的数据"}
	case p.Has(page.ProblemResponseFailed):
		return Text{EN: "1688 refused to send this page's data", ZH: "1688拒绝发送此页面的数据"}
	case p.Has(page.ProblemSavedDamaged):
		return Text{EN: "The saved file (HAR) is damaged, so TrustLens could not read the page's data", ZH: "保存的文件（HAR）已损坏，无法读取页面数据"}
	case p.Has(page.ProblemNotReadable):
		return Text{EN: "The page's data is there but damaged or in a form TrustLens does not know", ZH: "页面数据已损坏或格式无法识别"}
	case p.Has(page.ProblemTranslated):
		return Text{EN: "Your browser translated this page and TrustLens found none of the data 1688 sends in Chinese", ZH: "浏览器翻译了此页面，且未找到1688原始的中文数据"}
	}
	return Text{EN: "The page carries no product or store data: it is empty, still loading, or not a product or store page", ZH: "页面没有商品或店铺数据：可能为空白、仍在加载，或不是商品或店铺页面"}
}
