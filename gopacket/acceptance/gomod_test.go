package acceptance

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// upstreamPath is the import path of the package the drop-in replaces, and
// dropinPath the drop-in's.
const (
	upstreamModule = "github.com/gopacket/gopacket"
	upstreamPath   = upstreamModule + "/pcap"
	dropinModule   = "github.com/purepcap/pcap/gopacket"
	dropinPath     = dropinModule + "/pcap"
	rootModule     = "github.com/purepcap/pcap"
)

// modInfo is what the go command says about the modules involved.
type modInfo struct {
	version     string // gopacket's version, as this module requires it
	upstreamDir string // gopacket's source in the module cache
	dropinDir   string // this module's directory
	rootDir     string // the root module's directory (this module's replacement)
	goSum       []byte // this module's go.sum, for temporary modules
}

var (
	modOnce sync.Once
	mod     modInfo
	modErr  error
)

// modules finds gopacket's version and source, downloading it if needed.
func modules(t *testing.T) modInfo {
	t.Helper()
	modOnce.Do(func() { mod, modErr = findModules() })
	require.NoError(t, modErr)
	return mod
}

func findModules() (modInfo, error) {
	var m modInfo
	out, err := goCmd("", nil, "list", "-m", "-f", "{{.Version}}|{{.Dir}}", upstreamModule)
	if err != nil {
		return m, err
	}
	m.version = strings.Split(strings.TrimSpace(out), "|")[0]
	out, err = goCmd("", nil, "mod", "download", "-json", upstreamModule+"@"+m.version)
	if err != nil {
		return m, err
	}
	var dl struct{ Dir string }
	if err := json.Unmarshal([]byte(out), &dl); err != nil {
		return m, err
	}
	m.upstreamDir = dl.Dir
	out, err = goCmd("", nil, "list", "-m", "-f", "{{.Dir}}|{{with .Replace}}{{.Dir}}{{end}}", dropinModule, rootModule)
	if err != nil {
		return m, err
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	m.dropinDir = strings.Split(lines[0], "|")[0]
	m.rootDir = strings.TrimSuffix(lines[1], "|")
	if i := strings.Index(lines[1], "|"); i >= 0 && lines[1][i+1:] != "" {
		m.rootDir = lines[1][i+1:]
	}
	if !filepath.IsAbs(m.rootDir) {
		m.rootDir = filepath.Join(m.dropinDir, m.rootDir)
	}
	m.goSum, err = os.ReadFile(filepath.Join(m.dropinDir, "go.sum"))
	return m, err
}

// goCmd runs the go command in dir with env added to the environment, and
// returns its standard output; the error includes its standard error.
func goCmd(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), &cmdError{args: args, err: err, stderr: stderr.String() + stdout.String()}
	}
	return stdout.String(), nil
}

type cmdError struct {
	args   []string
	err    error
	stderr string
}

func (e *cmdError) Error() string {
	return "go " + strings.Join(e.args, " ") + ": " + e.err.Error() + "\n" + e.stderr
}

// tempModule writes a go.mod for module path in dir, requiring gopacket at
// m.version and the drop-in and root modules from their directories.
func (m modInfo) tempModule(t *testing.T, dir, path string) {
	t.Helper()
	gomod := "module " + path + "\n\ngo 1.26.0\n\n" +
		"require " + upstreamModule + " " + m.version + "\n" +
		"require " + rootModule + " v0.0.0\n" +
		"replace " + rootModule + " => " + m.rootDir + "\n"
	if path != dropinModule {
		gomod += "require " + dropinModule + " v0.0.0\n" +
			"replace " + dropinModule + " => " + m.dropinDir + "\n"
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.sum"), m.goSum, 0o644))
	_, err := goCmd(dir, isolated(), "mod", "tidy")
	require.NoError(t, err)
}

// isolated is the environment for the go command in a temporary module:
// no workspace, no inherited flags.
func isolated(extra ...string) []string {
	return append([]string{"GOWORK=off", "GOFLAGS="}, extra...)
}

// copyFile copies src to dst, replacing old with new in its contents.
func copyFile(t *testing.T, src, dst string, replace ...string) {
	t.Helper()
	b, err := os.ReadFile(src)
	require.NoError(t, err)
	for i := 0; i+1 < len(replace); i += 2 {
		b = bytes.ReplaceAll(b, []byte(replace[i]), []byte(replace[i+1]))
	}
	require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o755))
	require.NoError(t, os.WriteFile(dst, b, 0o644))
}
