package compile_test

// The golden corpus test: every line of testdata/diff/corpus.txt (a copy of
// the project's filter corpus) must get libpcap's outcome: the same error-ness,
// and the same verdict on every packet of the captures of its link type.
// libpcap's outcomes are stored in testdata/diff/corpus.golden, so the test
// runs without libpcap; -update regenerates them, and when the reference is
// installed (always in CI) TestDiffCorpusLive checks them against libpcap.

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/purepcap/pcap/linktype"
	"github.com/stretchr/testify/require"
)

// diffCorpusKnown lists the corpus lines where we knowingly differ from
// libpcap, each with its reason. Every entry is asserted: the difference
// must still be there. libpcap's "expression rejects all packets" errors are
// not listed: they count as agreement when our program rejects every packet
// (the issue allows it, as that error comes from libpcap's optimizer), and
// the summary line reports them separately.
var diffCorpusKnown = []diffKnown{}

// diffLibpcapQuirks are bugs of libpcap 1.10's interpreter (bpf_filter)
// that the goldens neutralize (see testdata/diff/verdicts.c), because later
// libpcap versions fixed them and our VM behaves like those. Each entry is
// asserted when libpcap is installed: raw libpcap 1.10 differs from the
// goldens' libpcap, and our compiler and VM agree with the goldens.
var diffLibpcapQuirks = []struct {
	lt   linktype.Type
	expr string
	why  string
}{
	{linktype.IPv6, "ip6 protochain 6",
		"libpcap's protochain code sets X to an AH header's length instead of adding it, so on one packet of ipv6.pcap " +
			"the loop revisits earlier bytes forever; libpcap 1.10's bpf_filter has no backward-jump limit and never returns. " +
			"Later libpcap versions, and our VM, stop after 64 backward jumps and reject the packet; the goldens count it as rejected. " +
			"(The limit counts per packet over all protochain loops, so the captures keep well-formed chains at 16 headers or fewer.)"},
	{linktype.Ethernet, "geneve 10 and carp or ether multicast",
		"libpcap's geneve code reads scratch memory M[1] and M[2] before storing them on packets that are not Geneve; " +
			"libpcap 1.10's bpf_filter leaves M[] uninitialized, so its verdicts depend on the previous packet. " +
			"Later libpcap versions, and our VM, zero M[] for each packet; the goldens zero the stack before each call."},
}

func TestDiffLibpcapQuirks(t *testing.T) {
	caps := diffCaptures(t)
	var cases []diffCase
	for _, q := range diffLibpcapQuirks {
		cases = append(cases, diffCase{lt: q.lt, expr: q.expr})
	}
	fixed := diffReferenceVerdicts(t, cases)
	raw := diffReferenceRun(t, cases, "-r", "-t", "1")
	for i, c := range cases {
		ours, _ := diffOurs(c, caps)
		require.Equal(t, diffAgree, diffCompare(fixed[i], ours), "%s: ours against the corrected libpcap: %s", c, diffExplain(c, fixed[i], ours, caps))
		quirk := raw[i].hang || raw[i].isErr() != fixed[i].isErr() || raw[i].ranges != fixed[i].ranges
		require.True(t, quirk, "%s: raw libpcap now agrees with the corrected one; if the installed libpcap fixed this, remove the entry (%s)", c, diffLibpcapQuirks[i].why)
	}
}

func diffReadCorpus(t testing.TB, path string) []diffCase {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var cases []diffCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lts, expr, ok := strings.Cut(line, "\t")
		require.True(t, ok, "corpus line without a tab: %q", line)
		lt, opts, err := diffParseLT(lts)
		require.NoError(t, err, "corpus line %q", line)
		cases = append(cases, diffCase{lt: lt, expr: expr, opts: opts})
	}
	require.NoError(t, sc.Err())
	return cases
}

var (
	diffCorpusGolden     = filepath.Join(diffDir, "corpus.golden")
	diffExtraGolden      = filepath.Join(diffDir, "extra.golden")
	diffLibpcapTestsGold = filepath.Join(diffDir, "libpcaptests.golden")
)

func TestDiffCorpus(t *testing.T) {
	diffCorpusFile(t, "corpus", diffCorpusGolden, diffCorpusKnown)
}

// TestDiffExtra checks testdata/diff/extra.txt, hand-written corner cases.
func TestDiffExtra(t *testing.T) {
	diffCorpusFile(t, "extra", diffExtraGolden, nil)
}

// TestDiffLibpcapTests checks testdata/diff/libpcaptests.txt, expressions
// from libpcap's own test suite.
func TestDiffLibpcapTests(t *testing.T) {
	diffCorpusFile(t, "libpcaptests", diffLibpcapTestsGold, nil)
}

// diffCorpusFile checks testdata/diff/NAME.txt against NAME.golden.
func diffCorpusFile(t *testing.T, name, golden string, known []diffKnown) {
	caps := diffCaptures(t)
	cases := diffReadCorpus(t, filepath.Join(diffDir, name+".txt"))
	if diffUpdate() {
		want := diffReferenceVerdicts(t, cases)
		require.NoError(t, diffWriteGolden(golden, "libpcap's outcomes for testdata/diff/"+name+".txt over testdata/diff/pcaps", caps, cases, want))
	}
	g, err := diffReadGolden(golden)
	require.NoError(t, err)
	diffCheckSums(t, g, caps, golden)
	require.Equal(t, cases, g.cases, "%s.txt and %s list different cases; regenerate with -update", name, golden)
	diffRun(t, name, g.cases, g.want, known, caps)
}

var diffBigGolden = filepath.Join(diffDir, "big.golden")

// TestDiffBig checks long expressions (50 to 200 terms) the same way.
func TestDiffBig(t *testing.T) {
	if testing.Short() {
		t.Skip("long expressions skipped in -short mode")
	}
	caps := diffCaptures(t)
	if diffUpdate() {
		cases := diffBigCases(caps)
		want := diffReferenceVerdicts(t, cases)
		require.NoError(t, diffWriteGolden(diffBigGolden, "libpcap's outcomes for long expressions (diffBigCases) over testdata/diff/pcaps", caps, cases, want))
	}
	g, err := diffReadGolden(diffBigGolden)
	require.NoError(t, err)
	diffCheckSums(t, g, caps, diffBigGolden)
	diffRun(t, "big", g.cases, g.want, nil, caps)
}

// TestDiffCorpusLive recomputes libpcap's outcomes and checks that the
// goldens still hold; where they do not (another libpcap version), our
// compiler is compared against the live outcome too.
func TestDiffCorpusLive(t *testing.T) {
	if diffUpdate() {
		t.Skip("goldens were just regenerated")
	}
	diffGoldenLive(t, "corpus", diffCorpusGolden, diffCorpusKnown)
	diffGoldenLive(t, "extra", diffExtraGolden, nil)
	diffGoldenLive(t, "libpcaptests", diffLibpcapTestsGold, nil)
}

// TestDiffBigLive checks the long-expression goldens against libpcap.
func TestDiffBigLive(t *testing.T) {
	if diffUpdate() || testing.Short() {
		t.Skip("goldens were just regenerated, or -short")
	}
	diffGoldenLive(t, "big", diffBigGolden, nil)
}

// diffGoldenLive recomputes the outcomes of the golden at path with
// libpcap and checks them with diffLiveCheck.
func diffGoldenLive(t *testing.T, name, path string, known []diffKnown) {
	t.Helper()
	caps := diffCaptures(t)
	g, err := diffReadGolden(path)
	require.NoError(t, err)
	diffLiveCheck(t, name+" (live)", g, diffReferenceVerdicts(t, g.cases), known, caps)
}

// diffLiveCheck reports goldens that differ from libpcap's live outcome, and
// compares our compiler against the live outcome of those cases.
func diffLiveCheck(t *testing.T, name string, g *diffGolden, live []diffVerdict, known []diffKnown, caps map[linktype.Type]*diffCapture) {
	t.Helper()
	var cases []diffCase
	var want []diffVerdict
	for i, c := range g.cases {
		w, l := g.want[i], live[i]
		if w.isErr() != l.isErr() || w.ranges != l.ranges || (!w.isErr() && w.accept != l.accept) {
			t.Errorf("%s: golden of %q is stale: golden %v, libpcap now %v", name, c, w, l)
			cases = append(cases, c)
			want = append(want, l)
		}
	}
	if len(cases) > 0 {
		var k []diffKnown
		idx := diffKnownIndex(known)
		for _, c := range cases {
			if e, ok := idx[c]; ok {
				k = append(k, e)
			}
		}
		diffRun(t, name, cases, want, k, caps)
	}
}
