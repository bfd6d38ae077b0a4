package rules

import (
	"github.com/trustlens/trustlens/internal/page"
)

// Patterns run on normalised text (half-width, lower case). They look for an
// intent to move the buyer off 1688: adding a chat contact, a contact id, or
// paying privately. Bare product words are deliberately not enough: QQ糖
// (a sweet), 银行卡套 (a card holder), 微信扫码 (a scanner feature) and model
// numbers such as WX-2000 must not fire.
var offPlatform = newPhrases(
	[]string{"微信", "薇信", "威信", "v信", "vx", "wx", "weixin", "wechat", "qq", "扣扣", "企鹅", "加", "私", "线下", "个人", "银行卡", "对公", "公户", "平台", "支付宝", "pay", "transfer", "contact", "whatsapp"},
	// "add me on WeChat / V / QQ"
	`(加|添加|加我|联系|咨询|私信|找我)\s*(微信|薇信|威信|v信|vx|wx|weixin|wechat|qq|扣扣|企鹅|(v|q)([^a-z0-9]|$))`+
		// a contact id after a chat app's name
		`|(微信|薇信|威信|v信|wechat|weixin|扣扣)\s*(号码|号|id)?\s*[:：]?\s*[a-z0-9_-]{5,}`+
		`|(vx|wx|qq)\s*(号码|号|[:：])\s*[a-z0-9_-]{5,}`+
		// paying or dealing outside the platform
		`|私聊|私下(交易|转账|付款|联系)|线下(交易|付款|转账|打款)|个人(账户|账号|银行卡|收款)|私人账户|银行卡(转账|付款|汇款)|打到银行卡|对公(转账|打款)|公户转账|不走平台|绕过平台|平台外(交易|付款)|微信(付款|转账|收款)|支付宝转账`+
		`|(pay|payment|transfer)\s+(via|by|through|to|with)\s+(wechat|bank|western union|paypal|alipay account)|contact\s+(me|us)\s+(on|via|by)\s+(wechat|whatsapp|qq)|whatsapp`,
)

var paymentOffPlatform = Rule{
	ID:       "payment-off-platform",
	Severity: High,
	Title: Text{
		EN: "Asks to pay or talk outside 1688 (WeChat, QQ, bank transfer)",
		ZH: "要求站外沟通或付款（微信、QQ、银行转账）",
	},
	Advice: Text{
		EN: "Never pay by WeChat, QQ, a personal bank card or a company transfer. Order and pay only through 1688's checkout so the escrow (Alipay guarantee) holds your money until you confirm delivery, and keep the chat on 1688's own messenger as evidence.",
		ZH: "不要通过微信、QQ、个人银行卡或对公转账付款。只在1688下单并付款，由平台担保交易在确认收货前保管货款；沟通请留在阿里旺旺并保留聊天记录作为证据。",
	},
	Fires: "The title, attributes, SKU names, tags or description ask the buyer to add a chat contact (加微信, 加V, VX号, QQ:…), or to pay or deal privately (私聊, 私下交易, 个人账户, 银行卡转账, 对公转账, 线下付款, pay via WeChat…).",
	Guide: "“Payment Diversion via WeChat: Buyers are persuaded by scammers to make payment transactions through private accounts (WeChat, personal bank accounts), where they avoid platform-mediated protection.” / “Compulsory exclusive payment channels”",
	Check: func(m *page.Model, c *Context) []string {
		return hitsEvidence(offPlatform.find(c, m, nil, maxHitsPerRule))
	},
}
