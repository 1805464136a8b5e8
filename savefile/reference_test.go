package savefile

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
)

var update = flag.Bool("update", false, "regenerate goldens from tcpdump")

const goldenFile = "testdata/tcpdump-w.golden"

// TestMain removes the libpcap helpers the tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	testutil.Cleanup()
	os.Exit(code)
}

// extraCaptures lists the captures in $PUREPCAP_EXTRA_CAPTURES (a
// directory, e.g. tcpdump's tests/), which the tests that compare with
// tcpdump and tshark directly also check.
func extraCaptures(t testing.TB) []string {
	dir := os.Getenv("PUREPCAP_EXTRA_CAPTURES")
	if dir == "" {
		return nil
	}
	var files []string
	for _, pat := range []string{"*.pcap", "*.pcapng", "*.cap"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		require.NoError(t, err)
		files = append(files, m...)
	}
	sort.Strings(files)
	return files
}

// captures lists the test captures: the project's real captures and the
// crafted ones of testdata/crafted.
func captures(t testing.TB) []string {
	t.Helper()
	files := testutil.Captures(t)
	crafted, err := filepath.Glob("testdata/crafted/*")
	require.NoError(t, err)
	for _, f := range crafted {
		if !strings.HasSuffix(f, ".py") {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	return files
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

type golden struct {
	status int    // tcpdump's exit status
	sum    string // sha256 of the file tcpdump wrote ("-" if none)
	count  string // tcpdump --count's stdout line
}

func goldenKey(file string, nano bool) string {
	p := "micro"
	if nano {
		p = "nano"
	}
	return filepath.Base(filepath.Dir(file)) + "/" + filepath.Base(file) + " " + p
}

func readGolden(t *testing.T) map[string]golden {
	b, err := os.ReadFile(goldenFile)
	require.NoError(t, err)
	g := map[string]golden{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		f := strings.SplitN(line, "\t", 4)
		require.Len(t, f, 4, line)
		var st int
		fmt.Sscan(f[1], &st)
		g[f[0]] = golden{st, f[2], f[3]}
	}
	return g
}

func sum(b []byte) string {
	if b == nil {
		return "-"
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// runTcpdump runs tcpdump -r file -w out and tcpdump -r file --count.
func runTcpdump(t *testing.T, tcpdump, file string, nano bool) golden {
	prec := "--time-stamp-precision=micro"
	if nano {
		prec = "--time-stamp-precision=nano"
	}
	out := filepath.Join(t.TempDir(), "out.pcap")
	cmd := exec.Command(tcpdump, "-Z", "root", prec, "-r", file, "-w", out)
	err := cmd.Run()
	var g golden
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		g.status = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	b, rerr := os.ReadFile(out)
	if rerr == nil {
		g.sum = sum(b)
	} else {
		g.sum = "-"
	}
	cnt, _ := exec.Command(tcpdump, prec, "-r", file, "--count").Output()
	g.count = strings.TrimSpace(string(cnt))
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
				fmt.Fprintf(&b, "%s\t%d\t%s\t%s\n", goldenKey(f, nano), g.status, g.sum, g.count)
			}
		}
		require.NoError(t, os.WriteFile(goldenFile, []byte(b.String()), 0o644))
	}
	gold := readGolden(t)
	for _, f := range files {
		in, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, nano := range []bool{false, true} {
			key := goldenKey(f, nano)
			g, ok := gold[key]
			require.True(t, ok, "no golden for %s; run go test -run Golden -update", key)
			out, n, err := rewrite(in, nano)
			if g.status == 0 {
				require.NoError(t, err, key)
			} else {
				require.Error(t, err, key)
			}
			if g.sum == "-" {
				require.Nil(t, out, key)
			} else {
				require.Equal(t, g.sum, sum(out), key)
			}
			if g.count != "" {
				require.Equal(t, g.count, fmt.Sprintf("%d packet%s", n, plural(n)), key)
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
	for _, f := range append(captures(t), extraCaptures(t)...) {
		in, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, nano := range []bool{false, true} {
			key := goldenKey(f, nano)
			g := runTcpdump(t, tcpdump, f, nano)
			out, _, err := rewrite(in, nano)
			require.Equal(t, g.status != 0, err != nil, "%s: tcpdump status %d, our error %v", key, g.status, err)
			require.Equal(t, g.sum, sum(out), key)
		}
	}
}
