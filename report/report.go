// Package report holds the JSON shapes freezeguard writes for its
// decisions and fills them from the library's results: a [Line] of `batch`
// output, a [Message] of `payment --json`, a scored pair of `compare`
// ([CompareOutput]) and the sources of `lists info --json` ([ListsInfo]).
//
//	line, _ := report.ScreenParty(ctx, screener, report.Input{ID: "c-17", Party: party})
//	json.NewEncoder(os.Stdout).Encode(line)
//
// The CLI and the screening service (package server) both use it, so that
// the same input gets the same decision in the same shape whichever way it
// came in.
package report

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/payments"
	"github.com/freezeguard/freezeguard/screening"
)

// Hit is a hit in batch, payment and compare output: the fields a
// downstream system keys on.
type Hit struct {
	Entity string `json:"entity"`
	// Name is the listed name matched; for a hit on an identifier alone
	// (a BIC, IMO number, ...), where no name was compared, the entity's
	// primary name, and MatchedOn says so.
	Name      string   `json:"name"`
	MatchedOn string   `json:"matched_on"` // "name" or "identifier"
	Primary   string   `json:"primary"`    // the entity's primary name
	NameType  string   `json:"name_type,omitempty"`
	Quality   string   `json:"quality,omitempty"`
	Score     float64  `json:"score"`
	Outcome   string   `json:"outcome"`
	Programs  []string `json:"programs"`
	Flags     []string `json:"flags"`
}

// Hits converts screening hits, keeping their order (best first).
func Hits(hs []screening.Hit) []Hit {
	out := make([]Hit, 0, len(hs))
	for _, h := range hs {
		bh := Hit{Entity: h.EntityID, Name: h.MatchedName, MatchedOn: "name", Primary: h.PrimaryName,
			NameType: string(h.NameType), Quality: string(h.Quality), Score: h.Score, Outcome: string(h.Outcome),
			Programs: []string{}, Flags: []string{}}
		if h.MatchedName == "" {
			bh.Name, bh.MatchedOn = h.PrimaryName, "identifier"
		}
		for _, p := range h.Programs {
			bh.Programs = append(bh.Programs, p.Code)
		}
		for _, f := range h.Flags {
			bh.Flags = append(bh.Flags, string(f.Code))
		}
		out = append(out, bh)
	}
	return out
}

// FlexID is an input id given as a JSON string or number (customer
// numbers often come as numbers); it is output as a string.
type FlexID string

// UnmarshalJSON reads a JSON string or number.
func (id *FlexID) UnmarshalJSON(b []byte) error {
	var n json.Number
	if err := json.Unmarshal(b, &n); err == nil {
		*id = FlexID(n)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("id: want a string or a number, got %s", b)
	}
	*id = FlexID(s)
	return nil
}

// Line is the result for one party: one line of `batch` output. Every
// input gets one, with an outcome: an input that could not be read or
// screened completely is held (HOLD, flag UNREADABLE_INPUT) and carries
// the reason in Error. Only an input left without a decision (the audit
// log failed, the run was stopped) has no outcome.
type Line struct {
	ID       string           `json:"id"`
	Line     int              `json:"line,omitempty"` // 1-based input line (batch) or position in a request
	Outcome  string           `json:"outcome,omitempty"`
	Decision string           `json:"decision,omitempty"` // decision id in the audit log
	Hits     []Hit            `json:"hits"`
	Flags    []screening.Flag `json:"flags,omitempty"` // about the input: INPUT_FIELD_INVALID, UNREADABLE_INPUT
	Error    string           `json:"error,omitempty"`
}

// Input is one party to screen and where it came from.
type Input struct {
	ID    string
	Line  int             // copied to Line.Line
	Where string          // prefixes error messages: "line 12"
	Ref   string          // names the input in a held decision: "batch input line 12"
	Party screening.Party // what was read
	// Err, if set, says why the input could not be read completely: the
	// party (its name only) is then screened and held as unreadable.
	Err error
}

// ScreenParty screens one party as `batch` does and returns its line with
// the decision. A party that cannot be read or screened completely (Err
// set, no name, a party screening refuses) is held: the held decision is
// logged like any other (screening.Screener.Unreadable), with the reason.
// The decision, when there is one, is returned too; it is zero when the
// line has no outcome.
func ScreenParty(ctx context.Context, s *screening.Screener, in Input) (Line, screening.Decision) {
	o := Line{ID: in.ID, Line: in.Line, Hits: []Hit{}}
	if in.Err != nil {
		// What could be read of the name (a CSV line read leniently) is
		// screened with the held decision.
		return unreadable(ctx, s, o, in, screening.Party{Name: in.Party.Name}, in.Err)
	}
	if strings.TrimSpace(in.Party.Name) == "" && !hasIdentifier(in.Party) {
		return unreadable(ctx, s, o, in, screening.Party{}, errors.New("no name to screen"))
	}
	// kind, dob and country are secondary fields: one that cannot be read
	// is flagged by screening and left out, and the name is screened.
	d, err := s.Screen(ctx, in.Party)
	if errors.Is(err, screening.ErrInvalidParty) {
		return unreadable(ctx, s, o, in, in.Party, err)
	}
	return decided(o, in.Where, d, err), d
}

// hasIdentifier reports whether a party can be screened without a name.
func hasIdentifier(p screening.Party) bool {
	return len(p.Documents) > 0 || p.BIC != "" || p.Crypto != "" || len(p.Owned) > 0
}

func prefixed(where, msg string) string {
	if where == "" {
		return msg
	}
	return where + ": " + msg
}

// unreadable holds an input that could not be read or screened
// completely: fail closed, never CLEAR.
func unreadable(ctx context.Context, s *screening.Screener, o Line, in Input, p screening.Party, err error) (Line, screening.Decision) {
	reason := prefixed(in.Where, err.Error())
	d, lerr := s.Unreadable(ctx, in.Ref, p, reason)
	o = decided(o, in.Where, d, lerr)
	if o.Error == "" {
		o.Error = reason
	}
	return o, d
}

// decided fills a line from a decision, or from the error that left the
// line without one.
func decided(o Line, where string, d screening.Decision, err error) Line {
	if err != nil {
		o.Error = prefixed(where, err.Error())
		return o
	}
	o.Outcome, o.Decision = string(d.Outcome), d.ID
	o.Flags = append(o.Flags, d.Flags...)
	if len(d.Parties) > 0 {
		o.Hits = Hits(d.Parties[0].Hits)
		for _, f := range d.Parties[0].Flags {
			if !slices.Contains(o.Flags, f) {
				o.Flags = append(o.Flags, f)
			}
		}
		// A name with nothing to screen in it is held by screening as
		// unreadable: say why in error, as for any input held so.
		for _, f := range o.Flags {
			if f.Code == screening.FlagUnreadableInput && o.Error == "" {
				o.Error = prefixed(where, f.Reason)
			}
		}
	}
	return o
}

// MessageParty is one screened party in `payment --json` output.
type MessageParty struct {
	Payment string   `json:"payment"` // the payment (transaction) id
	Role    string   `json:"role"`
	Path    string   `json:"path"` // where in the message the party is
	Name    string   `json:"name"`
	BIC     string   `json:"bic,omitempty"`
	Outcome string   `json:"outcome"`
	Flags   []string `json:"flags,omitempty"` // about the input itself: UNREADABLE_INPUT
	Hits    []Hit    `json:"hits"`
}

// Message is the result for one payment message (or one payment given
// as JSON): the shape of `payment --json`.
type Message struct {
	File      string            `json:"file,omitempty"`
	Outcome   string            `json:"outcome"`
	Decisions []string          `json:"decisions"` // decision ids in the audit log
	Parties   []MessageParty    `json:"parties"`
	Signals   []payments.Signal `json:"signals,omitempty"`
	// Embargoes are the places in the payments that lie in embargoed
	// jurisdictions, with the regime and its outcome.
	Embargoes []Embargo `json:"embargoes,omitempty"`
	Error     string    `json:"error,omitempty"` // what could not be parsed (the outcome is then at least HOLD)
	// Unreadable counts the decisions recording what could not be read
	// (held, flag UNREADABLE_INPUT, a review case each).
	Unreadable int      `json:"unreadable,omitempty"`
	Skipped    []string `json:"skipped,omitempty"` // FIN ACK/NAK service messages passed over
}

// Embargo is one embargoed jurisdiction found in a payment.
type Embargo struct {
	Payment string `json:"payment"`
	screening.EmbargoMatch
}

// FromResult fills a Message from the result of payments.ScreenMessage or
// payments.ScreenPayments.
func FromResult(file string, res payments.Result) Message {
	o := Message{File: file, Decisions: []string{}, Parties: []MessageParty{},
		Outcome: string(res.Outcome), Signals: res.Signals, Unreadable: res.Unreadable, Skipped: res.Skipped}
	if res.ParseErr != nil {
		o.Error = res.ParseErr.Error()
	}
	for _, d := range res.Decisions {
		o.Decisions = append(o.Decisions, d.ID)
		for _, m := range d.Embargoes {
			o.Embargoes = append(o.Embargoes, Embargo{Payment: d.PaymentID, EmbargoMatch: m})
		}
		for _, pr := range d.Parties {
			pp := MessageParty{
				Payment: d.PaymentID, Role: string(pr.Role), Path: pr.Path, Name: pr.Party.Name, BIC: pr.Party.BIC,
				Outcome: string(pr.Outcome), Hits: Hits(pr.Hits),
			}
			if pp.Role == "" {
				pp.Role = "unknown"
			}
			for _, f := range pr.Flags {
				pp.Flags = append(pp.Flags, string(f.Code)+": "+f.Reason)
			}
			o.Parties = append(o.Parties, pp)
		}
	}
	return o
}

// CompareInput is one pair of names to score.
type CompareInput struct {
	ID    string `json:"id"`
	Name1 string `json:"name1"`
	Name2 string `json:"name2"`
	Kind  string `json:"kind,omitempty"`
}

// CompareOutput is one scored pair; Match is at fuzzy.Threshold.
type CompareOutput struct {
	ID          string             `json:"id"`
	Score       float64            `json:"score"`
	Match       bool               `json:"match"`
	Explanation *fuzzy.Explanation `json:"explanation,omitempty"`
	Error       string             `json:"error,omitempty"`
}

// Compare scores a pair with the matcher, without any list. A pair that
// cannot be scored (a name missing, an unknown kind) gets Error.
func Compare(in CompareInput) CompareOutput {
	o := CompareOutput{ID: in.ID}
	k, err := lists.ParseKind(in.Kind)
	if err != nil {
		o.Error = err.Error()
		return o
	}
	if strings.TrimSpace(in.Name1) == "" || strings.TrimSpace(in.Name2) == "" {
		o.Error = "want two non-empty names, name1 and name2"
		return o
	}
	ex := fuzzy.Compare(in.Name1, in.Name2, screening.MatchKind(k))
	o.Score, o.Match, o.Explanation = ex.Score, ex.Score >= fuzzy.Threshold, &ex
	return o
}

// SourceInfo is one source of `lists info --json`.
type SourceInfo struct {
	Source    lists.Source `json:"source"`
	Format    string       `json:"format"`
	File      string       `json:"file"`
	Published string       `json:"published,omitempty"`
	SHA256    string       `json:"sha256"`
	Entities  int          `json:"entities"`
}

// ListsInfo is `lists info --json`: each source and the entity total.
type ListsInfo struct {
	Sources  []SourceInfo `json:"sources"`
	Entities int          `json:"entities"`
}

// Lists describes a snapshot's sources.
func Lists(snap *lists.Snapshot) ListsInfo {
	out := ListsInfo{Entities: len(snap.Entities)}
	for _, p := range snap.Sources {
		si := SourceInfo{Source: p.Source, Format: p.Format, File: p.File, SHA256: p.SHA256, Entities: p.Records}
		if !p.Published.IsZero() {
			si.Published = p.Published.Format("2006-01-02")
		}
		out.Sources = append(out.Sources, si)
	}
	return out
}
