package page

import (
	"strings"

	"github.com/tidwall/gjson"
)

// Supplier cards of the supplier search data response
// (companySearchBusinessService: companyWithOfferLists[], companyList[]).

// Members of a supplier-search entry (doc §3d).
var companyKeys = [...]string{"companyModel", "wrapper", "factoryInfo", "company"}

const (
	ckModel = iota
	ckWrapper
	ckFactoryInfo
	ckCompany
	nCompanyKeys
)

// readCompanyItem reads one companyWithOfferLists[] entry.
func readCompanyItem(item gjson.Result) Card {
	var f [nCompanyKeys]gjson.Result
	members(item, companyKeys[:], f[:])
	var c Card
	readCompanyObject(&c, f[ckModel], srcSupplierList+"companyModel.")
	readCompanyObject(&c, f[ckFactoryInfo], srcSupplierList+"factoryInfo.") // older responses
	if f[ckCompany].IsObject() {
		readCompanyObject(&c, f[ckCompany], srcSupplierList+"company.")
	}
	readCompanyObject(&c, f[ckWrapper], srcSupplierList+"wrapper.")
	return c
}

// Members of a company object: the supplier search's companyModel and
// wrapper, the offer search's company.
var companyObjKeys = [...]string{
	"company", "companyName", "name", "userId", "enterpriseId", "memberId", "loginId",
	"tpServiceYear", "tpYear", "factoryTag", "memberTags", "tags",
	"superFactory", "shiliFactory", "shiliCompany", "isShili", "factoryInspection", "businessInspection", "isTp",
}

const (
	coCompany = iota
	coCompanyName
	coName
	coUserID
	coEnterpriseID
	coMemberID
	coLoginID
	coTpServiceYear
	coTpYear
	coFactoryTag
	coMemberTags
	coTags
	coSuperFactory // flags from here on, in companyFlagBadges order
	coShiliFactory
	coShiliCompany
	coIsShili
	coFactoryInspection
	coBusinessInspection
	coIsTp
	nCompanyObjKeys
)

// companyFlagBadges maps the flags (from coSuperFactory on) to badge ids
// (doc §3d, §5). isTp → trustpass is a GUESS (the offer model's sellerSign
// uses that name).
var companyFlagBadges = [...]string{
	"super-factory", "powerful-factory", "powerful-merchant", "powerful-merchant",
	"deep-factory-audit", "deep-merchant-audit", "trustpass",
}

// readCompanyObject reads a company object into c, for fields still unknown.
func readCompanyObject(c *Card, obj gjson.Result, src string) {
	if !obj.IsObject() {
		return
	}
	var f [nCompanyObjKeys]gjson.Result
	members(obj, companyObjKeys[:], f[:])
	if c.Company == "" {
		for _, i := range []int{coCompany, coCompanyName, coName} {
			if s, ok := str(f[i]); ok {
				if c.Company = cardText(s); c.Company != "" {
					break
				}
			}
		}
	}
	if c.MemberID == "" {
		// userId | enterpriseId carry the member id on supplier search
		// (doc §3d); a numeric userId is not one and is skipped.
		for _, i := range []int{coMemberID, coUserID, coEnterpriseID} {
			if s, ok := str(f[i]); ok && len(s) <= maxIDText && isMemberID(strings.TrimSpace(s)) {
				c.MemberID = strings.TrimSpace(s)
				break
			}
		}
	}
	if s, ok := str(f[coLoginID]); ok && c.LoginID == "" {
		c.LoginID = cardText(s)
	}
	if !c.Years.Known {
		for _, i := range []int{coTpServiceYear, coTpYear} {
			if y, ok := yearsOf(f[i]); ok { // -1 (unknown) and 0 are rejected
				c.Years.Set(y, src+companyObjKeys[i])
				break
			}
		}
	}
	if s, ok := str(f[coFactoryTag]); ok {
		addCardTag(c, s, src+"factoryTag")
	}
	addCardTags(c, f[coMemberTags], src+"memberTags")
	addCardTags(c, f[coTags], src+"tags")
	for i, id := range companyFlagBadges {
		k := coSuperFactory + i
		if flagOn(f[k]) {
			addCardBadge(c, id, src+companyObjKeys[k]+" = "+f[k].Raw)
		}
	}
}

// flagOn reads a yes/no flag: true, 1, "true", "1", "Y". -1 (unknown), 0,
// false and anything else are not a yes.
func flagOn(v gjson.Result) bool {
	switch v.Type {
	case gjson.True:
		return true
	case gjson.Number:
		return v.Raw == "1"
	case gjson.String:
		switch strings.TrimSpace(v.Str) {
		case "true", "1", "Y", "y":
			return true
		}
	}
	return false
}
