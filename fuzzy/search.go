package fuzzy

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
)

// minDeletionKey is the shortest fold key looked up in the deletion
// neighbourhood: the shortest for which tokSim allows an edit (maxEdits).
// Retrieval must find every token tokSim would match, or the pruning
// bound would not be one.
const minDeletionKey = oneEditLen

// probe is one query token (or a join of adjacent query tokens) with the
// dictionary tokens it matches.
type probe struct {
	w          float32
	cost       uint32 // the documents its hits' postings hold (summed)
	mask       uint32 // the query tokens it stands for
	start, end int32  // its hits in searcher.hits
}

// hit is a dictionary token matched by a probe.
type hit struct {
	tok uint32
	sim float32
	how matchHow
}

// searcher holds the reusable per-query state of one goroutine.
type searcher struct {
	ix      *Index
	p       parser
	sc      scorer
	hits    []hit
	probes  []probe
	order   []int32
	sufMask []uint32   // per position in order: union of the masks from there on
	perTok  []tokState // per dictionary id
	tokStmp uint32

	accA, accB   []float32 // per document
	lastA, lastB []float32 // per document: this probe's credit so far
	docStamp     []uint32  // per document: query stamp
	docProbe     []uint32  // per document: probe stamp
	docMask      []uint32  // per document: the query tokens some probe found in it
	stamp        uint32    // per Search call (records)
	vstamp       uint32    // per query rendering (documents)
	pstamp       uint32
	touched      []uint32
	noneUsed     [maxTokens]bool // all false: no token matched yet

	recStamp []uint32 // per record: query stamp of its best in results
	recBest  []float32
	recSlot  []int32
	results  []Match
	resRec   []uint32 // per result: its record (canonical)

	docToks []tok
	docNm   name
	jbuf    []byte

	// The similarities retrieval found, per query token and dictionary
	// token, so that scoring survivors need not recompute them.
	memoTab []memoRow
	probed  uint64 // query tokens (by index) whose matches retrieval found in full

	// Probe results by token text, across the renderings of one query
	// (renderings of a non-Latin name share most tokens).
	lenientJoin  bool // this probe's joins may merely resemble (see scorer.joins)
	particleJoin bool // this probe is a join around a particle
	legalJoin    bool // this probe is a join with a legal form: it matches only letter for letter
	abjadQuery   bool // the query is read from an abjad: joins may have other short vowels (see scorer.joins)

	delKeys []uint64 // deletion keys' hashes (see appendDeletions)
	ids     []uint32 // the tokens of one lookup, to try
	touch   uint64   // prefetch reads (kept so they are not elided)

	cache []cachedProbe
	qhits []hit
	ctext []byte // copies of joins' texts for the cache (fixed capacity)
}

// tokState is a searcher's state for one dictionary token, in one place
// so that retrieval, which visits tokens all over the dictionary, finds a
// token's at the cost of one cache miss.
type tokState struct {
	seen      uint32 // stamp of the probe that saw it
	memoStamp uint32 // vstamp of its memo row
	memoIdx   int32  // its row in memoTab
}

type cachedProbe struct {
	text       string // points into the parser's buffer or ctext: valid for one Search
	maxDel     int    // the probe's deletion cap (the hits depend on it)
	lenient    bool   // and its lenientJoin
	particle   bool   // and particleJoin
	legal      bool   // and legalJoin
	start, end int32  // in qhits
}

// maxPrefixHits caps the listed tokens a cut stub is looked up as the
// beginning of: a stub so short that it begins more says too little.
const maxPrefixHits = 256

// memoQ is how many query tokens the similarity memo covers.
const memoQ = 24

type memoRow struct {
	sim [memoQ]float32
	how [memoQ]matchHow
}

// memoGet is the scorer's memo: the similarity of query token i and
// dictionary token id, known when query token i was probed in full (no
// entry then means no match).
func (s *searcher) memoGet(i int, id int32) (float32, matchHow, bool) {
	if i >= memoQ || s.probed&(1<<uint(i)) == 0 {
		return 0, howNone, false
	}
	ts := &s.perTok[id]
	if ts.memoStamp != s.vstamp {
		return 0, howNone, true
	}
	r := &s.memoTab[ts.memoIdx]
	return r.sim[i], r.how[i], true
}

func (s *searcher) memoSet(i int, id uint32, sim float32, how matchHow) {
	ts := &s.perTok[id]
	if ts.memoStamp != s.vstamp {
		ts.memoStamp = s.vstamp
		ts.memoIdx = int32(len(s.memoTab))
		s.memoTab = append(s.memoTab, memoRow{})
	}
	r := &s.memoTab[ts.memoIdx]
	r.sim[i], r.how[i] = sim, how
}

func newSearcher(ix *Index) *searcher {
	nd := len(ix.docRec)
	s := &searcher{
		ix:       ix,
		perTok:   make([]tokState, len(ix.dict)),
		accA:     make([]float32, nd),
		accB:     make([]float32, nd),
		lastA:    make([]float32, nd),
		lastB:    make([]float32, nd),
		docStamp: make([]uint32, nd),
		docProbe: make([]uint32, nd),
		docMask:  make([]uint32, nd),
		recStamp: make([]uint32, len(ix.recs)),
		recBest:  make([]float32, len(ix.recs)),
		recSlot:  make([]int32, len(ix.recs)),
		sc:       scorer{buf: make([]byte, 0, 512)},
		p:        parser{query: true, buf: make([]byte, 0, 4096)},
		jbuf:     make([]byte, 0, 256),
		ctext:    make([]byte, 0, 2048),
	}
	s.sc.memo = s.memoGet
	return s
}

// Search appends to dst the best candidates for query (at most limit, score
// >= minScore, best first; ties by ID) and returns it. With a dst of enough
// capacity it does not allocate in the steady state for Latin-script
// queries. kind may be KindUnknown; it selects the rules used to read the
// query (legal forms, "LAST, First"). A query with no identifying token
// (only legal forms, punctuation) finds nothing; one of only titles,
// generic words and initials finds only listed names it covers whole and
// that cover it whole (see promote).
//
// Only listed names that share at least one token with the query (exactly,
// as a romanisation variant, within one or two edits, by sound, or
// joined/split) are considered: a listed name that would match through
// initials alone is not found.
func (ix *Index) Search(query string, kind Kind, limit int, minScore float64, dst []Match) []Match {
	if limit <= 0 || len(ix.docRec) == 0 {
		return dst
	}
	s := ix.pool.Get().(*searcher)
	defer ix.pool.Put(s)
	s.results, s.resRec = s.results[:0], s.resRec[:0]
	s.stamp++
	if s.stamp == 0 { // wrapped: clear the stamps
		clear(s.recStamp)
		s.stamp = 1
	}
	s.p.reset()
	s.p.parse(query, kind)
	s.cache, s.qhits, s.ctext = s.cache[:0], s.qhits[:0], s.ctext[:0]
	// A record whose plain score reaches mergeFloor may score more with
	// merged readings (see mergeFloor): an abjad query finds those too,
	// and keeps them if rescore lifts them to minScore.
	floor := float32(minScore)
	merge := mergeable(s.p.names)
	if merge {
		floor = min(floor, mergeFloor)
	}
	for ni := range s.p.names {
		s.searchName(&s.p.names[ni], floor)
	}
	if len(s.p.names) > 1 {
		s.probed = 0 // the memo holds the last rendering's similarities only
		s.sc.alts = s.p.names
		for k := range s.results {
			s.rescore(k, merge)
		}
		s.sc.alts, s.sc.simOn = nil, false
	}
	if floor < float32(minScore) {
		n := 0
		for k := range s.results {
			if s.results[k].Score >= minScore {
				s.results[n], s.resRec[n] = s.results[k], s.resRec[k]
				n++
			}
		}
		s.results, s.resRec = s.results[:n], s.resRec[:n]
	}
	res := s.results
	slices.SortFunc(res, func(a, b Match) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if len(res) > limit {
		res = res[:limit]
	}
	return append(dst, res...)
}

// searchName adds to s.results the records whose documents score at least
// minScore against one rendering of the query.
func (s *searcher) searchName(q *name, minScore float32) {
	ix := s.ix
	if q.wContent == 0 || len(q.toks) == 0 {
		return
	}
	spec := nameSpec(q)
	var wq, free float32
	unseen := false
	for i := range q.toks {
		t := &q.toks[i]
		if t.cls == clsLegal {
			continue
		}
		if t.cls != clsTitle { // titles count only when matched
			wq += t.w
		}
		if t.cls == clsInitial || t.cut || len(t.text) == 1 && t.cls != clsNumber {
			// Initials (any one letter: tokSim takes I for INTERFACE),
			// and the stub that ends a cut query, find nothing but may
			// match: assume they do.
			free += t.w
			// A listed token retrieval did not find may be matched by
			// an initial, or by a stub whose listed continuations it
			// does not look up in full.
			unseen = unseen || !(t.cut && s.stubFindsAll(t))
		}
	}
	s.vstamp++
	if s.vstamp == 0 {
		clear(s.docStamp)
		for i := range s.perTok {
			s.perTok[i].memoStamp = 0
		}
		s.vstamp = 1
	}
	s.memoTab = s.memoTab[:0]
	s.probed = 0
	lenient := q.flags&flagGuessed != 0
	s.lenientJoin, s.particleJoin = lenient, false
	s.abjadQuery = q.flags&flagAbjad != 0
	// Probes: each token, and joins of 2 or 3 adjacent tokens.
	s.hits = s.hits[:0]
	s.probes = s.probes[:0]
	for i := range q.toks {
		t := &q.toks[i]
		if t.cls == clsLegal || t.cls == clsInitial || t.w == 0 {
			continue
		}
		s.addProbe(t, t.w, 2, i, 1<<uint(i))
	}
	for i := range q.toks {
		s.jbuf = s.jbuf[:0]
		var w float32
		// A run that begins with Abd holds the article: its vowels may
		// differ as around a particle (scorer.joins).
		abdRun := isAbdHead(&q.toks[i])
		short, particle, legal := false, false, false
		for k := 0; k < 3 && i+k < len(q.toks); k++ {
			t := &q.toks[i+k]
			if t.cls != clsContent && t.cls != clsParticle && t.cls != clsGeneric && t.cls != clsLegal {
				break // as scorer.joins
			}
			if t.cls == clsLegal {
				legal = true // joins letter for letter only (scorer.joins)
			} else {
				w += t.w
			}
			short = short || len(t.text) <= 3
			particle = particle || t.cls == clsParticle
			if k == 0 || k == 2 && !short {
				continue // triples only around a short part, as in the index
			}
			// The join's strings live in jbuf; build the whole run first.
			start := len(s.jbuf)
			for _, u := range q.toks[i : i+k+1] {
				s.jbuf = append(s.jbuf, u.text...)
			}
			jt := tok{text: str(s.jbuf[start:])}
			fs := len(s.jbuf)
			s.jbuf = appendFold(s.jbuf, jt.text)
			jt.fold = str(s.jbuf[fs:])
			ss := len(s.jbuf)
			s.jbuf = appendSkel(s.jbuf, jt.text)
			jt.skel = str(s.jbuf[ss:])
			jt.cls = clsContent
			// The scorer takes a join only if it spells the token (or,
			// for a transliteration, around a particle, resembles it).
			s.lenientJoin = lenient && particle && !legal
			s.particleJoin = particle || abdRun
			s.legalJoin = legal
			maxDel := 0 // the join must spell the token: no edits to look for
			if s.lenientJoin {
				// It may merely resemble the token: within the edits
				// tokSim allows (abd al rahman, ABDIRAHMAN; al haq,
				// ASHAQ).
				maxDel = 2
			}
			s.addProbe(&jt, w, maxDel, -1, (1<<uint(k+1)-1)<<uint(i))
		}
	}
	s.legalJoin = false
	// Probe order: see below.
	s.order = s.order[:0]
	for i := range s.probes {
		s.order = append(s.order, int32(i))
	}
	// Rarest (heaviest) first; among equal weights (common names all weigh
	// commonWeight), the shorter postings first, so that admission stops
	// before the long lists.
	for i := range s.probes {
		pr := &s.probes[i]
		for _, h := range s.hits[pr.start:pr.end] {
			pr.cost += ix.postOff[h.tok+1] - ix.postOff[h.tok]
		}
	}
	slices.SortFunc(s.order, func(a, b int32) int {
		pa, pb := &s.probes[a], &s.probes[b]
		switch {
		case pa.w > pb.w:
			return -1
		case pa.w < pb.w:
			return 1
		case pa.cost != pb.cost:
			return cmp.Compare(pa.cost, pb.cost)
		}
		return int(a - b)
	})
	// remW(k) is the weight of the query tokens that the probes from the
	// k-th on stand for: what a document none of the earlier probes found
	// can still earn. (Joins overlap their parts: summing probe weights
	// would count a token up to three times.)
	var tokW [maxTokens]float32
	for i := range q.toks {
		if q.toks[i].cls != clsLegal { // as wq
			tokW[i] = q.toks[i].w
		}
	}
	maskW := func(m uint32) float32 {
		var w float32
		for m != 0 {
			i := bits.TrailingZeros32(m)
			w += tokW[i]
			m &= m - 1
		}
		return w
	}
	s.sufMask = s.sufMask[:0]
	for range s.order {
		s.sufMask = append(s.sufMask, 0)
	}
	for k := len(s.order) - 1; k >= 0; k-- {
		m := s.probes[s.order[k]].mask
		if k+1 < len(s.order) {
			m |= s.sufMask[k+1]
		}
		s.sufMask[k] = m
	}
	s.touched = s.touched[:0]
	// A person's middle names may weigh only missingShare if the listed
	// name lacks them (see scoreNames): the bounds divide by the least
	// query weight, and allow the listed name the same.
	person := q.flags&flagOrg == 0
	qspec := specificity(q.wContent)
	wqMin := wq
	if person {
		// Only a query written in an abjad may have its trailing names
		// forgiven too (heldFromFirst); a looser bound prunes less.
		wqMin -= forgiven(q, s.noneUsed[:len(q.toks)], q.flags&flagAbjad != 0)
	}
	// Admission counts on the discount too while it may still apply: a
	// listed name that lacks the query's other names is discounted only
	// if it holds the query's first name and another (see scoreNames),
	// and probes go rarest first, so those may come after a middle name.
	// A document none of the probes so far found can hold only what the
	// rest of them find.
	first, _ := edges(q)
	var contentMask uint32
	for i := range q.toks {
		if q.toks[i].cls == clsContent {
			contentMask |= 1 << uint(i)
		}
	}
	bound := func(accA float32, rest uint32) float32 {
		w := wq
		if person && first >= 0 && rest&(1<<uint(first)) != 0 && bits.OnesCount32(rest&contentMask) >= 2 {
			w = wqMin
		}
		return combine(minf((accA+free)/w, 1), 1, spec)
	}
	// Listed names with initials may earn credit for query tokens that
	// found nothing; they are admitted longer.
	admitting, admittingInit := true, true
	for k, pi := range s.order {
		pr := &s.probes[pi]
		rem := maskW(s.sufMask[k])
		if admitting && bound(rem, s.sufMask[k]) < minScore {
			admitting = false
		}
		if admittingInit && bound(rem+initialCredit*max(wq-rem-free, 0), s.sufMask[k]) < minScore {
			admittingInit = false
		}
		s.pstamp++
		if s.pstamp == 0 {
			clear(s.docProbe)
			s.pstamp = 1
		}
		// A join of legal forms alone earns the query nothing: it only
		// credits the listed token it spells to documents found otherwise.
		admitting, admittingInit := admitting && pr.w > 0, admittingInit && pr.w > 0
		for _, h := range s.hits[pr.start:pr.end] {
			dt := &ix.dict[h.tok]
			va, vb := h.sim*pr.w, h.sim*dt.bound
			posts := ix.post[ix.postOff[h.tok]:ix.postOff[h.tok+1]]
			if !admitting && len(s.touched)*postingSearchRatio < len(posts) {
				// Probe the long list only for documents already found,
				// and, while they may still be admitted, for those with
				// initials (their own, shorter list).
				n := len(s.touched)
				if admittingInit {
					for _, d := range ix.postInit[ix.postInitOff[h.tok]:ix.postInitOff[h.tok+1]] {
						if s.docStamp[d] != s.vstamp {
							s.docStamp[d] = s.vstamp
							s.accA[d], s.accB[d] = 0, 0
							s.docMask[d] = 0
							s.touched = append(s.touched, d)
						}
						s.credit(d, va, vb, pr.mask)
					}
				}
				for _, d := range s.touched[:n] {
					if _, ok := slices.BinarySearch(posts, d); ok {
						s.credit(d, va, vb, pr.mask)
					}
				}
				continue
			}
			for _, d := range posts {
				if s.docStamp[d] != s.vstamp {
					if !admitting && !(admittingInit && ix.docFlags[d]&flagInitials != 0) {
						continue
					}
					s.docStamp[d] = s.vstamp
					s.accA[d], s.accB[d] = 0, 0
					s.docMask[d] = 0
					s.touched = append(s.touched, d)
				}
				s.credit(d, va, vb, pr.mask)
			}
		}
	}
	// Bound each document, fully score the survivors.
	for _, d := range s.touched {
		accB := s.accB[d]
		if free > 0 {
			// Initials may match listed tokens found by nothing else, each
			// earning at most listedInitialCredit of its weight.
			accB += listedInitialCredit * max(ix.docW[d]-accB, 0)
		}
		// Each query token earns credit once, by itself or in one join.
		accA := minf(s.accA[d], maskW(s.docMask[d])) + free
		if ix.docFlags[d]&flagInitials != 0 {
			// Listed initials may stand for query tokens.
			accA += initialCredit * max(wq-accA, 0)
			accB = ix.docW[d]
		}
		wd := ix.docW[d]
		switch {
		case q.flags&flagCut != 0:
			accB = wd // the listed tokens after the cut may go unseen
		case person && ix.docFlags[d]&flagOrg == 0 && accB < wd:
			// ...or be missing middle names, discounted as much as the
			// query is specific (see scoreNames)
			wd -= (1 - missingShare) * qspec * (wd - accB)
		}
		// The query's middle names are discounted only against a listed
		// name matched whole, each of whose content tokens earns at least
		// minSim of its weight, unless query initials or a cut stub
		// match what retrieval did not find (M. for MANAN).
		wa := wq
		if person && (s.accB[d] >= minSim*ix.docWContent[d] || unseen) || ix.docFlags[d]&flagInitials != 0 {
			wa = wqMin
		}
		ub := combine(minf(accA/wa, 1), minf(accB/wd, 1), spec)
		if ub < minScore {
			continue
		}
		if ri := ix.canon(ix.docRec[d]); s.recStamp[ri] == s.stamp && float32(s.results[s.recSlot[ri]].Score) >= ub {
			continue // this record already scored as high through another rendering
		}
		s.docToks = ix.docName(d, &s.docNm, s.docToks)
		s.sc.floor = minScore
		sc := s.sc.scoreNames(q, &s.docNm, nil)
		s.sc.floor = 0
		if sc < minScore {
			continue
		}
		s.addResult(ix.docRec[d], sc)
	}
}

// stubFindsAll reports whether the lookups of cut stub t find every
// listed token it begins (see addProbe).
func (s *searcher) stubFindsAll(t *tok) bool {
	ix := s.ix
	if len(t.text) < minStubLen {
		return false
	}
	i, _ := slices.BinarySearchFunc(ix.byPrefix, t.text, func(id uint32, x string) int { return strings.Compare(ix.dict[id].text, x) })
	i += maxPrefixHits
	return i >= len(ix.byPrefix) || !strings.HasPrefix(ix.dict[ix.byPrefix[i]].text, t.text)
}

// credit adds a probe's credit to document d, keeping per probe only the
// best of its hits.
func (s *searcher) credit(d uint32, va, vb float32, mask uint32) {
	s.docMask[d] |= mask
	if s.docProbe[d] != s.pstamp {
		s.docProbe[d] = s.pstamp
		s.lastA[d], s.lastB[d] = 0, 0
	}
	if va > s.lastA[d] {
		s.accA[d] += va - s.lastA[d]
		s.lastA[d] = va
	}
	if vb > s.lastB[d] {
		s.accB[d] += vb - s.lastB[d]
		s.lastB[d] = vb
	}
}

// canon returns the first record with record ri's ID: records that share
// an ID are one result.
func (ix *Index) canon(ri uint32) uint32 {
	if ix.dupID == nil {
		return ri
	}
	return ix.byID[ix.recs[ri].ID]
}

func (s *searcher) addResult(ri uint32, sc float32) {
	ri = s.ix.canon(ri)
	id := s.ix.recs[ri].ID
	score := float64(sc)
	if s.recStamp[ri] == s.stamp {
		if score > s.results[s.recSlot[ri]].Score {
			s.results[s.recSlot[ri]].Score = score
		}
		return
	}
	s.recStamp[ri] = s.stamp
	s.recSlot[ri] = int32(len(s.results))
	s.results = append(s.results, Match{ID: id, Score: score})
	s.resRec = append(s.resRec, ri)
}

// rescore scores result k's record against every rendering of the query,
// as Explain does. Retrieval credits a document only for what its keys
// find, so a rendering that matches the record better than its credit
// showed (a join around a particle spelt with other vowels: us yma,
// USAMA) may have been passed over while another rendering found the
// record; the result must still carry the record's score. With merge,
// a record whose plain score reaches mergeFloor is also scored with
// merged readings, as compare does.
func (s *searcher) rescore(k int, merge bool) {
	ix := s.ix
	one := [1]uint32{s.resRec[k]}
	recs := one[:]
	if dup := ix.dupID[s.results[k].ID]; dup != nil {
		recs = dup
	}
	for _, ri := range recs {
		// The record's plain score must be known exactly at or above
		// mergeFloor. A result of one record scored at least its score
		// so far; of several (dupID), each is scored down to mergeFloor.
		ceil := float32(1)
		var plain float32
		if len(recs) == 1 {
			plain = float32(s.results[k].Score)
		} else if merge {
			ceil = mergeFloor
		}
		if merge {
			s.sc.cacheRecord()
		}
		for d := ix.recDoc[ri]; d < ix.recDoc[ri+1]; d++ {
			s.docToks = ix.docName(d, &s.docNm, s.docToks)
			if merge {
				s.sc.cacheListed(int(d - ix.recDoc[ri]))
			}
			for ni := range s.p.names {
				s.sc.floor = min(float32(s.results[k].Score), ceil)
				sc := s.sc.scoreNames(&s.p.names[ni], &s.docNm, nil)
				s.sc.floor = 0
				plain = max(plain, sc)
				if float64(sc) > s.results[k].Score {
					s.results[k].Score = float64(sc)
				}
			}
		}
		s.sc.simOn = false
		if !merge || plain < mergeFloor || s.results[k].Score >= 1 {
			continue
		}
		// The merged readings, from the similarities just cached.
		s.sc.merge = true
		for d := ix.recDoc[ri]; d < ix.recDoc[ri+1]; d++ {
			if ix.recDoc[ri+1]-ix.recDoc[ri] > 1 {
				s.docToks = ix.docName(d, &s.docNm, s.docToks)
			}
			s.sc.cacheListed(int(d - ix.recDoc[ri]))
			for ni := range s.p.names {
				if !s.sc.mergeMatters(&s.p.names[ni], &s.docNm) {
					continue // the same score as alone
				}
				s.sc.floor = float32(s.results[k].Score)
				sc := s.sc.scoreNames(&s.p.names[ni], &s.docNm, nil)
				s.sc.floor = 0
				if float64(sc) > s.results[k].Score {
					s.results[k].Score = float64(sc)
				}
			}
		}
		s.sc.merge, s.sc.simOn = false, false
	}
}

// addProbe finds the dictionary tokens that t matches and adds a probe.
// maxDel caps the query-side deletions (joins of query tokens are long and
// would otherwise cost hundreds of lookups; the index's own joins and
// deletions still meet them within one edit either side).
//
// qi is the index of the query token probed (-1 for a join); when its
// lookups are complete (no cap on deletions below what tokSim allows), its
// similarities go to the memo.
func (s *searcher) addProbe(t *tok, w float32, maxDel int, qi int, mask uint32) {
	ix := s.ix
	s.tokStmp++
	if s.tokStmp == 0 {
		for i := range s.perTok {
			s.perTok[i].seen = 0
		}
		s.tokStmp = 1
	}
	start := len(s.hits)
	// A cut stub's prefix matches are not looked up: its memo is never
	// complete.
	memo := qi >= 0 && qi < memoQ && len(t.text) > 1 && !t.cut && (maxDel >= maxEdits(len(t.fold)) || len(t.fold) == minDeletionKey-1)
	if memo {
		s.probed |= 1 << uint(qi)
	}
	{
		for _, c := range s.cache {
			if c.text != t.text || c.maxDel != maxDel || c.lenient != s.lenientJoin || c.particle != s.particleJoin || c.legal != s.legalJoin {
				continue
			}
			for _, h := range s.qhits[c.start:c.end] {
				s.hits = append(s.hits, h)
				if memo {
					s.memoSet(qi, h.tok, h.sim, h.how)
				}
			}
			if len(s.hits) > start {
				s.probes = append(s.probes, probe{w: w, mask: mask, start: int32(start), end: int32(len(s.hits))})
			}
			return
		}
		text := t.text
		if qi < 0 {
			// A join's text lives in jbuf, reused for the next join:
			// keep a copy, within ctext's fixed capacity.
			if len(s.ctext)+len(text) > cap(s.ctext) {
				text = ""
			} else {
				n := len(s.ctext)
				s.ctext = append(s.ctext, text...)
				text = str(s.ctext[n:])
			}
		}
		if text != "" {
			defer func() {
				qs := int32(len(s.qhits))
				s.qhits = append(s.qhits, s.hits[start:]...)
				s.cache = append(s.cache, cachedProbe{text, maxDel, s.lenientJoin, s.particleJoin, s.legalJoin, qs, int32(len(s.qhits))})
			}()
		}
	}
	// A join of an abjad query's words is also taken by a listed spelling
	// read the French way (see frenchSpelt): its abjad text key, once.
	var kj [maxTokenBytes + 2]byte
	var joinKey []byte
	if qi < 0 && s.abjadQuery {
		joinKey = appendAbjadTextKey(kj[:0], t.text)
	}
	try := func(id uint32) {
		if s.perTok[id].seen == s.tokStmp {
			return
		}
		s.perTok[id].seen = s.tokStmp
		dt := &ix.dict[id]
		u := tok{text: dt.text, fold: dt.fold, skel: dt.skel, cls: clsContent, known: dt.known, syl: dt.syl, noNick: dt.noNick, french: dt.french}
		if t.cls == clsNumber {
			if dt.text == t.text {
				s.hits = append(s.hits, hit{id, 1, howExact})
				if memo {
					s.memoSet(qi, id, 1, howExact)
				}
			}
			return
		}
		if dt.num {
			return
		}
		if qi >= 0 && dt.join && (len(t.text) < 4 || t.cls != clsContent && t.cls != clsParticle) {
			return // scorer.joins joins runs only for these
		}
		if (s.legalJoin || dt.legalJoin) && t.text != dt.text {
			return // a join with a legal form matches letter for letter
		}
		sim, how := tokSim(t, &u)
		// A join of an abjad's words, or a listed one, with the same
		// abjad key: the scorer takes it (شهيد خيل is SHAHIDKHEL).
		abjadJoin := s.abjadQuery && (qi < 0 || dt.join) && (sameAbjadKey(t.fold, u.fold) ||
			len(joinKey) > 0 && frenchSpelt(joinKey, u.text))
		if sim == 0 && abjadJoin {
			sim, how = simPhonetic, howPhonetic
		}
		if sim > 0 {
			if how != howExact && how != howTranslit && (qi < 0 || dt.join) && !s.lenientJoin && !abjadJoin &&
				!((dt.join || s.particleJoin) && vowelsDiffer(t.fold, u.fold)) {
				// A join (of query tokens, or a listed one) the scorer
				// would not take: it must spell the name.
				return
			}
			s.hits = append(s.hits, hit{id, sim, how})
			if memo {
				s.memoSet(qi, id, sim, how)
			}
		}
	}
	// Only a token long enough to match by sound (see fuzzySim) looks up
	// its sound group: what a shorter one matches in it, it matches
	// otherwise (within one edit, or by an exact key), and the other
	// lookups find that.
	bySound := t.cls != clsNumber && len(t.fold) >= minSoundFold && len(t.skel) >= minSoundSkel
	hText, hFold, hSound := hashString(t.text), hashString(t.fold), uint64(0)
	// The fold key's deletions, if looked up (see below), are hashed
	// first, so that the slots of the first of them are read with the
	// text, fold and sound keys': their cache misses overlap, and overlap
	// the trying of the exact lookups' tokens.
	var dels []uint64
	if k := len(t.fold); t.cls != clsNumber && maxDel > 0 && k >= minDeletionKey && k <= maxTokenBytes {
		// Query-side deletions up to the edits tokSim allows; the index
		// holds each key's one-letter deletions.
		e := maxEdits(k)
		if (t.known || t.guessed) && k < knownTwoEdits {
			e = min(e, 1)
		}
		s.delKeys = appendDeletions(s.delKeys[:0], t.fold, min(e, maxDel))
		dels = s.delKeys
	}
	touch := ix.textTab.slot(hText) + ix.foldTab.slot(hFold)
	if bySound {
		hSound = hashString(t.skel)
		touch += ix.soundTab.slot(hSound)
	}
	for _, h := range dels[:min(prefetchBatch, len(dels))] {
		touch += ix.delTab.slot(h)
	}
	s.touch += touch
	s.tryKey(&ix.textTab, hText, try)
	if t.cls != clsNumber && !s.legalJoin { // a join with a legal form: its text only
		s.tryKey(&ix.foldTab, hFold, try)
		if t.cls == clsContent {
			// Bill finds William, and William Bill (nicknames.go).
			for _, k := range nicknames[t.fold] {
				s.tryKey(&ix.foldTab, hashString(k), try)
			}
		}
		if stem := inflectionStem(t.fold); stem != "" {
			// Putinas finds Putin (the index holds Putinas under Putin).
			s.tryKey(&ix.foldTab, hashString(stem), try)
		}
		if k := len(t.fold); maxDel == 0 {
			// A join that must spell a token: text, fold and sound keys
			// find it.
		} else if len(dels) > 0 {
			s.lookupHashes(dels, try)
		} else if k == minDeletionKey-1 {
			// Three letters: four-letter keys one letter longer.
			s.tryKey(&ix.delTab, hFold, try)
		}
		if k := len(t.text); maxDel > 0 && !t.known && !t.guessed && t.text != t.fold && k >= minDeletionKey && k <= maxTokenBytes {
			// The spelling's own deletions (see textSim).
			s.delKeys = appendDeletions(s.delKeys[:0], t.text, min(maxEdits(k), maxDel, 1))
			s.lookupHashes(s.delKeys, try)
		}
		if bySound {
			s.tryKey(&ix.soundTab, hSound, try)
		}
		if t.cut && len(t.text) >= minStubLen {
			// The listed tokens this stub begins (ELECTROTE...).
			i, _ := slices.BinarySearchFunc(ix.byPrefix, t.text, func(id uint32, x string) int { return strings.Compare(ix.dict[id].text, x) })
			for n := 0; i < len(ix.byPrefix) && n < maxPrefixHits && strings.HasPrefix(ix.dict[ix.byPrefix[i]].text, t.text); i, n = i+1, n+1 {
				try(ix.byPrefix[i])
			}
		}
		if qi >= 0 && s.abjadQuery && len(t.text) >= 4 {
			// A listed run with the token's abjad key (see byAbjadJoin).
			var kb [maxTokenBytes + 2]byte
			s.tryAll(ix.byAbjadJoin.get(appendAbjadKey(kb[:0], t.fold)), try)
		}
		if !t.guessed && t.cls == clsContent && len(t.text) >= 4 {
			// Latin spelt the French way or the English way (frenchMatch).
			var kb [maxTokenBytes + 2]byte
			if t.french {
				s.tryAll(ix.byAbjadText.get(appendAbjadFrenchKey(kb[:0], t.text)), try)
			} else if englishLetters(t.text) {
				s.tryAll(ix.byAbjadFrench.get(appendAbjadTextKey(kb[:0], t.text)), try)
			}
		}
		if t.abjad || qi < 0 && s.abjadQuery {
			var kb [maxTokenBytes + 2]byte
			s.tryAll(ix.byAbjad.get(appendAbjadKey(kb[:0], t.fold)), try)
			tk := appendAbjadTextKey(kb[:0], t.text)
			s.tryAll(ix.byAbjadText.get(tk), try)
			s.tryAll(ix.byAbjadFrench.get(tk), try)
			if prosthetic(tk) {
				s.tryAll(ix.byAbjadText.get(tk[1:]), try)
			}
			if k := appendAbjadPersianKey(kb[:0], t.text); len(k) > 0 {
				s.tryAll(ix.byAbjadText.get(k), try)
			}
		}
	}
	if len(s.hits) > start {
		s.probes = append(s.probes, probe{w: w, mask: mask, start: int32(start), end: int32(len(s.hits))})
	}
}

// appendDeletions appends to hs the hashes of key and of its deletions of
// up to edits letters (at most 2): with the index's own deletions, they
// reach the fold keys and spellings within edits of key.
func appendDeletions(hs []uint64, key string, edits int) []uint64 {
	var b1 [maxTokenBytes]byte
	var b2 [maxTokenBytes]byte
	hs = append(hs, hashString(key))
	for i := 0; i < len(key); i++ {
		n := copy(b1[:], key[:i])
		n += copy(b1[n:], key[i+1:])
		if i > 0 && key[i] == key[i-1] {
			continue // same deletion as the previous one
		}
		hs = append(hs, hashBytes(b1[:n]))
		if edits < 2 {
			continue
		}
		for j := i; j < n; j++ {
			if j > i && b1[j] == b1[j-1] {
				continue
			}
			m := copy(b2[:], b1[:j])
			m += copy(b2[m:], b1[j+1:n])
			hs = append(hs, hashBytes(b2[:m]))
		}
	}
	return hs
}

// lookupHashes calls try for the tokens the deletion table holds under
// the hashes hs, in their order.
func (s *searcher) lookupHashes(hs []uint64, try func(uint32)) {
	// The table is larger than the processor's caches, and a typical
	// query's dozens of deletion keys each cost a cache miss. Reading a
	// batch's slots before resolving them lets the misses overlap instead
	// of waiting one by one; tryAll does the same for the tokens found.
	ids := s.ids[:0]
	for len(hs) > 0 {
		b := hs[:min(prefetchBatch, len(hs))]
		var touch uint64
		for _, h := range b {
			touch += s.ix.delTab.slot(h)
		}
		s.touch += touch
		for _, h := range b {
			ids = s.ix.delTab.appendTokens(ids, h)
		}
		hs = hs[len(b):]
	}
	s.ids = ids
	s.tryAll(ids, try)
}

// tryKey calls try for the tokens of the key with hash h in tab.
func (s *searcher) tryKey(tab *keyTable, h uint64, try func(uint32)) {
	s.ids = tab.appendTokens(s.ids[:0], h)
	s.tryAll(s.ids, try)
}

// prefetchBatch is how many table slots or tokens are read ahead of
// their use, so that their cache misses overlap.
const prefetchBatch = 32

// tryAll calls try for each of ids in turn, first reading ahead, a batch
// at a time, what try reads first: the dictionary entry, its strings and
// the token's state, scattered over memory larger than the caches.
func (s *searcher) tryAll(ids []uint32, try func(uint32)) {
	for len(ids) > 0 {
		b := ids[:min(prefetchBatch, len(ids))]
		var touch uint64
		for _, id := range b {
			touch += uint64(s.ix.dict[id].text[0]) + uint64(s.perTok[id].seen)
		}
		s.touch += touch
		for _, id := range b {
			try(id)
		}
		ids = ids[len(b):]
	}
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func minf(a, b float32) float32 {
	if a < b {
		return a
	}
	return b
}

// Explain scores query against the record with the given id and explains
// the score. It allocates; call it for the few hits shown to people. The
// score is the one Search gives the pair. An unknown id yields a zero
// Explanation with a note. If several records share the id (see Build),
// the best-scoring of them is explained, as Search reports the best.
func (ix *Index) Explain(query string, kind Kind, id uint32) Explanation {
	ri, ok := ix.byID[id]
	if !ok {
		return Explanation{Query: normString(query, kind), Notes: []string{"no record with this id"}}
	}
	r := &ix.recs[ri]
	best := compare(query, kind, r.Name, r.Kind)
	// Several records with this ID: Search reports the best of them.
	for _, rj := range ix.dupID[id] {
		if rj == ri {
			continue
		}
		r := &ix.recs[rj]
		if ex := compare(query, kind, r.Name, r.Kind); ex.Score > best.Score {
			best = ex
		}
	}
	return best
}

// Compare scores two names directly, outside any index, with the same
// scoring as Search and Explain: a is the query (the screened name), b the
// listed name, both read as kind. Compare(a, a) is 1 for any name with an
// identifying token. It is not symmetric: tokens of a that b lacks cost
// more than tokens of b that a lacks (a payment often carries only part of
// a name).
func Compare(a, b string, kind Kind) Explanation {
	return compare(a, kind, b, kind)
}

func compare(a string, ka Kind, b string, kb Kind) Explanation {
	var pa, pb parser
	pa.query = true
	pa.parse(a, ka)
	pb.parse(b, kb)
	var sc scorer
	best, bi, bj := float32(-1), -1, -1
	for i := range pa.names {
		for j := range pb.names {
			if s := sc.scoreNames(&pa.names[i], &pb.names[j], nil); s > best {
				best, bi, bj = s, i, j
			}
		}
	}
	// As Search's rescore: merged readings from mergeFloor.
	merged := false
	if mergeable(pa.names) && best >= mergeFloor && best < 1 {
		sc.alts, sc.merge = pa.names, true
		for i := range pa.names {
			for j := range pb.names {
				if s := sc.scoreNames(&pa.names[i], &pb.names[j], nil); s > best {
					best, bi, bj, merged = s, i, j, true
				}
			}
		}
		sc.alts, sc.merge = nil, false
	}
	ex := Explanation{}
	if bi < 0 {
		ex.Query = normString(a, ka)
		ex.Candidate = normString(b, kb)
		ex.Notes = []string{"no letters or digits on one side"}
		return ex
	}
	var e explainer
	if merged {
		sc.alts, sc.merge = pa.names, true
	}
	s := sc.scoreNames(&pa.names[bi], &pb.names[bj], &e)
	ex.Query = joinTexts(pa.names[bi].toks)
	ex.Candidate = joinTexts(pb.names[bj].toks)
	ex.Score = float64(s)
	ex.Tokens = e.tokens
	ex.Unmatched = e.unmatched
	ex.Notes = e.notes
	return ex
}

// normString returns the first normalised rendering of s.
func normString(s string, kind Kind) string {
	var p parser
	p.parse(s, kind)
	if len(p.names) == 0 {
		return ""
	}
	return strings.Clone(joinTexts(p.names[0].toks))
}
