package rules

import "time"

var _ = casesFor("licence-mismatch",
	ruleCase{name: "different company", model: model(company("广州欧博化妆品有限公司"), licence("深圳市飞达贸易有限公司", time.Time{})), fire: true, evidence: `licence "深圳市飞达贸易有限公司"`},
	ruleCase{name: "legal-form and region variants", model: model(company("东莞市兴瑞达光电有限公司"), licence("东莞市兴瑞达光电有限责任公司", time.Time{}))},
	ruleCase{name: "region in brackets", model: model(company("欧博化妆品(深圳)有限公司"), licence("欧博化妆品（深圳）有限公司", time.Time{}))},
	ruleCase{name: "same", model: model(company("广州领宸科技有限公司"), licence("广州领宸科技有限公司", time.Time{}))},
	ruleCase{name: "licence unknown", model: model(company("广州领宸科技有限公司"))},
)
