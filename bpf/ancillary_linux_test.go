package bpf

import (
	"encoding/binary"
	"errors"
	"net"
	"os"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// TestAncillaryAgreesWithKernel checks the meaning of Metadata against the
// kernel: packet sockets on the loopback device get filters that test one
// ancillary field each ("ld [proto]; jeq #0x800" ...); for every packet the
// kernel delivers, the VM, given the metadata the kernel reports with the
// packet (sockaddr_ll), must accept it too. Needs root (CAP_NET_RAW); the
// traffic is one UDP datagram to 127.0.0.1.
func TestAncillaryAgreesWithKernel(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root for packet sockets")
	}
	lo, err := net.InterfaceByName("lo")
	if err != nil {
		t.Skipf("no loopback interface: %v", err)
	}
	udp, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	defer udp.Close()
	port := uint32(udp.LocalAddr().(*net.UDPAddr).Port)

	type check struct {
		name string
		op   uint16
		ad   uint32
		want uint32
	}
	checks := []check{
		{"proto", ClassLD | SizeW | ModeABS, AdProtocol, 0x0800},
		{"proto half", ClassLD | SizeH | ModeABS, AdProtocol, 0x0800},
		{"proto byte", ClassLD | SizeB | ModeABS, AdProtocol, 0x0800},
		{"type host", ClassLD | SizeW | ModeABS, AdPktType, unix.PACKET_HOST},
		{"type outgoing", ClassLD | SizeW | ModeABS, AdPktType, unix.PACKET_OUTGOING},
		{"ifidx", ClassLD | SizeW | ModeABS, AdIfIndex, uint32(lo.Index)},
		{"hatype", ClassLD | SizeH | ModeABS, AdHAType, unix.ARPHRD_LOOPBACK},
		{"vlanp", ClassLD | SizeB | ModeABS, AdVLANTagPresent, 0},
	}
	type sock struct {
		fd   int
		prog []Instruction
		vm   *VM
	}
	var socks []sock
	for _, c := range checks {
		// udp dst port at 14+20+2 on loopback's Ethernet-like framing.
		prog := []Instruction{
			Stmt(ClassLD|SizeH|ModeABS, 36),
			Jump(ClassJMP|JumpJEQ|SrcK, port, 0, 3),
			Stmt(c.op, Ancillary(c.ad)),
			Jump(ClassJMP|JumpJEQ|SrcK, c.want, 0, 1),
			Stmt(ClassRET|RetK, 0xffff),
			Stmt(ClassRET|RetK, 0),
		}
		require.NoError(t, ValidateKernel(prog))
		fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, int(htons(unix.ETH_P_ALL)))
		if errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES) {
			t.Skipf("no packet sockets: %v", err)
		}
		require.NoError(t, err)
		defer unix.Close(fd)
		fprog, err := SockFprog(prog)
		require.NoError(t, err)
		require.NoError(t, unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, fprog))
		require.NoError(t, unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: lo.Index}))
		require.NoError(t, unix.SetsockoptTimeval(fd, unix.SOL_SOCKET, unix.SO_RCVTIMEO, &unix.Timeval{Usec: 200000}))
		vm, err := NewVM(prog)
		require.NoError(t, err)
		socks = append(socks, sock{fd, prog, vm})
	}

	conn, err := net.DialUDP("udp4", nil, udp.LocalAddr().(*net.UDPAddr))
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("purepcap ancillary test"))
	require.NoError(t, err)

	buf := make([]byte, 2048)
	for i, s := range socks {
		got := 0
		deadline := time.Now().Add(2 * time.Second)
		for time.Now().Before(deadline) {
			n, from, err := unix.Recvfrom(s.fd, buf, 0)
			if errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EINTR) {
				break
			}
			require.NoError(t, err)
			sll, ok := from.(*unix.SockaddrLinklayer)
			require.True(t, ok)
			md := &Metadata{
				Protocol: htons(sll.Protocol), // sockaddr_ll holds it in network order
				PktType:  sll.Pkttype,
				IfIndex:  uint32(sll.Ifindex),
				HAType:   sll.Hatype,
			}
			got++
			require.Equal(t, uint32(0xffff), s.vm.RunMeta(buf[:n], n, md),
				"%s: the kernel delivered a packet that RunMeta rejects (metadata %+v)", checks[i].name, md)
			require.Zero(t, s.vm.Run(buf[:n], n), "without metadata an ancillary load fails")
		}
		require.NotZero(t, got, "%s: the kernel delivered nothing", checks[i].name)
	}
}

func htons(v uint16) uint16 {
	var b [2]byte
	binary.BigEndian.PutUint16(b[:], v)
	return *(*uint16)(unsafe.Pointer(&b[0]))
}
