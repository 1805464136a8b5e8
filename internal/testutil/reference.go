package testutil

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// RequireReference reports whether the reference tools must be present
// (PUREPCAP_REQUIRE_REFERENCE=1, as in CI).
func RequireReference() bool { return os.Getenv("PUREPCAP_REQUIRE_REFERENCE") == "1" }

// SkipOrFail skips the test with the formatted reason, or fails it when
// the reference is required.
func SkipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if RequireReference() {
		t.Fatalf("%s (PUREPCAP_REQUIRE_REFERENCE=1)", msg)
	}
	t.Skip(msg)
}

// Tool returns the path of the reference tool name (tcpdump, tshark,
// gcc, ...). Without it the test is skipped, or fails when the reference
// is required.
func Tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		SkipOrFail(t, "%s not installed", name)
	}
	return p
}

// OptionalTool is Tool for a check that is only part of a test: without
// the tool it logs that the check is left out and returns "" (it still
// fails when the reference is required).
func OptionalTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if RequireReference() {
			t.Fatalf("%s is required (PUREPCAP_REQUIRE_REFERENCE=1) but not installed", name)
		}
		t.Logf("%s not installed: the check against it is left out", name)
		return ""
	}
	return p
}

// HaveTool reports whether name is installed, for tests that compare with
// a reference tool only where one is present.
func HaveTool(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}

type cBuild struct {
	once sync.Once
	bin  string
	err  error
}

var (
	cBuildsMu sync.Mutex
	cBuilds   = map[string]*cBuild{}
	tempDirs  []string
)

// LibpcapHelper builds the C program src (a path relative to the test's
// package directory) with gcc -O2 against libpcap once per test binary
// and returns the executable's path. Without gcc or libpcap-dev the test
// is skipped, or fails when the reference is required. A TestMain that
// calls Cleanup after m.Run removes the executables.
func LibpcapHelper(t testing.TB, src string) string {
	t.Helper()
	cBuildsMu.Lock()
	b := cBuilds[src]
	if b == nil {
		b = &cBuild{}
		cBuilds[src] = b
	}
	cBuildsMu.Unlock()
	b.once.Do(func() { b.bin, b.err = buildLibpcapHelper(src) })
	if b.err != nil {
		SkipOrFail(t, "%v", b.err)
	}
	return b.bin
}

func buildLibpcapHelper(src string) (string, error) {
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		return "", fmt.Errorf("cannot build %s: gcc not installed", src)
	}
	dir, err := os.MkdirTemp("", "purepcap-helper")
	if err != nil {
		return "", err
	}
	cBuildsMu.Lock()
	tempDirs = append(tempDirs, dir)
	cBuildsMu.Unlock()
	bin := filepath.Join(dir, filepath.Base(src)+".bin")
	out, err := exec.Command(gcc, "-O2", "-o", bin, src, "-lpcap").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("cannot build %s with libpcap (is libpcap-dev installed?): %v: %s", src, err, out)
	}
	return bin, nil
}

// Cleanup removes what the helpers built. Call it from TestMain after
// m.Run.
func Cleanup() {
	cBuildsMu.Lock()
	defer cBuildsMu.Unlock()
	for _, d := range tempDirs {
		os.RemoveAll(d)
	}
	tempDirs = nil
}

// TcpdumpOutput runs tcpdump with args (such as -d -y LINKTYPE -- EXPR)
// and returns its standard output, or "error: MESSAGE\n" with the last
// line of its complaint when it prints nothing: the form of the goldens
// of compiled programs.
func TcpdumpOutput(args ...string) string {
	out, err := exec.Command("tcpdump", args...).Output()
	if err == nil && len(out) > 0 {
		return string(out)
	}
	msg := ""
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		lines := strings.Split(strings.TrimSpace(string(ee.Stderr)), "\n")
		msg = strings.TrimPrefix(lines[len(lines)-1], "tcpdump: ")
	}
	return "error: " + msg + "\n"
}
