package savefile

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
)

var update = flag.Bool("update", false, "regenerate goldens from tcpdump")

// TestMain removes the libpcap helpers the tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	testutil.Cleanup()
	os.Exit(code)
}

// captures lists the test captures: the project's real captures and the
// crafted ones of testdata/crafted.
func captures(t testing.TB) []string { return testutil.AllCaptures(t) }

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return b
}

// packetsOf reads a capture with NewReader, up to its first error.
func packetsOf(t *testing.T, b []byte) []testutil.Packet {
	t.Helper()
	r, err := NewReader(bytes.NewReader(b))
	require.NoError(t, err)
	var out []testutil.Packet
	for data, ci := range r.Packets() {
		out = append(out, testutil.Packet{Timestamp: ci.Timestamp, Length: ci.Length, Data: data})
	}
	return out
}

// rewrite does what pcapdump -r IN -w OUT does, with the library: it
// returns the pcap file written and the read error, if any.
func rewrite(in []byte, nano bool) ([]byte, int, error) {
	r, err := NewReaderOptions(bytes.NewReader(in), ReaderOptions{Libpcap: true})
	if err != nil {
		return nil, 0, err
	}
	ft, ok := r.LinkType().Savefile()
	if !ok {
		return nil, 0, fmt.Errorf("unknown data link type %d", r.LinkType().DLT())
	}
	var out bytes.Buffer
	w, err := NewWriter(&out, WriterOptions{LinkType: ft, LinkTypeExt: r.LinkTypeExt(), Snaplen: r.Snaplen(), Nanosecond: nano})
	if err != nil {
		return nil, 0, err
	}
	n := 0
	for {
		data, ci, err := r.ZeroCopyReadPacketData()
		if err == io.EOF {
			break
		}
		if err != nil {
			w.Close()
			return out.Bytes(), n, err
		}

		sec, frac := r.Timeval(nano)
		if err := w.WriteTimeval(sec, frac, ci.Length, data); err != nil {
			return nil, n, err
		}
		n++
	}
	err = w.Close()
	return out.Bytes(), n, err
}

// runTcpdump runs tcpdump -r file -w out and tcpdump -r file --count.
func runTcpdump(t *testing.T, tcpdump, file string, nano bool) testutil.Rewrite {
	prec := "--time-stamp-precision=micro"
	if nano {
		prec = "--time-stamp-precision=nano"
	}
	out := filepath.Join(t.TempDir(), "out.pcap")
	cmd := exec.Command(tcpdump, "-Z", "root", prec, "-r", file, "-w", out)
	err := cmd.Run()
	var g testutil.Rewrite
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		g.Status = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	b, rerr := os.ReadFile(out)
	if rerr == nil {
		g.Sum = testutil.Sum(b)
	} else {
		g.Sum = "-"
	}
	cnt, _ := exec.Command(tcpdump, prec, "-r", file, "--count").Output()
	g.Count = strings.TrimSpace(string(cnt))
	return g
}

// TestRewriteMatchesGolden checks that rewriting each capture gives the
// bytes tcpdump -w wrote (recorded in the golden file), in both
// precisions, and fails exactly where tcpdump fails.
func TestRewriteMatchesGolden(t *testing.T) {
	files := captures(t)
	if *update {
		tcpdump := testutil.Tool(t, "tcpdump")
		var b strings.Builder
		for _, f := range files {
			for _, nano := range []bool{false, true} {
				g := runTcpdump(t, tcpdump, f, nano)
				b.WriteString(testutil.FormatRewrite(testutil.RewriteKey(f, nano), g))
			}
		}
		require.NoError(t, os.WriteFile(testutil.RewriteGolden(t), []byte(b.String()), 0o644))
	}
	gold := testutil.ReadRewrites(t)
	for _, f := range files {
		in, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, nano := range []bool{false, true} {
			key := testutil.RewriteKey(f, nano)
			g, ok := gold[key]
			require.True(t, ok, "no golden for %s; run go test -run Golden -update", key)
			out, n, err := rewrite(in, nano)
			if g.Status == 0 {
				require.NoError(t, err, key)
			} else {
				require.Error(t, err, key)
			}
			if g.Sum == "-" {
				require.Nil(t, out, key)
			} else {
				require.Equal(t, g.Sum, testutil.Sum(out), key)
			}
			if g.Count != "" {
				require.Equal(t, g.Count, fmt.Sprintf("%d packet%s", n, plural(n)), key)
			}
		}
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// TestRewriteMatchesTcpdump compares with tcpdump itself, byte for byte.
func TestRewriteMatchesTcpdump(t *testing.T) {
	tcpdump := testutil.Tool(t, "tcpdump")
	for _, f := range append(captures(t), testutil.ExtraCaptures(t)...) {
		in, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, nano := range []bool{false, true} {
			key := testutil.RewriteKey(f, nano)
			g := runTcpdump(t, tcpdump, f, nano)
			out, _, err := rewrite(in, nano)
			require.Equal(t, g.Status != 0, err != nil, "%s: tcpdump status %d, our error %v", key, g.Status, err)
			require.Equal(t, g.Sum, testutil.Sum(out), key)
		}
	}
}
