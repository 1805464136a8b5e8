package testutil

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/sys/unix"
)

// The live tests run only as root. Each builds its own pair of network
// namespaces joined by a veth pair and sends traffic only between them (or
// on their loopback devices), then deletes them.

// RequireNetns skips the test unless it runs as root with the ip command,
// which network namespaces need.
func RequireNetns(t testing.TB) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("live capture tests need root (network namespaces and CAP_NET_RAW)")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("live capture tests need the ip command (iproute2)")
	}
}

// Run runs a command and returns its combined output, failing the test
// when it fails.
func Run(t testing.TB, args ...string) string {
	t.Helper()
	out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

var nsCounter atomic.Int32

// Veth is two namespaces, Cap and Peer, joined by CapIf <-> PeerIf.
type Veth struct {
	CapNS, PeerNS   string
	CapIf, PeerIf   string
	CapIP, PeerIP   net.IP
	CapMAC, PeerMAC net.HardwareAddr
}

// NewVeth creates the namespaces and the link, with 10.77.0.1 on the
// capture side and 10.77.0.2 on the peer side, and static neighbour
// entries so no ARP is needed. It skips the test unless RequireNetns
// passes; the namespaces are deleted when the test ends.
func NewVeth(t testing.TB) *Veth {
	t.Helper()
	RequireNetns(t)
	removeStaleNamespaces()
	n := nsCounter.Add(1)
	id := fmt.Sprintf("%d%d", os.Getpid()%100000, n)
	v := &Veth{
		CapNS:  fmt.Sprintf("ppcap-%d-%d", os.Getpid(), n),
		PeerNS: fmt.Sprintf("ppeer-%d-%d", os.Getpid(), n),
		CapIf:  "pc" + id, PeerIf: "pp" + id,
		CapIP: net.IPv4(10, 77, 0, 1).To4(), PeerIP: net.IPv4(10, 77, 0, 2).To4(),
	}
	Run(t, "ip", "netns", "add", v.CapNS)
	t.Cleanup(func() { exec.Command("ip", "netns", "del", v.CapNS).Run() })
	Run(t, "ip", "netns", "add", v.PeerNS)
	t.Cleanup(func() { exec.Command("ip", "netns", "del", v.PeerNS).Run() })
	for _, ns := range []string{v.CapNS, v.PeerNS} {
		// No IPv6 chatter (router solicitations, MLD) on the test link.
		Run(t, "ip", "netns", "exec", ns, "sh", "-c",
			"echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6")
	}
	Run(t, "ip", "-n", v.CapNS, "link", "add", v.CapIf, "type", "veth", "peer", "name", v.PeerIf, "netns", v.PeerNS)
	for _, s := range []struct{ ns, ifc, ip string }{{v.CapNS, v.CapIf, "10.77.0.1/24"}, {v.PeerNS, v.PeerIf, "10.77.0.2/24"}} {
		Run(t, "ip", "-n", s.ns, "addr", "add", s.ip, "dev", s.ifc)
		Run(t, "ip", "-n", s.ns, "link", "set", s.ifc, "up")
		Run(t, "ip", "-n", s.ns, "link", "set", "lo", "up")
	}
	v.CapMAC = LinkMAC(t, v.CapNS, v.CapIf)
	v.PeerMAC = LinkMAC(t, v.PeerNS, v.PeerIf)
	Run(t, "ip", "-n", v.CapNS, "neigh", "replace", "10.77.0.2", "lladdr", v.PeerMAC.String(), "dev", v.CapIf)
	Run(t, "ip", "-n", v.PeerNS, "neigh", "replace", "10.77.0.1", "lladdr", v.CapMAC.String(), "dev", v.PeerIf)
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

// LinkMAC returns the MAC address of device ifc in namespace ns.
func LinkMAC(t testing.TB, ns, ifc string) net.HardwareAddr {
	t.Helper()
	out := Run(t, "ip", "-n", ns, "-o", "link", "show", ifc)
	i := strings.Index(out, "link/ether ")
	if i < 0 {
		t.Fatalf("no MAC address in %q", out)
	}
	mac, err := net.ParseMAC(strings.Fields(out[i+len("link/ether "):])[0])
	if err != nil {
		t.Fatal(err)
	}
	return mac
}

// InNS runs fn on an OS thread moved into namespace ns, in a goroutine of
// its own, and waits for it. Sockets fn creates stay in ns and may be used
// from any goroutine afterwards. The thread is moved back and unlocked
// afterwards, so it is reused rather than thrown away (a thread exit per
// call is expensive, under the race detector most); if moving back fails,
// the thread exits with its goroutine. A panic in fn, or fn ending its
// goroutine (t.FailNow and require do: call them after InNS, not in fn),
// fails the test.
func InNS(t testing.TB, ns string, fn func()) {
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
		returned := false
		defer func() {
			if !returned { // runtime.Goexit: the locked thread exits too
				errc <- fmt.Errorf("the function run in namespace %s ended its goroutine (t.FailNow?)", ns)
			}
		}()
		func() {
			defer func() {
				if r := recover(); r != nil {
					perr = fmt.Errorf("panic: %v", r)
				}
			}()
			fn()
		}()
		returned = true
		if back() {
			runtime.UnlockOSThread()
		}
		errc <- perr
	}()
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
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

// UDPSender returns a UDP socket in namespace ns bound to src (port 0:
// any), closed when the test ends.
func UDPSender(t testing.TB, ns string, src net.IP) *net.UDPConn {
	t.Helper()
	var c *net.UDPConn
	var err error
	InNS(t, ns, func() { c, err = net.ListenUDP("udp4", &net.UDPAddr{IP: src}) })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

var promiscRE = regexp.MustCompile(`promiscuity (\d+)`)

// Promiscuity returns the promiscuity count of device ifc in namespace ns,
// as ip -d shows it.
func Promiscuity(t testing.TB, ns, ifc string) int {
	t.Helper()
	out := Run(t, "ip", "-n", ns, "-d", "link", "show", ifc)
	m := promiscRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no promiscuity in %q", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
