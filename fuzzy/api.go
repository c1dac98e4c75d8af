package fuzzy

import "sync"

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
	ID   uint32 // the caller's id for this name (screening: index into its name table); should be unique, see Build
	Name string // as listed, any script
	Kind Kind
}

// Match is one candidate returned by a search.
type Match struct {
	ID    uint32  // Record.ID
	Score float64 // in [0, 1]
}

// Threshold is the score at or above which a pair is called a match: the
// one threshold of the package. A query that is one of a listed name's
// renderings scores 1; a typo in one token, a romanisation variant, a
// title, a legal form or a missing middle name keep a pair above it; a
// different given name, a number that disagrees, a query made only of
// common names (Mohammed Ali, Mikhail Romanov) found inside a longer
// listed name, or a match resting only on a short token matched by sound
// fall below it. See docs/matching.md (section 5) and scoreNames in
// score.go.
const Threshold = 0.80

// Explanation says how a query name was matched to a listed name, token by
// token, in words a compliance officer can read.
type Explanation struct {
	Query     string       `json:"query"`     // normalised query
	Candidate string       `json:"candidate"` // normalised listed name (the variant that matched)
	Score     float64      `json:"score"`
	Tokens    []TokenMatch `json:"tokens"`
	Unmatched []string     `json:"unmatched,omitempty"` // tokens left unmatched, as "query: x" or "candidate: y"
	Notes     []string     `json:"notes,omitempty"`     // e.g. "legal form ignored", "title down-weighted"
}

// TokenMatch is one aligned pair of tokens. Weight is the query side's
// weight in the score (its rarity; little for titles, particles and generic
// words). For a joined match one side holds several tokens separated by
// spaces ("bin laden" for "binladen"); when that side is the query's,
// Weight is the sum of their weights.
type TokenMatch struct {
	Query     string  `json:"query"`
	Candidate string  `json:"candidate"`
	How       string  `json:"how"` // exact, transliterated, inflected, fuzzy, phonetic, initial, joined
	Sim       float64 `json:"sim"`
	Weight    float64 `json:"weight"`
}

// Identifies reports whether name has a token that tells one named thing
// from another: not a legal form, title, particle, initial or generic word
// (docs/matching.md, section 3). A name that is only a legal form ("LLC",
// "Joint Stock Company"), only generic words ("International Trading
// Group"), or cut so short that only its legal form is left matches only a listed
// name of the very same words (REAL ESTATE BANK); a screener that clears
// it should say that it names no one in particular.
func Identifies(name string, kind Kind) bool {
	p := parserPool.Get().(*parser)
	defer parserPool.Put(p)
	p.reset()
	p.parse(name, kind)
	for i := range p.names {
		if nm := &p.names[i]; nm.wContent > 0 && nm.flags&flagPromoted == 0 {
			return true
		}
	}
	return false
}

// parserPool holds query parsers for Identifies: a clean payment's parties
// are all asked, and a warm parser allocates nothing for Latin names.
var parserPool = sync.Pool{New: func() any { return &parser{query: true} }}
