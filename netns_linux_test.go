//go:build linux

package pcap

import (
	"net"
	"sync"
	"syscall"
	"testing"

	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
	"github.com/stretchr/testify/require"
)

// The live tests run only as root. Each builds its own pair of network
// namespaces joined by a veth pair and sends traffic only between them (or
// on their loopback devices), then deletes them.

// The live tests' namespaces, veth pair and commands come from
// internal/testutil; these are the short names the package's tests use.

func requireRoot(t testing.TB) {
	t.Helper()
	testutil.RequireNetns(t)
}

// vethPair is two namespaces, cap and peer, joined by capIf <-> peerIf.
type vethPair struct {
	capNS, peerNS   string
	capIf, peerIf   string
	capIP, peerIP   net.IP
	capMAC, peerMAC net.HardwareAddr
}

func run(t testing.TB, args ...string) string {
	t.Helper()
	return testutil.Run(t, args...)
}

// newVethPair creates the namespaces and the link (testutil.NewVeth).
func newVethPair(t testing.TB) *vethPair {
	t.Helper()
	v := testutil.NewVeth(t)
	return &vethPair{
		capNS: v.CapNS, peerNS: v.PeerNS, capIf: v.CapIf, peerIf: v.PeerIf,
		capIP: v.CapIP, peerIP: v.PeerIP, capMAC: v.CapMAC, peerMAC: v.PeerMAC,
	}
}

func linkMAC(t testing.TB, ns, ifc string) net.HardwareAddr {
	t.Helper()
	return testutil.LinkMAC(t, ns, ifc)
}

// inNS runs fn on an OS thread moved into namespace ns (testutil.InNS).
func inNS(t testing.TB, ns string, fn func()) {
	t.Helper()
	testutil.InNS(t, ns, fn)
}

// openIn opens a live handle on device inside namespace ns.
func openIn(t testing.TB, ns string, p *InactiveHandle) *Handle {
	t.Helper()
	var h *Handle
	var err error
	inNS(t, ns, func() { h, err = p.Activate() })
	require.NoError(t, err)
	t.Cleanup(func() { h.Close() })
	return h
}

// udpSender returns a UDP socket in namespace ns bound to src (port 0:
// any).
func udpSender(t testing.TB, ns string, src net.IP) *net.UDPConn {
	t.Helper()
	return testutil.UDPSender(t, ns, src)
}

// inBackground runs step over and over in a goroutine until the returned
// stop is called (stop waits for it), or until step returns false.
func inBackground(step func() bool) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			if !step() {
				return
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// udpSocketTo9 returns a UDP socket in the peer namespace connected to the
// capture side's port 9, closed when the test ends.
func udpSocketTo9(t testing.TB, v *vethPair) int {
	t.Helper()
	var fd int
	var err error
	inNS(t, v.peerNS, func() {
		fd, err = syscall.Socket(syscall.AF_INET, syscall.SOCK_DGRAM, 0)
		if err == nil {
			err = syscall.Connect(fd, &syscall.SockaddrInet4{Port: 9, Addr: [4]byte(v.capIP.To4())})
		}
	})
	require.NoError(t, err)
	t.Cleanup(func() { syscall.Close(fd) })
	return fd
}

// promiscuity returns the device's promiscuity count as ip -d shows it.
func promiscuity(t testing.TB, ns, ifc string) int {
	t.Helper()
	return testutil.Promiscuity(t, ns, ifc)
}

// requireCompiler skips tests whose filter expressions the compiler can't
// handle yet.
func requireCompiler(t testing.TB, exprs ...string) {
	t.Helper()
	for _, e := range exprs {
		if _, err := compile.Compile(e, linktype.Ethernet, compile.Options{LiveLinux: true}); err != nil {
			t.Skipf("the filter compiler can't compile %q yet: %v", e, err)
		}
	}
}
