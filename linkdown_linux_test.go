//go:build linux

package pcap

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// rawFlood sends Ethernet frames to dst out of ifc in namespace ns through
// a packet socket (no addresses, routes or ARP needed) until stopped or
// the device goes away.
func rawFlood(t testing.TB, ns, ifc string, dst net.HardwareAddr) func() {
	var fd int
	var err error
	inNS(t, ns, func() {
		var ifi *net.Interface
		if ifi, err = net.InterfaceByName(ifc); err != nil {
			return
		}
		if fd, err = unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0); err != nil {
			return
		}
		err = unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: ifi.Index})
	})
	require.NoError(t, err)
	frame := udpFrame(dst, net.HardwareAddr{2, 0, 0, 0, 0, 1}, net.IPv4(10, 79, 0, 2), net.IPv4(10, 79, 0, 1), 9, make([]byte, 200), 0)
	t.Cleanup(func() { unix.Close(fd) })
	fails := 0
	return inBackground(func() bool {
		if _, err := unix.Write(fd, frame); err != nil {
			fails++
			time.Sleep(100 * time.Microsecond)
		}
		return fails < 1000
	})
}

// Issue 12, item 2: a reader blocked forever under a flood returns an error
// within a second when its interface goes down (libpcap's "the interface
// went down", wrapping ENETDOWN) or is deleted ("the interface
// disappeared", wrapping ENODEV; or first "went down", then that, as the
// kernel reports the deletion as the interface going down).
func TestLiveLinkDownUnblocksReader(t *testing.T) {
	v := newVethPair(t)
	trials := 20
	if os.Getenv("PUREPCAP_STRESS") == "1" {
		trials = 200
	}
	var hangs, downs, dels int
	var worst time.Duration
	for i := 0; i < trials; i++ {
		del := i%2 == 1
		capIf, peerIf := v.capIf, v.peerIf
		if del {
			capIf, peerIf = fmt.Sprintf("dc%d", i), fmt.Sprintf("dp%d", i)
			run(t, "ip", "-n", v.capNS, "link", "add", capIf, "type", "veth", "peer", "name", peerIf, "netns", v.peerNS)
			run(t, "ip", "-n", v.peerNS, "link", "set", peerIf, "up")
		}
		run(t, "ip", "-n", v.capNS, "link", "set", capIf, "up")
		lat, err := linkDownTrial(t, v, capIf, peerIf, del, i%4 >= 2)
		if err != nil {
			hangs++
			t.Errorf("trial %d (delete %v): %v", i, del, err)
			continue
		}
		worst = max(worst, lat)
		if del {
			dels++
		} else {
			downs++
		}
	}
	t.Logf("link down/delete under a flood: %d trials (%d down, %d delete), %d hangs or wrong errors; slowest error %v after the change",
		trials, downs, dels, hangs, worst)
	assert.Zero(t, hangs)
}

// linkDownTrial floods capIf, reads it with a BlockForever handle, takes the
// link down (or deletes it) while the reader is busy, and returns how long
// after that the reader's error came.
func linkDownTrial(t *testing.T, v *vethPair, capIf, peerIf string, del, immediate bool) (time.Duration, error) {
	p, err := NewInactiveHandle(capIf)
	require.NoError(t, err)
	require.NoError(t, p.SetImmediateMode(immediate))
	var h *Handle
	inNS(t, v.capNS, func() { h, err = p.Activate() })
	require.NoError(t, err)
	defer h.Close()
	stop := rawFlood(t, v.peerNS, peerIf, linkMAC(t, v.capNS, capIf))
	defer stop()
	errc := make(chan error, 2)
	got := make(chan struct{})
	go func() {
		n := 0
		for {
			_, _, err := h.ZeroCopyReadPacketData()
			if err == nil {
				if n++; n == 100 {
					close(got)
				}
				continue
			}
			errc <- err
			if !del || !errors.Is(err, syscall.ENETDOWN) {
				return
			}
			// A deletion seen as the link going down: the next read
			// must tell that the device is gone.
		}
	}()
	select {
	case <-got:
	case err := <-errc:
		return 0, fmt.Errorf("read failed before the change: %w", err)
	case <-time.After(5 * time.Second):
		return 0, errors.New("the flood never arrived")
	}
	if del {
		run(t, "ip", "-n", v.capNS, "link", "del", capIf)
	} else {
		run(t, "ip", "-n", v.capNS, "link", "set", capIf, "down")
	}
	changed := time.Now()
	for {
		select {
		case err := <-errc:
			lat := time.Since(changed)
			switch {
			case errors.Is(err, syscall.ENODEV) && strings.Contains(err.Error(), "the interface disappeared") && del:
				return lat, nil
			case errors.Is(err, syscall.ENETDOWN) && strings.Contains(err.Error(), "the interface went down"):
				if !del {
					return lat, nil
				}
				continue // the deletion's own error is yet to come
			}
			return lat, fmt.Errorf("wrong error after %v: %w", lat, err)
		case <-time.After(time.Second - time.Since(changed)):
			return 0, errors.New("the reader was still blocked a second after the change")
		}
	}
}
