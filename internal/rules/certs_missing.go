package rules

import (
	"fmt"
	"strings"

	"github.com/trustlens/trustlens/internal/page"
)

// regulatedGoods finds products that importers usually need test reports
// for: electrical goods and batteries (CE/FCC/RoHS/UN38.3), toys and
// children's products (EN71/CPC), cosmetics (filing numbers), food-contact
// items (LFGB/FDA), PPE and medical goods.
var regulatedGoods = newPhrases(strings.Split(regulatedWords, "|"), regulatedWords)

const regulatedWords = `充电|电池|锂电|蓝牙|无线|耳机|插头|插座|电源|适配器|数据线|led|灯具|台灯|电动|电热|电子|打火机|点烟器|玩具|儿童|婴儿|宝宝|童装|奶瓶|化妆品|护肤|面霜|洗面奶|口红|香水|餐具|水杯|保温杯|食品级|厨具|口罩|医用|头盔|安全帽|charger|battery|bluetooth|wireless|electric|lighter|toy|baby|cosmetic`

// certEvidence finds a certificate, standard or filing number on the page.
var certEvidence = newPhrases(
	[]string{"ce", "fcc", "rohs", "3c", "ccc", "iso", "gb", "en", "un38", "msds", "lfgb", "fda", "ul", "cpc", "备案", "检测", "质检", "检验", "认证", "许可"},
	`\bce\b|fcc|rohs|\b3c\b|ccc认证|iso\s?\d{3,5}|gb/?t?\s?\d{3,5}|en\s?71|un38\.3|msds|lfgb|fda|\bul\b|cpc|备案|检测报告|质检报告|检验报告|认证证书|许可证号|生产许可`,
)

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
	Check: func(m *page.Model, c *Context) []string {
		if len(m.Offer.OfficialDoc) > 0 {
			return nil
		}
		goods := regulatedGoods.find(c, m, func(w string) bool { return w == "title" || isAttribute(w) }, 1)
		if len(goods) == 0 || len(certEvidence.find(c, m, nil, 1)) > 0 {
			return nil
		}
		return []string{fmt.Sprintf("%s names %q; no certificate, standard or filing number on the page", goods[0].Text.Where, goods[0].Match)}
	},
}

func isAttribute(where string) bool {
	return strings.HasPrefix(where, "attribute ")
}
