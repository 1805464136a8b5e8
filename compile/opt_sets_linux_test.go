package compile_test

import (
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"

	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
)

// TestSetsKernelAccepts attaches the programs of 1,000-member lists to a
// UDP socket: the kernel's checker (length, jumps, scratch words stored
// before they are loaded on every path) accepts them.
func TestSetsKernelAccepts(t *testing.T) {
	r := rand.New(rand.NewPCG(50, 60))
	for _, c := range setCases(r, 1000) {
		prog, err := compile.Compile(c.expr, linktype.Ethernet, compile.Options{Optimize: true})
		require.NoError(t, err, c.name)
		fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
		require.NoError(t, err)
		fp := unix.SockFprog{Len: uint16(len(prog)), Filter: (*unix.SockFilter)(unsafe.Pointer(&prog[0]))}
		err = unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fp)
		unix.Close(fd)
		require.NoError(t, err, "%s: %d insns", c.name, len(prog))
	}
}
