package testutil

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

const modulePath = "github.com/purepcap/pcap"

var (
	rootOnce sync.Once
	rootDir  string
	rootErr  error
)

// Root returns the directory of the module github.com/purepcap/pcap, found
// from the working directory upwards (go test runs a test in its
// package's directory).
func Root(t testing.TB) string {
	t.Helper()
	rootOnce.Do(func() { rootDir, rootErr = findRoot() })
	if rootErr != nil {
		t.Fatal(rootErr)
	}
	return rootDir
}

func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if isModuleRoot(filepath.Join(dir, "go.mod")) {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("testutil: no go.mod of " + modulePath + " above the working directory")
		}
		dir = up
	}
}

// isModuleRoot reports whether the go.mod at path declares this module
// (the gopacket/ module below it has a go.mod of its own).
func isModuleRoot(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`) == modulePath
		}
	}
	return false
}

// Path returns the path of rel, a slash-separated path from the module's
// root (for example "savefile/testdata/crafted").
func Path(t testing.TB, rel string) string {
	t.Helper()
	return filepath.Join(Root(t), filepath.FromSlash(rel))
}

// CapturesDir returns the folder of the project's real captures
// (testdata/pcaps at the module's root: 77 files from tcpdump's test
// suite, some damaged on purpose).
func CapturesDir(t testing.TB) string {
	t.Helper()
	return Path(t, "testdata/pcaps")
}

// Captures returns the paths of the real captures, sorted.
func Captures(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(CapturesDir(t), "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no captures in %s", CapturesDir(t))
	}
	sort.Strings(files)
	return files
}

// AllCaptures returns the real captures and the crafted ones of
// savefile/testdata/crafted (edge cases and hostile files of both
// formats), sorted.
func AllCaptures(t testing.TB) []string {
	t.Helper()
	files := Captures(t)
	crafted, err := filepath.Glob(filepath.Join(Path(t, "savefile/testdata/crafted"), "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range crafted {
		if !strings.HasSuffix(f, ".py") {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	return files
}

// ExtraCaptures lists the captures in $PUREPCAP_EXTRA_CAPTURES (a
// directory, e.g. tcpdump's tests/), which the tests that compare with
// tcpdump and tshark directly also check.
func ExtraCaptures(t testing.TB) []string {
	t.Helper()
	dir := os.Getenv("PUREPCAP_EXTRA_CAPTURES")
	if dir == "" {
		return nil
	}
	var files []string
	for _, pat := range []string{"*.pcap", "*.pcapng", "*.cap"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	return files
}
