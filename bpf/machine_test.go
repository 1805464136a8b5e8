package bpf

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
)

// The differential machine test. testdata/machine holds, for every
// expression of the shared filter corpus that libpcap compiles, libpcap's
// program and libpcap's bpf_filter verdict on every packet of the shared
// captures of that link type (one classic pcap per link type). Our VM must
// give the same verdicts. "go test -update" regenerates everything from
// ../shared (tcpdump, gcc and libpcap-dev needed).

const (
	machineDir   = "testdata/machine"
	machineCases = machineDir + "/cases.txt"
)

// sharedRoot is where -update finds the shared corpus (the captures are
// the module's, testutil.Captures)
// ($PUREPCAP_SHARED, by default ../../shared next to the checkout).
func sharedRoot() string {
	if d := os.Getenv("PUREPCAP_SHARED"); d != "" {
		return d
	}
	return "../../shared"
}

type machineCase struct {
	lt, expr string
	ddd      string
	verdicts []uint32
}

func TestMachineDifferential(t *testing.T) {
	if *update {
		generateMachineGoldens(t)
	}
	cases := readMachineCases(t)
	require.NotEmpty(t, cases)
	pkts := map[string][]testPacket{}
	mismatches := 0
	for _, c := range cases {
		p, ok := pkts[c.lt]
		if !ok {
			var err error
			p, err = readTestPcap(filepath.Join(machineDir, c.lt+".pcap"))
			require.NoError(t, err)
			pkts[c.lt] = p
		}
		prog, err := ParseDDD(c.ddd)
		require.NoError(t, err, c.expr)
		vm, err := NewVM(prog)
		require.NoError(t, err, "%s %q", c.lt, c.expr)
		require.Len(t, c.verdicts, len(p), "%s %q", c.lt, c.expr)
		for i, pkt := range p {
			got := vm.Run(pkt.data, pkt.wireLen)
			if got != c.verdicts[i] {
				mismatches++
				if mismatches < 20 {
					t.Errorf("%s %q packet %d: got %d, libpcap %d", c.lt, c.expr, i, got, c.verdicts[i])
				}
			}
		}
	}
	require.Zero(t, mismatches)
	total := 0
	for _, c := range cases {
		total += len(c.verdicts)
	}
	t.Logf("%d programs, %d verdicts agree with libpcap", len(cases), total)
}

// TestMachineDifferentialLive recomputes the committed verdicts with the
// installed libpcap and checks that tcpdump still compiles the same
// programs.
func TestMachineDifferentialLive(t *testing.T) {
	if !testutil.RequireReference() || *update {
		t.Skip("set PUREPCAP_REQUIRE_REFERENCE=1 to compare with the installed libpcap")
	}
	cases := readMachineCases(t)
	byLT := map[string][]machineCase{}
	for _, c := range cases {
		byLT[c.lt] = append(byLT[c.lt], c)
	}
	changed := 0
	for lt, cs := range byLT {
		var in strings.Builder
		for _, c := range cs {
			in.WriteString(c.ddd)
			if out, err := tcpdumpProgram(t, "-ddd", lt, c.expr); err != nil || out != c.ddd {
				changed++
			}
		}
		out := runRef(t, in.String(), "filter", filepath.Join(machineDir, lt+".pcap"))
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		require.Len(t, lines, len(cs))
		for i, c := range cs {
			assert.Equal(t, encodeVerdicts(c.verdicts), encodeVerdicts(parseVerdictLine(t, lines[i])), "%s %q", lt, c.expr)
		}
	}
	if changed > 0 {
		t.Logf("note: the installed tcpdump compiles %d corpus expressions differently than the goldens (regenerate with -update)", changed)
	}
}

func readMachineCases(t testing.TB) []machineCase {
	f, err := os.Open(machineCases)
	require.NoError(t, err, "missing goldens; run go test -update with tcpdump and libpcap-dev installed")
	defer f.Close()
	var cases []machineCase
	var cur *machineCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "# "):
		case strings.HasPrefix(line, "### "):
			lt, expr, _ := strings.Cut(line[4:], "\t")
			cases = append(cases, machineCase{lt: lt, expr: expr})
			cur = &cases[len(cases)-1]
		case strings.HasPrefix(line, "=> "):
			cur.verdicts = decodeVerdicts(t, line[3:])
		default:
			cur.ddd += line + "\n"
		}
	}
	require.NoError(t, sc.Err())
	return cases
}

// encodeVerdicts writes verdicts run-length encoded: "v" or "v*count".
func encodeVerdicts(v []uint32) string {
	var parts []string
	for i := 0; i < len(v); {
		j := i
		for j < len(v) && v[j] == v[i] {
			j++
		}
		if j-i == 1 {
			parts = append(parts, strconv.FormatUint(uint64(v[i]), 10))
		} else {
			parts = append(parts, strconv.FormatUint(uint64(v[i]), 10)+"*"+strconv.Itoa(j-i))
		}
		i = j
	}
	return strings.Join(parts, " ")
}

func decodeVerdicts(t testing.TB, s string) []uint32 {
	var v []uint32
	for _, f := range strings.Fields(s) {
		val, count, ok := strings.Cut(f, "*")
		n := 1
		if ok {
			var err error
			n, err = strconv.Atoi(count)
			require.NoError(t, err)
		}
		x, err := strconv.ParseUint(val, 10, 32)
		require.NoError(t, err)
		for ; n > 0; n-- {
			v = append(v, uint32(x))
		}
	}
	return v
}

func parseVerdictLine(t testing.TB, line string) []uint32 {
	var v []uint32
	for _, f := range strings.Fields(line) {
		x, err := strconv.ParseUint(f, 10, 32)
		require.NoError(t, err)
		v = append(v, uint32(x))
	}
	return v
}

// generateMachineGoldens rebuilds testdata/machine from ../shared.
func generateMachineGoldens(t *testing.T) {
	testutil.Tool(t, "tcpdump")
	ref := needRef(t)
	corpus, err := os.ReadFile(filepath.Join(sharedRoot(), "filters", "corpus.txt"))
	require.NoError(t, err)
	type entry struct{ lt, expr string }
	var entries []entry
	lts := map[string]bool{}
	for _, line := range strings.Split(string(corpus), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lt, expr, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		entries = append(entries, entry{lt, expr})
		lts[lt] = true
	}

	// Captures, converted to classic pcap and merged per link type.
	captures := testutil.Captures(t)
	tmp := t.TempDir()
	merged := map[string][]testPacket{}
	linkNum := map[string]linktype.Type{}
	var sources []string
	for i, c := range captures {
		conv := filepath.Join(tmp, strconv.Itoa(i)+".pcap")
		out, err := exec.Command(ref, "convert", c, conv).Output()
		require.NoError(t, err, c)
		lt := strings.TrimSpace(string(out))
		if !lts[lt] {
			continue
		}
		p, num, err := readCapture(conv)
		require.NoError(t, err)
		linkNum[lt] = num
		merged[lt] = append(merged[lt], p...)
		sources = append(sources, lt+" "+filepath.Base(c)+" "+strconv.Itoa(len(p)))
	}
	old, _ := filepath.Glob(filepath.Join(machineDir, "*.pcap"))
	for _, f := range old {
		os.Remove(f)
	}
	require.NoError(t, os.MkdirAll(machineDir, 0o755))
	for lt, p := range merged {
		require.NoError(t, writeTestPcap(filepath.Join(machineDir, lt+".pcap"), linkNum[lt], p))
	}

	var b strings.Builder
	b.WriteString("# Generated by go test -update from ../shared/filters/corpus.txt and\n")
	b.WriteString("# testdata/pcaps: libpcap's program (tcpdump -ddd -y LINKTYPE)\n")
	b.WriteString("# and libpcap's bpf_filter verdict on each packet of LINKTYPE.pcap\n")
	b.WriteString("# (run-length encoded: value*count).\n")
	b.WriteString("# Packets come from (link type, capture, packets):\n")
	for _, s := range sources {
		b.WriteString("#   " + s + "\n")
	}
	var skipped []string
	for _, e := range entries {
		if _, ok := merged[e.lt]; !ok {
			skipped = append(skipped, e.lt+"\t"+e.expr+" (no capture of this link type)")
			continue
		}
		ddd, err := tcpdumpProgram(t, "-ddd", e.lt, e.expr)
		if err != nil {
			skipped = append(skipped, e.lt+"\t"+e.expr+" (libpcap: "+strings.ReplaceAll(err.Error(), "\n", " ")+")")
			continue
		}
		out := runRefFile(t, ref, ddd, filepath.Join(machineDir, e.lt+".pcap"))
		b.WriteString("### " + e.lt + "\t" + e.expr + "\n" + ddd + "=> " + encodeVerdicts(parseVerdictLine(t, out)) + "\n")
	}
	b.WriteString("# Not compiled or no packets:\n")
	for _, s := range skipped {
		b.WriteString("# " + s + "\n")
	}
	require.NoError(t, os.WriteFile(machineCases, []byte(b.String()), 0o644))
}

func runRefFile(t testing.TB, ref, stdin, pcap string) string {
	cmd := exec.Command(ref, "filter", pcap)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.Output()
	require.NoError(t, err)
	return strings.TrimSpace(string(out))
}
