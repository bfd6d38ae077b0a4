package api

import (
	"encoding/json"
	"net/http"
)

// apiError is an error answer. Message is safe to show: it names what was
// wrong with the request, never internals (those go to the log only).
type apiError struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	// RequestID ties a 500 to its log line.
	RequestID string `json:"requestId,omitempty"`
}

func (e *apiError) Error() string { return e.Message }

var (
	errNotFound  = &apiError{Status: http.StatusNotFound, Code: "not_found", Message: "not found"}
	errTooLarge  = &apiError{Status: http.StatusRequestEntityTooLarge, Code: "payload_too_large", Message: "request body larger than 65536 bytes"}
	errInternal  = &apiError{Status: http.StatusInternalServerError, Code: "internal", Message: "internal error"}
	errNoToken   = &apiError{Status: http.StatusUnauthorized, Code: "unauthorized", Message: "missing or malformed Authorization: Bearer token"}
	errBadToken  = &apiError{Status: http.StatusUnauthorized, Code: "unauthorized", Message: "invalid token"}
	errForbidden = &apiError{Status: http.StatusForbidden, Code: "forbidden", Message: "forbidden"}
)

// invalid is a 400 naming the field at fault.
func invalid(field, msg string) *apiError {
	m := msg
	if field != "" {
		m = field + ": " + msg
	}
	return &apiError{Status: http.StatusBadRequest, Code: "invalid_request", Message: m, Field: field}
}

func (c *reqCtx) json(status int, body any) {
	b, err := json.Marshal(body)
	if err != nil {
		c.internal(err)
		return
	}
	c.w.Header().Set("Content-Type", "application/json; charset=utf-8")
	c.w.WriteHeader(status)
	_, _ = c.w.Write(append(b, '\n'))
}

func (c *reqCtx) fail(e *apiError) {
	out := *e
	if out.Status >= 500 {
		out.RequestID = c.id
	}
	if out.Status == http.StatusUnauthorized {
		c.w.Header().Set("WWW-Authenticate", `Bearer realm="trustlens"`)
	}
	c.json(out.Status, map[string]any{"error": out})
}

// internal logs err with the request id and answers a generic 500.
func (c *reqCtx) internal(err error) {
	c.h.Log.Printf("request %s %s %s: %v", c.id, c.r.Method, c.r.URL.Path, err)
	c.fail(errInternal)
}
