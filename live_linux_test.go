//go:build linux

package pcap

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
)

// udpDstPort9 is "udp and dst port 9" on Ethernet, written by hand (no
// fragments check needed for the test's traffic).
var udpDstPort9 = []bpf.Instruction{
	bpf.Stmt(bpf.ClassLD|bpf.SizeH|bpf.ModeABS, 12),
	bpf.Jump(bpf.ClassJMP|bpf.JumpJEQ|bpf.SrcK, 0x0800, 0, 6),
	bpf.Stmt(bpf.ClassLD|bpf.SizeB|bpf.ModeABS, 23),
	bpf.Jump(bpf.ClassJMP|bpf.JumpJEQ|bpf.SrcK, 17, 0, 4),
	bpf.Stmt(bpf.ClassLDX|bpf.SizeB|bpf.ModeMSH, 14),
	bpf.Stmt(bpf.ClassLD|bpf.SizeH|bpf.ModeIND, 16),
	bpf.Jump(bpf.ClassJMP|bpf.JumpJEQ|bpf.SrcK, 9, 0, 1),
	bpf.Stmt(bpf.ClassRET|bpf.RetK, 262144),
	bpf.Stmt(bpf.ClassRET|bpf.RetK, 0),
}

// openLive activates a handle on interface ifname, in v's capture
// namespace, with read timeout timeout and, unless prog is nil, filter
// program prog; the test closes it.
func openLive(t testing.TB, v *vethPair, ifname string, timeout time.Duration, prog []bpf.Instruction) *Handle {
	t.Helper()
	p, err := NewInactiveHandle(ifname)
	require.NoError(t, err)
	require.NoError(t, p.SetTimeout(timeout))
	if prog != nil {
		require.NoError(t, p.SetBPFInstructionFilter(prog))
	}
	return openIn(t, v.capNS, p)
}

func udpDstPort(pkt []byte) int { return testutil.UDPDstPort(pkt) }

func TestLiveRawFilter(t *testing.T) {
	v := newVethPair(t)
	h := openLive(t, v, v.capIf, 200*time.Millisecond, udpDstPort9)
	assert.Equal(t, linktype.Ethernet, h.LinkType())

	c := udpSender(t, v.peerNS, v.peerIP)
	for i := 0; i < 50; i++ {
		for _, port := range []int{9, 10} {
			_, err := c.WriteToUDP([]byte("hello"), &net.UDPAddr{IP: v.capIP, Port: port})
			require.NoError(t, err)
		}
	}
	got := 0
	for got < 50 {
		data, ci, err := h.ZeroCopyReadPacketData()
		require.NoError(t, err)
		require.Equal(t, 9, udpDstPort(data), "%x", data)
		require.Equal(t, len(data), ci.CaptureLength)
		got++
	}
	_, _, err := h.ZeroCopyReadPacketData()
	require.ErrorIs(t, err, ErrTimeout)
	st, err := h.Stats()
	require.NoError(t, err)
	assert.Equal(t, 50, st.PacketsReceived)
}

// udpFrame builds an Ethernet/IPv4/UDP frame. With tpid != 0 it carries an
// 802.1Q-style tag (tpid, vid) after the MAC addresses.
func udpFrame(dst, src net.HardwareAddr, sip, dip net.IP, dport int, payload []byte, tpid uint16, vid ...uint16) []byte {
	return testutil.UDPFrame(dst, src, sip, dip, dport, payload, tpid, vid...)
}

// packetWriter opens a handle on the peer end, for injecting frames.
func packetWriter(t testing.TB, v *vethPair) *Handle {
	t.Helper()
	p, err := NewInactiveHandle(v.peerIf)
	require.NoError(t, err)
	require.NoError(t, p.SetBufferSize(64<<10))
	// Receive nothing: this handle only sends.
	require.NoError(t, p.SetBPFInstructionFilter([]bpf.Instruction{bpf.Stmt(bpf.ClassRET|bpf.RetK, 0)}))
	return openIn(t, v.peerNS, p)
}

// Acceptance 4: tagged frames written by the peer come back with the tag in
// place (the kernel strips it into metadata), with their own TPID.
func TestLiveVLANReinserted(t *testing.T) {
	v := newVethPair(t)
	h := openWithTimeout(t, v, 100*time.Millisecond)
	w := packetWriter(t, v)
	for _, tc := range []struct {
		tpid, vid uint16
	}{{0x8100, 42}, {0x88a8, 7}, {0x8100, 0x2000 | 42}} {
		frame := udpFrame(v.capMAC, v.peerMAC, v.peerIP, v.capIP, 9, nil, tc.tpid, tc.vid)
		require.NoError(t, w.WritePacketData(frame))
		data := readUntil(t, h, func(d []byte) bool { return len(d) == len(frame) })
		assert.Equal(t, frame, data, "tpid %#x vid %#x", tc.tpid, tc.vid)
	}
}

// readUntil reads packets until match accepts one, and returns a copy.
func readUntil(t testing.TB, h *Handle, match func([]byte) bool) []byte {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		data, _, err := h.ZeroCopyReadPacketData()
		if errors.Is(err, ErrTimeout) {
			continue
		}
		require.NoError(t, err)
		if match(data) {
			return append([]byte(nil), data...)
		}
	}
	t.Fatal("no matching packet")
	return nil
}

// Acceptance 6: Close wakes a reader blocked forever, at once.
func TestLiveCloseUnblocksReader(t *testing.T) {
	v := newVethPair(t)
	p, err := NewInactiveHandle(v.capIf)
	require.NoError(t, err)
	h := openIn(t, v.capNS, p) // BlockForever
	errc := make(chan error, 1)
	var woke time.Time
	go func() {
		_, _, err := h.ZeroCopyReadPacketData()
		woke = time.Now()
		errc <- err
	}()
	time.Sleep(200 * time.Millisecond) // let the reader park
	require.True(t, mapped(t, h.live.ring.mapping.addr), "the ring's mapping is not where it should be")
	start := time.Now()
	require.NoError(t, h.Close())
	t.Logf("Close took %v", time.Since(start))
	select {
	case err := <-errc:
		t.Logf("reader returned %v after Close was called", woke.Sub(start))
		require.ErrorIs(t, err, os.ErrClosed)
		// Close left the ring to the reader it found in a read, which
		// unmapped it on its way out.
		assert.False(t, mapped(t, h.live.ring.mapping.addr), "the ring is still mapped")
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not wake the reader")
	}
	_, _, err = h.ZeroCopyReadPacketData()
	require.ErrorIs(t, err, os.ErrClosed)
	// The control methods fail after Close too, rather than do nothing.
	require.ErrorIs(t, h.SetDirection(DirectionIn), os.ErrClosed)
	require.ErrorIs(t, h.SetBPFFilter("udp"), os.ErrClosed)
	_, err = h.Stats()
	require.ErrorIs(t, err, os.ErrClosed)
	require.ErrorIs(t, h.WritePacketData(make([]byte, 60)), os.ErrClosed)
	require.NoError(t, h.Close(), "second Close")
}

// Acceptance 7: a read with a timeout returns ErrTimeout after about the
// timeout.
func TestLiveReadTimeout(t *testing.T) {
	v := newVethPair(t)
	h := openWithTimeout(t, v, 300*time.Millisecond)
	start := time.Now()
	_, _, err := h.ZeroCopyReadPacketData()
	el := time.Since(start)
	t.Logf("timeout read returned after %v", el)
	require.ErrorIs(t, err, ErrTimeout)
	require.ErrorIs(t, err, os.ErrDeadlineExceeded)
	assert.Less(t, el, 5*time.Second)
	assert.GreaterOrEqual(t, el, 250*time.Millisecond)
}

func countFDs(t testing.TB) int {
	ents, err := os.ReadDir("/proc/self/fd")
	require.NoError(t, err)
	return len(ents)
}

func rssKiB(t testing.TB) int {
	b, err := os.ReadFile("/proc/self/status")
	require.NoError(t, err)
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			n, _ := strconv.Atoi(strings.Fields(line)[1])
			return n
		}
	}
	return 0
}

// Acceptance 8: 10,000 open/close cycles leak neither descriptors nor
// memory.
func TestLiveOpenCloseNoLeak(t *testing.T) {
	v := newVethPair(t)
	// Closing a packet socket waits for RCU grace periods in the kernel
	// (tens of milliseconds), so the cycles run on 50 threads at once.
	cycle := func(n int) {
		const workers = 50
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				inNS(t, v.capNS, func() {
					for i := 0; i < n/workers; i++ {
						p, err := NewInactiveHandle(v.capIf)
						if err != nil {
							panic(err)
						}
						p.SetPromisc(true)
						p.SetBPFInstructionFilter(udpDstPort9)
						h, err := p.Activate()
						if err != nil {
							panic(err)
						}
						if err := h.Close(); err != nil {
							panic(err)
						}
					}
				})
			}()
		}
		wg.Wait()
	}
	// Warm up until memory settles: the heap, the thread pool and, under
	// the race detector, its shadow and sync-object tables grow for the
	// first thousands of cycles, then stay put. RSS is measured after
	// FreeOSMemory, so it counts what is kept, not the heap's peak.
	rss := 0
	for i := 0; i < 10; i++ {
		cycle(500)
		debug.FreeOSMemory()
		prev := rss
		if rss = rssKiB(t); prev != 0 && rss-prev < 512 {
			break
		}
	}
	fds := countFDs(t)
	start := time.Now()
	cycles := 10000
	if testing.Short() {
		cycles = 1000
	}
	// In rounds of 500, as in the warm-up: a worker goroutine's history
	// under the race detector grows with the work it does, so long-lived
	// workers would measure the detector, not the handle.
	for done := 0; done < cycles; done += 500 {
		cycle(500)
	}
	debug.FreeOSMemory()
	t.Logf("%d open/close cycles took %v; fds %d -> %d; RSS %d -> %d KiB", cycles, time.Since(start), fds, countFDs(t), rss, rssKiB(t))
	assert.Equal(t, fds, countFDs(t))
	assert.Less(t, rssKiB(t)-rss, 32<<10, "RSS grew by more than 32 MiB")
	assert.Equal(t, 0, promiscuity(t, v.capNS, v.capIf))
}

// Acceptance 9: a filter given at open lets none of the unmatched traffic
// that flows all along through.
func TestLiveFilterAtOpenUnderLoad(t *testing.T) {
	v := newVethPair(t)
	stop := startNoise(t, v)
	defer stop()
	c9 := udpSender(t, v.peerNS, v.peerIP)
	for round := 0; round < 20; round++ {
		p, err := NewInactiveHandle(v.capIf)
		require.NoError(t, err)
		h := port9Handle(t, v, p)
		for i := 0; i < 5; i++ {
			c9.WriteToUDP([]byte("nine"), &net.UDPAddr{IP: v.capIP, Port: 9})
		}
		got := 0
		for got < 5 {
			data, _, err := h.ZeroCopyReadPacketData()
			if errors.Is(err, ErrTimeout) {
				continue
			}
			require.NoError(t, err)
			require.Equal(t, 9, udpDstPort(data), "round %d: unfiltered packet %x", round, data)
			got++
		}
		h.Close()
	}
}

// startNoise sends UDP to port 10 from the peer until stopped.
func startNoise(t testing.TB, v *vethPair) func() {
	c := udpSender(t, v.peerNS, v.peerIP)
	b := make([]byte, 16)
	return inBackground(func() bool {
		for i := 0; i < 20; i++ {
			c.WriteToUDP(b, &net.UDPAddr{IP: v.capIP, Port: 10})
		}
		time.Sleep(50 * time.Microsecond)
		return true
	})
}

// keepSending9 sends a datagram to port 9 from the peer every 2 ms until
// stopped: with noise filling the ring, a one-off datagram could be
// dropped for lack of room.
func keepSending9(t testing.TB, v *vethPair) func() {
	c := udpSender(t, v.peerNS, v.peerIP)
	return inBackground(func() bool {
		time.Sleep(2 * time.Millisecond)
		c.WriteToUDP([]byte("nine"), &net.UDPAddr{IP: v.capIP, Port: 9})
		return true
	})
}

// readPort9 reads until n datagrams to port 9 have arrived, failing on any
// other packet (unless others is true) or after 10 s.
func readPort9(t testing.TB, h *Handle, n int, hdrLen int, others bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for got := 0; got < n; {
		require.True(t, time.Now().Before(deadline), "only %d of %d port-9 datagrams arrived", got, n)
		data, ci, err := h.ZeroCopyReadPacketData()
		if errors.Is(err, ErrTimeout) {
			continue
		}
		require.NoError(t, err)
		require.Equal(t, len(data), ci.CaptureLength)
		ok := len(data) >= hdrLen+24 && data[hdrLen+9] == 17 && binary.BigEndian.Uint16(data[hdrLen+22:]) == 9
		if !ok {
			require.True(t, others, "unfiltered packet %x", data)
			continue
		}
		got++
	}
}

// SetFilter on an open handle drains what the ring already holds through
// the new filter: nothing unmatched comes out afterwards.
func TestLiveSetFilterDrainsRing(t *testing.T) {
	v := newVethPair(t)
	h := openWithTimeout(t, v, 50*time.Millisecond)
	stop := startNoise(t, v)
	time.Sleep(300 * time.Millisecond) // the ring fills with port-10 packets
	require.NoError(t, h.SetBPFInstructionFilter(udpDstPort9))
	stop9 := keepSending9(t, v)
	defer stop9()
	readPort9(t, h, 5, 14, false)
	stop()
}

// padBeyondKernelLimit returns prog preceded by enough "ld #1" statements
// that the kernel refuses it for its length, while it means the same.
func padBeyondKernelLimit(prog []bpf.Instruction) []bpf.Instruction {
	long := make([]bpf.Instruction, 0, 5000+len(prog))
	for len(long) < 5000 {
		long = append(long, bpf.Stmt(bpf.ClassLD|bpf.ModeIMM, 1))
	}
	return append(long, prog...)
}

// A program the kernel refuses (longer than 4096 instructions) is run in
// userspace instead, with the same result.
func TestLiveUserspaceFallback(t *testing.T) {
	v := newVethPair(t)
	p, err := NewInactiveHandle(v.capIf)
	require.NoError(t, err)
	require.NoError(t, p.SetBPFInstructionFilter(padBeyondKernelLimit(udpDstPort9)))
	h := port9Handle(t, v, p)
	require.True(t, h.live.cfg.Load().userOnly, "the kernel should have refused the program")
	stop := startNoise(t, v)
	defer stop()
	readPort9Steady(t, v, h, 5)
}

// port9Handle activates p with a 50 ms timeout and, unless p has one
// already, the port 9 filter.
func port9Handle(t testing.TB, v *vethPair, p *InactiveHandle) *Handle {
	t.Helper()
	require.NoError(t, p.SetTimeout(50*time.Millisecond))
	if p.filterProg == nil {
		require.NoError(t, p.SetBPFInstructionFilter(udpDstPort9))
	}
	return openIn(t, v.capNS, p)
}

// readPort9Steady reads n datagrams to port 9 on Ethernet while the peer
// keeps sending them, failing on any other packet.
func readPort9Steady(t testing.TB, v *vethPair, h *Handle, n int) {
	t.Helper()
	stop9 := keepSending9(t, v)
	defer stop9()
	readPort9(t, h, n, 14, false)
}

// On "any" a program for LINUX_SLL offsets is rewritten for the kernel,
// which sees packets without the cooked header; LINUX_SLL2 is selectable.
func TestLiveAnyCookedFilter(t *testing.T) {
	v := newVethPair(t)
	// udp dst port 9 on LINUX_SLL: the same program, 2 bytes further in
	// (the SLL header is 16 bytes, Ethernet's 14).
	sll := append([]bpf.Instruction(nil), udpDstPort9...)
	for i := range sll {
		if c := sll[i].Class(); c == bpf.ClassLD || c == bpf.ClassLDX {
			if sll[i].Mode() != bpf.ModeIMM {
				sll[i].K += 2
			}
		}
	}
	for _, lt := range []linktype.Type{linktype.LinuxSLL, linktype.LinuxSLL2} {
		p, err := NewInactiveHandle("any")
		require.NoError(t, err)
		require.NoError(t, p.SetTimeout(50*time.Millisecond))
		require.NoError(t, p.SetLinkType(lt))
		hl := 16
		if lt == linktype.LinuxSLL {
			require.NoError(t, p.SetBPFInstructionFilter(sll))
		} else {
			hl = 20
		}
		h := openIn(t, v.capNS, p)
		assert.Equal(t, lt, h.LinkType())
		links, err := h.ListDataLinks()
		require.NoError(t, err)
		assert.Equal(t, []linktype.Type{linktype.LinuxSLL, linktype.LinuxSLL2}, links)
		if lt == linktype.LinuxSLL {
			assert.False(t, h.live.cfg.Load().userOnly, "the kernel should run the adjusted program")
		}
		stop := startNoise(t, v)
		stop9 := keepSending9(t, v)
		readPort9(t, h, 5, hl, lt == linktype.LinuxSLL2)
		stop9()
		stop()
		h.Close()
	}
}

// SetFanout spreads one interface over several handles.
func TestLiveFanout(t *testing.T) {
	v := newVethPair(t)
	const n = 3
	var hs []*Handle
	for i := 0; i < n; i++ {
		p, err := NewInactiveHandle(v.capIf)
		require.NoError(t, err)
		h := port9Handle(t, v, p)
		require.NoError(t, h.SetFanout(FanoutLB, 4242))
		hs = append(hs, h)
	}
	c9 := udpSender(t, v.peerNS, v.peerIP)
	for i := 0; i < 300; i++ {
		c9.WriteToUDP([]byte("nine"), &net.UDPAddr{IP: v.capIP, Port: 9})
	}
	total := 0
	for i, h := range hs {
		got := 0
		readUntilTimeout(t, h, func([]byte) { got++ })
		t.Logf("handle %d: %d packets", i, got)
		assert.Greater(t, got, 0)
		total += got
	}
	assert.Equal(t, 300, total)
}

// Stats stay cumulative although the kernel resets its counters on every
// read.
func TestLiveStatsCumulative(t *testing.T) {
	v := newVethPair(t)
	p, err := NewInactiveHandle(v.capIf)
	require.NoError(t, err)
	h := port9Handle(t, v, p)
	c9 := udpSender(t, v.peerNS, v.peerIP)
	want := 0
	for round := 0; round < 3; round++ {
		for i := 0; i < 10; i++ {
			c9.WriteToUDP([]byte("nine"), &net.UDPAddr{IP: v.capIP, Port: 9})
		}
		want += 10
		for got := 0; got < 10; {
			_, _, err := h.ZeroCopyReadPacketData()
			if errors.Is(err, ErrTimeout) {
				continue
			}
			require.NoError(t, err)
			got++
		}
		st, err := h.Stats()
		require.NoError(t, err)
		assert.Equal(t, want, st.PacketsReceived)
	}
}

// Immediate mode (TPACKET_V2) returns each packet as it arrives even with
// no timeout, and micro precision truncates time stamps.
func TestLiveImmediateMode(t *testing.T) {
	v := newVethPair(t)
	p, err := NewInactiveHandle(v.capIf)
	require.NoError(t, err)
	require.NoError(t, p.SetImmediateMode(true))
	require.NoError(t, p.SetTimestampPrecision(Microsecond))
	require.NoError(t, p.SetBPFInstructionFilter(udpDstPort9))
	h := openIn(t, v.capNS, p)
	c9 := udpSender(t, v.peerNS, v.peerIP)
	for i := 0; i < 3; i++ {
		c9.WriteToUDP([]byte("nine"), &net.UDPAddr{IP: v.capIP, Port: 9})
		data, ci, err := h.ZeroCopyReadPacketData()
		require.NoError(t, err)
		require.Equal(t, 9, udpDstPort(data))
		assert.Equal(t, 0, ci.Timestamp.Nanosecond()%1000)
		assert.WithinDuration(t, time.Now(), ci.Timestamp, 5*time.Second)
	}
}

// Without CAP_NET_RAW, opening fails with an error that wraps
// os.ErrPermission and says what is needed.
func TestLivePermissionError(t *testing.T) {
	requireRoot(t)
	if os.Getenv("PUREPCAP_UNPRIV_CHILD") == "1" {
		_, err := OpenLive("lo", 0, false, BlockForever)
		if err == nil || !errors.Is(err, os.ErrPermission) || !strings.Contains(err.Error(), "CAP_NET_RAW") {
			t.Fatalf("got %v", err)
		}
		return
	}
	// Run a copy of the test binary as nobody, from a directory nobody
	// can reach.
	dir, err := os.MkdirTemp("", "pcap-unpriv")
	require.NoError(t, err)
	defer os.RemoveAll(dir)
	require.NoError(t, os.Chmod(dir, 0o755))
	bin, err := os.ReadFile(os.Args[0])
	require.NoError(t, err)
	exe := filepath.Join(dir, "pcap.test")
	require.NoError(t, os.WriteFile(exe, bin, 0o755))
	cmd := exec.Command(exe, "-test.run=^TestLivePermissionError$", "-test.count=1")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PUREPCAP_UNPRIV_CHILD=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
}

// BenchmarkZeroCopyReadPacketData reads packets from the ring while a
// goroutine floods the link from the peer namespace: 0 allocations per
// packet.
func BenchmarkZeroCopyReadPacketData(b *testing.B) {
	v := newVethPair(b)
	h := openLive(b, v, v.capIf, time.Second, udpDstPort9) // waits set a deadline, as pcapdump's do

	fd := udpSocketTo9(b, v)
	buf := make([]byte, 64)
	stop := inBackground(func() bool {
		for i := 0; i < 64; i++ {
			syscall.Write(fd, buf)
		}
		return true
	})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := h.ZeroCopyReadPacketData(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	stop()
}

// A live-mode program that the kernel refuses still matches VLAN-tagged
// traffic in userspace, from the tag the kernel moved into metadata.
func TestLiveVLANUserspaceFilter(t *testing.T) {
	requireCompiler(t, "vlan 42 and udp")
	v := newVethPair(t)
	prog, err := compile.Compile("vlan 42 and udp", linktype.Ethernet, compile.Options{LiveLinux: true, Optimize: true})
	require.NoError(t, err)
	long := padBeyondKernelLimit(prog)
	h := openLive(t, v, v.capIf, 100*time.Millisecond, long)
	require.True(t, h.live.cfg.Load().userOnly)
	w := packetWriter(t, v)
	var want [][]byte
	for i := 0; i < 5; i++ {
		require.NoError(t, w.WritePacketData(udpFrame(v.capMAC, v.peerMAC, v.peerIP, v.capIP, 9, nil, 0x8100, 43)))
		require.NoError(t, w.WritePacketData(udpFrame(v.capMAC, v.peerMAC, v.peerIP, v.capIP, 9, nil, 0)))
		f := udpFrame(v.capMAC, v.peerMAC, v.peerIP, v.capIP, 9, []byte{byte(i)}, 0x8100, 42)
		want = append(want, f)
		require.NoError(t, w.WritePacketData(f))
	}
	var got [][]byte
	for len(got) < 5 {
		data, _, err := h.ReadPacketData()
		if errors.Is(err, ErrTimeout) {
			break
		}
		require.NoError(t, err)
		got = append(got, data)
	}
	assert.Equal(t, want, got)
}

// On loopback every packet passes the tap twice, outgoing then incoming;
// like libpcap, the handle drops the outgoing copy.
func TestLiveLoopbackNoDuplicates(t *testing.T) {
	v := newVethPair(t)
	h := openLive(t, v, "lo", 200*time.Millisecond, nil)
	var (
		c   *net.UDPConn
		err error
	)
	inNS(t, v.capNS, func() { c, err = net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)}) })
	require.NoError(t, err)
	defer c.Close()
	for i := 0; i < 5; i++ {
		_, err := c.WriteToUDP([]byte{byte(i)}, &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9})
		require.NoError(t, err)
	}
	seen := map[byte]int{}
	readUntilTimeout(t, h, func(data []byte) {
		if udpDstPort(data) == 9 {
			seen[data[len(data)-1]]++
		}
	})
	assert.Equal(t, map[byte]int{0: 1, 1: 1, 2: 1, 3: 1, 4: 1}, seen)
}

// SetLinkType switches an active "any" handle between the two cooked
// formats; SetDirection changes what an active handle returns.
func TestLiveSetLinkTypeAndDirection(t *testing.T) {
	v := newVethPair(t)
	h := openLive(t, v, "any", 200*time.Millisecond, nil)
	require.Equal(t, linktype.LinuxSLL, h.LinkType())
	require.Error(t, h.SetLinkType(linktype.Ethernet))
	require.NoError(t, h.SetLinkType(linktype.LinuxSLL2))
	require.Equal(t, linktype.LinuxSLL2, h.LinkType())
	require.NoError(t, h.SetDirection(DirectionIn))
	in := udpSender(t, v.peerNS, v.peerIP)
	out := udpSender(t, v.capNS, v.capIP)
	for i := 0; i < 5; i++ {
		in.WriteToUDP([]byte("in"), &net.UDPAddr{IP: v.capIP, Port: 5000})
		out.WriteToUDP([]byte("out"), &net.UDPAddr{IP: v.peerIP, Port: 5001})
	}
	n := 0
	readUntilTimeout(t, h, func(data []byte) {
		require.GreaterOrEqual(t, len(data), 20+20)
		assert.Equal(t, uint16(0x0800), binary.BigEndian.Uint16(data[0:]))
		assert.NotEqual(t, uint8(4), data[10], "no outgoing packet (PACKET_OUTGOING) with DirectionIn")
		n++
	})
	assert.GreaterOrEqual(t, n, 5)
}

// protochain compiles to a backward jump, which the kernel refuses: the
// filter runs in userspace instead, as libpcap's does.
func TestLiveProtochainFallsBackToUserspace(t *testing.T) {
	requireCompiler(t, "ip protochain 17")
	v := newVethPair(t)
	p, err := NewInactiveHandle(v.capIf)
	require.NoError(t, err)
	require.NoError(t, p.SetTimeout(100*time.Millisecond))
	require.NoError(t, p.SetBPFFilter("ip protochain 17 and dst port 9"))
	h := openIn(t, v.capNS, p)
	require.True(t, h.live.cfg.Load().userOnly, "the kernel should refuse protochain's loop")
	stop := startNoise(t, v) // port 10: matches protochain 17 but not port 9
	defer stop()
	stop9 := keepSending9(t, v)
	defer stop9()
	readPort9(t, h, 5, 14, false)
}

// A one-byte buffer is rounded up to the smallest ring, as libpcap rounds
// it up to whole frames: the handle activates and captures.
func TestLiveTinyBuffer(t *testing.T) {
	v := newVethPair(t)
	for _, immediate := range []bool{false, true} {
		p, err := NewInactiveHandle(v.capIf)
		require.NoError(t, err)
		require.NoError(t, p.SetBufferSize(1))
		require.NoError(t, p.SetImmediateMode(immediate))
		h := port9Handle(t, v, p)
		assert.Equal(t, 2, h.live.ring.nslots/max(h.live.ring.perBlock, 1), "two blocks")
		readPort9Steady(t, v, h, 3)
		h.Close()
	}
}

// mapped reports whether a mapping of this process starts at addr.
func mapped(t testing.TB, addr unsafe.Pointer) bool {
	b, err := os.ReadFile("/proc/self/maps")
	require.NoError(t, err)
	return strings.Contains("\n"+string(b), fmt.Sprintf("\n%x-", uintptr(addr)))
}

// Activation errors keep libpcap's words and wrap the errno: ENODEV for a
// device that does not exist, ENETDOWN for one that is down.
func TestLiveOpenErrors(t *testing.T) {
	_, err := OpenLive("nosuchdev0", 0, false, BlockForever)
	require.ErrorIs(t, err, syscall.ENODEV)
	assert.Contains(t, err.Error(), "pcap: open nosuchdev0: no such device exists")

	v := newVethPair(t)
	run(t, "ip", "-n", v.capNS, "link", "set", v.capIf, "down")
	p, err := NewInactiveHandle(v.capIf)
	require.NoError(t, err)
	inNS(t, v.capNS, func() { _, err = p.Activate() })
	require.ErrorIs(t, err, syscall.ENETDOWN)
	assert.Contains(t, err.Error(), "that device is not up")
}

// openWithTimeout opens the capture side's interface with a read timeout
// and nothing else set.
func openWithTimeout(t testing.TB, v *vethPair, timeout time.Duration) *Handle {
	t.Helper()
	p, err := NewInactiveHandle(v.capIf)
	require.NoError(t, err)
	require.NoError(t, p.SetTimeout(timeout))
	return openIn(t, v.capNS, p)
}

// readUntilTimeout calls fn on each packet h returns until a read times
// out, failing on any other error.
func readUntilTimeout(t testing.TB, h *Handle, fn func(data []byte)) {
	t.Helper()
	for {
		data, _, err := h.ZeroCopyReadPacketData()
		if errors.Is(err, ErrTimeout) {
			return
		}
		require.NoError(t, err)
		fn(data)
	}
}
