package pcap

import (
	"bytes"
	"errors"
	"io"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// writeSample returns a pcap file holding frames, one per second.
func writeSample(t testing.TB, frames ...[]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := savefile.NewWriter(&buf, savefile.WriterOptions{LinkType: linktype.Ethernet, Nanosecond: true})
	require.NoError(t, err)
	for i, f := range frames {
		ci := CaptureInfo{Timestamp: time.Unix(int64(1700000000+i), 123456789), CaptureLength: len(f), Length: len(f) + 10}
		require.NoError(t, w.WritePacket(ci, f))
	}
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func ethUDP(dport byte) []byte {
	f := make([]byte, 42)
	f[12], f[13] = 0x08, 0x00
	f[14] = 0x45
	f[23] = 17
	f[14+20+3] = dport
	return f
}

func TestOfflineReadAndFilter(t *testing.T) {
	file := writeSample(t, ethUDP(9), ethUDP(10), ethUDP(9))
	h, err := OpenOfflineReader(bytes.NewReader(file))
	require.NoError(t, err)
	defer h.Close()
	assert.Equal(t, linktype.Ethernet, h.LinkType())
	assert.Equal(t, linktype.DefaultSnaplen, h.SnapLen())
	links, err := h.ListDataLinks()
	require.NoError(t, err)
	assert.Equal(t, []linktype.Type{linktype.Ethernet}, links)

	// ldb [37] (low byte of the UDP destination port); jeq #9
	prog := []bpf.Instruction{
		bpf.Stmt(bpf.ClassLD|bpf.SizeB|bpf.ModeABS, 37),
		bpf.Jump(bpf.ClassJMP|bpf.JumpJEQ|bpf.SrcK, 9, 0, 1),
		bpf.Stmt(bpf.ClassRET|bpf.RetK, 262144),
		bpf.Stmt(bpf.ClassRET|bpf.RetK, 0),
	}
	require.NoError(t, h.SetBPFInstructionFilter(prog))
	assert.Equal(t, prog, h.Filter())

	data, ci, err := h.ReadPacketData()
	require.NoError(t, err)
	assert.Equal(t, ethUDP(9), data)
	assert.Equal(t, 42, ci.CaptureLength)
	assert.Equal(t, 52, ci.Length)
	assert.Equal(t, time.Unix(1700000000, 123456789), ci.Timestamp)

	data, pci, err := h.NextPacket()
	require.NoError(t, err)
	assert.Equal(t, ethUDP(9), data)
	assert.Equal(t, time.Unix(1700000002, 123456789), pci.Timestamp)

	_, _, err = h.ZeroCopyReadPacketData()
	assert.ErrorIs(t, err, io.EOF)
	st, err := h.Stats()
	require.NoError(t, err)
	assert.Equal(t, 3, st.PacketsReceived)
}

func TestOfflineIteratorAndPrecision(t *testing.T) {
	file := writeSample(t, ethUDP(1), ethUDP(2), ethUDP(3))
	h, err := OpenOfflineReader(bytes.NewReader(file))
	require.NoError(t, err)
	h.precision = Microsecond
	var got []byte
	for data, ci := range h.Packets() {
		got = append(got, data[37])
		assert.Equal(t, 123456000, ci.Timestamp.Nanosecond())
	}
	require.NoError(t, h.Err())
	assert.Equal(t, []byte{1, 2, 3}, got)
	require.NoError(t, h.Close())
	_, _, err = h.ZeroCopyReadPacketData()
	assert.ErrorIs(t, err, os.ErrClosed)
}

func TestOpenOfflineFile(t *testing.T) {
	h, err := OpenOffline("testdata/sample.pcap")
	require.NoError(t, err)
	n := 0
	buf := make([]byte, 0, 64)
	for {
		var err error
		buf, _, err = h.ReadPacketDataInto(buf)
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		n++
	}
	assert.Greater(t, n, 0)
	require.NoError(t, h.Close())
	require.NoError(t, h.Close())

	_, err = OpenOffline("testdata/does-not-exist.pcap")
	assert.ErrorIs(t, err, os.ErrNotExist)
	_, err = OpenOfflineReader(bytes.NewReader([]byte("not a capture file at all")))
	assert.Error(t, err)
}

func TestOpenDead(t *testing.T) {
	h, err := OpenDead(linktype.LinuxSLL, 0)
	require.NoError(t, err)
	assert.Equal(t, linktype.LinuxSLL, h.LinkType())
	assert.Equal(t, linktype.DefaultSnaplen, h.SnapLen())
	_, _, err = h.ReadPacketData()
	assert.ErrorIs(t, err, io.EOF)
	assert.Error(t, h.SetDirection(DirectionIn))
	assert.Error(t, h.WritePacketData([]byte{1}))
	assert.Error(t, h.SetFanout(FanoutHash, 1))
	assert.Error(t, h.SetLinkType(linktype.Ethernet))
	assert.NoError(t, h.SetLinkType(linktype.LinuxSLL))
	// An invalid program is refused.
	assert.Error(t, h.SetBPFInstructionFilter([]bpf.Instruction{bpf.Stmt(bpf.ClassLD|bpf.ModeMEM, 99)}))
}

func TestTimeoutError(t *testing.T) {
	assert.ErrorIs(t, ErrTimeout, os.ErrDeadlineExceeded)
	var te interface{ Timeout() bool }
	require.ErrorAs(t, ErrTimeout, &te)
	assert.True(t, te.Timeout())
}

func TestInactiveHandleSettings(t *testing.T) {
	_, err := NewInactiveHandle("")
	assert.Error(t, err)
	p, err := NewInactiveHandle("nonexistent0")
	require.NoError(t, err)
	assert.NoError(t, p.SetSnapLen(0))
	assert.Equal(t, linktype.DefaultSnaplen, p.snaplen)
	assert.Error(t, p.SetBufferSize(0))
	assert.Error(t, p.SetBufferSize(-1))
	assert.Error(t, p.SetTimestampPrecision(7))
	assert.Error(t, p.SetDirection(9))
	_, err = p.Activate()
	require.Error(t, err)
	if runtime.GOOS == "linux" {
		assert.Contains(t, err.Error(), "nonexistent0")
	} else {
		assert.Contains(t, err.Error(), runtime.GOOS)
	}
	_, err = p.Activate()
	assert.Error(t, err, "second Activate")
}

// The setters check their argument as TestInactiveHandleSettings shows;
// this is the table of what each value becomes (issue 8).
func TestInactiveHandleValidation(t *testing.T) {
	for _, tc := range []struct {
		name    string
		set     func(p *InactiveHandle) error
		wantErr bool
		check   func(t *testing.T, p *InactiveHandle)
	}{
		{"snaplen -5 is the maximum", func(p *InactiveHandle) error { return p.SetSnapLen(-5) }, false,
			func(t *testing.T, p *InactiveHandle) { assert.Equal(t, linktype.DefaultSnaplen, p.snaplen) }},
		{"snaplen above the maximum", func(p *InactiveHandle) error { return p.SetSnapLen(linktype.DefaultSnaplen + 1) }, false,
			func(t *testing.T, p *InactiveHandle) { assert.Equal(t, linktype.DefaultSnaplen, p.snaplen) }},
		{"snaplen 96", func(p *InactiveHandle) error { return p.SetSnapLen(96) }, false,
			func(t *testing.T, p *InactiveHandle) { assert.Equal(t, 96, p.snaplen) }},
		{"timeout -5ms", func(p *InactiveHandle) error { return p.SetTimeout(-5 * time.Millisecond) }, true, nil},
		{"timeout -1ns", func(p *InactiveHandle) error { return p.SetTimeout(-1) }, false, nil}, // that is BlockForever
		{"timeout BlockForever", func(p *InactiveHandle) error { return p.SetTimeout(BlockForever) }, false,
			func(t *testing.T, p *InactiveHandle) { assert.Equal(t, BlockForever, p.timeout) }},
		{"timeout 0 waits forever", func(p *InactiveHandle) error { return p.SetTimeout(0) }, false, nil},
		{"buffer size 0", func(p *InactiveHandle) error { return p.SetBufferSize(0) }, true, nil},
		{"buffer size 1 is rounded up at activation", func(p *InactiveHandle) error { return p.SetBufferSize(1) }, false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := NewInactiveHandle("nonexistent0")
			require.NoError(t, err)
			before := *p
			err = tc.set(p)
			if tc.wantErr {
				require.Error(t, err)
				assert.Contains(t, err.Error(), "pcap: ")
				assert.Equal(t, before, *p, "a refused value leaves the settings as they were")
				return
			}
			require.NoError(t, err)
			if tc.check != nil {
				tc.check(t, p)
			}
		})
	}
	_, err := OpenLive("nonexistent0", 0, false, -2*time.Second)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "invalid timeout", "OpenLive reports the timeout, not the device")
}

func TestFigureOfMeritOrder(t *testing.T) {
	devs := []Interface{
		{Name: "down0"},
		{Name: "lo", Flags: FlagLoopback | FlagUp | FlagRunning | ConnectionNotApplicable},
		{Name: "eth1", Flags: FlagUp | FlagRunning | ConnectionDisconnected},
		{Name: "eth0", Flags: FlagUp | FlagRunning | ConnectionConnected},
		{Name: "any", Flags: FlagUp | FlagRunning | ConnectionNotApplicable},
		{Name: "wlan0", Flags: FlagUp | FlagRunning | FlagWireless | ConnectionDisconnected},
		{Name: "up0", Flags: FlagUp},
	}
	sortDevs(devs)
	var names []string
	for _, d := range devs {
		names = append(names, d.Name)
	}
	assert.Equal(t, []string{"eth0", "wlan0", "any", "lo", "eth1", "up0", "down0"}, names)
}

func TestFindAllDevs(t *testing.T) {
	devs, err := FindAllDevs()
	if runtime.GOOS != "linux" {
		require.Error(t, err)
		assert.Contains(t, err.Error(), runtime.GOOS)
		return
	}
	require.NoError(t, err)
	var anyDev, lo *Interface
	for i := range devs {
		switch devs[i].Name {
		case "any":
			anyDev = &devs[i]
		case "lo":
			lo = &devs[i]
		}
	}
	require.NotNil(t, anyDev)
	assert.Equal(t, anyDescription, anyDev.Description)
	assert.Equal(t, FlagUp|FlagRunning|ConnectionNotApplicable, anyDev.Flags)
	if lo != nil && lo.Flags&FlagUp != 0 {
		assert.NotZero(t, lo.Flags&FlagLoopback)
		found := false
		for _, a := range lo.Addresses {
			if a.IP.String() == "127.0.0.1" {
				found = true
				assert.Equal(t, "ff000000", a.Netmask.String())
			}
		}
		assert.True(t, found, "lo has 127.0.0.1/8")
		n, m, err := LookupNet("lo")
		require.NoError(t, err)
		assert.Equal(t, uint32(0x7f000000), n)
		assert.Equal(t, uint32(0xff000000), m)
	}
	_, _, err = LookupNet("no-such-device0")
	assert.Error(t, err)
	n, m, err := LookupNet("any")
	assert.NoError(t, err)
	assert.Zero(t, n|m)
}

// TestOfflineConcurrentControl exercises what the Handle doc allows on a
// savefile handle while another goroutine reads: Set*, Stats and Close.
// Run with -race; before the handle kept these fields atomically, the race
// detector failed it.
func TestOfflineConcurrentControl(t *testing.T) {
	frames := make([][]byte, 2000)
	for i := range frames {
		frames[i] = ethUDP(byte(i))
	}
	h, err := OpenOfflineReader(bytes.NewReader(writeSample(t, frames...)))
	require.NoError(t, err)
	done := make(chan error, 1)
	go func() {
		for {
			if _, _, err := h.ZeroCopyReadPacketData(); err != nil {
				done <- err
				return
			}
		}
	}()
	for i := 0; i < 20; i++ {
		require.NoError(t, h.SetBPFFilter("udp"))
		_, err := h.Stats()
		require.NoError(t, err)
	}
	require.NoError(t, h.Close())
	err = <-done
	if !errors.Is(err, os.ErrClosed) {
		assert.ErrorIs(t, err, io.EOF)
	}
}
