package rules

import (
	"time"

	"github.com/trustlens/trustlens/internal/page"
)

var testNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

func company(name string) func(*page.Model) {
	return func(m *page.Model) { m.Supplier.Company.Set(name, "globalData.tempModel.companyName") }
}

func licence(name string, founded time.Time) func(*page.Model) {
	return func(m *page.Model) {
		if name != "" {
			m.Supplier.Licence.Company.Set(name, "licence 公司名称")
		}
		if !founded.IsZero() {
			m.Supplier.Licence.Founded.Set(founded, "licence 成立日期")
		}
	}
}

func bizModel(v string) func(*page.Model) {
	return func(m *page.Model) { m.Supplier.BusinessModel.Set(v, "credit page 经营模式") }
}

func date(y, mo, d int) time.Time { return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC) }

var _ = casesFor("factory-claim-unverified",
	ruleCase{name: "source factory in title, no audit", model: model(text("title", "源头工厂 男士洗面奶 批发")), fire: true, evidence: `title: "源头工厂 男士洗面奶 批发" (matched "源头")`},
	ruleCase{name: "trading company claims factory", model: model(text("store name", "义乌某某工厂"), bizModel("经销批发"), badge("deep-factory-audit", "x")), fire: true, evidence: "business model credit page 经营模式 = 经销批发"},
	ruleCase{name: "english manufacturer", model: model(text("store slogan", "Professional manufacturer since 2005")), fire: true, evidence: "manufacturer"},
	ruleCase{name: "store offer titles", model: model(text("store offer title", "厂家直销 手机壳")), fire: true, evidence: "厂家"},
	ruleCase{name: "backed by deep factory audit", model: model(text("title", "源头工厂 洗面奶"), badge("deep-factory-audit", "x"))},
	ruleCase{name: "backed by super factory", model: model(text("title", "工厂直供"), badge("super-factory", "x"))},
	ruleCase{name: "platform tier words are not claims", model: model(text("tag", "超级工厂"), text("store name", "实力工厂 认证"))},
	ruleCase{name: "place-of-origin attribute value", model: model(text("attribute 产地", "广东"))},
	ruleCase{name: "no claim", model: model(text("title", "男士洗面奶"))},
)

var _ = casesFor("licence-mismatch",
	ruleCase{name: "different company", model: model(company("广州欧博化妆品有限公司"), licence("深圳市飞达贸易有限公司", time.Time{})), fire: true, evidence: `licence "深圳市飞达贸易有限公司"`},
	ruleCase{name: "legal-form and region variants", model: model(company("东莞市兴瑞达光电有限公司"), licence("东莞市兴瑞达光电有限责任公司", time.Time{}))},
	ruleCase{name: "region in brackets", model: model(company("欧博化妆品(深圳)有限公司"), licence("欧博化妆品（深圳）有限公司", time.Time{}))},
	ruleCase{name: "same", model: model(company("广州领宸科技有限公司"), licence("广州领宸科技有限公司", time.Time{}))},
	ruleCase{name: "licence unknown", model: model(company("广州领宸科技有限公司"))},
)

var _ = casesFor("licence-young-company",
	ruleCase{name: "founded 8 months ago", model: model(licence("x", date(2026, 3, 1))), ctx: Context{Now: testNow}, fire: true, evidence: "licence 成立日期 = 2026-03-01: 0.7 years ago"},
	ruleCase{name: "store claims longer than company exists", model: model(age(8), licence("x", date(2022, 6, 1))), ctx: Context{Now: testNow}, fire: true, evidence: "tpYear = 8, but licence 成立日期 = 2022-06-01"},
	ruleCase{name: "2017 company with 8-year store", model: model(age(8), licence("x", date(2017, 9, 28))), ctx: Context{Now: testNow}},
	ruleCase{name: "founding unknown", model: model(age(1)), ctx: Context{Now: testNow}},
)

var _ = casesFor("low-repurchase-rate",
	ruleCase{name: "4%", model: model(func(m *page.Model) { m.Store.RepurchaseRate.Set(4, "shopcard 店铺回头率") }), fire: true, evidence: "店铺回头率 = 4%"},
	ruleCase{name: "14%", model: model(func(m *page.Model) { m.Store.RepurchaseRate.Set(14, "credit page 回头率") })},
	ruleCase{name: "unknown (- %)", model: model()},
)

var _ = casesFor("high-dispute-rate",
	ruleCase{name: "2.5% disputes", model: model(func(m *page.Model) { m.Store.DisputeRate.Set(2.5, "credit page 纠纷率") }), fire: true, evidence: "纠纷率 = 2.5%"},
	ruleCase{name: "quality returns", model: model(func(m *page.Model) { m.Store.QualityReturnRate.Set(8, "credit page 品质退货率") }), fire: true, evidence: "品质退货率 = 8%"},
	ruleCase{name: "0%", model: model(func(m *page.Model) {
		m.Store.DisputeRate.Set(0, "credit page 纠纷率")
		m.Store.QualityReturnRate.Set(0, "x")
	})},
)

var _ = casesFor("low-service-score",
	ruleCase{name: "3.1 overall", model: model(func(m *page.Model) { m.Store.ServiceScore.Set(3.1, "shopcard 店铺服务分") }), fire: true, evidence: "服务分 = 3.1"},
	ruleCase{name: "after-sales part 2.4", model: model(func(m *page.Model) {
		m.Store.ServiceStars = []page.Attribute{{Name: "售后体验", Value: "2.4"}, {Name: "物流体验", Value: "3.0"}}
	}), fire: true, evidence: "售后体验 = 2.4"},
	ruleCase{name: "real header values", model: model(func(m *page.Model) {
		m.Store.ServiceScore.Set(4.0, "x")
		m.Store.ServiceStars = []page.Attribute{{Name: "售后体验", Value: "3.3"}, {Name: "物流体验", Value: "3.0"}}
	})},
)

var _ = casesFor("factory-address-withheld",
	ruleCase{name: "暂无", model: model(func(m *page.Model) { m.Supplier.Address.Set("暂无", "contact page 地址") }), fire: true, evidence: "地址 = 暂无"},
	ruleCase{name: "address given", model: model(func(m *page.Model) {
		m.Supplier.Address.Set("广东省广州市番禺区测试路1号", "contact page 地址")
	})},
	ruleCase{name: "unknown", model: model()},
)

var _ = casesFor("export-not-supported",
	ruleCase{name: "不支持", model: model(func(m *page.Model) { m.Supplier.ExportSupport.Set(false, "factory card 接外贸订单") }), fire: true, evidence: "接外贸订单 = false"},
	ruleCase{name: "支持", model: model(func(m *page.Model) { m.Supplier.ExportSupport.Set(true, "factory card 接外贸订单") })},
	ruleCase{name: "unknown", model: model()},
)
