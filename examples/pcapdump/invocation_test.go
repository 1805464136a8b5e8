package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/purepcap/pcap/internal/testutil"
	"github.com/stretchr/testify/require"
)

// runProcess runs bin with args (the test binary standing in for
// pcapdump when bin is os.Args[0]) and returns its exit status, standard
// output and standard error.
func runProcess(t *testing.T, bin string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "PCAPDUMP_TEST_MAIN=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	status := 0
	if err != nil {
		var ee *exec.ExitError
		require.True(t, errors.As(err, &ee), "%s: %v", bin, err)
		status = ee.ExitCode()
	}
	return status, stdout.String(), stderr.String()
}

// TestInvocationsMatchTcpdump checks issue 9's acceptance 5: these command
// lines give tcpdump's exit status, and tcpdump's standard output where
// they print packets (tcpdump's with -n: pcapdump resolves no names). -h,
// --help and --version print to the standard output as tcpdump does, but
// name pcapdump; -w files must be the same bytes. The printed capture is
// built by transportCapture: transport-level packets only.
func TestInvocationsMatchTcpdump(t *testing.T) {
	tcpdump := testutil.Tool(t, "tcpdump")
	const in = "../../testdata/sample.pcap"
	tr := transportCapture(t, t.TempDir(), false)
	trNano := transportCapture(t, t.TempDir(), true)
	// A directory Debian's tcpdump can write to after it switches to its
	// own user (it does without -Z root).
	outDir := t.TempDir()
	require.NoError(t, os.Chmod(outDir, 0o1777))
	for _, tt := range []struct {
		args   []string
		output string // what must be equal: "stdout", "file" (the -w output, named OUT), or "status" only
	}{
		{[]string{"-h"}, "status"},
		{[]string{"--help"}, "status"},
		{[]string{"--version"}, "status"},
		{[]string{"-r", tr}, "stdout"},
		{[]string{"-r", tr, "-n"}, "stdout"},
		{[]string{"-nn", "-r", tr}, "stdout"},
		{[]string{"-r", tr, "-t"}, "stdout"},
		{[]string{"-r", tr, "-tt"}, "stdout"},
		{[]string{"-r", tr, "-ttt"}, "stdout"},
		{[]string{"-r", tr, "-tttt"}, "stdout"},
		{[]string{"-r", tr, "-ttttt"}, "stdout"},
		{[]string{"-r", tr, "-v"}, "stdout"},
		{[]string{"-r", tr, "-vv"}, "stdout"},
		{[]string{"-r", tr, "-A"}, "stdout"},
		{[]string{"-r", tr, "-XX"}, "stdout"},
		{[]string{"-r", tr, "-X"}, "stdout"},
		{[]string{"-r", tr, "-x"}, "stdout"},
		{[]string{"-r", tr, "-xx"}, "stdout"},
		{[]string{"-r", tr, "-e"}, "stdout"},
		{[]string{"-r", tr, "-q"}, "stdout"},
		{[]string{"-r", tr, "-c", "5"}, "stdout"},
		{[]string{"-r", tr, "tcp and dst port 40001"}, "stdout"},
		{[]string{"-r", tr, "-l", "-n", "udp or icmp"}, "stdout"},
		{[]string{"-r", tr, "-S"}, "stdout"},
		{[]string{"-r", tr, "-#", "-tt"}, "stdout"},
		{[]string{"-r", trNano, "--time-stamp-precision=nano"}, "stdout"},
		{[]string{"-r", trNano, "--nano", "-ttt"}, "stdout"},
		{[]string{"-r", trNano}, "stdout"},
		{[]string{"-r", tr, "--time-stamp-precision=nano", "-tt"}, "stdout"},
		{[]string{"-r", tr, "-U", "-w", "OUT"}, "file"},
		{[]string{"-Z", "root", "-r", in, "-w", "OUT"}, "file"},
		{[]string{"-r", in, "-c", "5", "-w", "OUT", "tcp"}, "file"},
		{[]string{"-r", in, "--count", "udp"}, "stdout"},
		{[]string{"-r", in, "-C", "0", "-w", "OUT"}, "status"},
		{[]string{"-r", in, "-W", "x", "-w", "OUT"}, "status"},
		{[]string{"-r", in, "-G", "-5", "-w", "OUT"}, "status"},
		{[]string{"-r", in, "-tttttt"}, "status"},
		{[]string{"-r", in, "-k"}, "status"},
		{[]string{"--bogus"}, "status"},
		{[]string{"-r"}, "status"},
		{[]string{"-Z", "no-such-user-here", "-r", in, "-w", "OUT"}, "status"},
	} {
		name := strings.Join(tt.args, " ")
		t.Run(name, func(t *testing.T) {
			refOut, ourOut := filepath.Join(outDir, "ref"), filepath.Join(outDir, "our")
			args := func(out string) []string {
				a := make([]string, len(tt.args))
				for i, s := range tt.args {
					if s == "OUT" {
						s = out
					}
					a[i] = s
				}
				return a
			}
			os.Remove(refOut)
			os.Remove(ourOut)
			refArgs := args(refOut)
			if tt.output == "stdout" {
				// pcapdump never resolves names: its output is tcpdump's
				// with -n.
				refArgs = append([]string{"-n"}, refArgs...)
			}
			wantStatus, wantStdout, wantStderr := runProcess(t, tcpdump, refArgs...)
			status, stdout, stderr := runProcess(t, os.Args[0], args(ourOut)...)
			require.Equal(t, wantStatus, status, "tcpdump's stderr:\n%s\npcapdump's stderr:\n%s", wantStderr, stderr)
			switch tt.output {
			case "stdout":
				requireSameLines(t, wantStdout, stdout)
			case "file":
				require.Empty(t, stdout)
				want, err := os.ReadFile(refOut)
				require.NoError(t, err)
				got, err := os.ReadFile(ourOut)
				require.NoError(t, err)
				require.True(t, bytes.Equal(want, got), "-w files differ")
			case "status":
				// -h, --help and --version print on the standard output
				// and nothing on the standard error, as tcpdump does.
				if wantStatus == 0 {
					require.NotEmpty(t, wantStdout)
					require.NotEmpty(t, stdout)
					require.Empty(t, stderr)
				}
			}
		})
	}
}

// requireSameLines fails at the first line that differs.
func requireSameLines(t *testing.T, want, got string) {
	t.Helper()
	w, g := strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		require.Equal(t, w[i], g[i], "line %d", i+1)
	}
	require.Equal(t, len(w), len(g), "number of lines")
}

// TestUsageLayout checks that -h prints tcpdump's layout: the version
// lines, then "Usage: NAME [-flags] ..." continued on lines indented by
// two tabs, and that every option the usage names is one pcapdump takes.
func TestUsageLayout(t *testing.T) {
	status, out := runCaptured(t, "--help")
	require.Equal(t, 0, status)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.True(t, strings.HasPrefix(lines[0], "pcapdump version "), lines[0])
	require.True(t, strings.HasPrefix(lines[1], "Go version go"), lines[1])
	require.True(t, strings.HasPrefix(lines[2], "Usage: pcapdump [-"), lines[2])
	i := 3
	for ; i < len(lines) && strings.HasPrefix(lines[i], "\t\t["); i++ {
	}
	require.Greater(t, i, 6)
	require.Contains(t, strings.Join(lines[i:], " "), "-n")
	// Every option named in the usage is accepted.
	for _, l := range lines[2:i] {
		for _, f := range strings.Fields(l) {
			f = strings.Trim(f, "[]")
			switch {
			case strings.HasPrefix(f, "--"):
				_, err := longOption(f[2:])
				require.NoError(t, err, f)
			case strings.HasPrefix(f, "-") && len(f) > 1:
				for _, ch := range []byte(f[1:]) {
					_, known := shortOption(ch)
					require.True(t, known, "%c", ch)
				}
			}
		}
	}
}
