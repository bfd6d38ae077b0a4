package api

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// TokenPrefix marks TrustLens team tokens (so secret scanners can spot them).
const TokenPrefix = "tlt_"

// NewToken returns a fresh token (TokenPrefix + 32 random bytes, base64url)
// and its SHA-256 hex, the only form that is stored.
func NewToken() (token, hash string) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	token = TokenPrefix + base64.RawURLEncoding.EncodeToString(b[:])
	return token, HashToken(token)
}

// HashToken is the stored form of a token: SHA-256, lower-case hex.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// TokenID names a token without revealing it: the first 16 hex characters of
// its hash.
func TokenID(hash string) string { return hash[:16] }

func newTeamID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return "team_" + hex.EncodeToString(b[:])
}

// newRowID names a new report or price observation: 16 random hex
// characters. Random rather than a counter, so that the ids a team sees say
// nothing about how much other teams write.
func newRowID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b[:])
}

// validRowID: an id made by newRowID (a paging cursor sent back).
func validRowID(s string) bool {
	return len(s) == 16 && allBytes(s, func(b byte) bool { return isDigit(b) || (b >= 'a' && b <= 'f') })
}

// bearer extracts the token from an Authorization: Bearer header; ok is
// false when the header is missing or not a plausible token.
func bearer(r *http.Request) (string, bool) {
	scheme, tok, found := strings.Cut(r.Header.Get("Authorization"), " ")
	if !found || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	if len(tok) < 16 || len(tok) > 128 || !allBytes(tok, isTokenByte) {
		return "", false
	}
	return tok, true
}

func isTokenByte(b byte) bool {
	return b == '-' || b == '_' || isDigit(b) || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
}

// authenticate resolves the bearer token to its stored record and applies
// the token's rate limit: the token is hashed, looked up by hash (one store
// call, which also takes from the token's bucket), and the stored hash is
// compared with the computed one in constant time.
func (h *handler) authenticate(c *reqCtx) (TokenRecord, *apiError) {
	tok, ok := bearer(c.r)
	if !ok {
		return TokenRecord{}, errNoToken
	}
	hash := HashToken(tok)
	rec, allowed, wait, err := h.Store.Authorize(c.r.Context(), hash, c.now, h.RatePerSec, h.RateBurst)
	if errors.Is(err, ErrNotFound) {
		return TokenRecord{}, errBadToken
	}
	if err != nil {
		c.h.Log.Printf("request %s: authorize: %v", c.id, err)
		return TokenRecord{}, errInternal
	}
	if subtle.ConstantTimeCompare([]byte(rec.Hash), []byte(hash)) != 1 {
		return TokenRecord{}, errBadToken
	}
	if !allowed {
		secs := int((wait + time.Second - 1) / time.Second)
		c.w.Header().Set("Retry-After", strconv.Itoa(secs))
		return TokenRecord{}, &apiError{Status: http.StatusTooManyRequests, Code: "rate_limited",
			Message: fmt.Sprintf("rate limit exceeded: retry after %d s", secs)}
	}
	return rec, nil
}

// checkAdmin guards /v1/admin/*: disabled (404) without a configured secret;
// otherwise X-Admin-Secret must match it. Both sides are hashed first so the
// constant-time comparison does not leak the secret's length either.
func (h *handler) checkAdmin(r *http.Request) *apiError {
	if h.AdminSecret == "" {
		return errNotFound
	}
	got := sha256.Sum256([]byte(r.Header.Get("X-Admin-Secret")))
	want := sha256.Sum256([]byte(h.AdminSecret))
	if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
		return errForbidden
	}
	return nil
}
