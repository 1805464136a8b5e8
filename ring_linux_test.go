//go:build linux

package pcap

import (
	"encoding/binary"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"

	"github.com/purepcap/pcap/linktype"
)

// seqPacket returns packet seq of a test run: the sequence number, then
// filler derived from it, of a length that varies with it between 8 and
// max bytes.
func seqPacket(seq, max int) []byte {
	b := make([]byte, 8+seq*37%(max-7))
	binary.BigEndian.PutUint64(b, uint64(seq))
	for i := 8; i < len(b); i++ {
		b[i] = byte(seq*7 + i)
	}
	return b
}

// The reader walks a TPACKET_V2 ring frame by frame where the kernel
// fills it: frame i%perBlock of block i/perBlock, skipping the end of each
// block that holds no whole frame, and back to the start after the last.
// Going round five times, every packet comes back whole and in order, and
// each read hands the frame before it back to the kernel.
func TestRingV2Walk(t *testing.T) {
	for _, snaplen := range []int{100, 1500, 3000, 5000} {
		g := newRingGeometry(false, snaplen, 1, 4096)
		g.nblocks = 3
		t.Run(fmt.Sprintf("frame%d-block%d", g.frame, g.block), func(t *testing.T) {
			mem := make([]byte, g.block*g.nblocks)
			l := fakeHandle(false, mem, g)
			h := &Handle{live: l, snaplen: linktype.DefaultSnaplen, linkType: linktype.Ethernet}
			offs := fakeSlotOffsets(g)
			n := len(offs)
			require.Equal(t, n, l.ring.nslots)
			pktMax := min(snaplen, g.frame-tpacketAlign(sllOffsetV2+sizeofSLL+16)-ringReserve-2)
			fill := func(seq int) {
				off := offs[seq%n]
				putFakeFrameV2(mem[off:off+g.frame], seqPacket(seq, pktMax))
			}
			for seq := 0; seq < n; seq++ {
				fill(seq)
			}
			for seq := 0; seq <= 5*n; seq++ {
				data, ci, err := h.ZeroCopyReadPacketData()
				require.NoError(t, err)
				require.Equal(t, seqPacket(seq, pktMax), data, "packet %d", seq)
				require.Equal(t, len(data), ci.CaptureLength)
				require.Equal(t, offs[seq%n], l.ring.off, "packet %d's frame", seq)
				if seq > 0 {
					prev := offs[(seq-1)%n]
					require.Equal(t, uint32(unix.TP_STATUS_KERNEL), atomic.LoadUint32((*uint32)(unsafe.Pointer(&mem[prev]))), "frame of packet %d released", seq-1)
					fill(seq - 1 + n)
				}
			}
		})
	}
}

// onOneCPU runs fn on an OS thread bound to one CPU, which exits with it:
// frames written from one CPU reach the stack in the order written.
func onOneCPU(t testing.TB, fn func() error) {
	t.Helper()
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the bound thread exits
		var set unix.CPUSet
		err := unix.SchedGetaffinity(0, &set)
		if err == nil {
			cpu := 0
			for !set.IsSet(cpu) {
				cpu++
			}
			set.Zero()
			set.Set(cpu)
			err = unix.SchedSetaffinity(0, &set)
		}
		if err == nil {
			err = fn()
		}
		errc <- err
	}()
	require.NoError(t, <-errc)
}

// In immediate mode (TPACKET_V2), going round the ring five times in
// batches of every size that fits, every frame the peer writes arrives
// whole and in order, with rings of many, two and one frame per block.
func TestLiveImmediateRingWraps(t *testing.T) {
	v := newVethPair(t)
	w := packetWriter(t, v)
	for _, snaplen := range []int{100, 1500, 3000} {
		t.Run(fmt.Sprintf("snaplen%d", snaplen), func(t *testing.T) {
			p, err := NewInactiveHandle(v.capIf)
			require.NoError(t, err)
			require.NoError(t, p.SetImmediateMode(true))
			require.NoError(t, p.SetSnapLen(snaplen))
			require.NoError(t, p.SetBufferSize(1))
			require.NoError(t, p.SetTimeout(2*time.Second))
			require.NoError(t, p.SetBPFInstructionFilter(udpDstPort9))
			h := openIn(t, v.capNS, p)
			defer h.Close()
			r := &h.live.ring
			require.False(t, r.v3)
			n := r.nslots
			pktMax := min(snaplen, 1514) - 42 // the payload of a frame of at most snaplen bytes, within the MTU
			want := func(seq int) []byte {
				return udpFrame(v.capMAC, v.peerMAC, v.peerIP, v.capIP, 9, seqPacket(seq, pktMax), 0)
			}
			// The reader holds one frame between reads: a batch of n-1
			// fills all the others.
			seq, batch := 0, 1
			onOneCPU(t, func() error {
				for seq < 5*n {
					for i := 0; i < batch; i++ {
						if err := w.WritePacketData(want(seq + i)); err != nil {
							return err
						}
					}
					for i := 0; i < batch; i++ {
						data, ci, err := h.ZeroCopyReadPacketData()
						if err != nil {
							return fmt.Errorf("packet %d: %w", seq, err)
						}
						if f := want(seq); string(data) != string(f) || ci.Length != len(f) {
							return fmt.Errorf("packet %d: got % x (length %d), want % x", seq, data, ci.Length, f)
						}
						seq++
					}
					if batch++; batch == n {
						batch = 1
					}
				}
				return nil
			})
			st, err := h.Stats()
			require.NoError(t, err)
			require.Equal(t, seq, st.PacketsReceived)
			require.Zero(t, st.PacketsDropped)
		})
	}
}
