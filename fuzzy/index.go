package fuzzy

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// The candidate index.
//
// Every listed name is parsed into its Latin renderings ("documents"). Each
// distinct token gets an id in a dictionary that also holds its fold key,
// sound key and rarity; joins of two or three adjacent tokens
// ("bin"+"laden") are dictionary entries too, so "binladen" finds "bin
// laden". Postings (token id → document ids) are two flat arrays, offsets
// and ids, in the manner of codesearch's index, not maps of slices.
//
// A query token finds dictionary tokens by exact text, by fold key, by
// sound key, and by a SymSpell-style deletion neighbourhood over fold keys
// and spellings (each key with its one-letter deletions, for fold keys of
// eight letters or more two-letter ones too, is indexed; the query side
// does the same), so one typo or one romanisation difference does not lose
// a rare token. Each candidate is
// checked with tokSim, the very comparison the scorer uses, and retrieval
// finds every dictionary token tokSim accepts (TestSearchMatchesBruteForce
// holds it to that): the similarities found are memoised for scoring, and
// the pruning bounds below are true bounds.
//
// Query tokens are walked rarest first (MaxScore): once the tokens left
// could not lift a document that has none of the rarer ones to min, no new
// document is admitted, and long postings of common tokens (Mohammed,
// Trading) are only probed for documents already found. Each document's
// score is bounded from above from its accumulated query-side and list-side
// weights; only documents whose bound reaches min are fully scored.

// dictTok is one distinct token of the index.
type dictTok struct {
	text, fold, skel string
	rar              float32 // rarity (the weight of a content token)
	bound            float32 // the most a listed occurrence can weigh: rarity, number weight, or for a join the sum over its parts
	join             bool    // only ever a join of adjacent tokens: for retrieval only
	legalJoin        bool    // only ever a join with a legal form, which matches only letter for letter (scorer.joins)
	known            bool    // knownName(text)
	syl              bool    // isSyllable(text)
	num              bool    // isDigits(text)
	noNick           bool    // no nicknames for fold (see tok.noNick)
	french           bool    // frenchLetters(text)
}

// Index is an immutable in-memory candidate index, safe for concurrent
// readers. Build a new one to reload.
type Index struct {
	recs []Record
	byID map[uint32]uint32 // Record.ID → index in recs of its first record
	// dupID holds, for an ID that several records share, all their
	// indices in recs (see Build).
	dupID map[uint32][]uint32

	docRec      []uint32   // document → index in recs
	recDoc      []uint32   // record → its first document; its documents are recDoc[ri]:recDoc[ri+1]
	docOff      []uint32   // document → its tokens in docToks/docCls
	docToks     []uint32   // dictionary ids
	docCls      []tokClass // class of each token occurrence
	docW        []float32  // total token weight but titles (name.w)
	docWContent []float32
	docFlags    []uint16
	docLegal    []uint8 // name.legal

	dict []dictTok
	// textTab, foldTab and soundTab find the tokens with a text, a fold
	// key or a sound key (tokens that may match phonetically).
	textTab, foldTab, soundTab keyTable
	// byPrefix holds the dictionary ids in the order of their texts: the
	// tokens a stub ending a cut query begins (see fieldLimits).
	byPrefix []uint32
	// byAbjad and byAbjadText group tokens by the abjad keys of their
	// fold key and of their spelling (see abjadMatch), for queries
	// transliterated from Arabic or Hebrew script.
	byAbjad, byAbjadText tokGroups
	// byAbjadFrench groups the tokens a French reading gives another
	// abjad text key (see appendAbjadFrenchKey) by that key.
	byAbjadFrench tokGroups
	// byAbjadJoin groups the listed joins by the abjad key of their fold
	// key: an abjad query's token takes a listed run with its key
	// (scorer.joins: والمسلمين, walmaslamin, is WA AL-MUSLIMIN), so
	// retrieval must find the run's join.
	byAbjadJoin tokGroups

	// delTab is the deletion neighbourhood: the hash of a fold key or one
	// of its deletions → the tokens of the fold groups it reaches.
	delTab keyTable

	postOff []uint32 // dictionary id → its documents in post
	post    []uint32
	// postInitOff and postInit are the postings of documents with
	// initials (see searchName).
	postInitOff []uint32
	postInit    []uint32

	pool sync.Pool // *searcher
}

// Build builds an index over the records. Names are normalised and
// transliterated (up to 4 Latin renderings per name); records whose name
// has no letters or digits are kept (Len counts them) but never match.
// Build does not keep recs; it copies what it needs.
//
// Record IDs should be unique: Search reports an ID, not a record, so two
// records with one ID cannot be told apart in its results. They are not
// rejected (one bad row must not stop screening): Search returns the ID
// once, with the best score over its records, and Explain explains the
// best-scoring of them, so that the two agree.
func Build(recs []Record) *Index {
	ix := &Index{
		recs:   slices.Clone(recs),
		byID:   make(map[uint32]uint32, len(recs)),
		docOff: []uint32{0},
	}
	byText := make(map[string]uint32, len(recs))
	var p parser
	type occ struct{ tok, doc uint32 }
	var occs []occ
	var jb []byte
	intern := func(t *tok, join, legal bool) uint32 {
		id, ok := byText[t.text]
		if !ok {
			id = uint32(len(ix.dict))
			d := dictTok{text: strings.Clone(t.text), join: true, legalJoin: legal}
			d.fold = strings.Clone(t.fold)
			d.skel = strings.Clone(t.skel)
			d.rar = rarity(d.text)
			d.bound = d.rar
			d.known = knownName(d.text)
			d.syl = isSyllable(d.text)
			d.num = isDigits(d.text)
			d.noNick = len(nicknames[d.fold]) == 0
			d.french = frenchLetters(d.text)
			ix.dict = append(ix.dict, d)
			byText[d.text] = id
		}
		if !join {
			ix.dict[id].join = false
		}
		if !legal {
			ix.dict[id].legalJoin = false
		}
		return id
	}
	ix.recDoc = make([]uint32, 0, len(ix.recs)+1)
	for ri := range ix.recs {
		r := &ix.recs[ri]
		ix.recDoc = append(ix.recDoc, uint32(len(ix.docRec)))
		if first, dup := ix.byID[r.ID]; !dup {
			ix.byID[r.ID] = uint32(ri)
		} else {
			if ix.dupID == nil {
				ix.dupID = make(map[uint32][]uint32)
			}
			if len(ix.dupID[r.ID]) == 0 {
				ix.dupID[r.ID] = []uint32{first}
			}
			ix.dupID[r.ID] = append(ix.dupID[r.ID], uint32(ri))
		}
		p.reset()
		p.parse(r.Name, r.Kind)
		for ni := range p.names {
			nm := &p.names[ni]
			if len(nm.toks) == 0 || sameAsEarlier(p.names[:ni], nm) {
				continue
			}
			doc := uint32(len(ix.docRec))
			ix.docRec = append(ix.docRec, uint32(ri))
			for ti := range nm.toks {
				t := &nm.toks[ti]
				id := intern(t, false, false)
				if t.cls == clsNumber {
					ix.dict[id].bound = max(ix.dict[id].bound, wNumber)
				}
				ix.docToks = append(ix.docToks, id)
				ix.docCls = append(ix.docCls, t.cls)
				occs = append(occs, occ{id, doc})
			}
			// Joins of adjacent name tokens, for retrieval.
			for ti := range nm.toks {
				short, legal := false, false
				jb = jb[:0]
				var rar float32
				for k := 0; k < 3 && ti+k < len(nm.toks); k++ {
					t := &nm.toks[ti+k]
					if t.cls != clsContent && t.cls != clsParticle && t.cls != clsGeneric && t.cls != clsLegal {
						break // as scorer.joins: MAHAN AIR is MAHANAIR
					}
					// A legal form joins letter for letter (DOO CUPRIJA
					// is DOOCUPRIJA).
					legal = legal || t.cls == clsLegal
					short = short || len(t.text) <= 3
					jb = append(jb, t.text...)
					if t.cls != clsLegal { // a legal form weighs nothing
						rar += rarity(t.text)
					}
					if k == 0 || k == 2 && !short {
						continue
					}
					jt := tok{text: string(jb)}
					jt.fold = foldOf(jt.text)
					jt.skel = skelOf(jt.text)
					id := intern(&jt, true, legal)
					ix.dict[id].bound = max(ix.dict[id].bound, rar)
					occs = append(occs, occ{id, doc})
				}
			}
			ix.docOff = append(ix.docOff, uint32(len(ix.docToks)))
			ix.docW = append(ix.docW, nm.w)
			ix.docWContent = append(ix.docWContent, nm.wContent)
			ix.docFlags = append(ix.docFlags, nm.flags)
			ix.docLegal = append(ix.docLegal, nm.legal)
		}
	}
	ix.recDoc = append(ix.recDoc, uint32(len(ix.docRec)))
	ix.packStrings()
	// Postings: counting sort of the occurrences by token, documents in
	// increasing order, each once per token.
	ix.postOff = make([]uint32, len(ix.dict)+1)
	for _, o := range occs {
		ix.postOff[o.tok+1]++
	}
	for i := 1; i < len(ix.postOff); i++ {
		ix.postOff[i] += ix.postOff[i-1]
	}
	ix.post = make([]uint32, len(occs))
	fill := slices.Clone(ix.postOff[:len(ix.dict)])
	for _, o := range occs {
		if f := fill[o.tok]; f > ix.postOff[o.tok] && ix.post[f-1] == o.doc {
			continue // same token twice in one document
		}
		ix.post[fill[o.tok]] = o.doc
		fill[o.tok]++
	}
	// Compact away the duplicate slots.
	w := uint32(0)
	for t := range ix.dict {
		start, end := ix.postOff[t], fill[t]
		ix.postOff[t] = w
		w += uint32(copy(ix.post[w:], ix.post[start:end]))
	}
	ix.postOff[len(ix.dict)] = w
	ix.post = slices.Clip(ix.post[:w])
	// The same, for documents with initials only.
	ix.postInitOff = make([]uint32, len(ix.dict)+1)
	for t := range ix.dict {
		for _, d := range ix.post[ix.postOff[t]:ix.postOff[t+1]] {
			if ix.docFlags[d]&flagInitials != 0 {
				ix.postInit = append(ix.postInit, d)
			}
		}
		ix.postInitOff[t+1] = uint32(len(ix.postInit))
	}

	// Tokens by text, fold key and sound key.
	var text, fold, sound []keyTok
	for i := range ix.dict {
		d := &ix.dict[i]
		text = append(text, keyTok{hashString(d.text), uint32(i)})
		if !d.legalJoin { // found by its text only
			fold = append(fold, keyTok{hashString(d.fold), uint32(i)})
		}
		if len(d.skel) >= minSoundSkel && len(d.fold) >= minSoundFold && !d.join { // as fuzzySim
			sound = append(sound, keyTok{hashString(d.skel), uint32(i)})
		}
	}
	sortKeyToks(text)
	sortKeyToks(fold)
	sortKeyToks(sound)
	ix.textTab = newKeyTable(text)
	ix.foldTab = newKeyTable(fold)
	ix.soundTab = newKeyTable(sound)
	byFold := groupBy(ix.dict, func(d *dictTok) (string, bool) { return d.fold, true })
	ix.byAbjad = groupBy(ix.dict, func(d *dictTok) (string, bool) {
		k := string(appendAbjadKey(nil, d.fold))
		return k, k != "" && !d.join
	})
	ix.byAbjadJoin = groupBy(ix.dict, func(d *dictTok) (string, bool) {
		k := string(appendAbjadKey(nil, d.fold))
		return k, k != "" && d.join
	})
	ix.byAbjadText = groupBy(ix.dict, func(d *dictTok) (string, bool) {
		k := string(appendAbjadTextKey(nil, d.text))
		return k, k != "" && !d.join
	})
	ix.byAbjadFrench = groupBy(ix.dict, func(d *dictTok) (string, bool) {
		k := string(appendAbjadFrenchKey(nil, d.text))
		return k, k != "" && !d.join && k != string(appendAbjadTextKey(nil, d.text))
	})
	// Deletion neighbourhood of the fold keys.
	type del struct {
		h uint64
		g uint32
	}
	var dels []del
	var db, db2 [maxTokenBytes]byte
	// addKey adds key and its one-letter deletions, and its two-letter
	// ones when two is set, as ways to fold group g.
	addKey := func(key string, g uint32, two bool) {
		dels = append(dels, del{hashString(key), g})
		for i := 0; i < len(key); i++ {
			if i > 0 && key[i] == key[i-1] {
				continue // same deletion as the previous one
			}
			n := copy(db[:], key[:i])
			n += copy(db[n:], key[i+1:])
			dels = append(dels, del{hashBytes(db[:n]), g})
			if !two {
				continue
			}
			// Long keys: two deletions as well, so that two
			// substitutions (bladimirobich, vladimirovich) meet the
			// query's two deletions.
			for j := i; j < n; j++ {
				if j > i && db[j] == db[j-1] {
					continue
				}
				m := copy(db2[:], db[:j])
				m += copy(db2[m:], db[j+1:n])
				dels = append(dels, del{hashBytes(db2[:m]), g})
			}
		}
	}
	for key, g := range byFold.by {
		if len(key) < minDeletionKey-1 || len(key) > maxTokenBytes {
			continue
		}
		// Joins with a legal form match only by their text: no
		// deletions. Two deletions for a group with a token that is
		// not a join.
		legalOnly, joinOnly := true, true
		for _, id := range byFold.group(g) {
			legalOnly = legalOnly && ix.dict[id].legalJoin
			joinOnly = joinOnly && ix.dict[id].join
		}
		if legalOnly {
			continue
		}
		if stem := inflectionStem(key); stem != "" {
			dels = append(dels, del{hashString(stem), g}) // Putinas is found by Putin
		}
		if len(key) == minDeletionKey-1 {
			// Three letters: found by four-letter keys less one letter
			// (editsAllowed's silent h).
			dels = append(dels, del{hashString(key), g})
			continue
		}
		addKey(key, g, maxEdits(len(key)) >= 2 && !joinOnly)
	}
	// Spellings whose fold key differs (Ahmed folds to ahmad): a typo is a
	// typo of the spelling (Ahmend), so the spelling has its deletions too.
	for i := range ix.dict {
		d := &ix.dict[i]
		if d.join || d.text == d.fold || len(d.text) < minDeletionKey || len(d.text) > maxTokenBytes {
			continue
		}
		addKey(d.text, byFold.by[d.fold], false)
	}
	slices.SortFunc(dels, func(a, b del) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return int(a.g) - int(b.g)
	})
	dels = slices.Compact(dels)
	n := 0
	for _, d := range dels {
		n += len(byFold.group(d.g))
	}
	dtoks := make([]keyTok, 0, n)
	for _, d := range dels {
		for _, id := range byFold.group(d.g) {
			dtoks = append(dtoks, keyTok{d.h, id})
		}
	}
	ix.delTab = newKeyTable(dtoks)
	ix.pool.New = func() any { return newSearcher(ix) }
	ix.byPrefix = make([]uint32, len(ix.dict))
	for i := range ix.byPrefix {
		ix.byPrefix[i] = uint32(i)
	}
	slices.SortFunc(ix.byPrefix, func(a, b uint32) int { return strings.Compare(ix.dict[a].text, ix.dict[b].text) })
	return ix
}

// packStrings moves the dictionary's strings into one block, each token's
// text, fold key and skeleton side by side (the fold key shared with the
// text when they are equal). Retrieval reads all three for each candidate
// (see tokSim), and strings allocated one by one, scattered over the
// heap, cost a cache miss each.
func (ix *Index) packStrings() {
	n := 0
	for i := range ix.dict {
		d := &ix.dict[i]
		n += len(d.text) + len(d.fold) + len(d.skel)
	}
	var b strings.Builder
	b.Grow(n)
	for i := range ix.dict {
		d := &ix.dict[i]
		b.WriteString(d.text)
		if d.fold != d.text {
			b.WriteString(d.fold)
		}
		b.WriteString(d.skel)
	}
	all := b.String()
	off := 0
	next := func(n int) string {
		off += n
		return all[off-n : off]
	}
	for i := range ix.dict {
		d := &ix.dict[i]
		text := next(len(d.text))
		fold := text
		if d.fold != d.text {
			fold = next(len(d.fold))
		}
		d.text, d.fold, d.skel = text, fold, next(len(d.skel))
	}
}

// A keyTable maps the 64-bit hashes of keys to runs of dictionary tokens.
// It is an open-addressing table of slots, each a hash's top 32 bits
// and, below, either keyOne | a token id (most keys have one token, and
// the slot alone answers) or 1 + i, for the run toks[off[i]:off[i+1]];
// 0 is an empty slot. Unlike a Go map it neither holds nor compares the
// keys, and a lookup costs one cache miss, often none past the slot.
//
// Only the top halves of the hashes are kept, and keys whose hashes share
// one have one run, the union of theirs: a key in the table finds all its
// tokens. A key not in the table whose hash agrees with one that is in its
// top half and, by the slot it reaches, in some of its low bits, finds that
// key's tokens: once in billions of lookups, and at the cost of a few
// candidates, which retrieval checks with tokSim anyway.
type keyTable struct {
	slots []uint64
	mask  uint64
	off   []uint32
	toks  []uint32
}

// keyOne marks a keyTable slot that holds a token id itself.
const keyOne = 1 << 31

// keyTok is a key's hash and one of its tokens.
type keyTok struct {
	h   uint64
	tok uint32
}

// newKeyTable returns the table of kt, whose pairs are sorted by hash;
// a key's tokens keep their order in kt (retrieval tries them in it).
func newKeyTable(kt []keyTok) keyTable {
	distinct := 0
	for i := range kt {
		if i == 0 || kt[i].h != kt[i-1].h {
			distinct++
		}
	}
	if distinct == 0 {
		return keyTable{}
	}
	size := 1
	for size < 2*distinct { // at most half full
		size <<= 1
	}
	t := keyTable{slots: make([]uint64, size), mask: uint64(size - 1), off: []uint32{0}}
	for i := 0; i < len(kt); {
		// The pairs of the hashes that share kt[i]'s top half.
		top := kt[i].h >> 32
		n := i + 1
		for n < len(kt) && kt[n].h>>32 == top {
			n++
		}
		var v uint64
		if n == i+1 {
			v = keyOne | uint64(kt[i].tok)
		} else {
			for _, p := range kt[i:n] {
				t.toks = append(t.toks, p.tok)
			}
			t.off = append(t.off, uint32(len(t.toks)))
			v = uint64(len(t.off) - 1)
		}
		for k := i; k < n; k++ {
			if k > i && kt[k].h == kt[k-1].h {
				continue
			}
			j := kt[k].h & t.mask
			for t.slots[j] != 0 {
				j = (j + 1) & t.mask
			}
			t.slots[j] = top<<32 | v
		}
		i = n
	}
	t.toks = slices.Clip(t.toks)
	return t
}

// sortKeyToks sorts kt by hash, and a hash's tokens by id.
func sortKeyToks(kt []keyTok) {
	slices.SortFunc(kt, func(a, b keyTok) int {
		if c := cmp.Compare(a.h, b.h); c != 0 {
			return c
		}
		return cmp.Compare(a.tok, b.tok)
	})
}

// slot returns h's home slot, for reading it ahead of the lookup.
func (t *keyTable) slot(h uint64) uint64 {
	if len(t.slots) == 0 {
		return 0
	}
	return t.slots[h&t.mask]
}

// appendTokens appends to ids the tokens of the key with hash h.
func (t *keyTable) appendTokens(ids []uint32, h uint64) []uint32 {
	if len(t.slots) == 0 {
		return ids
	}
	for j := h & t.mask; ; j = (j + 1) & t.mask {
		slot := t.slots[j]
		if slot == 0 {
			return ids
		}
		if slot>>32 != h>>32 {
			continue
		}
		if v := uint32(slot); v&keyOne == 0 {
			return append(ids, t.toks[t.off[v-1]:t.off[v]]...)
		}
		return append(ids, uint32(slot)&^keyOne)
	}
}

// tokGroups groups dictionary tokens by a key: key → group, and each
// group's token ids as a slice of one flat array.
type tokGroups struct {
	by  map[string]uint32
	off []uint32
	tok []uint32
}

// group returns the token ids of group g.
func (gs *tokGroups) group(g uint32) []uint32 { return gs.tok[gs.off[g]:gs.off[g+1]] }

// get returns the token ids of key's group, or none. It does not
// allocate.
func (gs *tokGroups) get(key []byte) []uint32 {
	if g, ok := gs.by[string(key)]; ok {
		return gs.group(g)
	}
	return nil
}

// groupBy groups the dictionary by a key. Tokens for which key reports
// false are left out.
func groupBy(dict []dictTok, key func(*dictTok) (string, bool)) tokGroups {
	by := make(map[string]uint32)
	group := make([]uint32, len(dict))
	var counts []uint32
	n := 0
	for i := range dict {
		k, ok := key(&dict[i])
		if !ok {
			group[i] = ^uint32(0)
			continue
		}
		g, seen := by[k]
		if !seen {
			g = uint32(len(counts))
			by[k] = g
			counts = append(counts, 0)
		}
		group[i] = g
		counts[g]++
		n++
	}
	off := make([]uint32, len(counts)+1)
	for g, c := range counts {
		off[g+1] = off[g] + c
	}
	toks := make([]uint32, n)
	fill := slices.Clone(off[:len(counts)])
	for i, g := range group {
		if g == ^uint32(0) {
			continue
		}
		toks[fill[g]] = uint32(i)
		fill[g]++
	}
	return tokGroups{by, off, toks}
}

// sameAsEarlier reports whether nm has the same tokens as one of earlier.
func sameAsEarlier(earlier []name, nm *name) bool {
	for i := range earlier {
		e := &earlier[i]
		if len(e.toks) != len(nm.toks) {
			continue
		}
		same := true
		for k := range e.toks {
			if e.toks[k].text != nm.toks[k].text {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// hashBytes is 64-bit FNV-1a.
func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// Len returns the number of records in the index.
func (ix *Index) Len() int { return len(ix.recs) }

// docName fills nm with the tokens of document d, using buffers in s.
func (ix *Index) docName(d uint32, nm *name, toks []tok) []tok {
	toks = toks[:0]
	for k := ix.docOff[d]; k < ix.docOff[d+1]; k++ {
		dt := &ix.dict[ix.docToks[k]]
		c := ix.docCls[k]
		w := dt.rar
		if c != clsContent {
			w = classWeight(c, dt.text)
		}
		toks = append(toks, tok{text: dt.text, fold: dt.fold, skel: dt.skel, w: w, cls: c, known: c != clsNumber && dt.known, syl: c != clsNumber && dt.syl, noNick: dt.noNick, french: dt.french, id: int32(ix.docToks[k])})
	}
	if ix.docFlags[d]&flagPatr != 0 {
		markPatronymic(toks) // as finish did when it set the flag
	}
	nm.toks = toks
	nm.w = ix.docW[d]
	nm.wContent = ix.docWContent[d]
	nm.flags = ix.docFlags[d]
	nm.legal = ix.docLegal[d]
	return toks
}
