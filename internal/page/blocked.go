package page

import "strings"

// Why a page could not be read, when the page itself says so (Model.Blocked).
const (
	// BlockedCaptcha: 1688 served its anti-bot security check (a slider
	// captcha, the "punish" page) instead of the page, or refused a data
	// request the page made until the buyer passes it.
	BlockedCaptcha = "captcha"
	// BlockedLogin: 1688 asked the visitor to log in before showing the page.
	BlockedLogin = "login"
)

// domHTML is the DOM fragment with the start of the page's markup, sent
// only when the page carries no model (at most maxBlockedHTML bytes).
const domHTML = "html"

const maxBlockedHTML = 16 << 10

// captchaMarkers are what the anti-bot interstitial carries (a real block
// page: the `<!--rgv587_flag:sm-->` comment, a link to a `punish` template,
// an `x5secdata` cookie reset; docs 1688-pages.md, "Corrections").
var captchaMarkers = []string{"rgv587_flag", "/punish/", "punish?", "x5secdata", "_____tmd_____/punish"}

// captchaCodes are mtop failure codes a data request gets while the
// security check is pending (the response body then carries no data).
var captchaCodes = []string{"FAIL_SYS_USER_VALIDATE", "RGV587_ERROR"}

// loginMarkers are visible texts of 1688's login wall.
var loginMarkers = []string{"请登录后查看", "请先登录"}

// blockedBy says whether the snapshot shows a security check or a login
// wall: in the page's own markup (the "html" DOM fragment the extension sends
// when it finds no page model, the title, the visible text) or in a data
// response the page received. "" when neither.
func blockedBy(s Snapshot) string {
	page := []string{s.DOM[domHTML], s.DOM[domTitle], s.DOM["body"]}
	for _, t := range page {
		if containsAny(t, captchaMarkers) {
			return BlockedCaptcha
		}
	}
	for _, r := range s.Responses {
		if containsAny(r.Body, captchaCodes) {
			return BlockedCaptcha
		}
	}
	for _, t := range page {
		if containsAny(t, loginMarkers) {
			return BlockedLogin
		}
	}
	return ""
}

func containsAny(s string, subs []string) bool {
	if s == "" {
		return false
	}
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
