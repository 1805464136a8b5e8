//go:build linux

package pcap

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// The live tests run only as root. Each builds its own pair of network
// namespaces joined by a veth pair and sends traffic only between them (or
// on their loopback devices), then deletes them.

func requireRoot(t testing.TB) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("live capture tests need root (network namespaces and CAP_NET_RAW)")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("live capture tests need the ip command (iproute2)")
	}
}

var nsCounter atomic.Int32

// vethPair is two namespaces, cap and peer, joined by capIf <-> peerIf.
type vethPair struct {
	capNS, peerNS   string
	capIf, peerIf   string
	capIP, peerIP   net.IP
	capMAC, peerMAC net.HardwareAddr
}

func run(t testing.TB, args ...string) string {
	t.Helper()
	out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
	require.NoError(t, err, "%s: %s", strings.Join(args, " "), out)
	return string(out)
}

// newVethPair creates the namespaces and the link, with 10.77.0.1 on the
// capture side and 10.77.0.2 on the peer side, and static neighbour
// entries so no ARP is needed.
func newVethPair(t testing.TB) *vethPair {
	t.Helper()
	requireRoot(t)
	removeStaleNamespaces()
	n := nsCounter.Add(1)
	id := fmt.Sprintf("%d%d", os.Getpid()%100000, n)
	v := &vethPair{
		capNS:  fmt.Sprintf("ppcap-%d-%d", os.Getpid(), n),
		peerNS: fmt.Sprintf("ppeer-%d-%d", os.Getpid(), n),
		capIf:  "pc" + id, peerIf: "pp" + id,
		capIP: net.IPv4(10, 77, 0, 1).To4(), peerIP: net.IPv4(10, 77, 0, 2).To4(),
	}
	run(t, "ip", "netns", "add", v.capNS)
	t.Cleanup(func() { exec.Command("ip", "netns", "del", v.capNS).Run() })
	run(t, "ip", "netns", "add", v.peerNS)
	t.Cleanup(func() { exec.Command("ip", "netns", "del", v.peerNS).Run() })
	for _, ns := range []string{v.capNS, v.peerNS} {
		// No IPv6 chatter (router solicitations, MLD) on the test link.
		run(t, "ip", "netns", "exec", ns, "sh", "-c",
			"echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6")
	}
	run(t, "ip", "-n", v.capNS, "link", "add", v.capIf, "type", "veth", "peer", "name", v.peerIf, "netns", v.peerNS)
	for _, s := range []struct{ ns, ifc, ip string }{{v.capNS, v.capIf, "10.77.0.1/24"}, {v.peerNS, v.peerIf, "10.77.0.2/24"}} {
		run(t, "ip", "-n", s.ns, "addr", "add", s.ip, "dev", s.ifc)
		run(t, "ip", "-n", s.ns, "link", "set", s.ifc, "up")
		run(t, "ip", "-n", s.ns, "link", "set", "lo", "up")
	}
	v.capMAC = linkMAC(t, v.capNS, v.capIf)
	v.peerMAC = linkMAC(t, v.peerNS, v.peerIf)
	run(t, "ip", "-n", v.capNS, "neigh", "replace", "10.77.0.2", "lladdr", v.peerMAC.String(), "dev", v.capIf)
	run(t, "ip", "-n", v.peerNS, "neigh", "replace", "10.77.0.1", "lladdr", v.capMAC.String(), "dev", v.peerIf)
	return v
}

var staleOnce sync.Once

// removeStaleNamespaces deletes the namespaces of earlier test processes
// that were killed before their cleanups ran.
func removeStaleNamespaces() {
	staleOnce.Do(func() {
		ents, _ := os.ReadDir("/run/netns")
		for _, e := range ents {
			var kind string
			var pid, n int
			name := strings.Replace(e.Name(), "-", " ", -1)
			if c, _ := fmt.Sscanf(name, "%s %d %d", &kind, &pid, &n); c != 3 || (kind != "ppcap" && kind != "ppeer") {
				continue
			}
			if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); err == nil {
				continue
			}
			exec.Command("ip", "netns", "del", e.Name()).Run()
		}
	})
}

func linkMAC(t testing.TB, ns, ifc string) net.HardwareAddr {
	t.Helper()
	out := run(t, "ip", "-n", ns, "-o", "link", "show", ifc)
	i := strings.Index(out, "link/ether ")
	require.True(t, i >= 0, out)
	mac, err := net.ParseMAC(strings.Fields(out[i+len("link/ether "):])[0])
	require.NoError(t, err)
	return mac
}

// inNS runs fn on an OS thread moved into namespace ns. Sockets fn creates
// stay in ns and may be used from any goroutine afterwards. The thread is
// moved back and unlocked afterwards, so it is reused rather than thrown
// away (a thread exit per call is expensive, under the race detector
// most); if moving back fails, the thread exits with its goroutine.
func inNS(t testing.TB, ns string, fn func()) {
	t.Helper()
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		back, err := enterNS(ns)
		if err != nil {
			errc <- err // the thread may be anywhere: it exits, locked
			return
		}
		var perr error
		func() {
			defer func() {
				if r := recover(); r != nil {
					perr = fmt.Errorf("panic: %v", r)
				}
			}()
			fn()
		}()
		if back() {
			runtime.UnlockOSThread()
		}
		errc <- perr
	}()
	require.NoError(t, <-errc)
}

// enterNS moves the calling thread, which must be locked, into network
// namespace ns. back moves it back to where it was, and reports whether
// it could.
func enterNS(ns string) (back func() bool, err error) {
	orig, err := os.Open("/proc/thread-self/ns/net")
	if err != nil {
		return nil, err
	}
	f, err := os.Open("/run/netns/" + ns)
	if err != nil {
		orig.Close()
		return nil, err
	}
	defer f.Close()
	if err := unix.Setns(int(f.Fd()), unix.CLONE_NEWNET); err != nil {
		orig.Close()
		return nil, fmt.Errorf("setns %s: %w", ns, err)
	}
	return func() bool {
		defer orig.Close()
		return unix.Setns(int(orig.Fd()), unix.CLONE_NEWNET) == nil
	}, nil
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
	var c *net.UDPConn
	var err error
	inNS(t, ns, func() { c, err = net.ListenUDP("udp4", &net.UDPAddr{IP: src}) })
	require.NoError(t, err)
	t.Cleanup(func() { c.Close() })
	return c
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
