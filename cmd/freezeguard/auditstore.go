package main

import (
	"context"

	"github.com/freezeguard/freezeguard/screening/audit"
)

// openAudit opens the audit log an --audit value names: a file, or a
// PostgreSQL store shared by a fleet (postgres://...). Every command that
// writes decisions opens its log here, so all of them take both.
func openAudit(ctx context.Context, spec string) (audit.ClosableLog, error) {
	return audit.OpenSpec(ctx, spec)
}
