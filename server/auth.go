package server

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/freezeguard/freezeguard/screening"
)

// Role is what a token may do.
type Role string

// Roles. admin may do everything; screen and review only their own routes
// (and the read-only ones: lists, entities, decisions).
const (
	RoleScreen Role = "screen" // screen parties, payments and messages
	RoleReview Role = "review" // review held decisions (four eyes)
	// RoleAdmin reloads the lists and does everything else; as a reviewer
	// it is [screening.RoleAdmin], who may decide a disputed case.
	RoleAdmin Role = screening.RoleAdmin
)

// Identity is who a request comes from: the token's name and role.
type Identity struct {
	Name string
	Role Role
}

// Tokens maps the SHA-256 of each bearer token to its identity. Only the
// hashes are kept, so a tokens file that leaks does not leak the tokens.
type Tokens struct {
	byHash map[[sha256.Size]byte]Identity
}

// ParseTokens reads a tokens file: one token a line, "SHA256HEX ROLE
// NAME", where SHA256HEX is the hex SHA-256 of the token, ROLE is screen,
// review or admin and NAME (the rest of the line) names the holder in the
// access log and, for reviewers, in the audit record. Blank lines and
// lines starting with # are skipped.
func ParseTokens(r io.Reader) (*Tokens, error) {
	t := &Tokens{byHash: map[[sha256.Size]byte]Identity{}}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Fields(text)
		if len(f) < 3 {
			return nil, fmt.Errorf("tokens: line %d: want SHA256HEX ROLE NAME", line)
		}
		b, err := hex.DecodeString(f[0])
		if err != nil || len(b) != sha256.Size {
			return nil, fmt.Errorf("tokens: line %d: %q is not a hex SHA-256 (64 hex digits; the token's hash, not the token)", line, clip(f[0], 80))
		}
		role := Role(f[1])
		if role != RoleScreen && role != RoleReview && role != RoleAdmin {
			return nil, fmt.Errorf("tokens: line %d: role %q: want screen, review or admin", line, clip(f[1], 32))
		}
		var h [sha256.Size]byte
		copy(h[:], b)
		if _, dup := t.byHash[h]; dup {
			return nil, fmt.Errorf("tokens: line %d: the same token is listed twice", line)
		}
		t.byHash[h] = Identity{Name: strings.Join(f[2:], " "), Role: role}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tokens: %w", err)
	}
	if len(t.byHash) == 0 {
		return nil, fmt.Errorf("tokens: no token in the file")
	}
	return t, nil
}

// HashToken is the hex SHA-256 of a token, as a tokens file holds it.
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// Lookup returns the identity of a token (the token itself, not its
// hash).
func (t *Tokens) Lookup(token string) (Identity, bool) {
	id, ok := t.byHash[sha256.Sum256([]byte(strings.TrimSpace(token)))]
	return id, ok
}

// lookup finds the identity of a request's bearer token.
func (t *Tokens) lookup(r *http.Request) (Identity, bool) {
	auth := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
		return Identity{}, false
	}
	id, ok := t.byHash[sha256.Sum256([]byte(strings.TrimSpace(tok)))]
	return id, ok
}

// allowed reports whether role may call a route open to roles.
func allowed(role Role, roles []Role) bool {
	if role == RoleAdmin {
		return true
	}
	for _, r := range roles {
		if r == role {
			return true
		}
	}
	return false
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
