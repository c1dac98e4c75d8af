package screening

import (
	"fmt"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
)

// Kind and gender evidence: what the party is against what the listing
// says the entity is.

// readGender reads a gender as records write it. Values that say there is
// nothing to compare ("x", "unknown", "other") give "" without a flag.
func readGender(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "m", "male", "man":
		return "male", true
	case "f", "female", "woman":
		return "female", true
	case "", "x", "u", "unknown", "other", "diverse", "unspecified", "not known", "n/a":
		return "", true
	}
	return "", false
}

// genderEvidence weighs a party's gender as [readGender] read it ("male",
// "female" or "") against the listed one, which the parsers write the
// same way.
func genderEvidence(g string, e *lists.Entity) (Evidence, bool) {
	if g == "" || e.Gender == "" || e.Kind != lists.Person {
		return Evidence{}, false
	}
	if g == e.Gender {
		return Evidence{Fact: "gender", Effect: "neutral", Detail: "the party's gender agrees with the listed one"}, true
	}
	return Evidence{Fact: "gender", Effect: "against", Strong: true, Weight: wGenderDiffer, Detail: "the party's gender differs from listed " + e.Gender}, true
}

// kindEvidence weighs a party's kind against the listed one. A person and
// a vessel or aircraft cannot be the same (wKindFar); a person and an
// organisation are confused often enough, by banks and by the message
// structure a payment party's kind is read from, that the mismatch only
// weighs wKindNear; an organisation and a vessel or aircraft (ships are
// often named after their owners) weigh wKindOther. Every mismatch blocks
// FREEZE.
func kindEvidence(k lists.Kind, e *lists.Entity) (Evidence, bool) {
	if k == "" || k == lists.UnknownKind || e.Kind == "" || e.Kind == lists.UnknownKind || k == e.Kind {
		return Evidence{}, false
	}
	craft := func(k lists.Kind) bool { return k == lists.Vessel || k == lists.Aircraft }
	ev := Evidence{Fact: "kind", Effect: "against", Strong: true, Weight: wKindOther, Detail: fmt.Sprintf("screened as %s, listed as %s", k, e.Kind)}
	switch {
	case (k == lists.Person) != (e.Kind == lists.Person) && (craft(k) || craft(e.Kind)), craft(k) && craft(e.Kind):
		ev.Weight, ev.Detail = wKindFar, fmt.Sprintf("%s %s is not %s %s", article(k), k, article(e.Kind), e.Kind)
	case k == lists.Person || e.Kind == lists.Person:
		ev.Weight, ev.Detail = wKindNear, fmt.Sprintf("screened as %s, listed as %s: person and organisation are often confused, the name decides", k, e.Kind)
	}
	return ev, true
}

func article(k lists.Kind) string {
	if k == lists.Organization || k == lists.Aircraft {
		return "an"
	}
	return "a"
}
