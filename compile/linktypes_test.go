package compile_test

import (
	"errors"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
)

// The random differential test over link types: random expressions from
// the grammar (randexpr_test.go), compiled for every link type that
// compiles at all other than those with test captures (which the verdict
// tests cover), must give libpcap's program or error, optimized and not.
// libpcap's answers for a fixed batch are in testdata/linktypes.golden;
// -update regenerates them with tcpdump -d.

const (
	linkTypesGolden = "testdata/linktypes.golden"
	linkTypesSeed   = 20261206
	linkTypesPer    = 6  // expressions per link type
	linkTypesPerIP  = 12 // for link types that can carry IP
)

// randomLinkTypes are the named link types Compile accepts, without the
// ones the verdict tests have captures for, in LINKTYPE order.
func randomLinkTypes() []linktype.Type {
	seen := map[string]bool{}
	var lts []linktype.Type
	for v := range linktype.Type(300) {
		name := v.Name()
		if name == "" || seen[name] || slices.Contains(diffLinkTypes, v) {
			continue
		}
		seen[name] = true
		if _, err := compile.Compile("less 100", v, compile.Options{}); err == nil {
			lts = append(lts, v)
		}
	}
	return lts
}

type linkTypeCase struct {
	lt       string
	optimize bool
	expr     string
	want     string // tcpdump -d output, or "error: " and libpcap's message
}

func (c linkTypeCase) head() string {
	mode := "-O"
	if c.optimize {
		mode = "opt"
	}
	return "=== " + c.lt + "\t" + mode + "\t" + c.expr + "\n"
}

func linkTypeCases(t *testing.T, seed uint64, per, perIP int) []linkTypeCase {
	caps := diffCaptures(t)
	var cases []linkTypeCase
	for _, lt := range randomLinkTypes() {
		// Each link type draws from its own stream, so that adding a link
		// type adds to the golden without changing the others' cases.
		r := rand.New(rand.NewPCG(seed, uint64(lt)))
		g := &diffGen{r: r, lt: lt, tr: diffScanTraffic(caps[linktype.Ethernet])}
		n := per
		if _, err := compile.Compile("ip", lt, compile.Options{}); err == nil {
			n = perIP
		}
		for range n {
			e := g.expr(0)
			if strings.ContainsAny(e, "\t\n") {
				continue
			}
			for _, opt := range []bool{false, true} {
				cases = append(cases, linkTypeCase{lt: lt.Name(), optimize: opt, expr: e})
			}
		}
	}
	return cases
}

func readLinkTypesGolden(t *testing.T) map[string]string {
	b, err := os.ReadFile(linkTypesGolden)
	require.NoError(t, err)
	want := map[string]string{}
	for _, chunk := range strings.Split(string(b), "=== ")[1:] {
		head, body, _ := strings.Cut(chunk, "\n")
		want["=== "+head+"\n"] = body
	}
	return want
}

func TestRandomLinkTypes(t *testing.T) {
	cases := linkTypeCases(t, linkTypesSeed, linkTypesPer, linkTypesPerIP)
	require.Greater(t, len(cases), 500)
	if diffUpdate() {
		testutil.Tool(t, "tcpdump")
		var b strings.Builder
		for _, c := range cases {
			b.WriteString(c.head())
			b.WriteString(tcpdumpProgram(c))
		}
		require.NoError(t, os.WriteFile(linkTypesGolden, []byte(b.String()), 0o644))
	}
	want := readLinkTypesGolden(t)
	lts := map[string]bool{}
	for _, c := range cases {
		w, ok := want[c.head()]
		require.True(t, ok, "%q missing from %s; regenerate it with -update", c.head(), linkTypesGolden)
		if compile.LibpcapNotEqualBug(c.lt, c.expr) {
			continue // libpcap's program is wrong: TestLibpcapNotEqualBug
		}
		assert.Equal(t, w, ourProgram(t, c), "%s", c.head())
		lts[c.lt] = true
	}
	t.Logf("%d cases over %d link types", len(cases), len(lts))
}

// TestRandomLinkTypesLive compares a fresh batch with the installed
// tcpdump. The seed comes from PUREPCAP_RANDOM_SEED or the clock, and is
// logged.
func TestRandomLinkTypesLive(t *testing.T) {
	testutil.Tool(t, "tcpdump")
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("PUREPCAP_RANDOM_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		require.NoError(t, err)
		seed = v
	}
	t.Logf("seed %d (PUREPCAP_RANDOM_SEED reproduces it)", seed)
	for _, c := range linkTypeCases(t, seed, 1, 3) {
		if compile.LibpcapNotEqualBug(c.lt, c.expr) {
			continue // libpcap's program is wrong: TestLibpcapNotEqualBug
		}
		assert.Equal(t, tcpdumpProgram(c), ourProgram(t, c), "%s", c.head())
	}
}

// ourProgram is Compile's program for c, or its error, as tcpdump -d
// prints them.
func ourProgram(t *testing.T, c linkTypeCase) string {
	lt, ok := linktype.Parse(c.lt)
	require.True(t, ok, c.lt)
	prog, err := compile.Compile(c.expr, lt, compile.Options{Optimize: c.optimize})
	if err != nil {
		var ce *compile.Error
		require.True(t, errors.As(err, &ce))
		return "error: " + ce.Msg + "\n"
	}
	return bpf.Dump(prog, bpf.DumpReadable)
}

// tcpdumpProgram is tcpdump's program for c, or its error.
func tcpdumpProgram(c linkTypeCase) string {
	args := []string{"-d", "-y", c.lt, "--", c.expr}
	if !c.optimize {
		args = append([]string{"-O"}, args...)
	}
	return testutil.TcpdumpOutput(args...)
}
