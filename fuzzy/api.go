package fuzzy

// CONTRACT: the API screening builds on. The fuzzy work implements it; the
// signatures may only grow (new fields, new options), not change.

// Kind is the kind of thing a name belongs to; scoring rules differ by kind.
type Kind uint8

// Kinds of named things.
const (
	KindUnknown Kind = iota
	KindPerson
	KindOrganization
	KindVessel
	KindAircraft
)

// Record is one listed name handed to the index.
type Record struct {
	ID   uint32 // the caller's id for this name (screening: index into its name table)
	Name string // as listed, any script
	Kind Kind
}

// Match is one candidate returned by a search.
type Match struct {
	ID    uint32  // Record.ID
	Score float64 // in [0, 1]
}

// Threshold is the score at or above which a pair is called a match.
const Threshold = 0.80

// Index is an immutable in-memory candidate index, safe for concurrent
// readers. Build a new one to reload.
type Index struct {
	recs []Record
}

// Build builds an index over the records.
func Build(recs []Record) *Index {
	return &Index{recs: recs}
}

// Len returns the number of records in the index.
func (ix *Index) Len() int { return len(ix.recs) }

// Search appends to dst the best candidates for query (at most limit, score
// >= min, best first) and returns it. With a dst of enough capacity it does
// not allocate in the steady state. kind may be KindUnknown.
func (ix *Index) Search(query string, kind Kind, limit int, min float64, dst []Match) []Match {
	return dst
}

// Explanation says how a query name was matched to a listed name, token by
// token, in words a compliance officer can read.
type Explanation struct {
	Query     string       `json:"query"`     // normalised query
	Candidate string       `json:"candidate"` // normalised listed name (the variant that matched)
	Score     float64      `json:"score"`
	Tokens    []TokenMatch `json:"tokens"`
	Unmatched []string     `json:"unmatched,omitempty"` // tokens on either side left unmatched
	Notes     []string     `json:"notes,omitempty"`     // e.g. "legal form ignored", "title down-weighted"
}

// TokenMatch is one aligned pair of tokens.
type TokenMatch struct {
	Query     string  `json:"query"`
	Candidate string  `json:"candidate"`
	How       string  `json:"how"` // exact, transliterated, fuzzy, phonetic, initial
	Sim       float64 `json:"sim"`
	Weight    float64 `json:"weight"`
}

// Explain scores query against the record with the given id and explains
// the score. It allocates; call it for the few hits shown to people.
func (ix *Index) Explain(query string, kind Kind, id uint32) Explanation {
	return Explanation{}
}

// Compare scores two names directly, outside any index.
func Compare(a, b string, kind Kind) Explanation {
	return Explanation{}
}
