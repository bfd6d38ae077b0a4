package rules

import (
	"strings"

	"github.com/trustlens/trustlens/internal/page"
	txt "github.com/trustlens/trustlens/internal/text"
)

// regulatedGoods finds products that importers usually need test reports
// for: electrical goods and batteries (CE/FCC/RoHS/UN38.3), toys and
// children's products (EN71/CPC), cosmetics (filing numbers), food-contact
// items (LFGB/FDA), PPE and medical goods. A product word is not an ask,
// so no notice cue applies.
var regulatedGoods = phrases{ask: txt.MustCompile(
	`充电|电池|锂电|蓝牙|无线|耳机|插头|插座|电源|适配器|数据线|灯具|台灯|电动|电热|电子|打火机|点烟器|玩具|儿童|婴儿|宝宝|童装|奶瓶|化妆品|护肤|面霜|洗面奶|口红|香水|餐具|水杯|保温杯|食品级|厨具|口罩|医用|头盔|安全帽`,
	`^ led|charger|battery|batteries|bluetooth|wireless|electric|lighter|toy|toys|baby|cosmetic|cosmetics`,
)}

// certEvidence finds a certificate, standard or filing number on the page;
// 暂无检测报告 (no report yet) is not one.
var certEvidence = newPhrases(txt.MustCompile(
	`^ ce $`, `^ fcc|rohs|msds|lfgb|cpc`, `^ fda $`, `^ ul $`, `^ 3c|ccc $`, `3c认证|ccc认证`,
	`^ iso %3`, `^ gb|gbt %3`, `^ en %2`, `^ un38`,
	`备案`, `检测报告|质检报告|检验报告|认证证书|许可证号|生产许可|合格证|检测合格|质检合格`,
), []string{"暂无", "没有", "无任何", "未提供"}, nil)

var certsMissing = Rule{
	ID:       "certs-missing",
	Severity: Info,
	Title: Text{
		EN: "No test reports or certificates shown for goods that usually need them",
		ZH: "此类商品通常需要检测报告或认证，页面未展示",
	},
	Advice: Text{
		EN: "Ask the supplier for test reports before ordering (CE, FCC, RoHS, GB/T; EN71 for toys; filing numbers for cosmetics) and check that the report names this product and this company. No report means a higher risk of seized or delisted goods.",
		ZH: "下单前向供应商索取检测报告（CE、FCC、RoHS、GB/T；玩具需EN71；化妆品需备案号），并核对报告上的产品和公司名称。没有报告意味着被扣货或下架的风险更高。",
	},
	Fires: "The title or attributes name goods that usually need certification (electrical, batteries, toys, children's items, cosmetics, food contact, PPE) and no certificate, standard or filing number (CE, FCC, RoHS, 3C, ISO, GB/T, EN71, 备案, 检测报告…) appears anywhere on the page.",
	Guide: "“Test Material Quality: Request for test reports like CE, FCC, or GB/T certifications. Absence of reports indicates increased risks.” / “Lack of knowledge on export compliance”",
	Find: func(m *page.Model, c *Context) ([]Place, string) {
		if len(m.Offer.OfficialDoc) > 0 {
			return nil, ""
		}
		goods := regulatedGoods.find(c, m, func(w string) bool { return w == "title" || isAttribute(w) })
		if len(goods) == 0 || len(certEvidence.find(c, m, nil)) > 0 {
			return nil, ""
		}
		return goods[:1], "no certificate, standard or filing number on the page"
	},
	Say: func(*page.Model, *Context, []Finding) []Text {
		return []Text{{EN: "No certificate, test report or filing number (CE, FCC, 3C, 备案…) anywhere on the page", ZH: "页面上没有任何认证、检测报告或备案号"}}
	},
}

func isAttribute(where string) bool {
	return strings.HasPrefix(where, "attribute ")
}
