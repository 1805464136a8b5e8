package compile_test

// Shared machinery of the differential tests (verdicts_corpus_test.go and
// verdicts_random_test.go): the captures, libpcap's verdicts stored as goldens, the
// reference program that regenerates them, and running our compiler and
// machine over the same packets.

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"hash/fnv"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/internal/testutil/testcap"
	"github.com/purepcap/pcap/linktype"
	"github.com/stretchr/testify/require"
)

// diffUpdate reports whether -update was given. The flag is registered here
// unless another test file of the binary registered it first.
var diffUpdate = diffBoolFlag("update", "regenerate golden files from the reference (tcpdump/libpcap)")

func diffBoolFlag(name, usage string) func() bool {
	if flag.Lookup(name) == nil {
		flag.Bool(name, false, usage)
	}
	return func() bool {
		f := flag.Lookup(name)
		return f != nil && f.Value.String() == "true"
	}
}

const (
	diffDir     = "testdata/diff"
	diffSnaplen = 262144
)

// diffLinkTypes are the link types of the differential tests, each with
// its capture in testdata/diff/pcaps.
var diffLinkTypes = []linktype.Type{
	linktype.Ethernet, linktype.LinuxSLL, linktype.LinuxSLL2, linktype.Raw, linktype.IPv4,
	linktype.IPv6, linktype.Null, linktype.Loop, linktype.PPP, linktype.CHDLC,
	linktype.IEEE80211, linktype.IEEE80211Radio,
}

type diffPacket struct {
	data []byte
	wire int
}

type diffCapture struct {
	lt      linktype.Type
	path    string
	packets []diffPacket
	sum     string // fnv-64 of the file, to notice stale goldens
}

var (
	diffCapOnce sync.Once
	diffCaps    map[linktype.Type]*diffCapture
	diffCapErr  error
)

// diffCaptures reads the capture of every link type once per test binary.
func diffCaptures(t testing.TB) map[linktype.Type]*diffCapture {
	diffCapOnce.Do(func() {
		diffCaps = map[linktype.Type]*diffCapture{}
		for _, lt := range diffLinkTypes {
			path := filepath.Join(diffDir, "pcaps", strings.ToLower(lt.Name())+".pcap")
			c, err := diffReadPcap(path)
			if err != nil {
				diffCapErr = err
				return
			}
			if c.lt != lt {
				diffCapErr = fmt.Errorf("%s: link type %v, want %v", path, c.lt, lt)
				return
			}
			diffCaps[lt] = c
		}
	})
	require.NoError(t, diffCapErr)
	return diffCaps
}

// diffReadPcap reads a capture through savefile, with the checksum of its
// bytes.
func diffReadPcap(path string) (*diffCapture, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	h := fnv.New64a()
	h.Write(b)
	lt, pkts, err := testcap.Read(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c := &diffCapture{lt: lt, path: path, sum: fmt.Sprintf("%016x", h.Sum64())}
	for _, p := range pkts {
		c.packets = append(c.packets, diffPacket{p.Data, p.Length})
	}
	return c, nil
}

// diffCase is one expression for one link type.
type diffCase struct {
	lt   linktype.Type
	expr string
	// opts are non-default compile options, ";"-separated: "s=N" (snaplen),
	// "m=A.B.C.D" (netmask), "O" (optimizer off). Files write them after
	// the link type: "RAW;s=200;O<TAB>less 200".
	opts string
}

// ltField is the link type and options as the files write them.
func (c diffCase) ltField() string {
	if c.opts == "" {
		return c.lt.Name()
	}
	return c.lt.Name() + ";" + c.opts
}

func (c diffCase) String() string { return c.ltField() + "\t" + c.expr }

// diffParseLT parses a link type field with optional options.
func diffParseLT(f string) (linktype.Type, string, error) {
	name, opts, _ := strings.Cut(f, ";")
	lt, ok := linktype.Parse(name)
	if !ok {
		return 0, "", fmt.Errorf("unknown link type %q", name)
	}
	if _, err := diffOptions(diffCase{lt: lt, opts: opts}); err != nil {
		return 0, "", err
	}
	return lt, opts, nil
}

// diffOptions returns the compile options of c.
func diffOptions(c diffCase) (compile.Options, error) {
	o := compile.Options{Snaplen: diffSnaplen, Optimize: true}
	if c.opts == "" {
		return o, nil
	}
	for _, opt := range strings.Split(c.opts, ";") {
		k, v, _ := strings.Cut(opt, "=")
		switch k {
		case "O":
			o.Optimize = false
		case "s":
			n, err := strconv.Atoi(v)
			if err != nil || n <= 0 {
				return o, fmt.Errorf("bad snaplen option %q", opt)
			}
			o.Snaplen = n
		case "m":
			a, err := netip.ParseAddr(v)
			if err != nil || !a.Is4() {
				return o, fmt.Errorf("bad netmask option %q", opt)
			}
			b := a.As4()
			o.Netmask = uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
		default:
			return o, fmt.Errorf("unknown option %q", opt)
		}
	}
	return o, nil
}

// diffVerdict is an outcome: an error, or the packets a program accepts.
type diffVerdict struct {
	err    string // non-empty: compilation failed with this message
	hang   bool   // libpcap did not finish (err says so)
	insns  int    // program length (libpcap's, in goldens)
	accept int64  // return value of accepted packets; -1 if they differ
	ranges string // accepted packet indices: "0-3,7"
}

func (v diffVerdict) isErr() bool { return v.err != "" }

func (v diffVerdict) String() string {
	if v.hang {
		return "T\t" + v.err
	}
	if v.isErr() {
		return "E\t" + v.err
	}
	return fmt.Sprintf("V\t%d\t%d\t%s", v.insns, v.accept, v.ranges)
}

func diffParseVerdict(s string) (diffVerdict, error) {
	f := strings.SplitN(s, "\t", 4)
	switch {
	case len(f) == 2 && f[0] == "E" && f[1] != "":
		return diffVerdict{err: f[1]}, nil
	case len(f) == 2 && f[0] == "T":
		return diffVerdict{err: f[1], hang: true}, nil
	case len(f) == 4 && f[0] == "V":
		n, err1 := strconv.Atoi(f[1])
		a, err2 := strconv.ParseInt(f[2], 10, 64)
		if err1 != nil || err2 != nil {
			break
		}
		return diffVerdict{insns: n, accept: a, ranges: f[3]}, nil
	}
	return diffVerdict{}, fmt.Errorf("bad verdict %q", s)
}

// diffRanges returns the accepted indices as ranges, and the common accept
// value (-1 when accepted packets returned different values).
func diffRanges(verdicts []uint32) (string, int64) {
	var b strings.Builder
	var accept int64
	start := -1
	for i := 0; i <= len(verdicts); i++ {
		v := uint32(0)
		if i < len(verdicts) {
			v = verdicts[i]
		}
		if v != 0 {
			switch {
			case accept == 0:
				accept = int64(v)
			case accept != int64(v):
				accept = -1
			}
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(start))
			if i-1 > start {
				b.WriteString("-" + strconv.Itoa(i-1))
			}
			start = -1
		}
	}
	return b.String(), accept
}

// diffExpand turns ranges back into a set of indices.
func diffExpand(r string) map[int]bool {
	out := map[int]bool{}
	if r == "" {
		return out
	}
	for _, part := range strings.Split(r, ",") {
		lo, hi, ok := strings.Cut(part, "-")
		a, _ := strconv.Atoi(lo)
		b := a
		if ok {
			b, _ = strconv.Atoi(hi)
		}
		for i := a; i <= b; i++ {
			out[i] = true
		}
	}
	return out
}

// diffOurs compiles c with our compiler and runs it over the capture of
// its link type. A panic or a compilation taking over 10 s is reported as
// an error verdict, so one bad expression cannot stop the whole run.
func diffOurs(c diffCase, caps map[linktype.Type]*diffCapture) (v diffVerdict, prog []bpf.Instruction) {
	return diffOursOpt(c, caps, true)
}

// diffOursOpt is diffOurs with or without the optimizer.
func diffOursOpt(c diffCase, caps map[linktype.Type]*diffCapture, optimize bool) (v diffVerdict, prog []bpf.Instruction) {
	type result struct {
		prog []bpf.Instruction
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- result{err: fmt.Errorf("PANIC: %v", r)}
			}
		}()
		o, err := diffOptions(c)
		if err != nil {
			ch <- result{err: err}
			return
		}
		if !optimize {
			o.Optimize = false
		}
		p, err := compile.Compile(c.expr, c.lt, o)
		ch <- result{p, err}
	}()
	var r result
	select {
	case r = <-ch:
	case <-time.After(10 * time.Second):
		return diffVerdict{err: "TIMEOUT: compilation took over 10s"}, nil
	}
	if r.err != nil {
		msg := strings.NewReplacer("\t", " ", "\n", " ").Replace(r.err.Error())
		if msg == "" {
			msg = "empty error"
		}
		return diffVerdict{err: msg}, nil
	}
	vm, err := bpf.NewVM(r.prog)
	if err != nil {
		return diffVerdict{err: "INVALID PROGRAM: " + err.Error()}, r.prog
	}
	pkts := caps[c.lt].packets
	verdicts := make([]uint32, len(pkts))
	for i, p := range pkts {
		verdicts[i] = vm.Run(p.data, p.wire)
	}
	ranges, accept := diffRanges(verdicts)
	return diffVerdict{insns: len(r.prog), accept: accept, ranges: ranges}, r.prog
}

// diffRejectsAll is libpcap's error for programs its optimizer proves
// reject everything; the issue lets us differ on it.
const diffRejectsAll = "expression rejects all packets"

// diffOutcome classifies our verdict against libpcap's.
type diffOutcome int

const (
	diffAgree        diffOutcome = iota // same error-ness and same verdicts
	diffAgreeRejects                    // libpcap: "rejects all packets"; ours rejects every packet
	diffMismatch                        // both compile, verdicts differ
	diffRefOnlyErr                      // libpcap errors, we compile
	diffOursOnlyErr                     // we error, libpcap compiles
	diffRefHangs                        // libpcap never finishes; any answer of ours is better
)

func (o diffOutcome) String() string {
	return [...]string{"agree", "agree (libpcap: rejects all packets)", "verdicts differ", "libpcap errors, we compile", "we error, libpcap compiles", "libpcap hangs"}[o]
}

func diffCompare(ref, ours diffVerdict) diffOutcome {
	switch {
	case ref.hang:
		return diffRefHangs
	case ref.isErr() && ours.isErr():
		return diffAgree
	case ref.isErr():
		if strings.Contains(ref.err, diffRejectsAll) && ours.ranges == "" {
			return diffAgreeRejects
		}
		return diffRefOnlyErr
	case ours.isErr():
		return diffOursOnlyErr
	}
	if ref.ranges != ours.ranges {
		return diffMismatch
	}
	if ref.ranges != "" && ref.accept != ours.accept {
		return diffMismatch
	}
	return diffAgree
}

// diffExplain describes a disagreement for a failure message: the first
// packet whose verdict differs, and both programs' lengths.
func diffExplain(c diffCase, ref, ours diffVerdict, caps map[linktype.Type]*diffCapture) string {
	switch {
	case ref.isErr() && !ours.isErr():
		return fmt.Sprintf("libpcap: %s; we compile (%d insns, accept %q)", ref.err, ours.insns, diffShort(ours.ranges))
	case ours.isErr() && !ref.isErr():
		return fmt.Sprintf("we fail: %s; libpcap compiles (%d insns, accepts %q)", ours.err, ref.insns, diffShort(ref.ranges))
	}
	r, o := diffExpand(ref.ranges), diffExpand(ours.ranges)
	var diff []int
	for i := range caps[c.lt].packets {
		if r[i] != o[i] {
			diff = append(diff, i)
		}
	}
	if len(diff) == 0 {
		return fmt.Sprintf("accept value: libpcap returns %d, we return %d", ref.accept, ours.accept)
	}
	trunc := 0
	for _, i := range diff {
		if p := caps[c.lt].packets[i]; len(p.data) < p.wire {
			trunc++
		}
	}
	i := diff[0]
	p := caps[c.lt].packets[i]
	n := len(p.data)
	if n > 64 {
		n = 64
	}
	return fmt.Sprintf("%d packets differ (%d of them truncated; libpcap accepts %d, we accept %d); first: packet %d of %s (caplen %d, len %d): libpcap %v, ours %v; data %x",
		len(diff), trunc, len(r), len(o), i, c.lt.Name(), len(p.data), p.wire, r[i], o[i], p.data[:n])
}

func diffShort(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}

// diffGolden is a golden file: the captures it was made from and one
// verdict per case, in order.
type diffGolden struct {
	sums  map[linktype.Type]string
	cases []diffCase
	want  []diffVerdict
}

func diffReadGolden(path string) (*diffGolden, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g := &diffGolden{sums: map[linktype.Type]string{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if strings.HasPrefix(s, "#capture\t") {
			f := strings.Split(s, "\t")
			if len(f) != 4 {
				return nil, fmt.Errorf("%s:%d: bad capture line", path, line)
			}
			lt, ok := linktype.Parse(f[1])
			if !ok {
				return nil, fmt.Errorf("%s:%d: unknown link type %q", path, line, f[1])
			}
			g.sums[lt] = f[3]
			continue
		}
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.SplitN(s, "\t", 3)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: bad line", path, line)
		}
		lt, opts, err := diffParseLT(f[0])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		v, err := diffParseVerdict(f[2])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		expr, err := strconv.Unquote(f[1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: expression: %v", path, line, err)
		}
		g.cases = append(g.cases, diffCase{lt: lt, expr: expr, opts: opts})
		g.want = append(g.want, v)
	}
	return g, sc.Err()
}

func diffWriteGolden(path, comment string, caps map[linktype.Type]*diffCapture, cases []diffCase, want []diffVerdict) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n", comment)
	b.WriteString("# Format: LINKTYPE <TAB> quoted expression <TAB> result, where result is\n")
	b.WriteString("# E <TAB> libpcap's error, or\n")
	b.WriteString("# V <TAB> libpcap's instruction count <TAB> accept value <TAB> accepted packet indices.\n")
	b.WriteString("# Regenerate: go test ./compile -run 'Diff|Random' -update (needs gcc and libpcap-dev).\n")
	for _, lt := range diffLinkTypes {
		fmt.Fprintf(&b, "#capture\t%s\t%d\t%s\n", lt.Name(), len(caps[lt].packets), caps[lt].sum)
	}
	for i, c := range cases {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", c.ltField(), strconv.Quote(c.expr), want[i])
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// diffCheckSums fails if the captures changed since the golden was made.
func diffCheckSums(t testing.TB, g *diffGolden, caps map[linktype.Type]*diffCapture, path string) {
	for _, lt := range diffLinkTypes {
		require.Equal(t, g.sums[lt], caps[lt].sum,
			"%s was made from other captures than testdata/diff/pcaps (%s); regenerate it with -update", path, lt.Name())
	}
}

// diffReference builds the libpcap helper (testdata/diff/verdicts.c) once
// per test binary and returns its path, or skips (fails in CI) when gcc or
// libpcap is missing.
func diffReference(t testing.TB) string {
	t.Helper()
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" && runtime.GOOS != "freebsd" {
		testutil.SkipOrFail(t, "the libpcap reference is not supported on %s", runtime.GOOS)
	}
	return testutil.LibpcapHelper(t, filepath.Join(diffDir, "verdicts.c"))
}

// TestMain removes the libpcap helpers the tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	testutil.Cleanup()
	os.Exit(code)
}

// diffReferenceVerdicts asks libpcap for the verdicts of cases over the
// committed captures.
func diffReferenceVerdicts(t testing.TB, cases []diffCase) []diffVerdict {
	t.Helper()
	return diffReferenceVerdictsOpt(t, cases, true)
}

// diffReferenceVerdictsOpt is diffReferenceVerdicts with or without
// libpcap's optimizer.
func diffReferenceVerdictsOpt(t testing.TB, cases []diffCase, optimize bool) []diffVerdict {
	t.Helper()
	var args []string
	if !optimize {
		args = append(args, "-O")
	}
	return diffReferenceRun(t, cases, args...)
}

// diffReferenceRun runs the libpcap helper with extra options.
func diffReferenceRun(t testing.TB, cases []diffCase, opts ...string) []diffVerdict {
	t.Helper()
	bin := diffReference(t)
	var in bytes.Buffer
	for _, c := range cases {
		if strings.ContainsAny(c.expr, "\t\n") {
			t.Fatalf("expression %q contains a tab or newline", c.expr)
		}
		in.WriteString(c.String() + "\n")
	}
	args := append([]string{}, opts...)
	for _, lt := range diffLinkTypes {
		args = append(args, filepath.Join(diffDir, "pcaps", strings.ToLower(lt.Name())+".pcap"))
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "libpcap helper: %s", stderr.String())
	for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		if l != "" {
			t.Logf("%s", l)
		}
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	require.Len(t, lines, len(cases), "libpcap helper output")
	vs := make([]diffVerdict, len(cases))
	for i, l := range lines {
		v, err := diffParseVerdict(l)
		require.NoError(t, err)
		vs[i] = v
	}
	return vs
}

// diffKnown is an explained, expected difference from libpcap. The test
// asserts that the difference still exists, so a fix makes the test fail
// until the entry is removed.
type diffKnown struct {
	lt   linktype.Type
	expr string
	// want is our outcome: "error" (we refuse what libpcap accepts),
	// "compiles" (we accept what libpcap refuses), or "verdicts" (both
	// compile and some packets get other verdicts).
	want string
	why  string
}

func diffKnownIndex(list []diffKnown) map[diffCase]diffKnown {
	m := map[diffCase]diffKnown{}
	for _, k := range list {
		m[diffCase{lt: k.lt, expr: k.expr}] = k
	}
	return m
}

// diffKnownHolds reports whether outcome o is the difference k describes.
func diffKnownHolds(k diffKnown, o diffOutcome) bool {
	switch k.want {
	case "error":
		return o == diffOursOnlyErr
	case "compiles":
		return o == diffRefOnlyErr
	case "verdicts":
		return o == diffMismatch
	}
	return false
}

// diffTally counts outcomes for the agreement summary.
type diffTally struct {
	n        int
	outcomes map[diffOutcome]int
	refIns   int // libpcap instructions over cases where both compile and agree
	ourIns   int
}

func (d *diffTally) add(o diffOutcome, ref, ours diffVerdict) {
	if d.outcomes == nil {
		d.outcomes = map[diffOutcome]int{}
	}
	d.n++
	d.outcomes[o]++
	if o == diffAgree && !ref.isErr() {
		d.refIns += ref.insns
		d.ourIns += ours.insns
	}
}

func (d *diffTally) strict() float64 {
	return 100 * float64(d.outcomes[diffAgree]) / float64(max(d.n, 1))
}

func (d *diffTally) lenient() float64 {
	return 100 * float64(d.outcomes[diffAgree]+d.outcomes[diffAgreeRejects]) / float64(max(d.n, 1))
}

func (d *diffTally) String() string {
	var parts []string
	for o := diffAgree; o <= diffRefHangs; o++ {
		if d.outcomes[o] > 0 {
			parts = append(parts, fmt.Sprintf("%s: %d", o, d.outcomes[o]))
		}
	}
	sort.Strings(parts)
	return fmt.Sprintf("%d cases; strict agreement %.2f%%, counting 'rejects all packets' %.2f%%; instructions ours/libpcap %d/%d; %s",
		d.n, d.strict(), d.lenient(), d.ourIns, d.refIns, strings.Join(parts, ", "))
}

// diffRun compares every case against want and reports disagreements that
// the known-difference table does not explain, and table entries that no
// longer hold.
func diffRun(t *testing.T, name string, cases []diffCase, want []diffVerdict, known []diffKnown, caps map[linktype.Type]*diffCapture) *diffTally {
	t.Helper()
	idx := diffKnownIndex(known)
	seen := map[diffCase]bool{}
	tally := &diffTally{}
	var unexplained []string
	for i, c := range cases {
		ours, _ := diffOurs(c, caps)
		o := diffCompare(want[i], ours)
		tally.add(o, want[i], ours)
		k, isKnown := idx[c]
		if isKnown {
			seen[c] = true
			if !diffKnownHolds(k, o) {
				t.Errorf("%s: known difference %q no longer holds (now: %s); remove it from the table if the compiler was fixed", name, c, o)
			}
			continue
		}
		if o == diffAgree || o == diffAgreeRejects {
			continue
		}
		if o == diffRefHangs {
			if strings.HasPrefix(ours.err, "TIMEOUT") || strings.HasPrefix(ours.err, "PANIC") {
				unexplained = append(unexplained, fmt.Sprintf("%s\t%s; and so do we: %s", c, o, ours.err))
			}
			continue
		}
		unexplained = append(unexplained, fmt.Sprintf("%s\t%s: %s", c, o, diffExplain(c, want[i], ours, caps)))
	}
	for _, u := range unexplained {
		t.Errorf("%s: %s", name, u)
	}
	for _, k := range known {
		if !seen[diffCase{lt: k.lt, expr: k.expr}] {
			t.Errorf("%s: known difference %s\t%s is not among the cases; remove it", name, k.lt.Name(), k.expr)
		}
	}
	t.Logf("%s: %v", name, tally)
	return tally
}
