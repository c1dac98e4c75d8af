package screening

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/lists/loader"
)

var ctx = context.Background()

// TestOutcomeRules checks each outcome rule on real list entries: the OFAC
// SDN list of 2024-07-02 and the UN consolidated list of 2026-08-01.
func TestOutcomeRules(t *testing.T) {
	snap := realSnapshot(t)
	us, _, _ := newScreener(t, snap, DefaultPolicy(JurisdictionUS))
	eu, _, _ := newScreener(t, snap, DefaultPolicy(JurisdictionEU))

	tests := []struct {
		name    string
		s       *Screener
		party   Party
		entity  string
		outcome Outcome // of the hit on entity
		flags   []FlagCode
		noFlags []FlagCode
		reason  string // substring of the hit's reason
	}{
		{
			name:    "weak OFAC a.k.a. alone holds, never freezes",
			s:       us,
			party:   Party{Name: "El Mayo", Kind: lists.Person, BirthDate: "1948", Country: "MX"},
			entity:  "ofac:7226",
			outcome: Hold,
			flags:   []FlagCode{FlagWeakAliasOnly, FlagCrimeBased, FlagDelistingRoute},
			reason:  "weak alias",
		},
		{
			name:    "SDNTK entry: exact strong name with year of birth and nationality freezes",
			s:       us,
			party:   Party{Name: "Ismael Zambada Garcia", Kind: lists.Person, BirthDate: "1948-03-01", Country: "MX"},
			entity:  "ofac:7226",
			outcome: Freeze,
			flags:   []FlagCode{FlagCrimeBased, FlagDelistingRoute},
			noFlags: []FlagCode{FlagWeakAliasOnly, FlagNoSecondaryID, FlagUnilateral},
			reason:  "corroborated",
		},
		{
			name:    "exact name with nothing to corroborate holds",
			s:       us,
			party:   Party{Name: "ZAMBADA GARCIA, Ismael"},
			entity:  "ofac:7226",
			outcome: Hold,
			flags:   []FlagCode{FlagNoSecondaryID, FlagCrimeBased},
			noFlags: []FlagCode{FlagFuzzyMatchOnly},
			reason:  "no date of birth",
		},
		{
			name:    "misspelt name, nothing to corroborate: fuzzy match only, held",
			s:       us,
			party:   Party{Name: "Ismael Zambada Garsia"},
			entity:  "ofac:7226",
			outcome: Hold,
			flags:   []FlagCode{FlagFuzzyMatchOnly, FlagNoSecondaryID},
			reason:  "no date of birth",
		},
		{
			name:    "misspelt name corroborated by year of birth and nationality freezes",
			s:       us,
			party:   Party{Name: "Ismael Zambada Garsia", BirthDate: "1948", Country: "MX"},
			entity:  "ofac:7226",
			outcome: Freeze,
			noFlags: []FlagCode{FlagFuzzyMatchOnly, FlagNoSecondaryID},
			reason:  "corroborated",
		},
		{
			name:    "part of a listed name with agreeing nationality: held, not frozen",
			s:       eu,
			party:   Party{Name: "Mohamed Omar", Kind: lists.Person, Country: "SO"},
			entity:  "un:SOi.025",
			outcome: Hold,
			reason:  "only part of the name matches",
		},
		{
			name:    "gender conflicts with the listing: held",
			s:       us,
			party:   Party{Name: "Ismael Zambada Garcia", BirthDate: "1948", Gender: "female"},
			entity:  "ofac:7226",
			outcome: Hold,
			reason:  "gender differs from listed male",
		},
		{
			name:    "OFAC-only person under an EU policy: risk list, unilateral",
			s:       eu,
			party:   Party{Name: "Ismael Zambada Garcia", Kind: lists.Person, BirthDate: "1948", Country: "MX"},
			entity:  "ofac:7226",
			outcome: Hold,
			flags:   []FlagCode{FlagUnilateral, FlagCrimeBased},
			reason:  "screened as risk",
		},
		{
			name:    "conflicting full date of birth keeps an exact name from FREEZE",
			s:       us,
			party:   Party{Name: "Noel Timothy Heath", Kind: lists.Person, BirthDate: "1950-01-01", Country: "KN"},
			entity:  "ofac:6710",
			outcome: Hold,
			reason:  "conflicts",
		},
		{
			name:    "same name, matching full date of birth freezes",
			s:       us,
			party:   Party{Name: "Noel Timothy Heath", Kind: lists.Person, BirthDate: "1949-12-16"},
			entity:  "ofac:6710",
			outcome: Freeze,
			reason:  "full date of birth equals listed 16 Dec 1949",
		},
		{
			name:    "exact passport number freezes on its own",
			s:       us,
			party:   Party{Name: "N. T. H.", Documents: []Document{{Type: "passport", Number: "035-74", Country: "GB"}}},
			entity:  "ofac:6710",
			outcome: Freeze,
			reason:  "exact identifier match",
		},
		{
			name:   "passport of another issuing country is not a match",
			s:      us,
			party:  Party{Name: "N. T. H.", Documents: []Document{{Type: "passport", Number: "03574", Country: "FR"}}},
			entity: "",
		},
		{
			name:    "UN QD listing under an EU policy: passport with spaces freezes, Ombudsperson route, multilateral",
			s:       eu,
			party:   Party{Name: "Emraan Ali", Documents: []Document{{Type: "passport", Number: "tb 162 181"}}},
			entity:  "un:QDi.430",
			outcome: Freeze,
			flags:   []FlagCode{FlagMultilateral, FlagDelistingRoute},
			noFlags: []FlagCode{FlagCrimeBased},
		},
		{
			name:    "OFAC entry with a UN counterpart is not unilateral",
			s:       eu,
			party:   Party{Name: "Emraan Ali", Kind: lists.Person, BirthDate: "1967-07-04", Country: "TT"},
			entity:  "ofac:25060",
			outcome: Hold,
			flags:   []FlagCode{FlagMultilateral},
			noFlags: []FlagCode{FlagUnilateral},
		},
		{
			name:    "ownership: a company owned by a listed person is held",
			s:       us,
			party:   Party{Name: "Transportes Ficticios SA de CV", Kind: lists.Organization, Owned: []string{"ofac:7226"}},
			entity:  "ofac:7226",
			outcome: Hold,
			flags:   []FlagCode{FlagOwnershipDerived},
			reason:  "owned by a listed entity",
		},
		{
			name:    "extradition with a US listing: human-rights exception relevant",
			s:       us,
			party:   Party{Name: "Ismael Zambada Garcia", BirthDate: "1948", Extradition: true},
			entity:  "ofac:7226",
			outcome: Freeze,
			flags:   []FlagCode{FlagHumanRightsException},
		},
		{
			name:    "EU bank, OFAC Cuba programme: blocking statute conflict",
			s:       eu,
			party:   Party{Name: "Luis Alberto Rodriguez Lopez-Calleja", BirthDate: "1960-01-19"},
			entity:  "ofac:30042",
			outcome: Hold,
			flags:   []FlagCode{FlagBlockingStatute, FlagUnilateral},
		},
		{
			name:    "US bank, OFAC Cuba programme: no blocking statute",
			s:       us,
			party:   Party{Name: "Luis Alberto Rodriguez Lopez-Calleja", BirthDate: "1960-01-19"},
			entity:  "ofac:30042",
			outcome: Freeze,
			noFlags: []FlagCode{FlagBlockingStatute, FlagUnilateral},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := tc.s.Screen(ctx, tc.party)
			if err != nil {
				t.Fatal(err)
			}
			if tc.entity == "" {
				if len(d.Hits()) != 0 || d.Outcome != Clear {
					t.Fatalf("outcome %s with hits %v, want CLEAR", d.Outcome, d.Hits())
				}
				return
			}
			h := hitFor(&d, tc.entity)
			if h == nil {
				t.Fatalf("no hit on %s; decision: %s", tc.entity, d.Explanation)
			}
			if h.Outcome != tc.outcome {
				t.Errorf("hit outcome %s, want %s (reason: %s)", h.Outcome, tc.outcome, h.Reason)
			}
			if d.Outcome.Severity() < h.Outcome.Severity() {
				t.Errorf("decision outcome %s less severe than hit %s", d.Outcome, h.Outcome)
			}
			if !strings.Contains(h.Reason, tc.reason) {
				t.Errorf("reason %q does not contain %q", h.Reason, tc.reason)
			}
			for _, f := range tc.flags {
				if !h.HasFlag(f) {
					t.Errorf("missing flag %s; flags %v", f, h.Flags)
				}
			}
			for _, f := range tc.noFlags {
				if h.HasFlag(f) {
					t.Errorf("unexpected flag %s: %s", f, flagReason(h, f))
				}
			}
			for _, f := range h.Flags {
				if f.Reason == "" {
					t.Errorf("flag %s has no reason", f.Code)
				}
			}
			if h.Body == "" {
				t.Error("hit has no designating body")
			}
			if h.MatchedName != "" && (h.Explanation.Score == 0 || h.Explanation.Candidate == "") {
				t.Errorf("name hit without explanation: %+v", h.Explanation)
			}
			if d.Outcome != Clear && len(d.Regimes) == 0 {
				t.Errorf("%s decision without a regime", d.Outcome)
			}
			for _, r := range d.Regimes {
				if r.Binding == r.Deadline.IsZero() || r.Binding != tc.s.pol.binding(r.Source) {
					t.Errorf("regime %+v: binding and deadline disagree", r)
				}
			}
			if h.Binding && h.Outcome != Clear && d.ReportBy.IsZero() {
				t.Errorf("%s on a binding list without a reporting deadline", h.Outcome)
			}
		})
	}
}

func TestVesselIsNotAPerson(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	d, err := s.Screen(ctx, Party{Name: "Noel Timothy Heath", Kind: lists.Vessel})
	if err != nil {
		t.Fatal(err)
	}
	if d.Outcome != Clear {
		t.Fatalf("a vessel named like a listed person: %s, want CLEAR", d.Outcome)
	}
	nm := d.Parties[0].NearMisses
	if len(nm) == 0 || nm[0].EntityID != "ofac:6710" || nm[0].NameScore != 1 {
		t.Fatalf("near-misses %+v, want the exact name ofac:6710 kept", nm)
	}
	if nm[0].Explanation.Candidate == "" || nm[0].Explanation.Score == 0 {
		t.Errorf("near-miss without explanation: %+v", nm[0].Explanation)
	}
	found := false
	for _, e := range nm[0].Evidence {
		found = found || e.Fact == "kind" && e.Strong && strings.Contains(e.Detail, "a vessel is not a person")
	}
	if !found {
		t.Errorf("no kind evidence: %+v", nm[0].Evidence)
	}
}

func TestDelistingRoutes(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionEU))
	for _, tc := range []struct {
		party  Party
		entity string
		want   string
		not    string
	}{
		{Party{Name: "Emraan Ali", BirthDate: "1967-07-04"}, "un:QDi.430", "Ombudsperson (res. 1904", ""},
		{Party{Name: "Mohammed Omar Ghulam Nabi", BirthDate: "1960"}, "un:TAi.004", "no Ombudsperson", "Office of the Ombudsperson"},
		{Party{Name: "Ismael Zambada Garcia"}, "ofac:7226", "31 CFR 501.807", ""},
	} {
		d, err := s.Screen(ctx, tc.party)
		if err != nil {
			t.Fatal(err)
		}
		h := hitFor(&d, tc.entity)
		if h == nil {
			t.Fatalf("%s: no hit on %s", tc.party.Name, tc.entity)
		}
		r := flagReason(h, FlagDelistingRoute)
		if !strings.Contains(r, tc.want) || tc.not != "" && strings.Contains(r, tc.not) {
			t.Errorf("%s: delisting route %q, want %q", tc.entity, r, tc.want)
		}
	}
}

func TestStaleListData(t *testing.T) {
	snap := realSnapshot(t)
	pol := DefaultPolicy(JurisdictionEU)
	s, _, _ := newScreener(t, snap, pol)
	s.now = func() time.Time { return time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC) } // a month after the UN list
	d, err := s.Screen(ctx, Party{Name: "Emraan Ali", BirthDate: "1967-07-04"})
	if err != nil {
		t.Fatal(err)
	}
	h := hitFor(&d, "un:QDi.430")
	if h == nil || !strings.Contains(flagReason(h, FlagStaleListData), "2026-08-01") {
		t.Fatalf("want STALE_LIST_DATA naming the publish date, got %+v", h)
	}
	s.now = func() time.Time { return time.Date(2026, 8, 3, 0, 0, 0, 0, time.UTC) }
	d, _ = s.Screen(ctx, Party{Name: "Emraan Ali", BirthDate: "1967-07-04"})
	if h := hitFor(&d, "un:QDi.430"); h == nil || h.HasFlag(FlagStaleListData) {
		t.Fatalf("list two days old flagged stale: %+v", h)
	}
}

func TestCrossListResolution(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionEU))
	st := s.cur.Load()
	ofacIdx, unIdx := st.byID["ofac:25060"], st.byID["un:QDi.430"]
	rel := st.related(ofacIdx)
	found := false
	for _, r := range rel {
		found = found || r == unIdx
	}
	if !found {
		t.Fatalf("ofac:25060 (ALI, Emraan) not resolved to un:QDi.430; related %v", rel)
	}
	if r := st.related(st.byID["ofac:7226"]); len(r) != 0 {
		t.Errorf("ofac:7226 (OFAC only) resolved to %v", r)
	}
}

func TestDecidePayment(t *testing.T) {
	s, log, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	pay := Payment{
		ID: "E2E-1", Message: "pacs.008.001.08", Amount: "1000.00", Currency: "USD",
		Parties: []PaymentParty{
			{Role: Debtor, Path: "Dbtr/Nm", Party: Party{Name: "Acme Widgets Ltd", Kind: lists.Organization}},
			{Role: Creditor, Path: "Cdtr/Nm", Party: Party{Name: "El Mayo", Kind: lists.Person}},
		},
		Text: []string{"invoice 42"},
	}
	d, err := s.Decide(ctx, pay)
	if err != nil {
		t.Fatal(err)
	}
	if d.Outcome != Hold || len(d.Parties) != 3 {
		t.Fatalf("outcome %s with %d party results, want HOLD with 3", d.Outcome, len(d.Parties))
	}
	if d.Parties[0].Outcome != Clear || d.Parties[1].Outcome != Hold || d.Parties[1].Role != Creditor || d.Parties[2].Role != FreeText {
		t.Errorf("per-party results wrong: %+v", d.Parties)
	}
	if d.AuditSeq == 0 {
		t.Error("decision not logged")
	}
	recs := log.Records()
	last := recs[len(recs)-1]
	if last.Type != "decision" || last.Seq != d.AuditSeq || !strings.Contains(string(last.Body), d.ID) {
		t.Errorf("last record %d %s is not the decision %s", last.Seq, last.Type, d.ID)
	}
	// The OFAC deadline: 2026-07-02 plus 10 business days, skipping the
	// observed Independence Day (Friday 3 July) and two weekends.
	if got := d.ReportBy.Format(time.DateOnly); got != "2026-07-17" {
		t.Errorf("report by %s, want 2026-07-17", got)
	}
	if got := d.RetainUntil.Format(time.DateOnly); got != "2036-07-02" {
		t.Errorf("retain until %s, want 2036-07-02 (10 years)", got)
	}
	if !strings.Contains(d.Explanation, "HOLD") || !strings.Contains(d.Explanation, "ofac:7226") {
		t.Errorf("explanation: %s", d.Explanation)
	}
}

func TestBadInput(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	for _, p := range []Party{
		{Name: strings.Repeat("a", 5000)},
		{Name: "X", Documents: make([]Document, 100)},
	} {
		if _, err := s.Screen(ctx, p); err == nil {
			t.Errorf("Screen(%.20q, dob %q): no error", p.Name, p.BirthDate)
		}
	}
	// A bad date of birth is flagged, not an error (TestSecondaryFieldsNeverStopScreening).
	for _, dob := range []string{"48", "1948-13", "1948-01-1x"} {
		if d, err := s.Screen(ctx, Party{Name: "X", BirthDate: dob}); err != nil || !hasReason(d.Parties[0].Flags, "dob") {
			t.Errorf("Screen(X, dob %q): %v, flags %v", dob, err, d.Parties)
		}
	}
	_, err := s.Decide(ctx, Payment{Parties: []PaymentParty{{Role: Debtor, Path: "Dbtr", Party: Party{Name: strings.Repeat("a", 5000)}}}})
	if err == nil || !strings.Contains(err.Error(), "Dbtr") {
		t.Errorf("Decide error %v does not name the party path", err)
	}
	if _, err := s.Decide(ctx, Payment{Text: make([]string, 2000)}); err != nil {
		t.Errorf("blank text lines: %v", err)
	}
	many := make([]string, 2000)
	for i := range many {
		many[i] = "x"
	}
	if _, err := s.Decide(ctx, Payment{Text: many}); err == nil {
		t.Error("2000 text lines: no error")
	}
	if _, err := New(ctx, realSnapshot(t), Options{}); err == nil {
		t.Error("New without a log: no error")
	}
	pol := DefaultPolicy(JurisdictionEU)
	pol.FreezeThreshold = 0.5
	if err := pol.Validate(); err == nil {
		t.Error("freeze threshold below hold threshold accepted")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Screen(cctx, Party{Name: "X"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
}

// TestRealEUExcerpt screens against the real EU FSF excerpt (2018-12-21)
// loaded together with the OFAC and UN lists.
func TestRealEUExcerpt(t *testing.T) {
	snap, err := loader.Load(ctx, sdnCSV, unXML, "../testdata/eu/eu_fsf_excerpt_2018-12-21.xml")
	if err != nil {
		t.Fatal(err)
	}
	s, _, _ := newScreener(t, snap, DefaultPolicy(JurisdictionEU))

	d, err := s.Screen(ctx, Party{Name: "Robert Gabriel Mugabe", BirthDate: "1924-02-21"})
	if err != nil {
		t.Fatal(err)
	}
	h := hitFor(&d, "eu:1")
	if h == nil || h.Outcome != Freeze || h.Body != lists.BodyEU {
		t.Fatalf("Mugabe: %+v", h)
	}
	if !strings.Contains(flagReason(h, FlagStaleListData), "2018-12-21") || !strings.Contains(flagReason(h, FlagDelistingRoute), "Art. 263 TFEU") {
		t.Errorf("Mugabe flags: %v", h.Flags)
	}
	if len(d.Regimes) != 1 || d.Regimes[0].Source != lists.EU || !d.ReportBy.Equal(decisionTime) {
		t.Errorf("regimes %+v report by %v", d.Regimes, d.ReportBy)
	}

	// A TERR organisation, screened in plain ASCII against its Turkish
	// name: held (nothing corroborates an organisation's name here), with
	// the six-monthly review cycle.
	d, err = s.Screen(ctx, Party{Name: "Islami Buyuk Dogu Akincilar Cephesi", Kind: lists.Organization})
	if err != nil {
		t.Fatal(err)
	}
	h = hitFor(&d, "eu:207")
	if h == nil || h.Outcome != Hold || !h.HasFlag(FlagReviewDue) || !h.HasFlag(FlagNoSecondaryID) {
		t.Fatalf("IBDA-C: %+v", h)
	}
}

// TestEmbeddedSnapshot screens against the snapshot compiled into the
// library, as the CLI and examples do offline.
func TestEmbeddedSnapshot(t *testing.T) {
	snap, err := embedded.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s, _, _ := newScreener(t, snap, DefaultPolicy(JurisdictionUK))
	d, err := s.Screen(ctx, Party{Name: "Emraan Ali", BirthDate: "1967-07-04", Country: "TT"})
	if err != nil {
		t.Fatal(err)
	}
	if h := hitFor(&d, "un:QDi.430"); h == nil || h.Outcome != Freeze || !strings.Contains(d.Regimes[0].Reporting, "OFSI") {
		t.Fatalf("UK bank, UN listing: %s %+v", d.Outcome, d.Regimes)
	}
	if len(d.Snapshot.Sources) < 3 {
		t.Errorf("embedded snapshot has %d sources", len(d.Snapshot.Sources))
	}
}

// TestPreviousNameAndTaxID uses the complete 2021 OFAC CSV set, whose
// alt.csv carries f.k.a. names and whose remarks carry registration numbers.
func TestPreviousNameAndTaxID(t *testing.T) {
	dir := "../testdata/ofac/csv_set_2021-07/"
	snap, err := loader.Load(ctx, dir+"sdn.csv", dir+"add.csv", dir+"alt.csv", dir+"sdn_comments.csv")
	if err != nil {
		t.Fatal(err)
	}
	s, _, _ := newScreener(t, snap, DefaultPolicy(JurisdictionUS))
	d, err := s.Screen(ctx, Party{Name: "Construexito S.A.", Kind: lists.Organization, Country: "CO"})
	if err != nil {
		t.Fatal(err)
	}
	h := hitFor(&d, "ofac:6535")
	if h == nil || h.Outcome != Hold || h.NameType != lists.FKA || !h.HasFlag(FlagPreviousName) || !h.HasFlag(FlagCrimeBased) {
		t.Fatalf("former name: %+v", h)
	}
	// The NIT as a bank writes it, with its check digit after a dash.
	d, err = s.Screen(ctx, Party{Name: "Constructora", Kind: lists.Organization, Documents: []Document{{Type: "tax-id", Number: "800051378-9"}}})
	if err != nil {
		t.Fatal(err)
	}
	if h := hitFor(&d, "ofac:6535"); h == nil || h.Outcome != Freeze {
		t.Fatalf("tax id: %s %+v", d.Outcome, h)
	}
}

// TestWalletAndBIC: an exact digital-currency address or BIC is strong
// evidence on its own (OFAC SDN 2024-07-02 remarks).
func TestWalletAndBIC(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	for _, tc := range []struct {
		party  Party
		entity string
	}{
		{Party{Name: "unknown beneficiary", Crypto: " 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"}, "ofac:25308"},
		{Party{Name: "correspondent", BIC: "HAVIGB2LXXX"}, "ofac:906"},
	} {
		d, err := s.Screen(ctx, tc.party)
		if err != nil {
			t.Fatal(err)
		}
		h := hitFor(&d, tc.entity)
		if h == nil || h.Outcome != Freeze || !strings.Contains(h.Reason, "identifier") {
			t.Errorf("%+v: %s %+v", tc.party, d.Outcome, h)
		}
	}
}

// A name that is only a legal form or generic words clears with a note
// saying it names no one; a listed name made of generic words still holds.
func TestOnlyLegalFormClearsWithNote(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	for _, n := range []string{"LLC", "Joint Stock Company", "International Trading Group", "OBSHCHESTVO S OGRANICHENNOI OTVETST"} {
		d, err := s.Screen(context.Background(), Party{Name: n, Kind: lists.Organization})
		if err != nil {
			t.Fatal(err)
		}
		if d.Outcome != Clear || !strings.Contains(d.Explanation, "names no one") {
			t.Errorf("%q: %s, %q", n, d.Outcome, d.Explanation)
		}
	}
	d, err := s.Screen(context.Background(), Party{Name: "Real Estate Bank", Kind: lists.Organization})
	if err != nil {
		t.Fatal(err)
	}
	if d.Outcome == Clear {
		t.Errorf("REAL ESTATE BANK (listed) cleared: %s", d.Explanation)
	}
}
