package rules

import "github.com/trustlens/trustlens/internal/page"

func officialDoc(name, value string) func(*page.Model) {
	return func(m *page.Model) {
		m.Offer.OfficialDoc = append(m.Offer.OfficialDoc, page.Attribute{Name: name, Value: value})
	}
}

var _ = casesFor("certs-missing",
	ruleCase{name: "rechargeable lighter without reports", model: model(text("title", "中性2024 BEST GIFT TYPE -C MINI WIRELESS CIGARETTE LIGHTER"), text("attribute 产地", "东莞")), fire: true, evidence: `(matched "WIRELESS"); no certificate`},
	ruleCase{name: "toy", model: model(text("title", "儿童益智积木玩具")), fire: true, evidence: "儿童"},
	ruleCase{name: "cosmetics with filing number", model: model(text("title", "男士洗面奶补水护肤品套装"), officialDoc("非特化妆品备案证号", "粤G妆网备字2020000000"))},
	ruleCase{name: "charger with CE in attributes", model: model(text("title", "快充充电器 20W"), text("attribute 认证", "CE FCC RoHS"))},
	ruleCase{name: "dog raincoat needs none", model: model(text("title", "跨境中大型犬边牧拉布拉多柴犬四脚衣冲锋衣防水防风狗狗衣服雨衣"))},
)
