package compile_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
)

// TestOptimizedProgramsAgainstLibpcap compiles a fresh batch of random
// expressions with the optimizer and with libpcap (testdata/opt/programs.c,
// built with gcc against libpcap-dev) and requires the same program,
// instruction by instruction, or the same error. Set
// PUREPCAP_OPT_SEED to repeat a batch.
func TestOptimizedProgramsAgainstLibpcap(t *testing.T) {
	optCompareWithLibpcap(t, false)
}

// TestOptimizedLiveProgramsAgainstLibpcap does the same for Ethernet
// expressions compiled for a live Linux socket (libpcap on a live handle
// of lo), where VLAN tests use packet metadata. It needs root.
func TestOptimizedLiveProgramsAgainstLibpcap(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("live Linux handles only on Linux")
	}
	if os.Geteuid() != 0 {
		t.Skip("opening a live handle on lo needs root")
	}
	optCompareWithLibpcap(t, true)
}

func optCompareWithLibpcap(t *testing.T, live bool) {
	bin := optBuildPrograms(t)
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("PUREPCAP_OPT_SEED"); s != "" {
		var err error
		seed, err = strconv.ParseUint(s, 10, 64)
		require.NoError(t, err)
	}
	cases := diffRandomCases(seed, 2000, diffCaptures(t))
	var args []string
	if live {
		args = []string{"-live", "lo"}
		var eth []diffCase
		for _, c := range cases {
			if c.lt == linktype.Ethernet {
				eth = append(eth, c)
			}
		}
		cases = eth
	}
	var in bytes.Buffer
	for _, c := range cases {
		in.WriteString(c.lt.Name() + "\t" + c.expr + "\n")
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin = &in
	out, err := cmd.Output()
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	require.Len(t, lines, len(cases))
	var same, bad, known int
	for i, c := range cases {
		want := lines[i]
		got := "E\t"
		prog, err := compile.Compile(c.expr, c.lt, compile.Options{Optimize: true, LiveLinux: live})
		var ce *compile.Error
		switch {
		case errors.As(err, &ce):
			got += ce.Msg
		case err != nil:
			got += err.Error()
		default:
			got = optFormat(prog)
		}
		if strings.HasPrefix(want, "E\t") && strings.HasPrefix(got, "E\t") {
			same++ // error texts are the code generator's business
			continue
		}
		if got == want {
			same++
			continue
		}
		if live && optLibpcapLayoutBug(t, c, want) {
			known++
			compile.CheckLiveVLANFrames(t, c.expr) // ours is right
			if known <= 3 {
				t.Logf("%v: libpcap 1.10.3 lays out its VLAN metadata jump wrongly (known; ours differs on purpose)", c)
			}
			continue
		}
		bad++
		if bad <= 5 {
			t.Errorf("%v: programs differ (PUREPCAP_OPT_SEED=%d)\nours:    %s\nlibpcap: %s", c, seed, got, want)
		}
	}
	t.Logf("seed %d (live %v): %d cases, %d identical, %d libpcap layout bugs", seed, live, len(cases), same, known)
}

// optLibpcapLayoutBug reports whether want, libpcap's outcome for c, is
// what our optimizer gives with libpcap 1.10.3's wrong layout of the jumps
// among a block's statements (live Linux "vlan ID", see
// opt_live_test.go): then libpcap's program (or its "no destination found"
// error) is the known bug and ours, correctly laid out, differs on purpose.
func optLibpcapLayoutBug(t *testing.T, c diffCase, want string) bool {
	un, err := compile.Compile(c.expr, c.lt, compile.Options{LiveLinux: true})
	if err != nil {
		return false
	}
	prog, err := compile.OptimizeLibpcapLayout(un)
	got := ""
	var ce *compile.Error
	switch {
	case errors.As(err, &ce):
		got = "E\t" + ce.Msg
	case err != nil:
		return false
	default:
		got = optFormat(prog)
	}
	return got == want
}

func optFormat(prog []bpf.Instruction) string {
	var b strings.Builder
	fmt.Fprintf(&b, "P\t%d", len(prog))
	for _, ins := range prog {
		fmt.Fprintf(&b, " %d %d %d %d", ins.Op, ins.Jt, ins.Jf, ins.K)
	}
	return b.String()
}

// optBuildPrograms builds testdata/opt/programs.c, or skips (fails with
// PUREPCAP_REQUIRE_REFERENCE=1) without gcc and libpcap-dev.
func optBuildPrograms(t *testing.T) string {
	return testutil.LibpcapHelper(t, filepath.Join("testdata", "opt", "programs.c"))
}

// TestOptimizeFromItemsMatchesFlat checks that optimizing straight from
// the emitted items (opt.Builder) gives the programs and errors that
// optimizing the flat program gives, on random expressions of every link
// type the differential tests use, for files and for live Linux sockets.
func TestOptimizeFromItemsMatchesFlat(t *testing.T) {
	compileAll := func(cases []diffCase, live bool) []string {
		out := make([]string, len(cases))
		for i, c := range cases {
			prog, err := compile.Compile(c.expr, c.lt, compile.Options{Optimize: true, LiveLinux: live})
			if err != nil {
				out[i] = "error: " + err.Error()
			} else {
				out[i] = bpf.Dump(prog, 1)
			}
		}
		return out
	}
	cases := diffRandomCases(11, 3000, diffCaptures(t))
	for _, live := range []bool{false, true} {
		fromItems := compileAll(cases, live)
		restore := compile.OptimizeFromItems(false)
		flat := compileAll(cases, live)
		restore()
		for i, c := range cases {
			require.Equal(t, flat[i], fromItems[i], "%v (live %v)", c, live)
		}
	}
}
