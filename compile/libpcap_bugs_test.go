package compile

import (
	"encoding/binary"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
)

// notEqualBugRE matches "!=" after an MTP3 or SunATM field keyword.
var notEqualBugRE = regexp.MustCompile(`(^|[^A-Za-z0-9_.-])(h?sio|h?opc|h?dpc|h?sls|vpi|vci)\s*!=`)

// notEqualBugLinkTypes are the link types on which those fields compile.
var notEqualBugLinkTypes = map[string]bool{"MTP2": true, "MTP2_WITH_PHDR": true, "ERF": true, "SUNATM": true}

// libpcapNotEqualBug reports whether expr, compiled for the link type
// named lt, is one of libpcap 1.10.3's known wrong programs that Compile
// does not copy: "!=" on sio, opc, dpc, sls, their h forms, vpi or vci
// tests equality there (gen_ncmp negates only > and >=), not-equal here.
// It is the one list of such expressions that the byte-for-byte
// comparisons with libpcap (goldens, random batches, tcpdump) skip;
// TestLibpcapNotEqualBug shows the bug on packets.
func libpcapNotEqualBug(lt, expr string) bool {
	return notEqualBugLinkTypes[lt] && notEqualBugRE.MatchString(expr)
}

// TestLibpcapNotEqualBug shows libpcap 1.10.3's "!=" bug on the MTP3 and
// SunATM fields: libpcap's program (the goldens, made by tcpdump) for
// "sio != 3" is its program for "sio = 3", so it accepts a packet whose
// field is 3; ours is that program negated, rejecting it and accepting a
// packet whose field differs.
func TestLibpcapNotEqualBug(t *testing.T) {
	// The goldens' bug cases: libpcap's program is the equality test,
	// ours is exactly its negation.
	for _, golden := range []struct {
		path     string
		optimize bool
	}{{unoptimizedGolden, false}, {optimizedGolden, true}} {
		n := 0
		for _, c := range readGoldenFile(t, golden.path) {
			if !libpcapNotEqualBug(c.lt, c.expr) || strings.HasPrefix(c.want, "error: ") {
				continue
			}
			n++
			lt, ok := linktype.Parse(c.lt)
			require.True(t, ok, c.lt)
			eq := strings.Replace(c.expr, "!=", "=", 1)
			opts := Options{Resolver: testResolver{}, Optimize: golden.optimize}
			theirs, err := Compile(eq, lt, opts)
			require.NoError(t, err, eq)
			require.Equal(t, c.want, bpf.Dump(theirs, 1), "%s\t%s: libpcap compiles it as %q", c.lt, c.expr, eq)
			ours, err := Compile(c.expr, lt, opts)
			require.NoError(t, err, c.expr)
			negated, err := Compile("not ("+eq+")", lt, opts)
			require.NoError(t, err)
			assert.Equal(t, bpf.Dump(negated, 1), bpf.Dump(ours, 1), "%s\t%s: libpcap's program, negated", c.lt, c.expr)
			assert.NotEqual(t, c.want, bpf.Dump(ours, 1), "%s\t%s", c.lt, c.expr)
		}
		assert.Equal(t, 4, n, "%s: the bug cases (sio != 3 on MTP2, MTP2_WITH_PHDR, ERF; vci != 2 on SUNATM)", golden.path)
	}

	mtp2 := func(sio byte) []byte { return []byte{0x80, 0x80, 20, sio, 0x12, 0x34, 0x56, 0x78, 0x9a, 0, 0, 0} }
	sunATM := func(vpi byte, vci uint16) []byte {
		p := make([]byte, 4+48)
		p[0], p[1] = 0x01, vpi
		binary.BigEndian.PutUint16(p[2:], vci)
		return p
	}
	for _, c := range []struct {
		lt        linktype.Type
		expr      string
		equal     []byte // the field equals the constant
		different []byte
	}{
		{linktype.Type(140), "sio != 3", mtp2(3), mtp2(4)},
		{linktype.Type(123), "vci != 2", sunATM(0, 2), sunATM(0, 3)},
		{linktype.Type(123), "vpi != 7", sunATM(7, 2), sunATM(6, 2)}, // not in the goldens
	} {
		for _, optimize := range []bool{false, true} {
			eq := strings.Replace(c.expr, "!=", "=", 1)
			theirs, err := Compile(eq, c.lt, Options{Optimize: optimize})
			require.NoError(t, err)
			if testutil.HaveTool("tcpdump") {
				args := []string{"-d", "-y", c.lt.Name(), "--", c.expr}
				if !optimize {
					args = append([]string{"-O"}, args...)
				}
				require.Equal(t, testutil.TcpdumpOutput(args...), bpf.Dump(theirs, 1), "%s: libpcap's program", c.expr)
			}
			ours, err := Compile(c.expr, c.lt, Options{Optimize: optimize})
			require.NoError(t, err)
			tvm, err := bpf.NewVM(theirs)
			require.NoError(t, err)
			ovm, err := bpf.NewVM(ours)
			require.NoError(t, err)
			assert.NotZero(t, tvm.Run(c.equal, len(c.equal)), "%s: libpcap 1.10.3 bug: its program accepts the equal field", c.expr)
			assert.Zero(t, tvm.Run(c.different, len(c.different)), "%s: libpcap 1.10.3 bug: its program rejects a different field", c.expr)
			assert.Zero(t, ovm.Run(c.equal, len(c.equal)), "%s: ours rejects the equal field", c.expr)
			assert.NotZero(t, ovm.Run(c.different, len(c.different)), "%s: ours accepts a different field", c.expr)
		}
	}
}
