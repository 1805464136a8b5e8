package bpf

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
)

// knownOps lists the 49 opcodes that libpcap and Linux execute.
func knownOps() []uint16 {
	var ops []uint16
	for op := 0; op < 0x10000; op++ {
		if Opcode(op).Known() {
			ops = append(ops, uint16(op))
		}
	}
	return ops
}

// handPrograms are hand-built programs that together use every opcode,
// every ancillary name, odd operands and unknown opcodes. libpcap prints
// them for the goldens (tcpdump cannot print arbitrary programs).
func handPrograms() map[string][]Instruction {
	ks := []uint32{0, 1, 12, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffff000, 0xdeadbeef}
	var every []Instruction
	for i, op := range knownOps() {
		for j, k := range ks {
			every = append(every, Instruction{Op: op, Jt: uint8(i*7 + j), Jf: uint8(255 - i - j), K: k})
		}
	}
	var anc []Instruction
	for off := uint32(0); off < AdMax+8; off++ {
		for _, op := range []uint16{ClassLD | SizeW | ModeABS, ClassLD | SizeH | ModeABS, ClassLD | SizeB | ModeABS, ClassLD | SizeB | ModeIND, ClassLDX | SizeB | ModeMSH} {
			anc = append(anc, Stmt(op, Ancillary(off)))
		}
	}
	anc = append(anc, Stmt(ClassLD|SizeH|ModeABS, uint32(SKFNetOff&0xffffffff)+14), Stmt(ClassLD|SizeB|ModeABS, uint32(SKFLLOff&0xffffffff)), Stmt(ClassRET|RetA, 0))
	var unknown []Instruction
	for op := 0; op < 0x200; op++ {
		unknown = append(unknown, Instruction{Op: uint16(op), Jt: uint8(op), Jf: uint8(op >> 1), K: uint32(op) * 2654435761})
	}
	for _, op := range []uint16{0x1234, 0x8005, 0x8015, 0xfff5, 0xffff, 0xff06} {
		unknown = append(unknown, Instruction{Op: op, Jt: 3, Jf: 4, K: 0x12345678})
	}
	// Jumps near the ends of the index range.
	var jumps []Instruction
	for i := 0; i < 1005; i++ {
		jumps = append(jumps, Jump(ClassJMP|JumpJEQ|SrcK, uint32(i), uint8(i), 255), Stmt(ClassJMP|JumpJA, uint32(-i)))
	}
	return map[string][]Instruction{
		"every-opcode":  every,
		"ancillary":     anc,
		"opcodes-0-1ff": unknown,
		"long-jumps":    jumps,
	}
}

func TestDumpHandGoldens(t *testing.T) {
	for name, prog := range handPrograms() {
		t.Run(name, func(t *testing.T) {
			for _, level := range []DumpFormat{DumpReadable, DumpC, DumpDecimal} {
				path := filepath.Join("testdata", "dump", name+[]string{"", ".d", ".dd", ".ddd"}[level])
				got := Dump(prog, level)
				if *update {
					got = runRef(t, Dump(prog, DumpDecimal), "dump", string(rune('0'+level)))
				}
				checkGolden(t, path, got)
			}
			roundTrip(t, prog)
		})
	}
}

// TestDumpEveryOpcodeLive compares Dump with libpcap's bpf_dump for every
// 16-bit opcode.
func TestDumpEveryOpcodeLive(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	ref := needRef(t)
	_ = ref
	var prog []Instruction
	for op := 0; op < 0x10000; op++ {
		prog = append(prog, Instruction{Op: uint16(op), Jt: uint8(op), Jf: uint8(op >> 8), K: uint32(op) * 0x9e3779b9})
	}
	for _, level := range []DumpFormat{DumpReadable, DumpC} {
		want := runRef(t, Dump(prog, DumpDecimal), "dump", string(rune('0'+level)))
		got := Dump(prog, level)
		if want != got {
			wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
			for i := range wl {
				require.Equal(t, wl[i], gl[i], "level %d line %d", level, i)
			}
		}
	}
}

// exprCase is one tcpdump expression with its three text forms.
type exprCase struct {
	lt, expr   string
	d, dd, ddd string
}

const exprGolden = "testdata/dump/exprs.golden"

// readExprGolden reads testdata/dump/exprs.golden: for each expression a
// "### LINKTYPE<TAB>EXPR" line, then "#-d", "#-dd" and "#-ddd" sections with
// tcpdump's output.
func readExprGolden(t testing.TB) []exprCase {
	f, err := os.Open(exprGolden)
	require.NoError(t, err)
	defer f.Close()
	var cases []exprCase
	var cur *exprCase
	var sect *string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "### "):
			lt, expr, _ := strings.Cut(line[4:], "\t")
			cases = append(cases, exprCase{lt: lt, expr: expr})
			cur = &cases[len(cases)-1]
		case line == "#-d":
			sect = &cur.d
		case line == "#-dd":
			sect = &cur.dd
		case line == "#-ddd":
			sect = &cur.ddd
		default:
			*sect += line + "\n"
		}
	}
	require.NoError(t, sc.Err())
	return cases
}

func writeExprGolden(t testing.TB) {
	data, err := os.ReadFile("testdata/dump/exprs.txt")
	require.NoError(t, err)
	var b strings.Builder
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lt, expr, ok := strings.Cut(line, "\t")
		require.True(t, ok, "bad line %q", line)
		b.WriteString("### " + lt + "\t" + expr + "\n")
		for _, flag := range []string{"-d", "-dd", "-ddd"} {
			out, err := tcpdumpProgram(t, flag, lt, expr)
			require.NoError(t, err, "%s %s", lt, expr)
			b.WriteString("#" + flag + "\n" + out)
		}
	}
	require.NoError(t, os.WriteFile(exprGolden, []byte(b.String()), 0o644))
}

func TestDumpTcpdumpGoldens(t *testing.T) {
	if *update {
		writeExprGolden(t)
	}
	cases := readExprGolden(t)
	require.NotEmpty(t, cases)
	seen := map[uint16]bool{}
	for _, c := range cases {
		prog, err := ParseDDD(c.ddd)
		require.NoError(t, err, c.expr)
		assert.Equal(t, c.d, Dump(prog, DumpReadable), "-d of %q", c.expr)
		assert.Equal(t, c.dd, Dump(prog, DumpC), "-dd of %q", c.expr)
		assert.Equal(t, c.ddd, Dump(prog, DumpDecimal), "-ddd of %q", c.expr)
		fromDD, err := ParseDD(c.dd)
		require.NoError(t, err)
		assert.Equal(t, prog, fromDD)
		for _, ins := range prog {
			seen[ins.Op] = true
		}
	}
	t.Logf("tcpdump programs use %d distinct opcodes", len(seen))
}

// TestDumpTcpdumpLive checks the committed goldens against the installed
// tcpdump, when one is required.
func TestDumpTcpdumpLive(t *testing.T) {
	if !testutil.RequireReference() || *update {
		t.Skip("set PUREPCAP_REQUIRE_REFERENCE=1 to compare with the installed tcpdump")
	}
	for _, c := range readExprGolden(t) {
		out, err := tcpdumpProgram(t, "-d", c.lt, c.expr)
		require.NoError(t, err)
		prog, err := ParseDDD(c.ddd)
		require.NoError(t, err)
		if out != c.d {
			t.Logf("note: tcpdump now compiles %q differently than the golden", c.expr)
			continue
		}
		assert.Equal(t, out, Dump(prog, DumpReadable))
	}
}

func roundTrip(t testing.TB, prog []Instruction) {
	t.Helper()
	p3, err := ParseDDD(Dump(prog, DumpDecimal))
	require.NoError(t, err)
	require.Equal(t, prog, p3)
	p2, err := ParseDD(Dump(prog, DumpC))
	require.NoError(t, err)
	require.Equal(t, prog, p2)
}

func TestDumpLevels(t *testing.T) {
	prog := []Instruction{Stmt(ClassLD|SizeH|ModeABS, 12), Jump(ClassJMP|JumpJEQ|SrcK, 0x800, 0, 1), Stmt(ClassRET|RetK, 262144), Stmt(ClassRET|RetK, 0)}
	assert.Equal(t, "(000) ldh      [12]\n(001) jeq      #0x800           jt 2\tjf 3\n(002) ret      #262144\n(003) ret      #0\n", Dump(prog, DumpReadable))
	assert.Equal(t, Dump(prog, DumpReadable), Dump(prog, 0))
	assert.Equal(t, "{ 0x28, 0, 0, 0x0000000c },\n{ 0x15, 0, 1, 0x00000800 },\n{ 0x6, 0, 0, 0x00040000 },\n{ 0x6, 0, 0, 0x00000000 },\n", Dump(prog, DumpC))
	assert.Equal(t, "4\n40 0 0 12\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n", Dump(prog, DumpDecimal))
	assert.Equal(t, Dump(prog, DumpDecimal), Dump(prog, 4))
	assert.Equal(t, "0\n", Dump(nil, DumpDecimal))
	assert.Equal(t, "", Dump(nil, DumpReadable))
	assert.Equal(t, "ldh      [12]", prog[0].String())
	assert.Equal(t, "ret      #0", prog[3].String())
	assert.Equal(t, "ret", Stmt(ClassRET|RetA, 0).String())
}

func TestParseErrors(t *testing.T) {
	for _, text := range []string{
		"", "x", "2\n6 0 0 0\n", "1\n6 0 0\n", "1\n65536 0 0 0\n", "1\n6 256 0 0\n",
		"1\n6 0 0 4294967296\n", "1 2\n6 0 0 0\n", "1\n6 0 0 -1\n",
	} {
		prog, err := ParseDDD(text)
		assert.Error(t, err, "%q", text)
		assert.Nil(t, prog)
	}
	for _, text := range []string{
		"{ 0x6, 0, 0 },", "{ 0x6, 0, 0, 0x0", "x { 0x6, 0, 0, 0 }", "{ 0x6, 0, 0, 0 } y", "{ 0x10000, 0, 0, 0 }", "{ 08, 0, 0, 0 }",
	} {
		prog, err := ParseDD(text)
		assert.Error(t, err, "%q", text)
		assert.Nil(t, prog)
	}
	prog, err := ParseDDD("4,40 0 0 12,21 0 1 2048,6 0 0 65535,6 0 0 0")
	require.NoError(t, err)
	assert.Len(t, prog, 4)
	prog, err = ParseDD("{ 0x28, 0, 0, 12 }, { 040, 1, 2, 0xffffffff }\n")
	require.NoError(t, err)
	assert.Equal(t, []Instruction{{Op: 0x28, K: 12}, {Op: 0x20, Jt: 1, Jf: 2, K: 0xffffffff}}, prog)
}
