package reviews_test

import (
	. "github.com/trustlens/trustlens/internal/reviews"
	"testing"
)

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"质量很好，物美价廉！！":      "质量很好物美价廉",
		"ＡＢＣ１２３　好":         "abc123好",
		"好好好好好👍👍":          "好",
		"Good  Quality!!!": "godquality", // repeated letters collapse too
		"赞❤️✨～～":           "赞",
		"【正品】质量·不错…":       "正品质量不错",
		"6666 发货快":         "6发货快",
		"很\u200d好\ufe0f":   "很好",
		"":                 "",
		"。。。":              "",
		"第１次买，ｘｌ码刚好":       "第1次买xl码刚好",
		// the page-text normaliser's folding: soft hyphen, bidi, enclosed digits, Cyrillic look-alikes
		"质\u00ad量\u202e好": "质量好",
		"买了③次":            "买了3次",
		"ОК 好评":           "ok好评",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClassify(t *testing.T) {
	for in, want := range map[string]TextClass{
		"":          ClassDefault,
		"此用户没有填写评价": ClassDefault,
		"评价方未及时做出评价,系统默认好评!": ClassDefault,
		"默认好评":        ClassDefault,
		"好评":          ClassCanned,
		"好评！！！":       ClassCanned,
		"好":           ClassCanned,
		"不错不错":        ClassCanned,
		"好评好评好评":      ClassCanned,
		"很好，满意，下次还来👍": ClassCanned,
		"质量不错，物流很快":   ClassCanned,
		"👍👍👍":         ClassCanned,
		"GOOD":        ClassCanned,
		"质量很好，就是发货慢了两天":   ClassText,
		"面料很厚实，170的穿XL正好": ClassText,
		"不是默认的那种，真的好":     ClassText,
		"还凑合":             ClassText,
	} {
		if got := Classify(in, Normalize(in)); got != want {
			t.Errorf("Classify(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestNearDupText(t *testing.T) {
	long := "这款卫衣真的太好了，黑色特别正，做工精细没有线头，质感非常好"
	if NearDupText(long) == "" {
		t.Error("long text not compared")
	}
	for _, s := range []string{"好评", "此用户没有填写评价", "质量很好，物流很快，下次还来", "面料很厚实，做工不错"} {
		if NearDupText(s) != "" {
			t.Errorf("NearDupText(%q) compared", s)
		}
	}
}

func TestAnonymousNick(t *testing.T) {
	for n, want := range map[string]bool{"": true, "***": true, "匿名买家": true, "Anonymous": true, "t**8": false, "小**店": false} {
		if AnonymousNick(n) != want {
			t.Errorf("AnonymousNick(%q) != %v", n, want)
		}
	}
}
