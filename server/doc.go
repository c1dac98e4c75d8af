// Package server is freezeguard's screening service (`freezeguard serve`):
// an HTTP/JSON API over packages screening and payments for payment
// systems that cannot embed a Go library.
//
// It translates HTTP to library calls and back and holds no screening
// logic: a party screened over HTTP gets the decision `freezeguard batch`
// gives the same input, in the same JSON shape (package report). A
// decision is answered only once its audit record is durable; when the
// audit store fails, the answer is 503 and the payment must not be
// released. Bad input is refused with an RFC 9457 problem (400 for JSON
// that does not parse, 422 for content that cannot be screened), never
// with a 200 CLEAR.
//
// Routes are listed in the OpenAPI 3.1 document served at /openapi.json
// (the same file as openapi.json in this package, kept true by a test).
// Operations: /healthz, /readyz, Prometheus /metrics, JSON access logs
// with request ids, list reload with an atomic swap that keeps the last
// good snapshot, token auth with roles screen, review and admin.
package server
