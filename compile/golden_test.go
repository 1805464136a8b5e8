package compile

import (
	"context"
	"errors"
	"flag"
	"net/netip"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
)

// update regenerates goldens from the installed tcpdump. Other test files
// of this package's external tests look this flag up rather than defining
// their own.
var update = flag.Bool("update", false, "regenerate goldens from tcpdump")

const unoptimizedGolden = "testdata/unoptimized.golden"

// testResolver answers like a stock Debian machine without network access.
type testResolver struct{}

func (testResolver) LookupHost(_ context.Context, name string) ([]netip.Addr, error) {
	return nil, errNotFound
}
func (testResolver) LookupPort(name, proto string) (int, bool) {
	return BuiltinResolver().LookupPort(name, proto)
}
func (testResolver) LookupProtocol(name string) (int, bool) {
	return BuiltinResolver().LookupProtocol(name)
}
func (testResolver) LookupNetwork(name string) (uint32, bool) {
	v, ok := map[string]uint32{"default": 0, "loopback": 0x7f000000, "link-local": 0xa9fe0000}[name]
	return v, ok
}
func (testResolver) LookupEthers(name string) ([6]byte, bool) { return [6]byte{}, false }

type goldenCase struct {
	lt   string
	expr string
	want string // tcpdump -O -d output, or "error: " and libpcap's message
}

func readGolden(t *testing.T) []goldenCase { return readGoldenFile(t, unoptimizedGolden) }

// readGoldenFile reads a golden of "=== LINKTYPE<TAB>EXPR" lines, each
// followed by tcpdump's program or error.
func readGoldenFile(t *testing.T, path string) []goldenCase {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var cases []goldenCase
	for _, chunk := range strings.Split(string(b), "=== ")[1:] {
		head, body, _ := strings.Cut(chunk, "\n")
		lt, expr, _ := strings.Cut(head, "\t")
		cases = append(cases, goldenCase{lt, expr, body})
	}
	return cases
}

// TestUnoptimizedGolden checks that, without the optimizer, Compile
// produces exactly the program libpcap 1.10.3 produces (tcpdump -O -d), or
// the same error message, over the shared corpus, a matrix of qualifiers
// on all link types, and random expressions. protochain is left out: its
// loop is unrolled here. So are libpcap's wrong programs of
// libpcapNotEqualBug.
func TestUnoptimizedGolden(t *testing.T) {
	cases := readGolden(t)
	if *update {
		regenerateGolden(t, cases)
		cases = readGolden(t)
	}
	require.NotEmpty(t, cases)
	for _, c := range cases {
		lt, ok := linktype.Parse(c.lt)
		require.True(t, ok, c.lt)
		if libpcapNotEqualBug(c.lt, c.expr) {
			continue // TestLibpcapNotEqualBug
		}
		prog, err := Compile(c.expr, lt, Options{Resolver: testResolver{}})
		var got string
		if err != nil {
			var ce *Error
			require.True(t, errors.As(err, &ce))
			got = "error: " + ce.Msg + "\n"
		} else {
			got = bpf.Dump(prog, 1)
		}
		assert.Equal(t, c.want, got, "%s\t%s", c.lt, c.expr)
	}
}

// tcpdumpGoldenEntry runs tcpdump with args and returns the program it
// prints, or "error: MESSAGE\n" with tcpdump's last line of complaint.
func tcpdumpGoldenEntry(args ...string) string {
	return testutil.TcpdumpOutput(args...)
}

func regenerateGolden(t *testing.T, cases []goldenCase) {
	writeProgramGolden(t, unoptimizedGolden, cases, "-O")
}

// writeProgramGolden writes the golden at path: each case's tcpdump -d
// program (given flags too) or error.
func writeProgramGolden(t *testing.T, path string, cases []goldenCase, flags ...string) {
	if !testutil.HaveTool("tcpdump") {
		t.Fatal("-update needs tcpdump")
	}
	var b strings.Builder
	for _, c := range cases {
		b.WriteString("=== " + c.lt + "\t" + c.expr + "\n")
		b.WriteString(tcpdumpGoldenEntry(append(append([]string{}, flags...), "-d", "-y", c.lt, "--", c.expr)...))
	}
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
}

// TestAgainstTcpdump compares the golden with the installed tcpdump, so a
// different libpcap shows up as a failure rather than silently.
func TestAgainstTcpdump(t *testing.T) {
	sampleAgainstTcpdump(t, readGolden(t), "-O")
}

// sampleAgainstTcpdump compares every tenth case of a golden (a sample
// keeps this quick) with the installed tcpdump -d, given flags too.
func sampleAgainstTcpdump(t *testing.T, cases []goldenCase, flags ...string) {
	t.Helper()
	tcpdump := testutil.Tool(t, "tcpdump")
	for i, c := range cases {
		if i%10 != 0 {
			continue
		}
		args := append(append([]string{}, flags...), "-d", "-y", c.lt, "--", c.expr)
		out, err := exec.Command(tcpdump, args...).Output()
		if err != nil {
			assert.True(t, strings.HasPrefix(c.want, "error: "), "%s\t%s: tcpdump failed, golden has a program", c.lt, c.expr)
			continue
		}
		assert.Equal(t, c.want, string(out), "%s\t%s", c.lt, c.expr)
	}
}
