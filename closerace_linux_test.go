//go:build linux

package pcap

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stressDuration is how long a stress test runs: a short slice always, the
// long run with PUREPCAP_STRESS=1.
func stressDuration(short, long time.Duration) time.Duration {
	if os.Getenv("PUREPCAP_STRESS") == "1" {
		return long
	}
	return short
}

// The flood's payload: a sequence number, filler derived from it, and a
// CRC-32 of both, so that any byte a read invents shows.
const floodPayloadLen = 1000

func floodPayload(b []byte, seq uint64) {
	binary.BigEndian.PutUint64(b, seq)
	for i := 8; i < floodPayloadLen-4; i++ {
		b[i] = byte(seq*7) + byte(i)
	}
	binary.BigEndian.PutUint32(b[floodPayloadLen-4:], crc32.ChecksumIEEE(b[:floodPayloadLen-4]))
}

// checkFlood reports whether pkt is an Ethernet frame of the flood whose
// sequence number was sent (below sent).
func checkFlood(pkt []byte, sent uint64) bool {
	if udpDstPort(pkt) != 9 {
		return false
	}
	p := pkt[14+int(pkt[14]&0xf)*4+8:]
	if len(p) != floodPayloadLen {
		return false
	}
	if binary.BigEndian.Uint32(p[floodPayloadLen-4:]) != crc32.ChecksumIEEE(p[:floodPayloadLen-4]) {
		return false
	}
	return binary.BigEndian.Uint64(p) < sent
}

// startFlood sends numbered datagrams to port 9 from the peer, as fast as
// it can, until stopped. sent counts them.
func startFlood(t testing.TB, v *vethPair, sent *atomic.Uint64) func() {
	fd := udpSocketTo9(t, v)
	b := make([]byte, floodPayloadLen)
	return inBackground(func() bool {
		for i := 0; i < 32; i++ {
			// Count first: a packet must never be read before it counts.
			floodPayload(b, sent.Add(1)-1)
			syscall.Write(fd, b)
		}
		return true
	})
}

// readLoop calls check on each packet read returns, until it fails.
func readLoop(read func() ([]byte, CaptureInfo, error), check func([]byte, CaptureInfo)) error {
	for {
		data, ci, err := read()
		if err != nil {
			return err
		}
		check(data, ci)
	}
}

// readKinds are the ways to read a handle; each returns when a read fails
// (or Packets ends), calling check on every packet while it is valid.
var readKinds = []struct {
	name string
	read func(h *Handle, check func([]byte, CaptureInfo)) error
}{
	{"ZeroCopyReadPacketData", func(h *Handle, check func([]byte, CaptureInfo)) error {
		return readLoop(h.ZeroCopyReadPacketData, check)
	}},
	{"ReadPacketData", func(h *Handle, check func([]byte, CaptureInfo)) error {
		return readLoop(h.ReadPacketData, check)
	}},
	{"ReadPacketDataInto", func(h *Handle, check func([]byte, CaptureInfo)) error {
		var buf []byte
		return readLoop(func() (data []byte, ci CaptureInfo, err error) {
			buf, ci, err = h.ReadPacketDataInto(buf)
			return buf, ci, err
		}, check)
	}},
	{"NextPacket", func(h *Handle, check func([]byte, CaptureInfo)) error {
		return readLoop(func() ([]byte, CaptureInfo, error) {
			data, ci, err := h.NextPacket()
			return data, *ci, err
		}, check)
	}},
	{"Packets", func(h *Handle, check func([]byte, CaptureInfo)) error {
		for data, ci := range h.Packets() {
			check(data, ci)
		}
		if err := h.Err(); err != nil {
			return err
		}
		return os.ErrClosed // Packets ends without an error only at Close
	}},
}

// Issue 12, item 1: Close racing reads of every kind, under a flood. No read
// returns a packet that was not sent, and every read that loses the race
// fails with an error matching os.ErrClosed.
func TestLiveCloseRace(t *testing.T) {
	v := newVethPair(t)
	var sent atomic.Uint64
	stop := startFlood(t, v, &sent)
	defer stop()
	var iters, pkts, bad, otherErrs atomic.Int64
	var firstBad atomic.Value
	deadline := time.Now().Add(stressDuration(3*time.Second, 60*time.Second))
	const workers = 3
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), uint64(time.Now().UnixNano())))
			for i := 0; time.Now().Before(deadline); i++ {
				kind := readKinds[(i+w)%len(readKinds)]
				p, err := NewInactiveHandle(v.capIf)
				require.NoError(t, err)
				require.NoError(t, p.SetBPFInstructionFilter(udpDstPort9))
				require.NoError(t, p.SetImmediateMode(i%4 == 3))
				if i%2 == 1 {
					require.NoError(t, p.SetTimeout(20*time.Millisecond))
				}
				var h *Handle
				inNS(t, v.capNS, func() { h, err = p.Activate() })
				require.NoError(t, err)
				errc := make(chan error, 1)
				check := func(data []byte, ci CaptureInfo) {
					pkts.Add(1)
					if !checkFlood(data, sent.Load()) || ci.CaptureLength != len(data) {
						if bad.Add(1) == 1 {
							firstBad.Store(fmt.Sprintf("%s: %d bytes %x", kind.name, len(data), data[:min(len(data), 48)]))
						}
					}
				}
				go func() {
					for {
						// A read that times out before Close reads on.
						if err := kind.read(h, check); !errors.Is(err, ErrTimeout) {
							errc <- err
							return
						}
					}
				}()
				time.Sleep(time.Duration(rng.IntN(3000)) * time.Microsecond)
				require.NoError(t, h.Close())
				if err := <-errc; !errors.Is(err, os.ErrClosed) {
					otherErrs.Add(1)
					t.Logf("%s: %v", kind.name, err)
				}
				iters.Add(1)
			}
		}(w)
	}
	wg.Wait()
	t.Logf("close race: %d iterations, %d packets checked, %d bad, %d errors not matching os.ErrClosed (%d datagrams sent)",
		iters.Load(), pkts.Load(), bad.Load(), otherErrs.Load(), sent.Load())
	assert.Zero(t, bad.Load(), "packets that were never sent; first: %s", firstBad.Load())
	assert.Zero(t, otherErrs.Load())
	assert.Greater(t, pkts.Load(), int64(0), "no packet was read: the test tested nothing")
}
