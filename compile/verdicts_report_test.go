package compile_test

// TestDiffReport is a developer tool, not a check: with
// PUREPCAP_DIFF_REPORT=FILE (and gcc + libpcap-dev installed) it collects
// every disagreement of the corpus, the committed random batch and a fresh
// random batch, minimizes each expression while the disagreement persists,
// classifies it (does it hold without either optimizer? only on truncated
// packets?) and writes the cases with both programs to FILE, grouped by the
// minimized expression.
//
//	PUREPCAP_DIFF_REPORT=/tmp/report.txt go test ./compile -run TestDiffReport -v
//
// PUREPCAP_RANDOM_SEED and PUREPCAP_RANDOM_COUNT set the fresh batch;
// PUREPCAP_DIFF_EXTRA=FILE adds the cases of FILE (LINKTYPE<TAB>EXPR lines);
// PUREPCAP_DIFF_NOMIN=1 skips minimizing (for huge expressions).

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
	"github.com/stretchr/testify/require"
)

func TestDiffReport(t *testing.T) {
	path := os.Getenv("PUREPCAP_DIFF_REPORT")
	if path == "" {
		t.Skip("set PUREPCAP_DIFF_REPORT=FILE to write a minimized disagreement report")
	}
	caps := diffCaptures(t)
	diffReference(t)
	var cases []diffCase
	var want []diffVerdict
	var source []string
	corpus, err := diffReadGolden(diffCorpusGolden)
	require.NoError(t, err)
	random, err := diffReadGolden(diffRandomGolden)
	require.NoError(t, err)
	for _, g := range []struct {
		name string
		g    *diffGolden
	}{{"corpus", corpus}, {"random", random}} {
		for i, c := range g.g.cases {
			cases = append(cases, c)
			want = append(want, g.g.want[i])
			source = append(source, g.name)
		}
	}
	seed, n := diffSeedCount(t, uint64(time.Now().UnixNano()), 600)
	t.Logf("fresh batch: PUREPCAP_RANDOM_SEED=%d PUREPCAP_RANDOM_COUNT=%d", seed, n)
	fresh := diffRandomCases(seed, n, caps)
	if extra := os.Getenv("PUREPCAP_DIFF_EXTRA"); extra != "" {
		// More cases in the corpus format (LINKTYPE<TAB>EXPR).
		fresh = append(fresh, diffReadCorpus(t, extra)...)
	}
	fw := diffReferenceVerdicts(t, fresh)
	for i, c := range fresh {
		cases = append(cases, c)
		want = append(want, fw[i])
		source = append(source, "fresh")
	}

	// Agreement without either optimizer, over all cases: separates code
	// generation bugs from optimization differences.
	wantU := diffReferenceVerdictsOpt(t, cases, false)
	unopt := &diffTally{}
	for i, c := range cases {
		ours, _ := diffOursOpt(c, caps, false)
		o := diffCompare(wantU[i], ours)
		unopt.add(o, wantU[i], ours)
		if o != diffAgree && o != diffAgreeRejects && o != diffRefHangs {
			t.Logf("unoptimized disagreement: %s\t%s: %s", c, o, diffExplain(c, wantU[i], ours, caps))
		}
	}
	t.Logf("unoptimized (libpcap -O vs Optimize: false), all cases: %v", unopt)

	type finding struct {
		source, orig string
		min          diffCase
		outcome      diffOutcome
		detail       string
		unopt        string
		progs        string
	}
	var found []finding
	tallies := map[string]*diffTally{}
	msgs := map[[2]string]int{}       // libpcap's error text vs ours, where both fail
	msgEx := map[[2]string]diffCase{} // an example of each
	offsetRE := regexp.MustCompile(` \(at offset [0-9]+\)$`)
	for i, c := range cases {
		ours, _ := diffOurs(c, caps)
		o := diffCompare(want[i], ours)
		if want[i].isErr() && ours.isErr() {
			if m := offsetRE.ReplaceAllString(ours.err, ""); m != want[i].err {
				msgs[[2]string{want[i].err, m}]++
				msgEx[[2]string{want[i].err, m}] = c
			}
		}
		if tallies[source[i]] == nil {
			tallies[source[i]] = &diffTally{}
		}
		tallies[source[i]].add(o, want[i], ours)
		if o == diffAgree || o == diffAgreeRejects || o == diffRefHangs {
			continue
		}
		m := c
		if os.Getenv("PUREPCAP_DIFF_NOMIN") == "" {
			m = diffMinimize(t, c, caps)
		}
		ref := diffReferenceVerdicts(t, []diffCase{m})[0]
		mo, prog := diffOurs(m, caps)
		f := finding{source: source[i], orig: c.expr, min: m, outcome: diffCompare(ref, mo), detail: diffExplain(m, ref, mo, caps)}
		// Without the optimizers?
		refU := diffReferenceVerdictsOpt(t, []diffCase{m}, false)[0]
		ourU, _ := diffOursOpt(m, caps, false)
		if uo := diffCompare(refU, ourU); uo == diffAgree {
			f.unopt = "unoptimized programs agree (libpcap -O vs Optimize: false): the difference comes from optimization"
		} else {
			f.unopt = "unoptimized programs also differ: " + uo.String()
		}
		f.progs = "libpcap:\n" + diffTcpdump(m) + "ours:\n"
		if prog != nil {
			f.progs += bpf.Dump(prog, 1)
		} else {
			f.progs += mo.err + "\n"
		}
		found = append(found, f)
	}
	// Group by the shape of the minimized expression.
	shape := regexp.MustCompile(`[0-9a-fA-F]*[:.][0-9a-fA-F:.]+|0x[0-9a-fA-F]+|\b[0-9]+\b`)
	groups := map[string][]finding{}
	for _, f := range found {
		k := f.min.lt.Name() + "\t" + shape.ReplaceAllString(f.min.expr, "N")
		groups[k] = append(groups[k], f)
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return len(groups[keys[i]]) > len(groups[keys[j]]) })
	var b strings.Builder
	for _, name := range []string{"corpus", "random", "fresh"} {
		fmt.Fprintf(&b, "%s: %v\n", name, tallies[name])
	}
	for _, k := range keys {
		fs := groups[k]
		f := fs[0]
		fmt.Fprintf(&b, "\n=== %d× %s\n%s\t%s\n  %s\n  %s\n  %s\n", len(fs), k, f.min.lt.Name(), f.min.expr, f.outcome, f.detail, f.unopt)
		for _, g := range fs[:min(len(fs), 3)] {
			fmt.Fprintf(&b, "  from (%s): %s\n", g.source, g.orig)
		}
		b.WriteString(f.progs)
	}
	type pair struct {
		m [2]string
		n int
	}
	var ps []pair
	for m, n := range msgs {
		ps = append(ps, pair{m, n})
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].n > ps[j].n || ps[i].n == ps[j].n && ps[i].m[0] < ps[j].m[0] })
	fmt.Fprintf(&b, "\n=== error messages that differ (both fail; offset suffix ignored): %d kinds\n", len(ps))
	for _, p := range ps {
		fmt.Fprintf(&b, "%5d× libpcap: %s\n       ours:    %s\n       e.g.     %s\n", p.n, p.m[0], p.m[1], msgEx[p.m])
	}
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	t.Logf("%d disagreements in %d groups written to %s", len(found), len(groups), path)
}

// diffTcpdump returns tcpdump -d output for c, or its error.
func diffTcpdump(c diffCase) string {
	out, err := exec.Command("tcpdump", "-d", "-y", c.lt.Name(), "--", c.expr).CombinedOutput()
	if err != nil {
		return "tcpdump: " + strings.TrimSpace(string(out)) + "\n"
	}
	return string(out)
}

// diffMinimize shrinks c while it still disagrees with libpcap: it drops
// terms of and/or chains, negations and parentheses.
func diffMinimize(t *testing.T, c diffCase, caps map[linktype.Type]*diffCapture) diffCase {
	for round := 0; round < 40; round++ {
		cands := diffShrink(c.expr)
		if len(cands) == 0 {
			return c
		}
		var cs []diffCase
		for _, e := range cands {
			cs = append(cs, diffCase{lt: c.lt, expr: e, opts: c.opts})
		}
		ref := diffReferenceVerdicts(t, cs)
		best := -1
		for i, cc := range cs {
			ours, _ := diffOurs(cc, caps)
			o := diffCompare(ref[i], ours)
			if o == diffAgree || o == diffAgreeRejects || o == diffRefHangs {
				continue
			}
			if best < 0 || len(cc.expr) < len(cs[best].expr) {
				best = i
			}
		}
		if best < 0 {
			return c
		}
		c = cs[best]
	}
	return c
}

// diffShrink returns smaller variants of expr.
func diffShrink(expr string) []string {
	terms, ops := diffSplitTop(expr)
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && s != expr {
			out = append(out, s)
		}
	}
	join := func(ts, os []string) string {
		var b strings.Builder
		for i, t := range ts {
			if i > 0 {
				b.WriteString(" " + os[i-1] + " ")
			}
			b.WriteString(t)
		}
		return b.String()
	}
	for i := range terms {
		if len(terms) > 1 {
			ts := append(append([]string{}, terms[:i]...), terms[i+1:]...)
			var os []string
			switch {
			case i == 0:
				os = ops[1:]
			default:
				os = append(append([]string{}, ops[:i-1]...), ops[i:]...)
			}
			add(join(ts, os))
		}
		term := terms[i]
		var inner []string
		switch {
		case strings.HasPrefix(term, "not "):
			inner = []string{term[4:]}
		case strings.HasPrefix(term, "!"):
			inner = []string{strings.TrimSpace(term[1:])}
		case strings.HasPrefix(term, "(") && strings.HasSuffix(term, ")"):
			in := term[1 : len(term)-1]
			inner = append([]string{in}, diffShrink(in)...)
			for k, s := range inner[1:] {
				inner[k+1] = "(" + s + ")"
			}
		}
		for _, s := range inner {
			ts := append([]string{}, terms...)
			ts[i] = s
			add(join(ts, ops))
		}
	}
	return out
}

// diffSplitTop splits expr at the and/or operators outside parentheses
// and brackets.
func diffSplitTop(expr string) (terms, ops []string) {
	depth, start := 0, 0
	words := []string{" and ", " or ", " && ", " || "}
	for i := 0; i < len(expr); i++ {
		switch expr[i] {
		case '(', '[':
			depth++
			continue
		case ')', ']':
			depth--
			continue
		}
		if depth != 0 {
			continue
		}
		for _, w := range words {
			if strings.HasPrefix(expr[i:], w) {
				terms = append(terms, strings.TrimSpace(expr[start:i]))
				ops = append(ops, strings.TrimSpace(w))
				i += len(w) - 1
				start = i + 1
				break
			}
		}
	}
	terms = append(terms, strings.TrimSpace(expr[start:]))
	return terms, ops
}

// TestDiffKnownTable is a developer tool: with PUREPCAP_DIFF_KNOWN=FILE it
// writes Go table entries (for diffCorpusKnown and diffRandomKnown) for
// every current disagreement with the committed goldens, each with a
// reason from its classification. Review them before pasting.
func TestDiffKnownTable(t *testing.T) {
	path := os.Getenv("PUREPCAP_DIFF_KNOWN")
	if path == "" {
		t.Skip("set PUREPCAP_DIFF_KNOWN=FILE to write known-difference entries")
	}
	caps := diffCaptures(t)
	names := map[linktype.Type]string{
		linktype.Ethernet: "Ethernet", linktype.LinuxSLL: "LinuxSLL", linktype.LinuxSLL2: "LinuxSLL2",
		linktype.Raw: "Raw", linktype.IPv4: "IPv4", linktype.IPv6: "IPv6", linktype.Null: "Null",
		linktype.Loop: "Loop", linktype.PPP: "PPP", linktype.CHDLC: "CHDLC",
		linktype.IEEE80211: "IEEE80211", linktype.IEEE80211Radio: "IEEE80211Radio",
	}
	var b strings.Builder
	for _, f := range []struct{ name, path string }{{"diffCorpusKnown", diffCorpusGolden}, {"diffRandomKnown", diffRandomGolden}} {
		g, err := diffReadGolden(f.path)
		require.NoError(t, err)
		fmt.Fprintf(&b, "var %s = []diffKnown{\n", f.name)
		for i, c := range g.cases {
			ours, _ := diffOurs(c, caps)
			o := diffCompare(g.want[i], ours)
			var want string
			switch o {
			case diffMismatch:
				want = "verdicts"
			case diffOursOnlyErr:
				want = "error"
			case diffRefOnlyErr:
				want = "compiles"
			default:
				continue
			}
			refU := diffReferenceVerdictsOpt(t, []diffCase{c}, false)[0]
			ourU, _ := diffOursOpt(c, caps, false)
			why := "compiler bug not yet fixed: "
			switch {
			case diffCompare(refU, ourU) != diffAgree:
				why += "the unoptimized programs differ too (code generation): " + diffExplain(c, refU, ourU, caps)
			case o == diffMismatch:
				why += "libpcap's optimizer removes or reorders packet loads that Optimize: true keeps; " +
					"an out-of-bounds load rejects, so short or truncated packets get other verdicts: " + diffExplain(c, g.want[i], ours, caps)
			case o == diffOursOnlyErr:
				why += "with Optimize: true we report " + strconv.Quote(ours.err) + " where libpcap's optimizer compiles"
			default:
				why += "libpcap's optimizer reports " + strconv.Quote(g.want[i].err) + "; we compile"
			}
			if len(why) > 400 {
				why = why[:400] + "..."
			}
			fmt.Fprintf(&b, "\t{linktype.%s, %s, %q,\n\t\t%s},\n", names[c.lt], strconv.Quote(c.expr), want, strconv.Quote(why))
		}
		b.WriteString("}\n\n")
	}
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
}
