package payments

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/screening"
)

// listedNames are two names on the real lists the tests load (OFAC SDN
// 2024-07-02; the second also on the UN list).
var listedNames = []string{"VLADIMIR VLADIMIROVICH PUTIN", "SADDAM HUSSEIN AL-TIKRITI"}

// realSamples returns the real (not generated) sample messages.
func realSamples(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sampleDir, "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		if strings.Contains(filepath.Base(f), "generated") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = string(b)
	}
	if len(out) < 10 {
		t.Fatalf("only %d real samples", len(out))
	}
	return out
}

// TestPlantedListedNameNeverClears is the property of issue 9: for every
// real sample message, a listed name planted in any party field (every
// MT party field in every option that carries a name, every ISO 20022
// <Nm>), split over continuation lines (at a space and in mid-word), or in
// a second transaction, yields a non-CLEAR outcome with a hit on it.
func TestPlantedListedNameNeverClears(t *testing.T) {
	if testing.Short() {
		t.Skip("screens a few hundred planted messages")
	}
	s := sharedScreener(t)
	n := 0
	for file, text := range realSamples(t) {
		var variants []planted
		if strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")), "<") {
			variants = plantISO(text)
		} else {
			variants = plantMT(text)
		}
		if len(variants) == 0 {
			t.Errorf("%s: nowhere to plant a name", file)
		}
		for _, v := range variants {
			n++
			res, err := ScreenMessage(context.Background(), s, strings.NewReader(v.text))
			if err != nil {
				t.Fatalf("%s, %s: %v", file, v.where, err)
			}
			if res.Outcome == screening.Clear || !hitOn(res, v.name) {
				t.Errorf("%s, %s: outcome %s, parse error %v, listed name not hit", filepath.Base(file), v.where, res.Outcome, res.ParseErr)
			}
		}
	}
	t.Logf("%d planted messages screened", n)
}

// planted is a sample with a listed name planted in it.
type planted struct{ text, where, name string }

// hitOn reports whether a party whose name shares a word with the listed
// name has a hit.
func hitOn(res Result, name string) bool {
	last := name[strings.LastIndexByte(name, ' ')+1:]
	for _, d := range res.Decisions {
		for _, p := range d.Parties {
			if len(p.Hits) > 0 && (strings.Contains(strings.ToUpper(p.Party.Name), last[:4]) || strings.Contains(strings.ToUpper(p.Party.Name), strings.Fields(name)[0])) {
				return true
			}
		}
	}
	return false
}

var (
	mtPartyTag = regexp.MustCompile(`^:(5[0-9])([A-Z]?):`)
	mtAnyTag   = regexp.MustCompile(`^:[0-9]{2}[A-Z]?:`)
)

// mtBodies are the ways a name may sit in party field num: one line, split
// at a space, split in mid-word, option F 1/ lines (50 and 59).
func mtBodies(num, name string) map[string]string {
	opt := "D"
	switch num {
	case "50":
		opt = "K"
	case "59":
		opt = ""
	}
	sp := strings.LastIndexByte(name, ' ')
	mid := sp + 3
	tag := ":" + num + opt + ":/1\n"
	out := map[string]string{
		"one line":        tag + name,
		"split at space":  tag + name[:sp] + "\n" + name[sp+1:],
		"split mid-word":  tag + name[:mid] + "\n" + name[mid:],
		"after continued": tag + name[:sp] + "\n" + name[sp+1:] + "\nSOME STREET 1",
	}
	if num == "50" || num == "59" {
		out["option F"] = ":" + num + "F:/1\n1/" + name[:mid] + "\n1/" + name[mid:] + "\n3/RU/MOSCOW"
	}
	return out
}

// plantMT plants a listed name in every party field of every message,
// replacing the field, and in a second message appended to the input.
func plantMT(text string) []planted {
	out := plantFields(text)
	// A second message: the first one again, creditor replaced.
	if a := strings.Index(text, "{1:"); a >= 0 {
		if b := strings.Index(text[a:], "\n-}"); b >= 0 {
			for _, p := range plantFields(text[a : a+b+3]) {
				if strings.Contains(p.where, ":59") && strings.HasSuffix(p.where, "one line") {
					out = append(out, planted{text + "\n$" + p.text, "second message, " + p.where, p.name})
					break
				}
			}
		}
	}
	return out
}

// plantFields plants a listed name in every party field, replacing it.
func plantFields(text string) []planted {
	lines := strings.Split(text, "\n")
	var out []planted
	k := 0
	for i, l := range lines {
		m := mtPartyTag.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		if _, ok := mtRoles[m[1]]; !ok {
			continue
		}
		j := i + 1
		for j < len(lines) && !mtAnyTag.MatchString(lines[j]) && !strings.HasPrefix(lines[j], "-}") {
			j++
		}
		name := listedNames[k%len(listedNames)]
		k++
		for how, body := range mtBodies(m[1], name) {
			v := strings.Join(lines[:i], "\n") + "\n" + body + "\n" + strings.Join(lines[j:], "\n")
			out = append(out, planted{v, "line " + itoa(i+1) + " :" + m[1] + m[2] + ": " + how, name})
		}
	}
	return out
}

var isoNm = regexp.MustCompile(`<Nm>[^<]*</Nm>`)

// plantISO plants a listed name in every <Nm> and in a copy of the last
// transaction whose creditor it names.
func plantISO(text string) []planted {
	var out []planted
	for k, loc := range isoNm.FindAllStringIndex(text, -1) {
		name := listedNames[k%len(listedNames)]
		v := text[:loc[0]] + "<Nm>" + name + "</Nm>" + text[loc[1]:]
		out = append(out, planted{v, "Nm at byte " + itoa(loc[0]), name})
	}
	a, b := strings.LastIndex(text, "<CdtTrfTxInf>"), strings.LastIndex(text, "</CdtTrfTxInf>")
	if a >= 0 && b > a {
		tx := text[a : b+len("</CdtTrfTxInf>")]
		c := strings.Index(tx, "<Cdtr>")
		if c >= 0 {
			if loc := isoNm.FindStringIndex(tx[c:]); loc != nil {
				name := listedNames[0]
				tx2 := tx[:c+loc[0]] + "<Nm>" + name + "</Nm>" + tx[c+loc[1]:]
				v := text[:b+len("</CdtTrfTxInf>")] + tx2 + text[b+len("</CdtTrfTxInf>"):]
				out = append(out, planted{v, "second transaction", name})
			}
		}
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }
