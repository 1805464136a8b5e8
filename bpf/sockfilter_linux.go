package bpf

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Instruction is laid out as the kernel's struct sock_filter, that is as
// unix.SockFilter (whose first field is named Code, not Op, so the two do
// not convert with a plain conversion). These constant indexes fail to
// compile if the size or an offset ever differs.
var (
	_ = [1]struct{}{}[unsafe.Sizeof(Instruction{})-unsafe.Sizeof(unix.SockFilter{})]
	_ = [1]struct{}{}[unsafe.Sizeof(unix.SockFilter{})-unsafe.Sizeof(Instruction{})]
	_ = [1]struct{}{}[unsafe.Offsetof(Instruction{}.Jt)-unsafe.Offsetof(unix.SockFilter{}.Jt)]
	_ = [1]struct{}{}[unsafe.Offsetof(Instruction{}.Jf)-unsafe.Offsetof(unix.SockFilter{}.Jf)]
	_ = [1]struct{}{}[unsafe.Offsetof(Instruction{}.K)-unsafe.Offsetof(unix.SockFilter{}.K)]
)

// ToSockFilter returns prog as the kernel's struct sock_filter array, the
// form SO_ATTACH_FILTER takes, without copying: the result shares prog's
// memory (the two types have the same layout), so writes through either
// slice show in the other. ToSockFilter is Linux only, as x/sys's
// SockFilter is.
func ToSockFilter(prog []Instruction) []unix.SockFilter {
	return reinterpret[unix.SockFilter](prog)
}

// FromSockFilter returns filter as Instructions without copying; the
// result shares filter's memory.
func FromSockFilter(filter []unix.SockFilter) []Instruction {
	return reinterpret[Instruction](filter)
}

// SockFprog returns the struct sock_fprog for prog, ready for
//
//	unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, fprog)
//
// The result points into prog's memory, without copying: keep prog
// unchanged until the setsockopt call returns (the kernel copies the
// program then, and the caller may reuse prog afterwards).
//
// SockFprog checks only what the struct can hold: a program of 1 to
// MaxInstructions (4096) instructions, the kernel's limit. Run
// ValidateKernel first to learn why the kernel would refuse a program
// (with EINVAL) rather than only that it does.
func SockFprog(prog []Instruction) (*unix.SockFprog, error) {
	if len(prog) == 0 || len(prog) > MaxInstructions {
		return nil, fmt.Errorf("bpf: %d instructions, a socket filter has 1 to %d", len(prog), MaxInstructions)
	}
	return &unix.SockFprog{Len: uint16(len(prog)), Filter: &ToSockFilter(prog)[0]}, nil
}
