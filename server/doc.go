// Package server is freezeguard's screening service (`freezeguard serve`):
// an HTTP/JSON API over packages screening and payments for payment
// systems that cannot embed a Go library.
//
//	tokens, err := server.ParseTokens(f) // lines "SHA256HEX ROLE NAME"
//	if err != nil {
//		return err
//	}
//	srv, err := server.New(ctx, server.Options{Snapshot: snap, Log: alog, Tokens: tokens})
//	if err != nil {
//		return err
//	}
//	return srv.HTTPServer(":8443").ListenAndServeTLS(certFile, keyFile)
//
// A [Server] translates HTTP to library calls and back and holds no
// screening logic: a party gets the decision `freezeguard batch` gives the
// same input, in the same JSON shape (package report). It fails closed: a
// decision is answered only once its audit record is durable (503
// otherwise), and bad input is an RFC 9457 [Problem], never a 200 CLEAR.
// [Server.Routes] and [OpenAPI] list the routes with the [Role] each needs;
// [Server.Reload] swaps the lists atomically and keeps the last good
// snapshot; [Server.Ready] is what /readyz answers.
//
// The service's design is in docs/design.md; every route, flag and metric
// is in the README's section on `freezeguard serve`.
package server
