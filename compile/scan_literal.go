package compile

// Recognisers for the address literals of libpcap's scanner: MAC addresses,
// the "bogus" colon-separated hex runs it rejects, and IPv6 addresses. Each
// returns the length of the longest match at the start of s, or 0, exactly
// as libpcap's lex patterns would (leftmost-longest); they replace regular
// expressions that cost a third of a typical compile.

// hexRun is the number of hex digits at the start of s[i:].
func hexRun(s string, i int) int {
	j := i
	for j < len(s) && isHex(s[j]) {
		j++
	}
	return j - i
}

// macLen is the length of the MAC address at the start of s: six groups of
// one or two hex digits separated by ':', '-' or '.' (one kind), three
// groups of four hex digits separated by '.', or twelve hex digits.
func macLen(s string) int {
	best := 0
	if hexRun(s, 0) >= 12 {
		best = 12
	}
	if len(s) >= 14 && s[4] == '.' && s[9] == '.' &&
		hexRun(s, 0) == 4 && hexRun(s, 5) == 4 && hexRun(s, 10) >= 4 {
		best = max(best, 14)
	}
	if r := hexRun(s, 0); r >= 1 && r <= 2 && r < len(s) {
		if n := macGroupsLen(s, s[r]); n > best {
			best = n
		}
	}
	return best
}

// macGroupsLen is the length of six groups of one or two hex digits
// separated by sep at the start of s, or 0.
func macGroupsLen(s string, sep byte) int {
	if sep != ':' && sep != '-' && sep != '.' {
		return 0
	}
	i := 0
	for g := 0; g < 6; g++ {
		if g > 0 {
			if i >= len(s) || s[i] != sep {
				return 0
			}
			i++
		}
		r := hexRun(s, i)
		if r == 0 || r > 2 && g < 5 {
			return 0
		}
		i += min(r, 2)
	}
	return i
}

// bogusMACLen is the length of two or more groups of one or two hex digits,
// each followed by one or more ':', at the start of s, or 0: what libpcap's
// scanner calls a bogus ethernet address.
func bogusMACLen(s string) int {
	i, groups, end := 0, 0, 0
	for {
		r := hexRun(s, i)
		if r == 0 || r > 2 || i+r >= len(s) || s[i+r] != ':' {
			break
		}
		i += r
		for i < len(s) && s[i] == ':' {
			i++
		}
		groups++
		if groups >= 2 {
			end = i
		}
	}
	return end
}

// v6Len is the length of the IPv6 address at the start of s in the forms
// libpcap's scanner accepts: eight groups of one to four hex digits, "::"
// with at most seven groups around it, and the forms ending in a dotted
// IPv4 address of four decimal or 0x-hex parts (six groups before it, or
// "::" with at most five).
func v6Len(s string) int {
	best := 0
	// Groups each followed by ':' from the start: starts[k] is where group
	// k begins (starts[0] = 0), for as long as such groups continue.
	var starts [9]int
	n := 1
	for n < len(starts) {
		i := starts[n-1]
		r := hexRun(s, i)
		if r == 0 || r > 4 || i+r >= len(s) || s[i+r] != ':' {
			break
		}
		starts[n] = i + r + 1
		n++
	}
	// n-1 groups are followed by ':'. Eight groups, no "::".
	if n >= 8 {
		if r := hexRun(s, starts[7]); r > 0 {
			best = max(best, starts[7]+min(r, 4))
		}
	}
	// Six groups, ':' and an IPv4 address.
	if n >= 7 {
		best = max(best, v4TailEnd(s, starts[6]))
	}
	// a groups and "::": the a-th group's ':' is followed by another ':',
	// or s starts with "::" (a = 0).
	a, dbl := -1, 0
	if len(s) >= 2 && s[0] == ':' && s[1] == ':' {
		a, dbl = 0, 2
	} else {
		for k := 1; k < n && k <= 7; k++ {
			if starts[k] < len(s) && s[starts[k]] == ':' {
				a, dbl = k, starts[k]+1
				break
			}
		}
	}
	if a < 0 {
		return best
	}
	// After "::": up to 7-a groups, or up to 5-a groups each followed by
	// ':' and then an IPv4 address.
	best = max(best, dbl)
	p := dbl
	for k := 0; ; k++ {
		if k <= 5-a {
			best = max(best, v4TailEnd(s, p))
		}
		if k >= 7-a {
			break
		}
		r := hexRun(s, p)
		if r == 0 {
			break
		}
		best = max(best, p+min(r, 4))
		if r > 4 || p+r >= len(s) || s[p+r] != ':' {
			break
		}
		p += r + 1
	}
	return best
}

// v4TailEnd is the end of the longest dotted IPv4 address of exactly four
// parts at s[i:] (each part decimal digits or 0x and hex digits), or 0.
func v4TailEnd(s string, i int) int {
	for part := 0; part < 4; part++ {
		if part > 0 {
			if i >= len(s) || s[i] != '.' {
				return 0
			}
			i++
		}
		n := hidPartLen(s[i:])
		if n == 0 {
			return 0
		}
		i += n
	}
	return i
}
