package reviews

// boundedLevenshtein returns the Levenshtein distance between a and b (rune
// slices) when it is at most k, and k+1 otherwise. It works in the diagonal
// band |i-j| <= k (Ukkonen), stops as soon as a whole row exceeds k, and
// trims the common prefix and suffix first, so a near-copy costs about
// len*(2k+1) cell updates at most and usually far less. buf is reused
// between calls to avoid allocation; the possibly grown buffer is returned.
func boundedLevenshtein(a, b []rune, k int, buf []int32) (int, []int32) {
	if k < 0 {
		return 0, buf
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > k {
		return k + 1, buf
	}
	// Common prefix and suffix never change the distance.
	for len(a) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	n, m := len(a), len(b)
	if n == 0 {
		if m > k {
			return k + 1, buf
		}
		return m, buf
	}
	if cap(buf) < 2*(m+1) {
		buf = make([]int32, 2*(m+1))
	}
	buf = buf[:2*(m+1)]
	prev, cur := buf[:m+1], buf[m+1:]
	inf := int32(k + 1)
	// Row 0: distance from the empty prefix of a.
	hi := min(m, k)
	for j := 0; j <= hi; j++ {
		prev[j] = int32(j)
	}
	if hi+1 <= m {
		prev[hi+1] = inf
	}
	for i := 1; i <= n; i++ {
		lo := max(1, i-k)
		hi = min(m, i+k)
		if lo == 1 {
			if i <= k {
				cur[0] = int32(i)
			} else {
				cur[0] = inf
			}
		} else {
			cur[lo-1] = inf
		}
		rowMin := cur[lo-1]
		ai := a[i-1]
		left := cur[lo-1]
		for j := lo; j <= hi; j++ {
			// substitution / match
			v := prev[j-1]
			if b[j-1] != ai {
				v++
			}
			// deletion from a (prev[j] is inf outside the previous band,
			// set below)
			if d := prev[j] + 1; d < v {
				v = d
			}
			// insertion into a
			if d := left + 1; d < v {
				v = d
			}
			if v > inf {
				v = inf
			}
			cur[j] = v
			left = v
			if v < rowMin {
				rowMin = v
			}
		}
		if rowMin > int32(k) {
			return k + 1, buf
		}
		if hi+1 <= m {
			cur[hi+1] = inf // the next row reads it as "above", outside this band
		}
		prev, cur = cur, prev
	}
	d := int(prev[m])
	if d > k {
		return k + 1, buf
	}
	return d, buf
}
