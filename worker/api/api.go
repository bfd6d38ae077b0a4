// Package api is the TrustLens team service: plain net/http handlers over a
// Store. The same handler runs in a Cloudflare Worker (worker/main_js.go, D1
// through SQLStore) and as a normal Go server (worker/main_other.go and the
// tests, MemStore). The API is documented in worker/README.md.
package api

import (
	"crypto/rand"
	"encoding/hex"
	"log"
	"net/http"
	"strings"
	"time"
)

// MaxBodyBytes caps every request body (413 beyond it).
const MaxBodyBytes = 64 << 10

// MinAdminSecret is the shortest ADMIN_SECRET accepted; a shorter one
// disables the admin endpoints (generate one: openssl rand -hex 32).
const MinAdminSecret = 32

// Defaults for the per-token rate limit (a token bucket).
const (
	DefaultRatePerSec = 20
	DefaultRateBurst  = 60
)

// Config configures a handler.
type Config struct {
	Store Store
	// AdminSecret guards /v1/admin/*. Empty (or shorter than MinAdminSecret)
	// disables those endpoints (404). It comes from the environment (wrangler
	// secret / .dev.vars), never from code.
	AdminSecret string
	// RatePerSec and RateBurst shape each token's bucket; zero means default.
	RatePerSec, RateBurst float64
	// ExtensionOrigins, when not empty, is the exact list of allowed CORS
	// origins (e.g. chrome-extension://<id>); when empty any well-formed
	// chrome-extension:// or moz-extension:// origin is allowed.
	ExtensionOrigins []string
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Log receives error details (log.Default() when nil). Response bodies
	// never carry them.
	Log *log.Logger
}

type handler struct {
	Config
	routes []route
}

type authKind int

const (
	authNone authKind = iota
	authAdmin
	authTeam
)

type route struct {
	method string
	path   []string // segments; "{name}" captures
	auth   authKind
	body   bool
	fn     func(*reqCtx) (int, any)
}

// reqCtx is what a route function gets: the request, its path values and,
// for team routes, the authenticated token (whose TeamID scopes everything).
type reqCtx struct {
	w      http.ResponseWriter
	r      *http.Request
	params map[string]string
	token  TokenRecord
	now    time.Time
	id     string
	h      *handler
}

// New returns the service handler.
func New(cfg Config) http.Handler {
	if cfg.Store == nil {
		panic("api: Config.Store is nil")
	}
	if cfg.RatePerSec <= 0 {
		cfg.RatePerSec = DefaultRatePerSec
	}
	if cfg.RateBurst < 1 {
		cfg.RateBurst = DefaultRateBurst
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = log.Default()
	}
	if cfg.AdminSecret != "" && len(cfg.AdminSecret) < MinAdminSecret {
		cfg.Log.Printf("ADMIN_SECRET is shorter than %d characters: /v1/admin/* is disabled", MinAdminSecret)
		cfg.AdminSecret = ""
	}
	h := &handler{Config: cfg}
	add := func(method, path string, auth authKind, body bool, fn func(*reqCtx) (int, any)) {
		h.routes = append(h.routes, route{method, strings.Split(strings.Trim(path, "/"), "/"), auth, body, fn})
	}
	// Literal paths come before captures of the same shape
	// (/v1/suppliers/lookup before /v1/suppliers/{memberId}).
	add("GET", "/v1/health", authNone, false, health)
	add("POST", "/v1/admin/teams", authAdmin, true, createTeam)
	add("POST", "/v1/admin/tokens", authAdmin, true, createToken)
	add("DELETE", "/v1/admin/tokens/{tokenId}", authAdmin, false, revokeToken)
	add("GET", "/v1/team", authTeam, false, teamInfo)
	add("GET", "/v1/suppliers", authTeam, false, listSuppliers)
	add("POST", "/v1/suppliers/lookup", authTeam, true, lookupSuppliers)
	add("GET", "/v1/suppliers/{memberId}", authTeam, false, getSupplier)
	add("PUT", "/v1/suppliers/{memberId}", authTeam, true, putSupplier)
	add("POST", "/v1/reports", authTeam, true, createReport)
	add("GET", "/v1/reports", authTeam, false, listReports)
	add("POST", "/v1/prices", authTeam, true, createPrice)
	add("GET", "/v1/prices/{offerId}", authTeam, false, priceHistory)
	return h
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rw := &recordingWriter{ResponseWriter: w}
	c := &reqCtx{w: rw, r: r, now: h.Now().UTC(), id: newRequestID(), h: h}
	hdr := rw.Header()
	hdr.Set("X-Request-Id", c.id)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	defer func() {
		if v := recover(); v != nil {
			h.Log.Printf("request %s %s %s: panic: %v", c.id, r.Method, r.URL.Path, v)
			if !rw.wrote {
				c.fail(errInternal)
			}
		}
	}()
	h.serve(c)
}

func (h *handler) serve(c *reqCtx) {
	r := c.r
	if origin := r.Header.Get("Origin"); origin != "" {
		if !h.originAllowed(origin) {
			c.fail(&apiError{Status: http.StatusForbidden, Code: "forbidden", Message: "origin not allowed"})
			return
		}
		hdr := c.w.Header()
		hdr.Set("Access-Control-Allow-Origin", origin)
		hdr.Add("Vary", "Origin")
		if r.Method == http.MethodOptions {
			hdr.Add("Vary", "Access-Control-Request-Method, Access-Control-Request-Headers")
			hdr.Set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
			hdr.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
			hdr.Set("Access-Control-Max-Age", "600")
			// 200 with an empty body rather than 204: syumai/workers v0.33.0
			// gives a 204 a null body and never closes the Go side's pipe, so
			// the per-request Go instance would never finish.
			c.w.WriteHeader(http.StatusOK)
			return
		}
		hdr.Set("Access-Control-Expose-Headers", "Retry-After, X-Request-Id")
	} else if r.Method == http.MethodOptions {
		c.fail(&apiError{Status: http.StatusForbidden, Code: "forbidden", Message: "origin not allowed"})
		return
	}

	rt, params, allow := h.match(r.Method, r.URL.Path)
	if rt == nil {
		if allow != "" {
			c.w.Header().Set("Allow", allow)
			c.fail(&apiError{Status: http.StatusMethodNotAllowed, Code: "method_not_allowed", Message: "method not allowed"})
			return
		}
		c.fail(errNotFound)
		return
	}
	c.params = params

	if rt.body {
		if r.ContentLength > MaxBodyBytes {
			c.fail(errTooLarge)
			return
		}
		if !isJSON(r.Header.Get("Content-Type")) {
			c.fail(&apiError{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type", Message: "Content-Type must be application/json"})
			return
		}
		if r.Body == nil {
			r.Body = http.NoBody
		}
		r.Body = http.MaxBytesReader(c.w, r.Body, MaxBodyBytes)
		// net/http closes request bodies itself; syumai/workers does not, and
		// closing cancels the JS stream of a body left unread (413, 400).
		defer r.Body.Close()
	}

	switch rt.auth {
	case authAdmin:
		if e := h.checkAdmin(r); e != nil {
			c.fail(e)
			return
		}
	case authTeam:
		tok, e := h.authenticate(c)
		if e != nil {
			c.fail(e)
			return
		}
		c.token = tok
	}

	status, body := rt.fn(c)
	if c.wroteResponse() {
		return
	}
	if e, ok := body.(*apiError); ok {
		c.fail(e)
		return
	}
	c.json(status, body)
}

// match finds the route for method and path. When the path exists with other
// methods only, allow lists them (for 405).
func (h *handler) match(method, path string) (*route, map[string]string, string) {
	if len(path) > 1 && strings.HasSuffix(path, "/") {
		return nil, nil, ""
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
	var allow []string
	literal := false
	for i := range h.routes {
		rt := &h.routes[i]
		params, ok := matchPath(rt.path, segs)
		if !ok || (literal && params != nil) {
			// As in net/http.ServeMux the most specific pattern wins: once a
			// literal path matched, captures of the same shape do not
			// (PUT /v1/suppliers/lookup is a 405, not member "lookup").
			continue
		}
		if rt.method == method {
			return rt, params, ""
		}
		literal = literal || params == nil
		if !containsString(allow, rt.method) {
			allow = append(allow, rt.method)
		}
	}
	return nil, nil, strings.Join(allow, ", ")
}

func matchPath(pattern, segs []string) (map[string]string, bool) {
	if len(pattern) != len(segs) {
		return nil, false
	}
	var params map[string]string
	for i, p := range pattern {
		if strings.HasPrefix(p, "{") {
			if segs[i] == "" {
				return nil, false
			}
			if params == nil {
				params = map[string]string{}
			}
			params[p[1:len(p)-1]] = segs[i]
			continue
		}
		if p != segs[i] {
			return nil, false
		}
	}
	return params, true
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func isJSON(contentType string) bool {
	mt, _, _ := strings.Cut(contentType, ";")
	return strings.EqualFold(strings.TrimSpace(mt), "application/json")
}

// originAllowed accepts browser-extension origins only.
func (h *handler) originAllowed(origin string) bool {
	if len(h.ExtensionOrigins) > 0 {
		return containsString(h.ExtensionOrigins, origin)
	}
	if id, ok := strings.CutPrefix(origin, "chrome-extension://"); ok {
		// Chrome extension ids are 32 letters a-p.
		return len(id) == 32 && allBytes(id, func(b byte) bool { return b >= 'a' && b <= 'p' })
	}
	if id, ok := strings.CutPrefix(origin, "moz-extension://"); ok {
		// Firefox uses a per-install UUID.
		return len(id) == 36 && allBytes(id, func(b byte) bool { return b == '-' || isDigit(b) || (b >= 'a' && b <= 'f') })
	}
	return false
}

func newRequestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// recordingWriter notes whether a response was started.
type recordingWriter struct {
	http.ResponseWriter
	wrote bool
}

func (w *recordingWriter) WriteHeader(code int) {
	w.wrote = true
	w.ResponseWriter.WriteHeader(code)
}

func (w *recordingWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

func (c *reqCtx) wroteResponse() bool {
	rw, ok := c.w.(*recordingWriter)
	return ok && rw.wrote
}
