package acceptance

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestUpstreamSuite runs gopacket's own pcap tests (every *_test.go of its
// pcap package, with its captures) against the drop-in, built without cgo:
// the drop-in's sources and gopacket's tests go into one package directory
// of a temporary copy of this module.
func TestUpstreamSuite(t *testing.T) {
	m := modules(t)
	dir := t.TempDir()
	pkg := filepath.Join(dir, "pcap")
	require.NoError(t, os.MkdirAll(pkg, 0o755))

	ours, err := filepath.Glob(filepath.Join(m.dropinDir, "pcap", "*.go"))
	require.NoError(t, err)
	for _, f := range ours {
		if !strings.HasSuffix(f, "_test.go") {
			copyFile(t, f, filepath.Join(pkg, filepath.Base(f)))
		}
	}
	entries, err := os.ReadDir(filepath.Join(m.upstreamDir, "pcap"))
	require.NoError(t, err)
	var tests []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, ".pcap") || strings.HasSuffix(name, ".pcapng") {
			copyFile(t, filepath.Join(m.upstreamDir, "pcap", name), filepath.Join(pkg, name))
			if strings.HasSuffix(name, "_test.go") {
				tests = append(tests, name)
			}
		}
	}
	require.NotEmpty(t, tests, "gopacket %s has no pcap tests", m.version)
	t.Logf("gopacket %s: %s", m.version, strings.Join(tests, ", "))
	m.tempModule(t, dir, dropinModule)

	out, err := goCmd(dir, isolated("CGO_ENABLED=0"), "test", "-count=1", "-v", "./pcap")
	require.NoError(t, err, "gopacket's tests failed against the drop-in")
	passed := regexp.MustCompile(`(?m)^--- PASS: (\S+)`).FindAllStringSubmatch(out, -1)
	skipped := regexp.MustCompile(`(?m)^--- SKIP: (\S+)`).FindAllStringSubmatch(out, -1)
	t.Logf("gopacket %s pcap tests against the drop-in: %d passed, %d skipped, 0 failed", m.version, len(passed), len(skipped))
	for _, p := range passed {
		t.Logf("passed: %s", p[1])
	}
	for _, s := range skipped {
		t.Logf("skipped: %s", s[1])
	}
	require.NotEmpty(t, passed)
}
