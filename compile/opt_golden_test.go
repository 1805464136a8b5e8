package compile

import (
	"errors"
	"flag"
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

// optimizedGolden holds libpcap 1.10.3's optimized programs (tcpdump -d)
// for the expressions of unoptimizedGolden: "=== LINKTYPE<TAB>EXPR" lines,
// each followed by the program or by "error: " and libpcap's message.
const optimizedGolden = "testdata/optimized.golden"

func readOptimizedGolden(t *testing.T) []goldenCase { return readGoldenFile(t, optimizedGolden) }

// optSkip reports whether libpcap leaves c's program unoptimized for a
// reason the optimizer is not told about (Compile knows and skips it).
func optSkip(expr string) bool {
	return strings.Contains(expr, "protochain") || strings.Contains(expr, "geneve")
}

// TestOptimizedGolden checks that optimize, given the program libpcap's
// code generator produces (Optimize: false), produces exactly libpcap's
// optimized program, or libpcap's optimizer error, except for libpcap's
// wrong programs of libpcapNotEqualBug.
func TestOptimizedGolden(t *testing.T) {
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		regenerateOptimizedGolden(t)
	}
	cases := readOptimizedGolden(t)
	require.NotEmpty(t, cases)
	compared := 0
	for _, c := range cases {
		lt, ok := linktype.Parse(c.lt)
		require.True(t, ok, c.lt)
		if optSkip(c.expr) || libpcapNotEqualBug(c.lt, c.expr) {
			continue // libpcapNotEqualBug: TestLibpcapNotEqualBug
		}
		un, err := Compile(c.expr, lt, Options{Resolver: testResolver{}})
		if err != nil {
			continue // code generation is tested elsewhere
		}
		got, err := optimize(un)
		var s string
		if err != nil {
			var ce *Error
			require.True(t, errors.As(err, &ce))
			s = "error: " + ce.Msg + "\n"
		} else {
			s = bpf.Dump(got, 1)
		}
		compared++
		assert.Equal(t, c.want, s, "%s\t%s", c.lt, c.expr)
	}
	t.Logf("%d programs compared", compared)
}

func regenerateOptimizedGolden(t *testing.T) {
	var cases []goldenCase
	seen := map[string]bool{}
	for _, c := range readGolden(t) {
		if !seen[c.lt+"\t"+c.expr] {
			seen[c.lt+"\t"+c.expr] = true
			cases = append(cases, c)
		}
	}
	writeProgramGolden(t, optimizedGolden, cases)
}

// TestOptimizedGoldenAgainstTcpdump compares a sample of the golden with
// the installed tcpdump, so a different libpcap shows up as a failure.
func TestOptimizedGoldenAgainstTcpdump(t *testing.T) {
	sampleAgainstTcpdump(t, readOptimizedGolden(t))
}

// optimizedLiveGolden holds libpcap 1.10.3's optimized programs for a live
// Linux Ethernet socket (tcpdump -i lo -d), where VLAN tests use packet
// metadata: "=== EXPR" lines, each followed by the program or an error.
const optimizedLiveGolden = "testdata/optimized_live.golden"

// optimizedLiveCases are the expressions of optimizedLiveGolden.
var optimizedLiveCases = []string{
	"vlan 100", "vlan 100 and ip", "vlan and vlan 200", "vlan 100 or tcp", "not vlan 5",
	"vlan 10 and host 10.0.0.1 or vlan 20 and port 80", "tcp or vlan 3 and udp port 53",
	"vlan 1 or vlan 2 or vlan 3", "ip and vlan 100", "vlan 100 and vlan 200", "vlan 100 and not vlan 200",
	"(vlan 7 or vlan 8) and tcp port 22", "vlan 4095 and ip6", "vlan and ip", "vlan", "not vlan",
	"vlan 1 and mpls 10", "inbound", "outbound and tcp", "ifindex 1 or ifindex 2", "inbound and vlan 100",
	"host 10.0.0.1 and vlan 42", "vlan 42 and host 10.0.0.1", "tcp[13] & 2 != 0 and vlan 12",
	"vlan 12 and tcp[13] & 2 != 0", "ether host 00:11:22:33:44:55 and vlan 9", "vlan 0 or vlan 1",
	"not (vlan 5 and udp)", "vlan 100 and (ip or arp)", "arp or vlan 300",
}

// TestOptimizedLiveGolden checks live Linux programs, where libpcap
// patches jumps into a block's statements for "vlan ID", against libpcap's:
// identical, except for the cases of optimizedLiveLibpcapBugs (libpcap
// 1.10.3 lays those jumps out wrongly, see opt_live_test.go), where ours
// must differ and optimizeLibpcapLayout with libpcap's layout must give libpcap's.
func TestOptimizedLiveGolden(t *testing.T) {
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if !testutil.HaveTool("tcpdump") || os.Geteuid() != 0 {
			t.Fatal("-update needs tcpdump and root (it opens lo)")
		}
		var b strings.Builder
		for _, e := range optimizedLiveCases {
			out, err := exec.Command("tcpdump", "-i", "lo", "-d", "--", e).Output()
			require.NoError(t, err, e)
			b.WriteString("=== " + e + "\n")
			b.Write(out)
		}
		require.NoError(t, os.WriteFile(optimizedLiveGolden, []byte(b.String()), 0o644))
	}
	data, err := os.ReadFile(optimizedLiveGolden)
	require.NoError(t, err)
	bugs := 0
	for _, chunk := range strings.Split(string(data), "=== ")[1:] {
		expr, want, _ := strings.Cut(chunk, "\n")
		prog, err := Compile(expr, linktype.Ethernet, Options{LiveLinux: true, Optimize: true})
		require.NoError(t, err, expr)
		un, err := Compile(expr, linktype.Ethernet, Options{LiveLinux: true})
		require.NoError(t, err, expr)
		theirs, err := optimizeLibpcapLayout(un)
		require.NoError(t, err, expr)
		assert.Equal(t, want, bpf.Dump(theirs, 1), "%s: libpcap's layout", expr)
		if why, ok := optimizedLiveLibpcapBugs[expr]; ok {
			bugs++
			assert.NotEqual(t, want, bpf.Dump(prog, 1), "%s: expected to differ from libpcap 1.10.3: %s", expr, why)
			continue
		}
		assert.Equal(t, want, bpf.Dump(prog, 1), expr)
	}
	assert.Equal(t, len(optimizedLiveLibpcapBugs), bugs, "every known libpcap bug case is in the golden")
}
