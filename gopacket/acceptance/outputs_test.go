package acceptance

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// offlineRun is one way of running an offline example on a capture.
type offlineRun struct {
	example string
	args    []string // before and after "-r FILE"
	after   []string
	stderr  bool // compare standard error too (log lines, time prefix removed, as a multiset)
}

var offlineRuns = []offlineRun{
	{example: "pcapdump"},
	{example: "pcapdump", after: []string{"-X", "tcp"}},
	{example: "reassemblydump", after: []string{"-quiet"}},
	{example: "httpassembly", stderr: true},
}

// libpcapBugs are the differences where libpcap 1.10 is wrong and the
// drop-in right: in the capture named file, libpcap's output has libpcap
// where the drop-in's has ours. The test requires exactly that difference.
var libpcapBugs = []struct{ file, libpcap, ours, why string }{
	{
		file:    "time_2106_max.pcap",
		libpcap: "1969-12-31 23:59:59 +0000 UTC",
		ours:    "2106-02-07 06:28:15 +0000 UTC",
		why: "a pcap record's seconds are an unsigned 32-bit number (the file format's definition); " +
			"libpcap 1.10 reads them into a signed field, so 0xffffffff becomes -1, 1969",
	},
}

// runResult is what an example printed and how it exited.
type runResult struct {
	stdout, stderr string
	status         int
}

func runExample(exe string, args []string) (runResult, error) {
	cmd := exec.Command(exe, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(os.Environ(), "TZ=UTC")
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		return runResult{}, err
	}
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		return runResult{}, fmt.Errorf("%s %v: still running after 30s", exe, args)
	}
	r := runResult{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		r.status = exit.ExitCode()
	} else if err != nil {
		return r, err
	}
	return r, nil
}

// logPrefix is the standard logger's date and time.
var logPrefix = regexp.MustCompile(`(?m)^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d `)

// logLines returns standard error's lines without the logger's time prefix,
// sorted: goroutines of the stream examples log in no fixed order.
func logLines(s string) []string {
	lines := strings.Split(logPrefix.ReplaceAllString(s, ""), "\n")
	sort.Strings(lines)
	return lines
}

// captures returns gopacket's pcap test captures and the project's real
// captures of many link types (some damaged on purpose); with -short, a
// spread of a dozen of them.
func captures(t *testing.T, m modInfo) []string {
	t.Helper()
	ours, err := filepath.Glob(filepath.Join(m.upstreamDir, "pcap", "*.pcap"))
	require.NoError(t, err)
	require.NotEmpty(t, ours)
	real, err := filepath.Glob(filepath.Join(m.rootDir, "testdata", "pcaps", "*"))
	require.NoError(t, err)
	require.NotEmpty(t, real)
	sort.Strings(real)
	if testing.Short() {
		var spread []string
		for i := 0; i < len(real); i += len(real)/12 + 1 {
			spread = append(spread, real[i])
		}
		real = spread
	}
	return append(ours, real...)
}

// referenceBuilds builds names against real gopacket/pcap (cgo, libpcap)
// and against the drop-in, or skips the test where cgo can't build.
func referenceBuilds(t *testing.T, e examplesModule, names ...string) (orig, dropin string) {
	t.Helper()
	orig, err := e.tryBuild("orig", runtime.GOOS, runtime.GOARCH, true, names...)
	if err != nil {
		if os.Getenv("PUREPCAP_REQUIRE_REFERENCE") == "" {
			t.Skipf("no cgo build of gopacket/pcap (needs a C compiler and libpcap-dev): %v", err)
		}
		require.NoError(t, err)
	}
	return orig, e.build(t, "dropin", runtime.GOOS, runtime.GOARCH, false, names...)
}

// fixLibpcapBugs rewrites libpcap's output for file where it differs from
// the drop-in's because of one of libpcapBugs, and reports whether it did.
func fixLibpcapBugs(file string, out *string) bool {
	fixed := false
	for _, b := range libpcapBugs {
		if filepath.Base(file) == b.file && strings.Contains(*out, b.libpcap) {
			*out = strings.ReplaceAll(*out, b.libpcap, b.ours)
			fixed = true
		}
	}
	return fixed
}

// TestAPIBehaviourIdentical runs our probe of gopacket/pcap's functions and
// methods (testdata/apiprobe) built against real gopacket/pcap and against
// the drop-in: link type names and values, time stamp sources, compiled
// programs for a dozen link types, and for each capture its handle's
// metadata, errors, packets, capture infos and filter verdicts.
func TestAPIBehaviourIdentical(t *testing.T) {
	e := examples(t)
	orig, dropin := referenceBuilds(t, e, "apiprobe")
	files := captures(t, modules(t))
	runs := append([][]string{nil}, make([][]string, len(files))...)
	for i, f := range files {
		runs[i+1] = []string{f}
	}
	identical, libpcapWrong := 0, 0
	for _, args := range runs {
		want, err := runExample(filepath.Join(orig, "apiprobe"), args)
		require.NoError(t, err)
		got, err := runExample(filepath.Join(dropin, "apiprobe"), args)
		require.NoError(t, err)
		bug := len(args) == 1 && fixLibpcapBugs(args[0], &want.stdout)
		switch {
		case want.status != got.status || want.stderr != got.stderr:
			t.Errorf("apiprobe %v: exit status %d, %d; stderr %q, %q", args, want.status, got.status, want.stderr, got.stderr)
		case want.stdout != got.stdout:
			t.Errorf("apiprobe %v: %s", args, firstDiff(want.stdout, got.stdout))
		case bug:
			libpcapWrong++
		default:
			identical++
		}
	}
	t.Logf("API probe identical: %d of %d runs; %d differ only where libpcap 1.10 is wrong", identical, len(runs), libpcapWrong)

	// Live: the device list, then handles on lo and "any".
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("the live part needs Linux and root")
	}
	args := []string{"-live", "lo", "any"}
	want, err := runExample(filepath.Join(orig, "apiprobe"), args)
	require.NoError(t, err)
	got, err := runExample(filepath.Join(dropin, "apiprobe"), args)
	require.NoError(t, err)
	var dropped []string
	want.stdout, dropped = dropDevices(want.stdout, libpcapOnlyDevices)
	assert.Equal(t, want, got, "live handles differ")
	t.Logf("live probe on lo and any identical; FindAllDevs lists the same devices but for libpcap's non-network capture sources %v", dropped)
}

// libpcapOnlyDevices matches the capture sources libpcap lists that are no
// network interfaces (Bluetooth, netfilter, D-Bus, USB): the root package
// captures from network interfaces only, and FindAllDevs leaves them out.
var libpcapOnlyDevices = regexp.MustCompile(`^(bluetooth\S*|nflog|nfqueue|dbus-system|dbus-session|usbmon\d*)$`)

// dropDevices removes the probe's "dev" lines (and their "addr" lines) of
// devices whose names match re.
func dropDevices(out string, re *regexp.Regexp) (string, []string) {
	var keep, dropped []string
	skipping := false
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "dev ") {
			name := strings.SplitN(line, `"`, 3)[1]
			skipping = re.MatchString(name)
			if skipping {
				dropped = append(dropped, name)
			}
		} else if !strings.HasPrefix(line, "  addr ") {
			skipping = false
		}
		if !skipping {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n"), dropped
}

// TestOfflineOutputsIdentical runs gopacket's offline examples built against
// real gopacket/pcap (cgo, libpcap) and against the drop-in on each capture,
// and requires identical standard output and exit status.
func TestOfflineOutputsIdentical(t *testing.T) {
	e := examples(t)
	orig, dropin := referenceBuilds(t, e, "pcapdump", "reassemblydump", "httpassembly")
	files := captures(t, modules(t))

	type job struct {
		run  offlineRun
		file string
	}
	jobs := make(chan job)
	var (
		mu           sync.Mutex
		identical    int
		libpcapWrong int
		printed      = map[string]int{}
		total        int
		failures     []string
	)
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				args := append(append(append([]string{}, j.run.args...), "-r", j.file), j.run.after...)
				want, err1 := runExample(filepath.Join(orig, j.run.example), args)
				got, err2 := runExample(filepath.Join(dropin, j.run.example), args)
				bug := fixLibpcapBugs(j.file, &want.stdout)
				msg := ""
				switch {
				case err1 != nil || err2 != nil:
					msg = fmt.Sprintf("libpcap: %v, drop-in: %v", err1, err2)
				case want.status != got.status:
					msg = fmt.Sprintf("exit status %d with libpcap, %d with the drop-in\nstderr (libpcap): %s\nstderr (drop-in): %s", want.status, got.status, want.stderr, got.stderr)
				case want.stdout != got.stdout:
					msg = "standard output differs:\n" + firstDiff(want.stdout, got.stdout)
				case j.run.stderr && strings.Join(logLines(want.stderr), "\n") != strings.Join(logLines(got.stderr), "\n"):
					msg = "log output differs:\n" + firstDiff(strings.Join(logLines(want.stderr), "\n"), strings.Join(logLines(got.stderr), "\n"))
				}
				mu.Lock()
				total++
				if got.stdout != "" || (j.run.stderr && got.stderr != "") {
					printed[j.run.example]++
				}
				switch {
				case msg == "" && bug:
					libpcapWrong++
				case msg == "":
					identical++
				default:
					failures = append(failures, fmt.Sprintf("%s %s: %s", j.run.example, strings.Join(args, " "), msg))
				}
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		for _, r := range offlineRuns {
			jobs <- job{r, f}
		}
	}
	close(jobs)
	wg.Wait()
	sort.Strings(failures)
	for _, f := range failures {
		t.Error(f)
	}
	t.Logf("outputs identical: %d of %d runs (%d captures x %d command lines); %d differ only where libpcap 1.10 is wrong:", identical, total, len(files), len(offlineRuns), libpcapWrong)
	t.Logf("runs that printed something, by example: %v", printed)
	for _, b := range libpcapBugs {
		t.Logf("  %s: libpcap prints %q, the drop-in %q: %s", b.file, b.libpcap, b.ours, b.why)
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d\nlibpcap: %q\ndrop-in: %q", i+1, w, g)
		}
	}
	return ""
}
