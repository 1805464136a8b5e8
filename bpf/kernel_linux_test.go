package bpf

import (
	"errors"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// kernelAccepts attaches prog to a UDP socket with SO_ATTACH_FILTER and
// reports whether the kernel's classic-BPF checker accepted it.
func kernelAccepts(t testing.TB, fd int, prog []Instruction) bool {
	t.Helper()
	fprog, err := SockFprog(prog)
	if err != nil { // let the kernel judge the lengths SockFprog refuses too
		fprog = &unix.SockFprog{Len: uint16(len(prog))}
		if len(prog) > 0 {
			fprog.Filter = &ToSockFilter(prog)[0]
		}
	}
	err = unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, fprog)
	if err == nil {
		return true
	}
	require.True(t, errors.Is(err, unix.EINVAL), "unexpected error %v", err)
	return false
}

// TestValidateKernelVsLinux checks ValidateKernel against the running
// kernel: it must never accept a program the kernel rejects, and should not
// reject one the kernel accepts.
func TestValidateKernelVsLinux(t *testing.T) {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Skipf("cannot open a UDP socket: %v", err)
	}
	defer unix.Close(fd)

	var progs [][]Instruction
	// Edge cases.
	ret := Stmt(ClassRET|RetK, 1)
	for _, op := range knownOps() {
		for _, k := range []uint32{0, 1, 15, 16, 31, 32, 0xffffffff, 0xfffff000, Ancillary(AdVLANTag), Ancillary(AdVLANTPID), Ancillary(AdMax), Ancillary(2), uint32(SKFNetOff & 0xffffffff), uint32(SKFLLOff & 0xffffffff), 0x80000000} {
			progs = append(progs,
				[]Instruction{{Op: op, K: k}, ret},
				[]Instruction{{Op: op, K: k}, ret, ret},
				[]Instruction{Stmt(ClassST, 0), Stmt(ClassSTX, 15), {Op: op, K: k, Jt: 1}, ret, ret})
		}
	}
	progs = append(progs, nil, make([]Instruction, MaxInstructions+1), []Instruction{Stmt(ClassRET|RetX, 0)})
	long := make([]Instruction, MaxInstructions)
	for i := range long {
		long[i] = ret
	}
	progs = append(progs, long)
	for op := 0; op < 0x200; op++ {
		progs = append(progs, []Instruction{{Op: uint16(op)}, ret})
	}
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 6000; i++ {
		progs = append(progs, randomProgram(r, genOptions{maxLen: 10, sloppy: i%2 == 0}))
	}
	// Scratch-memory flow cases.
	for i := 0; i < 3000; i++ {
		p := randomProgram(r, genOptions{maxLen: 8})
		for j := range p[:len(p)-1] {
			if r.Intn(2) == 0 {
				p[j] = Stmt([]uint16{ClassST, ClassSTX, ClassLD | ModeMEM, ClassLDX | ModeMEM}[r.Intn(4)], uint32(r.Intn(3)))
			}
		}
		progs = append(progs, p)
	}

	accepted, tooStrict := 0, 0
	for _, p := range progs {
		kern := kernelAccepts(t, fd, p)
		err := ValidateKernel(p)
		if err == nil {
			require.True(t, kern, "ValidateKernel accepts a program the kernel rejects:\n%s", Dump(p, DumpReadable))
			accepted++
			require.NoError(t, Validate(p), "a kernel-valid program must be valid for the VM:\n%s", Dump(p, DumpReadable))
		} else if kern {
			tooStrict++
			t.Errorf("ValidateKernel rejects a program the kernel accepts (%v):\n%s", err, Dump(p, DumpReadable))
		}
	}
	t.Logf("%d programs: %d accepted by both, %d rejected only by ValidateKernel", len(progs), accepted, tooStrict)
}
