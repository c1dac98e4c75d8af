package screening

import (
	"fmt"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
)

// Name evidence: the listed names that point at an entity, and the
// explanation of the best one for a reviewer.

// candidate gathers what points at one entity before it is weighed.
type candidate struct {
	ent         int32
	strong      int32 // best current strong name record, -1 if none
	strongScore float64
	fka         int32
	fkaScore    float64
	weak        int32
	weakScore   float64
	ids         []Evidence
	owned       bool
}

func (c *candidate) offer(st *state, id uint32, score float64) {
	r := st.names[id]
	n := &st.snap.Entities[r.ent].Names[r.name]
	switch {
	case n.Quality == lists.Weak:
		if score > c.weakScore {
			c.weak, c.weakScore = int32(id), score
		}
	case n.Type == lists.FKA:
		if score > c.fkaScore {
			c.fka, c.fkaScore = int32(id), score
		}
	default:
		if score > c.strongScore {
			c.strong, c.strongScore = int32(id), score
		}
	}
}

// explain fills the hit's name explanation from the index; key is
// nameKey(p.Name), computed once per party.
func explain(st *state, p *Party, key string, h *Hit) {
	if h.rec == 0 || h.Explanation.Candidate != "" {
		return
	}
	id := uint32(h.rec - 1)
	h.Explanation = st.ix.Explain(p.Name, MatchKind(p.Kind), id)
	if h.NameScore == 1 && h.Explanation.Score < 1 {
		listed := st.snap.Entities[st.names[id].ent].Names[st.names[id].name].Full
		if key == nameKey(listed) {
			if h.Explanation.Query == "" {
				h.Explanation.Query, h.Explanation.Candidate = p.Name, listed
			}
			h.Explanation.Score = 1
			h.Explanation.Notes = append(h.Explanation.Notes, "exact match after normalisation (case, accents, punctuation, word order)")
		}
	}
}

// unmatchedText describes the tokens an explanation left unmatched for a
// reason line: the listed name's tokens by name, the party's only by count,
// so that reasons (which are not redacted) carry no part of the party's
// name.
func unmatchedText(un []string) string {
	var listed []string
	party := 0
	for _, u := range un {
		if t, ok := strings.CutPrefix(u, "candidate: "); ok {
			listed = append(listed, t)
		} else {
			party++
		}
	}
	var parts []string
	if len(listed) > 0 {
		parts = append(parts, "listed name tokens not in the party's name: "+strings.Join(listed, ", "))
	}
	if party > 0 {
		parts = append(parts, fmt.Sprintf("%d token%s of the party's name not in the listed name", party, plural(party, "", "s")))
	}
	if len(parts) == 0 {
		return "some tokens unmatched"
	}
	return strings.Join(parts, "; ")
}
