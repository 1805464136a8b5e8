package compile

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// TestOptimizeAgainstLibpcapPrograms compares optimize's output with
// libpcap's optimized programs instruction by instruction. It needs a
// reference file made with libpcap (PUREPCAP_OPT_REF: lines of
// "P n code jt jf k ..." or "E msg", optimized then unoptimized, for the
// cases in PUREPCAP_OPT_CASES: "LINKTYPE<TAB>EXPR").
func TestOptimizeAgainstLibpcapPrograms(t *testing.T) {
	refPath, casesPath := os.Getenv("PUREPCAP_OPT_REF"), os.Getenv("PUREPCAP_OPT_CASES")
	if refPath == "" || casesPath == "" {
		t.Skip("PUREPCAP_OPT_REF and PUREPCAP_OPT_CASES not set")
	}
	cf, err := os.Open(casesPath)
	if err != nil {
		t.Fatal(err)
	}
	defer cf.Close()
	rf, err := os.Open(refPath)
	if err != nil {
		t.Fatal(err)
	}
	defer rf.Close()
	cs, rs := bufio.NewScanner(cf), bufio.NewScanner(rf)
	cs.Buffer(nil, 1<<20)
	rs.Buffer(nil, 1<<24)
	var bothErr, total, same, errSame, unoptBad, shown, ourLen, refLen int
	for cs.Scan() && rs.Scan() {
		f := strings.SplitN(cs.Text(), "\t", 2)
		r := strings.SplitN(rs.Text(), "\t", 4)
		lt, ok := linktype.Parse(f[0])
		if !ok {
			continue
		}
		total++
		refOpt, refOptErr := parseRef(r[0], r[1])
		refUn, _ := parseRef(r[2], r[3])
		un, err := Compile(f[1], Options{LinkType: lt, LiveLinux: os.Getenv("PUREPCAP_OPT_LIVE") == "1"})
		if err != nil && r[2] == "E" {
			bothErr++
			continue
		}
		if err != nil || !(sameProg(un, refUn) || sameProg(relayout(un), refUn)) {
			unoptBad++
			if unoptBad < 400 && !strings.Contains(f[1], "protochain") && len(un) < 40 {
				t.Logf("UNOPT %s %q err %v\n%s\nlibpcap:\n%s", f[0], f[1], err, bpf.Dump(un, 1), bpf.Dump(refUn, 1))
			}
			continue
		}
		got, gerr := optimize(append([]bpf.Instruction(nil), un...))
		switch {
		case refOptErr != "" && gerr != nil && gerr.(*Error).Msg == refOptErr:
			errSame++
			continue
		case refOptErr == "" && gerr == nil && sameProg(got, refOpt):
			same++
			ourLen += len(got)
			refLen += len(refOpt)
			continue
		}
		if gerr == nil && refOptErr == "" {
			ourLen += len(got)
			refLen += len(refOpt)
		}
		if shown < 15 {
			shown++
			t.Logf("MISMATCH %s %q\nours (err %v):\n%s\nlibpcap (err %q):\n%s", f[0], f[1], gerr, bpf.Dump(got, 1), refOptErr, bpf.Dump(refOpt, 1))
		}
	}
	t.Logf("both fail unoptimized: %d", bothErr)
	t.Logf("cases %d: identical programs %d, same errors %d, unoptimized differs %d; instructions ours %d libpcap %d",
		total, same, errSame, unoptBad, ourLen, refLen)
}

func parseRef(kind, body string) ([]bpf.Instruction, string) {
	if kind == "E" {
		return nil, body
	}
	f := strings.Fields(body)
	n, _ := strconv.Atoi(f[0])
	prog := make([]bpf.Instruction, n)
	for i := range prog {
		v := func(j int) uint64 { x, _ := strconv.ParseUint(f[1+4*i+j], 10, 32); return x }
		prog[i] = bpf.Instruction{Op: uint16(v(0)), Jt: uint8(v(1)), Jf: uint8(v(2)), K: uint32(v(3))}
	}
	return prog, ""
}

func sameProg(a, b []bpf.Instruction) bool {
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// relayout parses prog into blocks and lays it out again, unoptimized.
func relayout(prog []bpf.Instruction) []bpf.Instruction {
	root, _, ok := buildCFG(prog, maxOptBlocks)
	if !ok {
		return prog
	}
	o := &optimizer{root: root}
	o.numberBlocks()
	return o.linearize()
}
