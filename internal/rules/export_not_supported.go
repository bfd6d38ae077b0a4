package rules

import "github.com/trustlens/trustlens/internal/page"

var exportNotSupported = Rule{
	ID:       "export-not-supported",
	Severity: Low,
	Title: Text{
		EN: "Does not take export orders",
		ZH: "不接外贸订单",
	},
	Advice: Text{
		EN: "The supplier says it does not take export orders, so it may not know export compliance or supply export documents. Use a sourcing agent or forwarder for export paperwork, and confirm invoices, packing lists and export declarations before paying the balance.",
		ZH: "供应商表示不接外贸订单，可能不了解出口合规或无法提供出口单证。请通过采购代理或货代办理出口文件，付尾款前确认发票、装箱单和报关单。",
	},
	Fires: "The factory card says 接外贸订单: 不支持 (does not take export orders).",
	Guide: "“Lack of knowledge on export compliance or incapability to export goods” / “Confirm Export Papers: … invoices, packing lists, and export declarations”",
	Check: func(m *page.Model, _ *Context) []string {
		if e := m.Supplier.ExportSupport; e.Known && !e.Value {
			return []string{fieldEvidence(e)}
		}
		return nil
	},
	Say: func(m *page.Model, _ *Context, _ []Finding) []Text {
		return []Text{from(Text{
			EN: "The supplier says it does not take export orders (接外贸订单：不支持)",
			ZH: "供应商表示不接外贸订单（接外贸订单：不支持）",
		}, m.Supplier.ExportSupport.Source)}
	},
}
