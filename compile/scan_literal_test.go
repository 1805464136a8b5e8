package compile

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The regular expressions the scanner used before its hand-written
// recognisers (scan_literal.go): the reference the recognisers must agree
// with on every string.
const (
	refW  = `[0-9A-Fa-f]{1,4}`
	refN  = `(?:0[xX][0-9A-Fa-f]+|[0-9]+)`
	refB  = `[0-9A-Fa-f]{1,2}`
	refB2 = `[0-9A-Fa-f]{4}`
)

func refLongest(expr string) *regexp.Regexp {
	re := regexp.MustCompile(expr)
	re.Longest()
	return re
}

func refV6Pattern() string {
	groups := func(n int) string {
		if n == 0 {
			return ""
		}
		return refW + strings.Repeat(":"+refW, n-1)
	}
	v4 := refN + `\.` + refN + `\.` + refN + `\.` + refN
	alts := []string{groups(8), groups(6) + ":" + v4}
	for total := 0; total <= 7; total++ {
		for a := 0; a <= total; a++ {
			alts = append(alts, groups(a)+"::"+groups(total-a))
		}
	}
	for total := 0; total <= 5; total++ {
		for a := 0; a <= total; a++ {
			alts = append(alts, groups(a)+"::"+strings.Repeat(refW+":", total-a)+v4)
		}
	}
	return strings.Join(alts, "|")
}

var (
	refMAC      = refLongest(`^(?:` + refB + `(?::` + refB + `){5}|` + refB + `(?:-` + refB + `){5}|` + refB + `(?:\.` + refB + `){5}|` + refB2 + `\.` + refB2 + `\.` + refB2 + `|` + refB2 + refB2 + refB2 + `)`)
	refBogusMAC = refLongest(`^` + refB + `:+(?:` + refB + `:+)+`)
	refV6       = refLongest(`^(?:` + refV6Pattern() + `)`)
)

func refMatchLen(re *regexp.Regexp, s string) int {
	loc := re.FindStringIndex(s)
	if loc == nil {
		return 0
	}
	return loc[1]
}

// literalCases are edge cases of every alternative of the patterns.
var literalCases = []string{
	"", ":", "::", ":::", "::1", "1::", "1::2", "::ffff:1.2.3.4", "::1.2.3.4", "1:2:3:4:5:6:7:8",
	"1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:8::", "1:2:3:4:5:6::7", "1:2:3:4:5:6:7::8",
	"1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5::1.2.3.4", "1:2:3:4::1.2.3.4", "1::2:3:4:1.2.3.4", "1::2:3:4:5:1.2.3.4",
	"::2:3:4:5:6:1.2.3.4", "::2:3:4:5:1.2.3.4", "fe80::1%eth0", "12345::1", "1:23456::", "abcd:ef01::",
	"0x1.0x2.0x3.0x4", "::0x1.0x2.0x3.0xfg", "::1.2.3", "::1.2.3.", "::0x.1.2.3", "::1.2.3.0x", "1::2::3",
	"1::2.3.4.5", "1:2:3:4:5:6:7:8.1.2.3", "::12345", "::1:12345", "aa:bb:cc:dd:ee:ff", "aa:bb:cc:dd:ee:fff",
	"a:b:c:d:e:f", "aa-bb-cc-dd-ee-ff", "aa.bb.cc.dd.ee.ff", "aabb.ccdd.eeff", "aabb.ccdd.eef",
	"aabbccddeeff", "aabbccddeeff00", "aabbccddeef", "aa:bb:cc:dd:ee", "aa:bb-cc:dd:ee:ff", "aa::bb",
	"a:b", "a:b:", "a::b::", "abc:d:", "1:2:3:4:5:6:7:8:", "ab:cd:ef:01:23:45:67", "1.2.3.4.5.6",
	"1.2.3.4.5.6.7", "00:00:00:00:00:00", "0:0:0:0:0:0:0:0", "::ffff:0x7f.0.0.1", "1:2:3:4:5:6:0x1.2.3.4",
	"aaaa.bbbb.cccc.dddd", "a-b-c-d-e-f-g", "fffff:1:2:3", "1:2:3:4:5:6:7:ffff1",
}

// randLiteral builds a string from the characters the patterns care about,
// biased towards address-like shapes.
func randLiteral(r *rand.Rand) string {
	const alpha = "0123456789abcdefABCDEFxXg:.-:::..0"
	var sb strings.Builder
	n := r.IntN(40)
	for i := 0; i < n; i++ {
		switch r.IntN(6) {
		case 0:
			sb.WriteString(strings.Repeat("f", 1+r.IntN(5)))
		case 1:
			sb.WriteString(strings.Repeat("1", 1+r.IntN(3)))
			sb.WriteByte(".:-"[r.IntN(3)])
		default:
			sb.WriteByte(alpha[r.IntN(len(alpha))])
		}
	}
	return sb.String()
}

// randShaped builds an address-shaped string: groups of hex digits joined by
// one separator kind with an occasional "::", sometimes ending in a dotted
// IPv4 address, sometimes with one character changed.
func randShaped(r *rand.Rand) string {
	const hex = "0123456789abcdefABCDEF"
	seps := []string{":", "-", ".", "::"}
	sep := seps[r.IntN(3)]
	var sb strings.Builder
	groups := r.IntN(10)
	width := 6 // most strings get groups of 0 to 5 digits, some 1 to 2
	if r.IntN(2) == 0 {
		width = 3
	}
	for g := 0; g < groups; g++ {
		if g > 0 {
			if r.IntN(8) == 0 {
				sb.WriteString("::")
			} else {
				sb.WriteString(sep)
			}
		}
		for n := max(r.IntN(width), width/3); n > 0; n-- {
			sb.WriteByte(hex[r.IntN(len(hex))])
		}
	}
	if r.IntN(3) == 0 {
		sb.WriteString(":"[:r.IntN(2)])
		for p := 0; p < 3+r.IntN(3); p++ {
			if p > 0 {
				sb.WriteByte('.')
			}
			if r.IntN(4) == 0 {
				sb.WriteString("0x")
			}
			for n := r.IntN(4); n > 0; n-- {
				sb.WriteByte(hex[r.IntN(len(hex))])
			}
		}
	}
	b := []byte(sb.String())
	if len(b) > 0 && r.IntN(3) == 0 {
		b[r.IntN(len(b))] = ":.-x0g"[r.IntN(6)]
	}
	return string(b)
}

func TestLiteralRecognisersMatchRegexps(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 100000
	if testing.Short() {
		n = 10000
	}
	cases := append([]string(nil), literalCases...)
	for i := 0; i < n; i++ {
		cases = append(cases, randLiteral(r), randShaped(r))
	}
	// Every prefix and suffix of the edge cases too.
	for _, c := range literalCases {
		for i := range c {
			cases = append(cases, c[:i], c[i:])
		}
	}
	for _, s := range cases {
		require.Equal(t, refMatchLen(refV6, s), v6Len(s), "v6 %q", s)
		require.Equal(t, refMatchLen(refMAC, s), macLen(s), "mac %q", s)
		require.Equal(t, refMatchLen(refBogusMAC, s), bogusMACLen(s), "bogus mac %q", s)
	}
}
