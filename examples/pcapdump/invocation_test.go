package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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
// they print packets. -h, --help and --version print to the standard
// output as tcpdump does, but name pcapdump; -w files must be the same
// bytes.
func TestInvocationsMatchTcpdump(t *testing.T) {
	tcpdump := requireReference(t)
	const in = "../../testdata/sample.pcap"
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
		{[]string{"-r", in, "-U", "-w", "OUT"}, "file"},
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
			wantStatus, wantStdout, wantStderr := runProcess(t, tcpdump, args(refOut)...)
			status, stdout, stderr := runProcess(t, os.Args[0], args(ourOut)...)
			require.Equal(t, wantStatus, status, "tcpdump's stderr:\n%s\npcapdump's stderr:\n%s", wantStderr, stderr)
			switch tt.output {
			case "stdout":
				require.Equal(t, wantStdout, stdout)
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
