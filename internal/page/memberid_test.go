package page

import "testing"

func TestStoreMemberIDFallback(t *testing.T) {
	header := `mtopjsonp4({"api":"mtop.alibaba.alisite.cbu.server.moduleasyncservice","ret":["SUCCESS::调用成功"],"data":{"data":{"companyName":"广州领宸科技有限公司","tpYear":"8年"}}})`
	tests := []struct {
		name string
		s    Snapshot
		want string
	}{
		{"offer-list request names the member", Snapshot{URL: "https://shop1416933982155.1688.com/page/offerlist.htm",
			Responses: []Response{{URL: "https://h5api.m.1688.com/h5/mtop.alibaba.alisite.cbu.server.moduleasyncservice/1.0/?data=%7B%7D", Body: header},
				{URL: "https://h5api.m.1688.com/h5/x/1.0/", Body: `{"ret":["SUCCESS::ok"],"data":{"params":{"memberId":"b2b-406915100661872"}}}`}}}, "b2b-406915100661872"},
		{"URL-encoded module request", Snapshot{URL: "https://shop1416933982155.1688.com/page/offerlist.htm",
			Responses: []Response{{URL: "https://h5api.m.1688.com/h5/mtop.alibaba.alisite.cbu.server.moduleasyncservice/1.0/?data=" +
				"%7B%22componentKey%22%3A%22wp_pc_common_header%22%2C%22params%22%3A%22%7B%5C%22memberId%5C%22%3A%5C%22b2b-406915100661872%5C%22%7D%22%7D", Body: header}}}, "b2b-406915100661872"},
		{"page script names the member", Snapshot{URL: "https://shop1416933982155.1688.com/",
			Scripts: []string{`window.pageData={"globalData":{"memberId":"b2b-406915100661872"}}`}}, "b2b-406915100661872"},
		{"two members named: unknown", Snapshot{URL: "https://shop1416933982155.1688.com/",
			Scripts: []string{`var a={"memberId":"b2b-406915100661872"}; var b={"memberId":"b2b-29266662898cf9d"}`}}, ""},
		{"bare mention is not enough", Snapshot{URL: "https://shop1416933982155.1688.com/",
			Scripts: []string{`var link="https://winport.m.1688.com/x/b2b-406915100661872.html"`}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Parse(tt.s)
			got := ""
			if m.Supplier.MemberID.Known {
				got = m.Supplier.MemberID.Value
			}
			if got != tt.want {
				t.Fatalf("member id = %q (%s), want %q", got, m.Supplier.MemberID.Source, tt.want)
			}
		})
	}
	// An offer page never takes its member from this fallback.
	if m := Parse(Snapshot{URL: "https://detail.1688.com/offer/1.html", Scripts: []string{`{"memberId":"b2b-406915100661872"}`}}); m.Supplier.MemberID.Known {
		t.Fatalf("offer page took %q", m.Supplier.MemberID.Value)
	}
}
