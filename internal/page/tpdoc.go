package page

import (
	"strings"

	"github.com/tidwall/gjson"
)

// tpdocument responses (`mtop.com.alibaba.business.query.tpdocument.*`,
// SEEN-DATA: company-b2b-406915100661872.tpdocument-responses.json), fired
// by the store's company-profile pages. Bodies are
// {api, data:{code:"200", data:…}, ret}. A failure (the real patent body:
// ret UNKNOWN_FAIL_CODE, data.code "407") is a Note; nothing is read from it.
const (
	tpdocCertificate = "certificate"
	tpdocRegChanges  = "regchanges"
	tpdocCredit      = "credit"
	tpdocPatent      = "patent"

	pathTPCode      = "data.code"
	pathTPErrMsg    = "data.errMsg"
	pathTPData      = "data.data"
	pathCertName    = "certificateName"
	pathCreditLevel = "aliAuth.creditLevel"
	pathCreditTopN  = "aliAuth.topN"
	pathQixinTags   = "qixinTags.tags"
	tpdocOK         = "200"
	qixinTagSep     = ";"
	srcTPDoc        = "tpdocument "
)

// tpdocName returns the part after "tpdocument." in an api name or URL:
// "certificate", "credit", … ("" when absent).
func tpdocName(s string) string {
	ls := strings.ToLower(s)
	i := strings.Index(ls, apiTPDocument)
	if i < 0 {
		return ""
	}
	rest := ls[i+len(apiTPDocument):]
	n := 0
	for n < len(rest) && (rest[n] >= 'a' && rest[n] <= 'z' || rest[n] >= '0' && rest[n] <= '9' || rest[n] == '_') {
		n++
	}
	return rest[:n]
}

// readTPDocument reads one successful tpdocument body; label is
// "tpdocument <name>".
func (b *builder) readTPDocument(root gjson.Result, label string) {
	if code, ok := idOf(root.Get(pathTPCode)); ok && code != tpdocOK {
		msg, _ := str(root.Get(pathTPErrMsg))
		b.problem(ProblemResponseFailed, "%s response failed: code %s %s", label, truncateUTF8(code, 16), truncateUTF8(msg, 80))
		return
	}
	d := root.Get(pathTPData)
	sup := &b.m.Supplier
	src := srcTPDoc + strings.TrimPrefix(label, "tpdocument ") + " data.data"
	switch strings.TrimPrefix(label, "tpdocument ") {
	case tpdocCertificate:
		n := 0
		d.ForEach(func(_, c gjson.Result) bool {
			if v, ok := str(c.Get(pathCertName)); ok {
				b.addCertificate(v)
			}
			n++
			return n < maxListItems
		})
	case tpdocCredit:
		if v, ok := str(d.Get(pathCreditLevel)); ok {
			fill(&sup.CreditLevel, strings.TrimSpace(v), src+"."+pathCreditLevel)
		}
		if v, ok := str(d.Get(pathQixinTags)); ok {
			n := 0
			for _, t := range strings.Split(v, qixinTagSep) {
				if t = strings.TrimSpace(t); t != "" && n < maxListItems {
					b.texts = append(b.texts, Text{Where: whereCreditTag, Text: t})
					n++
				}
			}
		}
		if v, ok := str(d.Get(pathCreditTopN)); ok {
			b.texts = append(b.texts, Text{Where: whereCreditTag, Text: v})
		}
	case tpdocRegChanges:
		if v, ok := str(d.Get(pathSocialCredit)); ok {
			fill(&sup.Licence.CreditCode, strings.TrimSpace(v), src+"."+pathSocialCredit)
		}
		// The change entries were only seen empty (their fields are
		// unknown): nothing else is read.
	}
}

// addCertificate records a certificate name once.
func (b *builder) addCertificate(name string) {
	sup := &b.m.Supplier
	for _, c := range sup.Certificates {
		if c == name {
			return
		}
	}
	if len(sup.Certificates) < maxListItems {
		sup.Certificates = append(sup.Certificates, name)
	}
}
