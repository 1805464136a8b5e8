package acceptance

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// linuxOnly are the examples gopacket builds for Linux only.
var linuxOnly = map[string]bool{"afpacket": true}

// examplesModule is a temporary module holding gopacket's examples that
// import gopacket/pcap twice: under dropin/ with only that import path
// changed to the drop-in's, and under orig/ as they are.
type examplesModule struct {
	dir   string
	names []string // the examples, sorted
}

var (
	exOnce sync.Once
	ex     examplesModule
	exErr  error
)

// examples sets up the examples module once per test binary.
func examples(t *testing.T) examplesModule {
	t.Helper()
	m := modules(t)
	exOnce.Do(func() {
		ex.dir, exErr = os.MkdirTemp("", "purepcap-examples-")
		if exErr != nil {
			return
		}
		exErr = setupExamples(t, m, ex.dir, &ex.names)
	})
	require.NoError(t, exErr)
	return ex
}

func setupExamples(t *testing.T, m modInfo, dir string, names *[]string) error {
	src := filepath.Join(m.upstreamDir, "examples")
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	quoted := []byte(`"` + upstreamPath + `"`)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		files, err := filepath.Glob(filepath.Join(src, e.Name(), "*.go"))
		if err != nil {
			return err
		}
		uses := false
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			uses = uses || bytes.Contains(b, quoted)
		}
		if !uses {
			continue
		}
		*names = append(*names, e.Name())
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			copyFile(t, f, filepath.Join(dir, "orig", e.Name(), filepath.Base(f)))
			copyFile(t, f, filepath.Join(dir, "dropin", e.Name(), filepath.Base(f)), string(quoted), `"`+dropinPath+`"`)
		}
	}
	sort.Strings(*names)
	// Our probe of gopacket/pcap's API goes in beside them, the same way.
	probe := filepath.Join("testdata", "apiprobe", "main.go")
	copyFile(t, probe, filepath.Join(dir, "orig", "apiprobe", "main.go"))
	copyFile(t, probe, filepath.Join(dir, "dropin", "apiprobe", "main.go"), string(quoted), `"`+dropinPath+`"`)
	m.tempModule(t, dir, "purepcap.test/examples")
	return nil
}

// buildExamples builds the examples under variant (dropin or orig) for
// goos/goarch into dir/bin/variant-goos-goarch and returns that directory.
func (e examplesModule) build(t *testing.T, variant, goos, goarch string, cgo bool, names ...string) string {
	t.Helper()
	out, err := e.tryBuild(variant, goos, goarch, cgo, names...)
	require.NoError(t, err)
	return out
}

func (e examplesModule) tryBuild(variant, goos, goarch string, cgo bool, names ...string) (string, error) {
	out := filepath.Join(e.dir, "bin", variant+"-"+goos+"-"+goarch)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	args := []string{"build", "-o", out + string(filepath.Separator)}
	for _, n := range names {
		args = append(args, "./"+variant+"/"+n)
	}
	cgoEnv := "CGO_ENABLED=0"
	if cgo {
		cgoEnv = "CGO_ENABLED=1"
	}
	_, err := goCmd(e.dir, isolated(cgoEnv, "GOOS="+goos, "GOARCH="+goarch), args...)
	return out, err
}

// TestExamplesBuild builds every gopacket example that imports gopacket/pcap,
// with only that import path changed and cgo off, for linux/amd64,
// darwin/arm64 and windows/amd64 (the Linux-only ones for Linux only).
func TestExamplesBuild(t *testing.T) {
	e := examples(t)
	require.Subset(t, e.names, []string{"arpscan", "bidirectional", "httpassembly", "pcapdump", "pcaplay", "reassemblydump", "statsassembly", "synscan"})
	built := 0
	for _, p := range []struct{ goos, goarch string }{{"linux", "amd64"}, {"darwin", "arm64"}, {"windows", "amd64"}} {
		var names []string
		for _, n := range e.names {
			if p.goos == "linux" || !linuxOnly[n] {
				names = append(names, n)
			}
		}
		bin := e.build(t, "dropin", p.goos, p.goarch, false, names...)
		for _, n := range names {
			exe := n
			if p.goos == "windows" {
				exe += ".exe"
			}
			_, err := os.Stat(filepath.Join(bin, exe))
			require.NoError(t, err, "%s for %s/%s", n, p.goos, p.goarch)
			built++
		}
		t.Logf("%s/%s: %s", p.goos, p.goarch, strings.Join(names, " "))
	}
	t.Logf("%d example builds: %d examples x 3 platforms, less the Linux-only ones elsewhere", built, len(e.names))
}
