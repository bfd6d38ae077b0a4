package rules

import (
	"strings"

	"github.com/trustlens/trustlens/internal/format"
	"github.com/trustlens/trustlens/internal/page"
)

// withheld are the placeholders 1688 shows for a field the seller left empty.
var withheld = map[string]bool{"暂无": true, "无": true, "-": true, "--": true, "未填写": true, "不详": true}

var factoryAddressWithheld = Rule{
	ID:       "factory-address-withheld",
	Roles:    Roles{Action: ActInspection},
	Severity: Medium,
	Title: Text{
		EN: "No address given",
		ZH: "未提供地址",
	},
	Advice: Text{
		EN: "A real factory has an address it can show. Ask for the factory address and a live video call of the site before ordering; sellers who will not show where they are are likely traders or worse.",
		ZH: "真正的工厂会提供地址。下单前请索取工厂地址并视频看厂；不愿透露地址的卖家很可能是贸易商甚至更糟。",
	},
	Fires: "The store's contact or factory page shows its address as 暂无 (none), 无, 未填写 or -.",
	Guide: "“Not providing the address of the factory” / “be wary of those who will not allow you see them or give their address since they are likely just trading companies.”",
	Check: func(m *page.Model, _ *Context) []string {
		if a := m.Supplier.Address; a.Known && withheld[strings.TrimSpace(a.Value)] {
			return []string{fieldEvidence(a)}
		}
		return nil
	},
	Say: func(m *page.Model, _ *Context, _ []Finding) []Text {
		a := m.Supplier.Address
		return []Text{from(Text{
			EN: format.Sprintf("The store gives its address as “%s” (none)", strings.TrimSpace(a.Value)),
			ZH: format.Sprintf("店铺地址写的是“%s”", strings.TrimSpace(a.Value)),
		}, a.Source)}
	},
}
