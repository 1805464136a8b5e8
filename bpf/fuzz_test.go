package bpf

import (
	"encoding/binary"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// Fuzz inputs encode a program as 8 bytes per instruction (op and k little
// endian: op[2] jt jf k[4]), preceded by one byte with the instruction
// count; the bytes after the program are the packet.

func decodeFuzz(data []byte) ([]Instruction, []byte) {
	if len(data) == 0 {
		return nil, nil
	}
	n := int(data[0])
	data = data[1:]
	if n*8 > len(data) {
		n = len(data) / 8
	}
	prog := make([]Instruction, n)
	for i := range prog {
		b := data[i*8:]
		prog[i] = Instruction{Op: binary.LittleEndian.Uint16(b), Jt: b[2], Jf: b[3], K: binary.LittleEndian.Uint32(b[4:])}
	}
	return prog, data[n*8:]
}

func encodeFuzz(prog []Instruction, pkt []byte) []byte {
	out := []byte{byte(len(prog))}
	for _, ins := range prog {
		var b [8]byte
		binary.LittleEndian.PutUint16(b[0:], ins.Op)
		b[2], b[3] = ins.Jt, ins.Jf
		binary.LittleEndian.PutUint32(b[4:], ins.K)
		out = append(out, b[:]...)
	}
	return append(out, pkt...)
}

func fuzzSeeds(f *testing.F) {
	f.Add(encodeFuzz(mustParse(f, tcpPort80), httpPacket()))
	r := rand.New(rand.NewSource(4))
	pkts := testPackets(r)
	for i := 0; i < 20; i++ {
		p := randomProgram(r, genOptions{maxLen: 30, backward: i%3 == 0, sloppy: i%4 == 0})
		f.Add(encodeFuzz(p, pkts[r.Intn(len(pkts))].data))
	}
}

// checkDecoded verifies the invariant the VM's unchecked instruction fetch
// relies on: every jump target of the decoded program is inside it.
func checkDecoded(t testing.TB, vm *VM) {
	n := uint32(len(vm.prog))
	for i, in := range vm.prog {
		if in.op == opJa || in.op == opJaBack || (in.op >= opJeqK && in.op <= opJsetX) || in.op >= opLdWJeq {
			require.Less(t, in.jt&^retFlag, n, "instruction %d", i)
			if in.op != opJa && in.op != opJaBack {
				require.Less(t, in.jf&^retFlag, n, "instruction %d", i)
			}
		}
		if in.jt&retFlag != 0 {
			require.Equal(t, opRetK, vm.prog[in.jt&^retFlag].op)
		}
	}
	require.Contains(t, []uint8{opRetK, opRetA}, vm.prog[n-1].op)
}

// FuzzVM: programs that pass Validate never panic or read out of bounds,
// with or without metadata, and the VM agrees with the step interpreter;
// kernel-valid programs are valid for the VM.
func FuzzVM(f *testing.F) {
	fuzzSeeds(f)
	md := &Metadata{Protocol: 0x800, VLANPresent: true, VLANTCI: 5, IfIndex: 2}
	f.Fuzz(func(t *testing.T, data []byte) {
		prog, pkt := decodeFuzz(data)
		Interpret(prog, pkt, len(pkt), md, nil) // must end, without a panic, on any program
		err := Validate(prog)
		if ValidateKernel(prog) == nil {
			require.NoError(t, err)
		}
		vm, verr := NewVM(prog)
		if err != nil {
			require.Error(t, verr)
			require.Nil(t, vm)
			return
		}
		require.NoError(t, verr)
		checkDecoded(t, vm)
		for _, p := range [][]byte{pkt, nil, pkt[:len(pkt)/2]} {
			vm.Run(p, len(pkt))
			vm.RunMeta(p, len(pkt), md)
			// The fast machine and the step interpreter agree.
			for _, m := range []*Metadata{nil, md} {
				v, o := vm.RunOutcome(p, len(pkt), m)
				iv, io := Interpret(prog, p, len(pkt), m, nil)
				require.Equal(t, io, o)
				require.Equal(t, iv, v)
			}
		}
	})
}

// FuzzDumpParse: every program's -dd and -ddd text parses back to it, and
// -d never panics.
func FuzzDumpParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		prog, _ := decodeFuzz(data)
		_ = Dump(prog, DumpReadable)
		p3, err := ParseDDD(Dump(prog, DumpDecimal))
		require.NoError(t, err)
		require.Equal(t, len(prog), len(p3))
		if len(prog) > 0 {
			require.Equal(t, prog, p3)
		}
		p2, err := ParseDD(Dump(prog, DumpC))
		require.NoError(t, err)
		if len(prog) > 0 {
			require.Equal(t, prog, p2)
		}
	})
}

// FuzzParse: the parsers never panic on arbitrary text; an error means a
// nil result, and what parses prints and parses back the same.
func FuzzParse(f *testing.F) {
	f.Add(tcpPort80)
	f.Add(Dump(mustParse(f, tcpPort80), DumpC))
	f.Add("4,40 0 0 12,21 0 1 2048,6 0 0 65535,6 0 0 0")
	f.Add("{ 0x6, 0, 0, 0 }")
	f.Fuzz(func(t *testing.T, text string) {
		for _, parse := range []func(string) ([]Instruction, error){ParseDDD, ParseDD} {
			prog, err := parse(text)
			if err != nil {
				require.Nil(t, prog)
				continue
			}
			again, err := ParseDDD(Dump(prog, DumpDecimal))
			require.NoError(t, err)
			require.Equal(t, len(prog), len(again))
			if len(prog) > 0 {
				require.Equal(t, prog, again)
			}
		}
	})
}

// TestWriteFuzzSeeds writes the seed corpus under testdata/fuzz with
// -update: libpcap programs from the differential test, with a packet.
func TestWriteFuzzSeeds(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/fuzz")
	}
	cases := readMachineCases(t)
	pkts, err := readTestPcap(filepath.Join(machineDir, "EN10MB.pcap"))
	require.NoError(t, err)
	for _, name := range []string{"FuzzVM", "FuzzDumpParse"} {
		dir := filepath.Join("testdata", "fuzz", name)
		require.NoError(t, os.RemoveAll(dir))
		require.NoError(t, os.MkdirAll(dir, 0o755))
		for i, c := range cases {
			if i%8 != 0 || c.lt != "EN10MB" {
				continue
			}
			prog, err := ParseDDD(c.ddd)
			require.NoError(t, err)
			if len(prog) > 255 {
				continue
			}
			pkt := pkts[i%len(pkts)].data
			data := encodeFuzz(prog, pkt[:min(len(pkt), 256)])
			body := "go test fuzz v1\n[]byte(" + strconv.Quote(string(data)) + ")\n"
			require.NoError(t, os.WriteFile(filepath.Join(dir, "libpcap-"+strconv.Itoa(i)), []byte(body), 0o644))
		}
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzParse")
	require.NoError(t, os.RemoveAll(dir))
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for i, c := range cases {
		if i%20 != 0 {
			continue
		}
		body := "go test fuzz v1\nstring(" + strconv.Quote(c.ddd) + ")\n"
		require.NoError(t, os.WriteFile(filepath.Join(dir, "ddd-"+strconv.Itoa(i)), []byte(body), 0o644))
	}
}
