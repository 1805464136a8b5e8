package bpf

import (
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestValidateVsLibpcap compares Validate with libpcap's bpf_validate on
// random programs. Validate must never accept what libpcap rejects; where
// libpcap 1.10 accepts and Validate rejects, the reason must be one of the
// documented stricter rules.
func TestValidateVsLibpcap(t *testing.T) {
	needRef(t)
	r := rand.New(rand.NewSource(1))
	var progs [][]Instruction
	for i := 0; i < 10000; i++ {
		progs = append(progs, randomProgram(r, genOptions{maxLen: 12, backward: true, sloppy: true}))
	}
	out := strings.Fields(runRef(t, dddPrograms(progs...), "validate"))
	require.Len(t, out, len(progs))
	accepted, stricter := 0, 0
	for i, p := range progs {
		err := Validate(p)
		lib := out[i] == "1"
		if err == nil {
			require.True(t, lib, "Validate accepts what libpcap rejects:\n%s", Dump(p, DumpReadable))
			accepted++
			continue
		}
		if lib {
			stricter++
			msg := err.Error()
			ok := strings.Contains(msg, "unknown opcode") || strings.Contains(msg, "shift by constant") || strings.Contains(msg, "jump to itself")
			require.True(t, ok, "Validate rejects what libpcap accepts (%v):\n%s", err, Dump(p, DumpReadable))
		}
	}
	t.Logf("%d programs: %d accepted by both, %d rejected only by the stricter rules", len(progs), accepted, stricter)
}

// TestRunVsLibpcap runs random valid programs in the VM and in libpcap's
// bpf_filter over the same packets.
func TestRunVsLibpcap(t *testing.T) {
	needRef(t)
	r := rand.New(rand.NewSource(2))
	pkts := testPackets(r)
	dir := t.TempDir()
	pcap := filepath.Join(dir, "p.pcap")
	require.NoError(t, writeTestPcap(pcap, 1, pkts))
	var progs [][]Instruction
	for len(progs) < 5000 {
		p := randomProgram(r, genOptions{maxLen: 24})
		// libpcap 1.10 does not zero scratch memory; compare only
		// programs that write a slot before reading it.
		if Validate(p) != nil || checkScratch(p) != nil {
			continue
		}
		progs = append(progs, p)
	}
	out := strings.Split(strings.TrimSuffix(runRef(t, dddPrograms(progs...), "filter", pcap), "\n"), "\n")
	require.Len(t, out, len(progs))
	for i, p := range progs {
		vm, err := NewVM(p)
		require.NoError(t, err)
		want := parseVerdictLine(t, out[i])
		for j, pkt := range pkts {
			got := vm.Run(pkt.data, pkt.wireLen)
			if got != want[j] {
				t.Fatalf("packet %d (len %d, wire %d): VM %d, libpcap %d, program:\n%s", j, len(pkt.data), pkt.wireLen, got, want[j], Dump(p, DumpReadable))
			}
		}
	}
}
