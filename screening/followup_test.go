package screening

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// TestConflictingFullDOB: a party's full date of birth that conflicts with
// every listed date takes a partial name match down to a near-miss, while
// an exact name with the same conflict is still held (lists carry wrong
// dates), never frozen. Real entries: Saddam Hussein (ofac:7843, un:IQi.001,
// DOB 28 Apr 1937) and his son Ali (ofac:8187 and un:IQi.061, DOB 1980 or
// 1983) on the OFAC SDN (2024-07-02) and UN (2026-08-01) lists.
func TestConflictingFullDOB(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))

	// The father, with his listed date of birth: the children's entries,
	// which match all but their given name, are never held.
	d, err := s.Screen(ctx, Party{Name: "Saddam Hussein Al-Tikriti", BirthDate: "1937-04-28"})
	if err != nil {
		t.Fatal(err)
	}
	if h := hitFor(&d, "ofac:7843"); h == nil || h.Outcome != Freeze {
		t.Fatalf("ofac:7843 with the listed DOB: %+v, want FREEZE", h)
	}
	for _, h := range d.Hits() {
		if h.EntityID != "ofac:7843" && h.EntityID != "un:IQi.001" {
			t.Errorf("hit %s %q (%s, score %.3f): a partial name with a conflicting full DOB must not hold", h.EntityID, h.PrimaryName, h.Outcome, h.Score)
		}
	}
	var nm *Hit
	for i := range d.Parties[0].NearMisses {
		if h := &d.Parties[0].NearMisses[i]; h.EntityID == "ofac:8187" {
			nm = h
		}
	}
	// The son's entry (Ali Saddam Hussein al-Tikriti) is told apart by
	// name alone now: the query's first name is his father's name while
	// his own is unmatched (fuzzy's father-and-son rule). If it still comes
	// up as a near-miss, it must carry the DOB conflict.
	if nm != nil && !slices.ContainsFunc(nm.Evidence, func(e Evidence) bool { return e.Fact == "dob" && e.Strong && e.Weight == wDOBConflict }) {
		t.Errorf("ofac:8187 near-miss lacks the strong DOB conflict: %+v", nm.Evidence)
	}

	for _, tc := range []struct {
		dob, entity, reason string
		strong              bool
		score               float64
	}{
		// Exact name, full date decades from every listed year: held at
		// the hold threshold by the near-exact floor.
		{"1937-04-28", "ofac:8187", "held for a reviewer", true, s.pol.HoldThreshold},
		{"1937-04-28", "un:IQi.061", "held for a reviewer", true, s.pol.HoldThreshold},
		// A year off a listed year: lists approximate, weak evidence.
		{"1981-06-01", "ofac:8187", "no date of birth, nationality or identifier", false, 1 + wDOBYearOff},
		// Full date against a full listed date, one day off: strong.
		{"1937-04-29", "ofac:7843", "held for a reviewer", true, s.pol.HoldThreshold},
	} {
		name := "Ali Saddam Hussein Al-Tikriti"
		if tc.entity == "ofac:7843" {
			name = "Saddam Hussein Al-Tikriti"
		}
		d, err := s.Screen(ctx, Party{Name: name, BirthDate: tc.dob})
		if err != nil {
			t.Fatal(err)
		}
		h := hitFor(&d, tc.entity)
		if h == nil || h.Outcome != Hold {
			t.Errorf("%s %s on %s: %+v, want HOLD", name, tc.dob, tc.entity, h)
			continue
		}
		if !strings.Contains(h.Reason, tc.reason) || h.Score < tc.score-1e-9 || h.Score > tc.score+1e-9 {
			t.Errorf("%s %s on %s: score %.3f reason %q; want %.3f, %q", name, tc.dob, tc.entity, h.Score, h.Reason, tc.score, tc.reason)
		}
		if !slices.ContainsFunc(h.Evidence, func(e Evidence) bool { return e.Fact == "dob" && e.Effect == "against" && e.Strong == tc.strong }) {
			t.Errorf("%s %s on %s: DOB evidence %+v, want strong=%v", name, tc.dob, tc.entity, h.Evidence, tc.strong)
		}
	}
}

// TestCompareDateStrength pins which listed-date conflicts are strong, on
// the kinds of dates the real lists give.
func TestCompareDateStrength(t *testing.T) {
	full := partialDate{1937, 4, 28}
	year := partialDate{1937, 0, 0}
	for _, tc := range []struct {
		pd     partialDate
		ld     lists.Date
		effect string
		strong bool
	}{
		{full, lists.Date{Kind: lists.DateExact, Year: 1937, Month: 4, Day: 28}, "for", false},
		{full, lists.Date{Kind: lists.DateExact, Year: 1937, Month: 4, Day: 29}, "against", true},
		{full, lists.Date{Kind: lists.DateExact, Year: 1939}, "against", false},
		{full, lists.Date{Kind: lists.DateExact, Year: 1940}, "against", true},
		{year, lists.Date{Kind: lists.DateExact, Year: 1980}, "against", false},
		{full, lists.Date{Kind: lists.DateCirca, Year: 1941}, "against", false},
		{full, lists.Date{Kind: lists.DateCirca, Year: 1942}, "against", true},
		{full, lists.Date{Kind: lists.DateRange, Year: 1938, ToYear: 1939}, "against", false},
		{full, lists.Date{Kind: lists.DateRange, Year: 1940, ToYear: 1945}, "against", true},
		{full, lists.Date{Kind: lists.DateRange, Year: 1930, ToYear: 1940}, "for", false},
	} {
		e := compareDate(tc.pd, tc.ld)
		if e.Effect != tc.effect || e.Strong != tc.strong {
			t.Errorf("%v vs %+v: %s strong=%v, want %s strong=%v", tc.pd, tc.ld, e.Effect, e.Strong, tc.effect, tc.strong)
		}
	}
}

// TestKindMismatch: a payment party read as an organisation (it carries an
// organisation id) whose name is a listed person's exact name is held, not
// cleared; a vessel with that name is not the person (a near-miss).
// Real entries: un:IQi.001 and ofac:7843, the name as written in
// testdata/payments/generated_pain001_un_arabic_name.xml; the OFAC vessel
// EBANO (ofac:4243).
func TestKindMismatch(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionEU))
	const name = "صدام حسين التكريتي"
	d, err := s.Decide(ctx, Payment{ID: "kind", Parties: []PaymentParty{
		{Role: Creditor, Path: "Cdtr/Nm", Party: Party{Name: name, Kind: lists.Organization, Documents: []Document{{Type: "registration", Number: "1234567890"}}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"un:IQi.001", "ofac:7843"} {
		h := hitFor(&d, id)
		if h == nil || h.Outcome != Hold {
			t.Fatalf("%s as an organisation: %s, hit %+v; want HOLD", id, d.Outcome, h)
		}
		if !slices.ContainsFunc(h.Evidence, func(e Evidence) bool { return e.Fact == "kind" && e.Strong && e.Weight == wKindNear }) {
			t.Errorf("%s: no person/organisation kind evidence: %+v", id, h.Evidence)
		}
	}
	if d.Outcome != Hold {
		t.Errorf("payment outcome %s, want HOLD", d.Outcome)
	}

	for _, tc := range []struct {
		party   Party
		entity  string
		outcome Outcome
		weight  float64
	}{
		{Party{Name: name, Kind: lists.Vessel}, "un:IQi.001", Clear, wKindFar},
		{Party{Name: name, Kind: lists.Aircraft}, "un:IQi.001", Clear, wKindFar},
		{Party{Name: "Ebano", Kind: lists.Organization}, "ofac:4243", Hold, wKindOther},
		{Party{Name: "Ebano", Kind: lists.Person}, "ofac:4243", Clear, wKindFar},
	} {
		d, err := s.Screen(ctx, tc.party)
		if err != nil {
			t.Fatal(err)
		}
		var h *Hit
		if tc.outcome == Clear {
			if hitFor(&d, tc.entity) != nil {
				t.Errorf("%s %q: hit on %s, want a near-miss", tc.party.Kind, tc.party.Name, tc.entity)
				continue
			}
			for i := range d.Parties[0].NearMisses {
				if nm := &d.Parties[0].NearMisses[i]; nm.EntityID == tc.entity {
					h = nm
				}
			}
		} else {
			h = hitFor(&d, tc.entity)
		}
		if h == nil || h.Outcome != tc.outcome {
			t.Errorf("%s %q on %s: %+v, want %s", tc.party.Kind, tc.party.Name, tc.entity, h, tc.outcome)
			continue
		}
		if !slices.ContainsFunc(h.Evidence, func(e Evidence) bool { return e.Fact == "kind" && e.Strong && e.Weight == tc.weight }) {
			t.Errorf("%s %q: kind evidence %+v, want weight %v", tc.party.Kind, tc.party.Name, h.Evidence, tc.weight)
		}
	}
}

// TestNameLinksDoNotChain: on the real OFAC SDN and UN lists, entries
// linked only by name and date of birth are not chained into one person.
func TestNameLinksDoNotChain(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionEU))
	st := s.cur.Load()
	related := func(a, b string) bool {
		return slices.Contains(st.related(st.byID[a]), st.byID[b])
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		// Two OFAC KIM Yong Chol entries (DOB circa 1947 and 18 Feb
		// 1962): never one person; the second is UN KPi.024 (same DOB).
		{"ofac:12211", "ofac:17614", false},
		{"ofac:17614", "un:KPi.024", true},
		{"ofac:12211", "un:KPi.024", false},
		// Two OFAC REVIVAL OF ISLAMIC HERITAGE SOCIETY entries (different
		// branches) were joined through the one UN entry QDe.070.
		{"ofac:7149", "ofac:10923", false},
		{"ofac:7149", "un:QDe.070", false}, // ambiguous: two OFAC candidates
		// AWEYS is listed twice by OFAC and twice by the UN: by name only,
		// no pairing can be told apart from another.
		{"ofac:7006", "ofac:11744", false},
		{"un:QDi.042", "un:SOi.002", false},
		{"ofac:7006", "un:QDi.042", false},
		// Shared passport numbers may chain (TABATABAEI and AGHAJANI
		// carry the same two passports on the UN list).
		{"ofac:13106", "un:IRi.041", true},
		{"ofac:13106", "un:IRi.003", true},
		// A shared UN reference.
		{"ofac:25060", "un:QDi.430", true},
	} {
		if got := related(tc.a, tc.b); got != tc.want {
			t.Errorf("related(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := related(tc.b, tc.a); got != tc.want {
			t.Errorf("related(%s, %s) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
	// No group joins two entries of one list unless a strong link does.
	for g, m := range st.members {
		for i, x := range m {
			for _, y := range m[i+1:] {
				ex, ey := &st.snap.Entities[x], &st.snap.Entities[y]
				if ex.Source == ey.Source && st.cluster[x] != st.cluster[y] {
					t.Errorf("group %d joins %s and %s (same list) by name", g, ex.ID, ey.ID)
				}
			}
		}
	}
	// The ambiguous counterparts are named in the unilateral flag.
	d, err := s.Screen(ctx, Party{Name: "Hassan Dahir Aweys", BirthDate: "1935"})
	if err != nil {
		t.Fatal(err)
	}
	h := hitFor(&d, "ofac:7006")
	if h == nil || !strings.Contains(flagReason(h, FlagUnilateral), "un:QDi.042") {
		t.Errorf("ofac:7006: unilateral flag does not name the possible UN counterpart: %+v", h)
	}
}

// TestReasonsCarryNoPartyData: reasons, the decision explanation and
// evidence details are not redacted, so they must not repeat the party's
// name, date of birth or document numbers. Party-side fields sit under the
// keys audit.DefaultRedactedFields() hides, the fuzzy explanation's query,
// unmatched and notes among them.
func TestReasonsCarryNoPartyData(t *testing.T) {
	s, log, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionEU))
	d, err := s.Decide(ctx, Payment{ID: "redact", Parties: []PaymentParty{
		// "Qwertzuiop" is an unmatched party token in a partial match.
		{Role: Creditor, Path: "Cdtr/Nm", Party: Party{Name: "Mohamed Omar Qwertzuiop", Kind: lists.Person, Country: "SO", BirthDate: "1962-03-14"}},
		{Role: Debtor, Path: "Dbtr/Nm", Party: Party{Name: "Plonkerton Imports", Documents: []Document{{Type: "passport", Number: "tb 162 181"}}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if hitFor(&d, "un:QDi.430") == nil {
		t.Fatal("no passport hit on un:QDi.430")
	}
	var rec audit.Record
	for _, r := range log.Records() {
		if r.Seq == d.AuditSeq {
			rec = r
		}
	}
	red, err := audit.NewRedactor([]byte("0123456789abcdef")) // the default fields
	if err != nil {
		t.Fatal(err)
	}
	body, err := red.Redact(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"qwertzuiop", "1962", "tb 162 181", "plonkerton"} {
		if strings.Contains(strings.ToLower(string(body)), secret) {
			i := strings.Index(strings.ToLower(string(body)), secret)
			t.Errorf("redacted record still carries %q: ...%s...", secret, body[max(0, i-200):min(len(body), i+100)])
		}
	}
}

func TestUnmatchedText(t *testing.T) {
	got := unmatchedText([]string{"query: qwertzuiop", "candidate: ali", "query: x"})
	if strings.Contains(got, "qwertzuiop") || !strings.Contains(got, "ali") || !strings.Contains(got, "2 tokens of the party's name") {
		t.Errorf("unmatchedText = %q", got)
	}
}
