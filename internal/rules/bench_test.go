package rules

import (
	"strings"
	"testing"

	"github.com/trustlens/trustlens/internal/page"
)

// benchModel is an offer with the texts of a typical listing: a title, 20
// attributes, SKU names, tags, logistics and a 3,000-character description
// (composed in the phrasing of the real captures in internal/page/testdata).
func benchModel() page.Model {
	m := model(age(5), badge("trustpass", "x"), text("title", "2024新款纯棉短袖T恤男士宽松圆领半袖打底衫 源头工厂批发"))
	for i := 0; i < 20; i++ {
		m.Texts = append(m.Texts, page.Text{Where: "attribute 属性" + string(rune('A'+i)), Text: "棉95% 氨纶5% 常规款 圆领 夏季"})
	}
	for _, s := range []string{"白色 M", "黑色 L", "灰色 XL", "藏青 2XL"} {
		m.Texts = append(m.Texts, page.Text{Where: "SKU", Text: s})
	}
	m.Texts = append(m.Texts, page.Text{Where: "tag", Text: "48小时发货"}, page.Text{Where: "logistics", Text: "浙江金华 快递 运费¥5起"})
	desc := strings.Repeat("面料柔软透气，版型宽松百搭，做工精细，支持一件代发，量大从优。请认准1688平台交易，请勿私下交易。", 40)
	m.Texts = append(m.Texts, page.Text{Where: "description", Text: desc})
	return m
}

func BenchmarkEvaluateTexts(b *testing.B) {
	m := benchModel()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Evaluate(&m, &Context{})
	}
}
