package printer

import (
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// The comparison harness: each capture of tcpdump's test suite is printed
// by tcpdump and by this package with the same flags, packet by packet.
// With tcpdump installed it is run directly; without it the goldens in
// testdata/golden (written by -update) stand in for it.
//
// PCAPDUMP_PRINTER_PCAPS=dir runs the harness over another directory of
// captures (tcpdump required) and only reports.

var update = flag.Bool("update", false, "rewrite the tcpdump goldens in testdata/golden")

// mode is one tcpdump invocation the harness compares.
type mode struct {
	name  string
	flags []string
	opt   Options
}

var modes = []mode{
	{"nq", []string{"-n", "-q"}, Options{Quiet: 1}},
	{"n", []string{"-n"}, Options{}},
	{"xx", []string{"-n", "-xx"}, Options{Hex: 2}},
	{"X", []string{"-n", "-X"}, Options{HexASCII: 1}},
	{"eq", []string{"-n", "-e", "-q"}, Options{Link: true, Quiet: 1}},
}

// packetOut is the output for one packet, number prefix removed.
type packetOut struct {
	lines []string
}

func (o packetOut) first() string {
	if len(o.lines) == 0 {
		return ""
	}
	return o.lines[0]
}

// split cuts the output of a run with -# into packets.
func split(out []byte) []packetOut {
	var pkts []packetOut
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) == 1 && lines[0] == "" {
		return nil
	}
	for _, l := range lines {
		prefix := fmt.Sprintf("%5d  ", len(pkts)+1)
		if strings.HasPrefix(l, prefix) {
			pkts = append(pkts, packetOut{lines: []string{strings.TrimPrefix(l, prefix)}})
			continue
		}
		if len(pkts) == 0 {
			continue
		}
		pkts[len(pkts)-1].lines = append(pkts[len(pkts)-1].lines, l)
	}
	return pkts
}

// reference returns tcpdump's output for a capture and mode.
func reference(t *testing.T, tcpdump, file string, m mode) []byte {
	golden := filepath.Join("testdata", "golden", m.name, filepath.Base(file)+".out.gz")
	if tcpdump == "" {
		f, err := os.Open(golden)
		require.NoError(t, err, "no tcpdump and no golden; run with tcpdump installed and -update")
		defer f.Close()
		zr, err := gzip.NewReader(f)
		require.NoError(t, err)
		b, err := io.ReadAll(zr)
		require.NoError(t, err)
		return b
	}
	args := append([]string{"-#", "-r", file}, m.flags...)
	cmd := exec.Command(tcpdump, args...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = io.Discard
	_ = cmd.Run() // a damaged capture makes tcpdump fail after printing
	if *update && strings.HasPrefix(file, testutil.CapturesDir(t)) {
		require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
		var z bytes.Buffer
		zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
		require.NoError(t, err)
		_, err = zw.Write(stdout.Bytes())
		require.NoError(t, err)
		require.NoError(t, zw.Close())
		require.NoError(t, os.WriteFile(golden, z.Bytes(), 0o644))
	}
	return stdout.Bytes()
}

// ours prints a capture as pcapdump does.
func ours(t *testing.T, file string, opt Options) []byte {
	opt.Number = true
	opt.Location = time.UTC
	var out bytes.Buffer
	pr := New(&out, opt)
	r, err := savefile.Open(file, savefile.ReaderOptions{Libpcap: true})
	if err != nil {
		return nil
	}
	defer r.Close()
	for {
		data, ci, err := r.ZeroCopyReadPacketData()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				t.Logf("%s: %v", filepath.Base(file), err)
			}
			break
		}
		lt := r.LinkType()
		if r.Format() == savefile.FormatPcapNG {
			lt = r.Interfaces()[ci.InterfaceIndex].LinkType
		}
		sec, frac := r.Timeval(opt.Nano)
		require.NoError(t, pr.PrintTimeval(sec, frac, ci, data, lt))
	}
	return out.Bytes()
}

var (
	reQuiet  = regexp.MustCompile(`^\S+ (IP6? .*: (tcp \d+|UDP, |ICMP |ICMP6, )|ARP, )`)
	reOneTCP = regexp.MustCompile(`^\S+ IP6? \S+ > \S+: Flags \[[^\]]*\][^:]*, length \d+$`)
	reOneUDP = regexp.MustCompile(`^\S+ IP6? \S+ > \S+: UDP, length \d+$`)
	reOneEch = regexp.MustCompile(`^\S+ IP6? \S+ > \S+: ICMP6?,? echo (request|reply), id \d+, seq \d+, length \d+$`)
	reOneARP = regexp.MustCompile(`^\S+ ARP, .*, length \d+$`)
	reHex    = regexp.MustCompile(`^\t0x[0-9a-f]{4}:`)
)

// hexLines returns the final dump of a packet: the hex lines from the
// last one at offset 0 on.
func hexLines(o packetOut) []string {
	start := -1
	for i, l := range o.lines {
		if strings.HasPrefix(l, "\t0x0000:") {
			start = i
		}
	}
	if start < 0 {
		return nil
	}
	var h []string
	for _, l := range o.lines[start:] {
		if reHex.MatchString(l) {
			h = append(h, l)
		}
	}
	return h
}

// score counts matches for one acceptance point.
type score struct {
	match, total int
	diffs        []string
}

func (s *score) add(ok bool, what string) {
	s.total++
	if ok {
		s.match++
	} else if len(s.diffs) < 400 {
		s.diffs = append(s.diffs, what)
	}
}

func (s *score) pct() float64 {
	if s.total == 0 {
		return 100
	}
	return 100 * float64(s.match) / float64(s.total)
}

// compareAll runs the harness over files and returns the four scores.
func compareAll(t *testing.T, tcpdump string, files []string) (quiet, full, hex, ether score) {
	for _, f := range files {
		base := filepath.Base(f)
		outs := map[string][2][]packetOut{}
		for _, m := range modes {
			ref := split(reference(t, tcpdump, f, m))
			got := split(ours(t, f, m.opt))
			outs[m.name] = [2][]packetOut{ref, got}
		}
		at := func(ps []packetOut, i int) packetOut {
			if i < len(ps) {
				return ps[i]
			}
			return packetOut{}
		}
		nq := outs["nq"]
		isEther := false
		if r, err := savefile.Open(f, savefile.ReaderOptions{Libpcap: true}); err == nil {
			isEther = r.LinkType() == linktype.Ethernet
			r.Close()
		}
		for i, ref := range nq[0] {
			if !reQuiet.MatchString(ref.first()) {
				continue
			}
			got := at(nq[1], i)
			quiet.add(ref.first() == got.first(), fmt.Sprintf("%s #%d\n  tcpdump: %s\n  ours:    %s", base, i+1, ref.first(), got.first()))
			if isEther {
				eref, egot := at(outs["eq"][0], i), at(outs["eq"][1], i)
				ether.add(eref.first() == egot.first(), fmt.Sprintf("%s #%d\n  tcpdump: %s\n  ours:    %s", base, i+1, eref.first(), egot.first()))
			}
		}
		n := outs["n"]
		for i, ref := range n[0] {
			l := ref.first()
			if len(ref.lines) != 1 || !(reOneTCP.MatchString(l) || reOneUDP.MatchString(l) || reOneEch.MatchString(l) || reOneARP.MatchString(l)) {
				continue
			}
			got := at(n[1], i)
			full.add(len(got.lines) == 1 && got.first() == l, fmt.Sprintf("%s #%d\n  tcpdump: %s\n  ours:    %s", base, i+1, l, strings.Join(got.lines, "\n           ")))
		}
		for _, name := range []string{"xx", "X"} {
			o := outs[name]
			for i, ref := range o[0] {
				rh, gh := hexLines(ref), hexLines(at(o[1], i))
				hex.add(strings.Join(rh, "\n") == strings.Join(gh, "\n"), fmt.Sprintf("%s -%s #%d\n  tcpdump: %s\n  ours:    %s", base, name, i+1, strings.Join(rh, "\n           "), strings.Join(gh, "\n           ")))
			}
		}
	}
	return
}

func captures(t *testing.T, dir string) []string {
	var files []string
	for _, pat := range []string{"*.pcap", "*.pcapng", "*.cap"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		require.NoError(t, err)
		files = append(files, m...)
	}
	sort.Strings(files)
	return files
}

func report(t *testing.T, name string, s score, verbose bool) {
	t.Logf("%-28s %6.2f%% (%d of %d)", name, s.pct(), s.match, s.total)
	if verbose {
		for _, d := range s.diffs {
			t.Log(d)
		}
	}
}

// TestMatchesTcpdump is the acceptance measure over the committed
// captures: the four points, with their thresholds.
func TestMatchesTcpdump(t *testing.T) {
	tcpdump := testutil.OptionalTool(t, "tcpdump") // without it, the goldens
	files := captures(t, testutil.CapturesDir(t))
	require.NotEmpty(t, files)
	quiet, full, hex, ether := compareAll(t, tcpdump, files)
	verbose := testing.Verbose() && os.Getenv("PCAPDUMP_PRINTER_DIFFS") != ""
	report(t, "-n -q first lines", quiet, verbose)
	report(t, "-n one-line packets", full, verbose)
	report(t, "-xx and -X dumps", hex, verbose)
	report(t, "-e -q Ethernet first lines", ether, verbose)
	require.Greater(t, quiet.total, 100)
	require.GreaterOrEqual(t, quiet.pct(), 99.0, "-n -q")
	require.GreaterOrEqual(t, full.pct(), 95.0, "-n")
	require.GreaterOrEqual(t, hex.pct(), 99.5, "-xx/-X")
	require.GreaterOrEqual(t, ether.pct(), 99.0, "-e -q")
}

// TestMatchesTcpdumpSuite runs the harness over a directory of captures
// named by PCAPDUMP_PRINTER_PCAPS (such as tcpdump's own tests/), and
// reports without asserting.
func TestMatchesTcpdumpSuite(t *testing.T) {
	dir := os.Getenv("PCAPDUMP_PRINTER_PCAPS")
	if dir == "" {
		t.Skip("PCAPDUMP_PRINTER_PCAPS not set")
	}
	tcpdump := testutil.Tool(t, "tcpdump")
	quiet, full, hex, ether := compareAll(t, tcpdump, captures(t, dir))
	verbose := os.Getenv("PCAPDUMP_PRINTER_DIFFS") != ""
	report(t, "-n -q first lines", quiet, verbose)
	report(t, "-n one-line packets", full, verbose)
	report(t, "-xx and -X dumps", hex, verbose)
	report(t, "-e -q Ethernet first lines", ether, verbose)
}

// TestShow prints one capture as pcapdump would, for looking at a
// difference: PCAPDUMP_PRINTER_SHOW=file, flags from the mode named by
// PCAPDUMP_PRINTER_MODE (default "n").
func TestShow(t *testing.T) {
	file := os.Getenv("PCAPDUMP_PRINTER_SHOW")
	if file == "" {
		t.Skip("PCAPDUMP_PRINTER_SHOW not set")
	}
	name := os.Getenv("PCAPDUMP_PRINTER_MODE")
	if name == "" {
		name = "n"
	}
	for _, m := range modes {
		if m.name == name {
			os.Stdout.Write(ours(t, file, m.opt))
		}
	}
}

// flagModes are tcpdump's other printing flags. Each is measured on the
// packets whose -n output already matches, so that it measures the flag.
var flagModes = []mode{
	{"t", []string{"-n", "-t"}, Options{Time: TimeNone}},
	{"tt", []string{"-n", "-tt"}, Options{Time: TimeUnix}},
	{"ttt", []string{"-n", "-ttt"}, Options{Time: TimeDelta}},
	{"tttt", []string{"-n", "-tttt"}, Options{Time: TimeDate}},
	{"ttttt", []string{"-n", "-ttttt"}, Options{Time: TimeSinceFirst}},
	{"nano", []string{"-n", "--time-stamp-precision=nano"}, Options{Nano: true}},
	{"ttt-nano", []string{"-n", "-ttt", "--time-stamp-precision=nano"}, Options{Time: TimeDelta, Nano: true}},
	{"S", []string{"-n", "-S"}, Options{Absolute: true}},
	{"e", []string{"-n", "-e"}, Options{Link: true}},
	{"x", []string{"-n", "-x"}, Options{Hex: 1}},
	{"XX", []string{"-n", "-XX"}, Options{HexASCII: 2}},
	{"A", []string{"-n", "-A"}, Options{ASCII: 1}},
	{"v", []string{"-n", "-v"}, Options{Verbose: 1}},
	{"vv", []string{"-n", "-vv"}, Options{Verbose: 2}},
}

// compareFlags returns, per flag mode, how many packets print the same.
func compareFlags(t *testing.T, tcpdump string, files []string) map[string]*score {
	scores := map[string]*score{}
	for _, f := range files {
		base := filepath.Base(f)
		nref := split(reference(t, tcpdump, f, modes[1]))
		ngot := split(ours(t, f, modes[1].opt))
		for _, m := range flagModes {
			s := scores[m.name]
			if s == nil {
				s = &score{}
				scores[m.name] = s
			}
			ref := split(runTcpdump(tcpdump, f, m.flags))
			got := split(ours(t, f, m.opt))
			for i := range nref {
				if i >= len(ngot) || strings.Join(nref[i].lines, "\n") != strings.Join(ngot[i].lines, "\n") || i >= len(ref) {
					continue
				}
				var g packetOut
				if i < len(got) {
					g = got[i]
				}
				r := strings.Join(ref[i].lines, "\n")
				o := strings.Join(g.lines, "\n")
				s.add(r == o, fmt.Sprintf("%s %s #%d\n  tcpdump: %s\n  ours:    %s", base, m.name, i+1, r, o))
			}
		}
	}
	return scores
}

func runTcpdump(tcpdump, file string, flags []string) []byte {
	cmd := exec.Command(tcpdump, append([]string{"-#", "-r", file}, flags...)...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	_ = cmd.Run()
	return stdout.Bytes()
}

// TestFlagsMatchTcpdump measures the other printing flags against
// tcpdump on the committed captures (tcpdump required).
func TestFlagsMatchTcpdump(t *testing.T) {
	tcpdump := testutil.Tool(t, "tcpdump")
	dir := os.Getenv("PCAPDUMP_PRINTER_PCAPS")
	if dir == "" {
		dir = testutil.CapturesDir(t)
	}
	scores := compareFlags(t, tcpdump, captures(t, dir))
	verbose := os.Getenv("PCAPDUMP_PRINTER_DIFFS") != ""
	for _, m := range flagModes {
		report(t, m.name, *scores[m.name], verbose)
	}
	if dir == testutil.CapturesDir(t) {
		for _, name := range []string{"t", "tt", "ttt", "tttt", "ttttt", "nano", "ttt-nano", "S", "x", "XX", "A"} {
			require.GreaterOrEqual(t, scores[name].pct(), 99.0, name)
		}
	}
}
