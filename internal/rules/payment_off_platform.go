package rules

import (
	"github.com/trustlens/trustlens/internal/page"
	txt "github.com/trustlens/trustlens/internal/text"
)

// offPlatform looks, in folded text (internal/text: look-alikes such as 薇信,
// 扣扣, V❤ and weixin already read 微信 / qq / v信), for an intent to move
// the buyer off 1688: adding a chat contact, a contact id, or paying
// privately. Bare product words are deliberately not enough: QQ糖 (a
// sweet), 银行卡套 (a card holder), 微信扫码 (a scanner feature), 加VC (added
// vitamin C), V领 (a V-neck) and model numbers such as WX-2000 must not fire.
var offPlatform = newPhrases(txt.MustCompile(
	// "add me on WeChat / V / QQ"
	`加|添加|联系|咨询|私信|找|扫|+|jia|add _? 我们的|我们|我|个|一下|下|的|客服|me? 微信|v信|vx|wx|qq|whatsapp|telegram|skype`,
	`加|添加|联系|咨询|私信|找|+ 我|个|一下|下? 微|薇 :`,
	`加|添加|联系|咨询|私信|找|+ 我|个|一下|下? 微|薇 #5`,
	`加|添加|联系|咨询|私信|找|+ 我|个|一下|下? 微|薇 .`,
	`加|添加|联系|私信|找|+ 我|个|一下|下? v|q ~ !领|型|字|形|脸|口`,
	// a contact id after a chat app's name
	`微信|v信|whatsapp|telegram|skype _? 同号|号码|号|id|账号|搜索|搜 :? #5`,
	`微信|v信|whatsapp|telegram|skype _? : #5`,
	`微信|v信|whatsapp|telegram|skype _? @5`,
	`^ vx|wx|qq 号码|号|账号|id|搜索|搜|群号|群 :? #5`, `^ vx|wx|qq : #5`,
	`^ qq %5`,
	`^ vx|wx %6`,
	`^ v|q : #5`,
	`^ v %7`,
	`<蔷|玫|紫|张|王|李|刘|陈 微|薇 :? %6`,
	// dealing or paying outside the platform
	`私聊`, `私下 !里`, `私人 账户|账号|卡|银行|收款`,
	`个人 账户|账号|银行卡|收款|卡号|名下|户头`,
	`<放|装|插|存|收纳 银行卡 !套|包|夹|贴|盒|袋|壳|膜|槽|位|保护|收纳|防盗|防磁|卡套|卡包|卡夹|读卡|pos`,
	`银行 转账|打款|汇款`,
	`线下 交易|付款|转账|打款|支付|汇款|结算`,
	`对公 转账|打款|汇款|账户|付款|账号`, `公户 转账|打款|付款`, `公对公`,
	`不走平台`, `绕过平台|绕开平台|脱离平台|跳过平台`, `平台外 交易|付款|下单|支付|转账`,
	`微信|v信|qq|支付宝 转账|付款|打款|汇款`, `微信|v信|支付宝 收款 !码|牌|音箱|提示|器`,
	// English
	`^ pay|payment|paying|transfer|send_money|remit|wire _ via|by|through|to|with|using|on|into _? our_|my_|the_|a_|your_? 微信|bank|western_union|paypal|alipay|moneygram|personal|private`,
	`^ contact|add|message|text|dm|call|reach|find _ me|us _ on|via|by|at|in _? 微信|whatsapp|qq|telegram|skype|wx|vx`,
	`^ contact|add|message _? 微信|whatsapp|telegram|skype`,
	`^ whatsapp`, `^ telegram _? :|@`,
), nil, nil)

var paymentOffPlatform = Rule{
	ID:       "payment-off-platform",
	Roles:    Roles{Action: ActEscrow, ReasonVerb: true}, // the reason names the channel from the evidence (core)
	Severity: High,
	Title: Text{
		EN: "Asks to pay or talk outside 1688 (WeChat, QQ, bank transfer)",
		ZH: "要求站外沟通或付款（微信、QQ、银行转账）",
	},
	Advice: Text{
		EN: "Never pay by WeChat, QQ, a personal bank card or a company transfer. Order and pay only through 1688's checkout so the escrow (Alipay guarantee) holds your money until you confirm delivery, and keep the chat on 1688's own messenger as evidence.",
		ZH: "不要通过微信、QQ、个人银行卡或对公转账付款。只在1688下单并付款，由平台担保交易在确认收货前保管货款；沟通请留在阿里旺旺并保留聊天记录作为证据。",
	},
	Fires: "Any page text (title, attributes, SKU names, tags, logistics, description…) asks the buyer to add a chat contact (加微信, 加V, VX号, QQ:…, including look-alikes such as 薇信, 威信, 扣扣, V❤ and hidden or spaced characters), or to pay or deal privately (私聊, 私下, 个人账户, 银行卡, 对公转账, 线下付款, pay via WeChat…). A warning to buyers (请勿私下交易, 谨防…, \"do not pay outside 1688\") does not fire.",
	Guide: "“Payment Diversion via WeChat: Buyers are persuaded by scammers to make payment transactions through private accounts (WeChat, personal bank accounts), where they avoid platform-mediated protection.” / “Compulsory exclusive payment channels”",
	Find: func(m *page.Model, c *Context) ([]Place, string) {
		return offPlatform.find(c, m, nil), ""
	},
}
