package page

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Every hand-built pattern must find what the regexp it documents finds:
// the same leftmost match and the same submatches, on the real store
// texts and on anything the fuzzer makes of them.

func allTextPats() []*textPat {
	sp := storePats()
	pats := []*textPat{sp.foundedDate.pat, sp.address.pat, sp.licenceVerified, sp.companyAtStart, sp.companyWhole, quotedMemberID}
	for _, r := range storeTextRules() {
		pats = append(pats, r.pat)
	}
	return pats
}

func checkTextPats(t *testing.T, s string) {
	t.Helper()
	for _, p := range allTextPats() {
		re := regexp.MustCompile(p.src)
		want := re.FindStringSubmatchIndex(s)
		got := p.find(s)
		if got != nil {
			got = got[:2*(re.NumSubexp()+1)]
		}
		if !slices.Equal(got, want) {
			t.Fatalf("pattern %s on %q: got %v, the regexp finds %v", p.src, s, got, want)
		}
	}
	var want []string
	for _, m := range regexp.MustCompile(quotedMemberID.src).FindAllStringSubmatch(s, 16) {
		want = append(want, m[1])
	}
	if got := quotedMemberID.findAll(s, 16); !slices.Equal(got, want) {
		t.Fatalf("member ids in %q: got %q, the regexp finds %q", s, got, want)
	}
}

var textPatCases = []string{
	"", "回头率 29% 好评率: 98.5 % 纠纷率 - 品质退货率暂无", "29%回头率 100%履约率 48 H揽收率 95%|48h履约率 100%，3 分钟响应率 80%",
	"服务分 4.0 服务分 4分\t", "最近 30 天支付订单数 1234", "经营模式 生产厂家 注册资金 100万 厂房面积 2000㎡",
	"员工总人数 50 - 100 人", "员工人数 7人", "员工人数 7 -", "主营类目：数码、电脑", "主营\n 手机壳", "x\n\t主营 \n\t配件",
	"诚信通体系 BBB", "诚信通体系 ABCD", "AA诚信等级", " AAAA诚信等级", "接外贸订单 不支持", "2016.3 成立", "12016.12成立",
	"成立时间 2016-03", "成立时间 2016.3.15", "成立日期 2016/03/15", "地址：广东省深圳市", "地址 : 暂无",
	"该信息于2026年03月27日通过中诚信专业认证", "该信息于 2026 年 3 月 7 日 通过 某某认证机构名称很长很长很长很长很长很长很长很长 专业认证",
	"深圳橙色之城科技有限公司 关注", "  广州领宸科技有限公司", "某厂", "张三李四五金厂", "工作室工作室",
	`{"sellerMemberId":"b2b-1634230375"}`, `data={"params":"{\"memberId\":\"b2b-22074468761\"}"}`, `facMemId = "B2B-ABCDEFGH12"`,
	"MEMBERID:\"b2b-\u212a2345678\"", "\u017fellermemberid=\"b2b-12345678\"", "memberId:\"b2b-1234567\"", "\xff回头率\xfe29%",
}

func TestTextPatsMatchRegexps(t *testing.T) {
	for _, c := range textPatCases {
		checkTextPats(t, c)
	}
	files, _ := filepath.Glob("testdata/real/company-*")
	if len(files) == 0 {
		t.Fatal("no real store texts in testdata/real")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkTextPats(t, string(b))
		// Each line on its own as well: most patterns find their first
		// match early in a whole page.
		for _, line := range strings.Split(string(b), "\n") {
			checkTextPats(t, line)
		}
	}
}

func FuzzTextPats(f *testing.F) {
	for _, c := range textPatCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) { checkTextPats(t, s) })
}
