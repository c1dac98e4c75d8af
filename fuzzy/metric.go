package fuzzy

// String metrics on lower-case ASCII tokens (fold keys) without heap
// allocation. Both are written from their published definitions; the
// tests check them against github.com/antzucaro/matchr, a test-only
// reference that is not linked into the library.

// Jaro-Winkler parameters, as Winkler (1990) gives them.
const (
	jwPrefixMax   = 4   // at most this many leading letters earn the bonus
	jwPrefixScale = 0.1 // the bonus per common leading letter
	jwBoostFrom   = 0.7 // the bonus applies only above this Jaro similarity
)

// jaroWinkler returns the Jaro-Winkler similarity of a and b, in [0, 1]:
// Jaro's similarity (M. A. Jaro, "Advances in record-linkage methodology
// as applied to matching the 1985 census of Tampa, Florida", JASA 84, 1989)
// with Winkler's bonus for a common beginning (W. E. Winkler, "String
// comparator metrics and enhanced decision rules in the Fellegi-Sunter
// model of record linkage", 1990). Tokens longer than maxTokenBytes are
// cut.
//
// Two letters match when they are equal and at most half the longer
// length minus one apart; each letter matches at most once, the first
// free one. With m matches and t half the matched letters that stand in
// another order, Jaro is (m/|a| + m/|b| + (m-t)/m) / 3; above jwBoostFrom
// it gains jwPrefixScale·(1-Jaro) for each of the first jwPrefixMax
// letters the two share.
func jaroWinkler(a, b string) float64 {
	a, b = a[:min(len(a), maxTokenBytes)], b[:min(len(b), maxTokenBytes)]
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	window := max(max(len(a), len(b))/2-1, 0)
	var inA, inB [maxTokenBytes]bool // letters matched
	m := 0
	for i := 0; i < len(a); i++ {
		for j := max(i-window, 0); j <= min(i+window, len(b)-1); j++ {
			if !inB[j] && a[i] == b[j] {
				inA[i], inB[j] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	// Walk the matched letters of both in order; count those that differ.
	out, j := 0, 0
	for i := 0; i < len(a); i++ {
		if !inA[i] {
			continue
		}
		for !inB[j] {
			j++
		}
		if a[i] != b[j] {
			out++
		}
		j++
	}
	fm := float64(m)
	sim := (fm/float64(len(a)) + fm/float64(len(b)) + (fm-float64(out/2))/fm) / 3
	if sim <= jwBoostFrom {
		return sim
	}
	p := 0
	for p < min(jwPrefixMax, len(a), len(b)) && a[p] == b[p] {
		p++
	}
	return sim + float64(p)*jwPrefixScale*(1-sim)
}

// osa returns the optimal string alignment distance (insertions, deletions,
// substitutions, adjacent transpositions) between a and b, or limit+1 when
// it exceeds limit. Tokens are cut to maxTokenBytes. Only the diagonal band
// |i-j| <= limit is computed: cells outside it exceed the limit anyway.
func osa(a, b string, limit int) int {
	if len(a) > maxTokenBytes {
		a = a[:maxTokenBytes]
	}
	if len(b) > maxTokenBytes {
		b = b[:maxTokenBytes]
	}
	la, lb := len(a), len(b)
	if d := la - lb; d > limit || -d > limit {
		return limit + 1
	}
	if limit < 0 {
		return 0
	}
	const w = maxTokenBytes + 1
	big := limit + 1
	// Rows i-2, i-1 and i, rotated by pointer: copying a row per letter
	// cost more than the arithmetic. Only the band |i-j| <= limit is read.
	var rows [3][w]int32
	r0, r1, r2 := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= lb; j++ {
		r1[j] = int32(min(j, big))
		r0[j] = int32(big)
	}
	for i := 1; i <= la; i++ {
		lo, hi := max(1, i-limit), min(lb, i+limit)
		if lo > 1 {
			r2[lo-1] = int32(big)
		} else {
			r2[0] = int32(min(i, big))
		}
		rowMin := r2[lo-1]
		for j := lo; j <= hi; j++ {
			cost := int32(1)
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(r1[j]+1, r2[j-1]+1, r1[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, r0[j-2]+1)
			}
			v = min(v, int32(big))
			r2[j] = v
			rowMin = min(rowMin, v)
		}
		if hi < lb {
			r2[hi+1] = int32(big)
		}
		if int(rowMin) >= big {
			return big
		}
		r0, r1, r2 = r1, r2, r0
	}
	return min(int(r1[lb]), big)
}
