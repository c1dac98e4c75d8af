package audit

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
)

// TokenPrefix starts every value a Redactor writes in place of personal
// data.
const TokenPrefix = "hmac-sha256:"

// DefaultRedactedFields returns the keys a Redactor made without a field
// list redacts: the personal data of a screened party as package screening
// encodes it — name, date of birth, address, identity documents and their
// numbers, crypto address, birth place, gender, known owners — plus the
// places a decision repeats the party's name: the matcher's explanation
// (query, unmatched, and notes, which name the party's titles and legal
// forms) and the payment's free text (text).
//
// It leaves list data alone (matched_name, candidate, primary_name), which
// is public but, on a close match, nearly the party's name; and evidence
// details. Add those keys if the log must not show them.
func DefaultRedactedFields() []string {
	return []string{"name", "dob", "address", "documents", "number", "crypto", "birth_place", "gender", "owned_by", "query", "unmatched", "notes", "text"}
}

// A Redactor replaces personal data in record bodies with keyed hashes.
//
// Under every object member whose key is one of the Redactor's fields
// (compared case-insensitively, at any depth of the body), each string is
// replaced by TokenPrefix + hex(HMAC-SHA256(key, string)) and each number by
// the token of its literal text; objects and arrays under such a key are
// redacted throughout; empty strings, booleans and nulls are kept. A string that already is
// a token is kept, so redacting twice changes nothing.
//
// The same value always gives the same token under the same key, so the bank
// can still find every record about a person by computing Token(name) and
// searching for it, while a reader without the key cannot recover the name
// (short values such as dates of birth can be guessed by anyone holding the
// key, so keep the key as secret as the data). Values are hashed exactly as
// given: normalise names before screening if differently written forms
// should match. The key comes from the bank (e.g. its key store) and must be
// at least 16 bytes; losing it only loses the ability to search.
type Redactor struct {
	key    []byte
	fields map[string]struct{}
}

// NewRedactor returns a Redactor keyed with key (at least 16 bytes) that
// redacts the given fields, or DefaultRedactedFields when none are given.
func NewRedactor(key []byte, fields ...string) (*Redactor, error) {
	if len(key) < 16 {
		return nil, errors.New("audit: redaction key must be at least 16 bytes")
	}
	if len(fields) == 0 {
		fields = DefaultRedactedFields()
	}
	r := &Redactor{key: append([]byte(nil), key...), fields: make(map[string]struct{}, len(fields))}
	for _, f := range fields {
		if f == "" {
			return nil, errors.New("audit: empty redaction field name")
		}
		r.fields[strings.ToLower(f)] = struct{}{}
	}
	return r, nil
}

// Token returns the keyed hash that replaces s in redacted bodies, for
// searching a log for a known value.
func (r *Redactor) Token(s string) string {
	m := hmac.New(sha256.New, r.key)
	m.Write([]byte(s))
	return TokenPrefix + hex.EncodeToString(m.Sum(nil))
}

// Redact returns the canonical encoding of the JSON value body with personal
// data replaced by tokens.
func (r *Redactor) Redact(body []byte) ([]byte, error) {
	v, err := parseJSON(body)
	if err != nil {
		return nil, errors.Join(errors.New("audit: redact"), err)
	}
	r.redact(&v, false)
	return v.appendCanonical(nil), nil
}

func isToken(s string) bool {
	if len(s) != len(TokenPrefix)+64 || !strings.HasPrefix(s, TokenPrefix) {
		return false
	}
	for _, c := range []byte(s[len(TokenPrefix):]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// redact rewrites v in place; under is true below a redacted key.
func (r *Redactor) redact(v *jvalue, under bool) {
	switch v.kind {
	case 'o':
		for i := range v.members {
			m := &v.members[i]
			_, hit := r.fields[strings.ToLower(m.key)]
			r.redact(&m.val, under || hit)
		}
	case 'a':
		for i := range v.elems {
			r.redact(&v.elems[i], under)
		}
	case 's':
		if under && v.str != "" && !isToken(v.str) {
			v.str = r.Token(v.str)
		}
	case 'n':
		if under {
			v.kind, v.str = 's', r.Token(v.str)
		}
	}
}
