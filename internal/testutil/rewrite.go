package testutil

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Rewrite is what tcpdump 4.99.3 did with one capture in one time stamp
// precision, as savefile/testdata/tcpdump-w.golden records it.
type Rewrite struct {
	Status int    // the exit status of tcpdump -r IN -w OUT
	Sum    string // Sum of the file it wrote
	Count  string // the stdout line of tcpdump -r IN --count
}

// RewriteGolden is the path of the golden of tcpdump -r IN -w OUT over
// AllCaptures.
func RewriteGolden(t testing.TB) string {
	t.Helper()
	return Path(t, "savefile/testdata/tcpdump-w.golden")
}

// RewriteKey is the golden's key of a capture in one precision: the
// capture's folder and name, and "micro" or "nano".
func RewriteKey(file string, nano bool) string {
	p := "micro"
	if nano {
		p = "nano"
	}
	return filepath.Base(filepath.Dir(file)) + "/" + filepath.Base(file) + " " + p
}

// ReadRewrites reads the golden, by key.
func ReadRewrites(t testing.TB) map[string]Rewrite {
	t.Helper()
	b, err := os.ReadFile(RewriteGolden(t))
	if err != nil {
		t.Fatal(err)
	}
	g := map[string]Rewrite{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		f := strings.SplitN(line, "\t", 4)
		if len(f) != 4 {
			t.Fatalf("%s: bad line %q", RewriteGolden(t), line)
		}
		var st int
		fmt.Sscan(f[1], &st)
		g[f[0]] = Rewrite{st, f[2], f[3]}
	}
	return g
}

// FormatRewrite is the golden's line for key.
func FormatRewrite(key string, r Rewrite) string {
	return fmt.Sprintf("%s\t%d\t%s\t%s\n", key, r.Status, r.Sum, r.Count)
}

// Sum is the SHA-256 of a written file in hex, "-" when none was written
// (b nil).
func Sum(b []byte) string {
	if b == nil {
		return "-"
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
