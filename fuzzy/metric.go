package fuzzy

// String metrics on lower-case ASCII tokens without heap allocation. They
// follow github.com/antzucaro/matchr (JaroWinkler, OSA), which the tests use
// as the reference; matchr converts to runes and allocates per call, too
// slow for the hot path.

// jaroWinkler is matchr.JaroWinkler(a, b, false) for tokens of at most
// maxTokenBytes bytes.
func jaroWinkler(a, b string) float64 {
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	if la > maxTokenBytes {
		a, la = a[:maxTokenBytes], maxTokenBytes
	}
	if lb > maxTokenBytes {
		b, lb = b[:maxTokenBytes], maxTokenBytes
	}
	minLength := max(la, lb) // sic: matchr names the longer length so
	searchRange := minLength/2 - 1
	if searchRange < 0 {
		searchRange = 0
	}
	var fa, fb [maxTokenBytes + 1]bool
	common := 0
	for i := 0; i < la; i++ {
		lo := 0
		if i >= searchRange {
			lo = i - searchRange
		}
		hi := lb - 1
		if i+searchRange <= lb-1 {
			hi = i + searchRange
		}
		for j := lo; j <= hi; j++ {
			if !fb[j] && b[j] == a[i] {
				fb[j], fa[i] = true, true
				common++
				break
			}
		}
	}
	if common == 0 {
		return 0
	}
	k, trans := 0, 0
	for i := 0; i < la; i++ {
		if fa[i] {
			j := k
			for ; j < lb; j++ {
				if fb[j] {
					k = j + 1
					break
				}
			}
			if j < lb && a[i] != b[j] {
				trans++
			}
		}
	}
	trans /= 2
	c := float64(common)
	d := (c/float64(la) + c/float64(lb) + (c-float64(trans))/c) / 3
	if d > 0.7 {
		n := min(minLength, 4)
		i := 0
		for i < n && i < la && i < lb && a[i] == b[i] && !(a[i] >= '0' && a[i] <= '9') {
			i++
		}
		if i > 0 {
			d += float64(i) * 0.1 * (1 - d)
		}
	}
	return d
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
	var r0, r1, r2 [w]int // rows i-2, i-1, i
	for j := 0; j <= lb; j++ {
		r1[j] = min(j, big)
		r0[j] = big
	}
	for i := 1; i <= la; i++ {
		lo, hi := max(1, i-limit), min(lb, i+limit)
		if lo > 1 {
			r2[lo-1] = big
		} else {
			r2[0] = min(i, big)
		}
		rowMin := r2[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(r1[j]+1, r2[j-1]+1, r1[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, r0[j-2]+1)
			}
			v = min(v, big)
			r2[j] = v
			rowMin = min(rowMin, v)
		}
		if hi < lb {
			r2[hi+1] = big
		}
		if rowMin >= big {
			return big
		}
		r0, r1 = r1, r2
	}
	return min(r1[lb], big)
}
