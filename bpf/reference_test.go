package bpf

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
)

// The reference is libpcap itself: tcpdump for compiled programs, and
// testdata/ref/bpfref.c (built here with gcc, linked with libpcap) for
// bpf_dump, bpf_validate and bpf_filter.

var update = flag.Bool("update", false, "regenerate the goldens in testdata/ from tcpdump and libpcap")

// needRef returns the path of the bpfref helper, built once per test
// binary.
func needRef(t testing.TB) string {
	t.Helper()
	return testutil.LibpcapHelper(t, "testdata/ref/bpfref.c")
}

func TestMain(m *testing.M) {
	code := m.Run()
	testutil.Cleanup()
	os.Exit(code)
}

// runRef runs bpfref with stdin and returns its stdout.
func runRef(t testing.TB, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(needRef(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "bpfref %v: %s", args, stderr.String())
	return string(out)
}

// tcpdumpProgram returns tcpdump's output for "tcpdump -ddd... -y lt -- expr"
// (flag is -d, -dd or -ddd), or an error with tcpdump's message.
func tcpdumpProgram(t testing.TB, flag, lt, expr string) (string, error) {
	t.Helper()
	cmd := exec.Command(testutil.Tool(t, "tcpdump"), flag, "-y", lt, "--", expr)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

// dddPrograms joins programs in -ddd form, as bpfref reads them.
func dddPrograms(progs ...[]Instruction) string {
	var b strings.Builder
	for _, p := range progs {
		b.WriteString(Dump(p, DumpDecimal))
	}
	return b.String()
}

// writeGolden writes (with -update) or compares a golden file.
func checkGolden(t testing.TB, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden; run go test -update with tcpdump and libpcap-dev installed")
	require.Equal(t, string(want), got, "golden %s", path)
}
