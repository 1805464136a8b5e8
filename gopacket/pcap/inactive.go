package pcap

import (
	"errors"
	"sync"
	"time"

	root "github.com/purepcap/pcap"
	"github.com/purepcap/pcap/linktype"
)

// InactiveHandle is a live handle being configured, as libpcap's
// pcap_create makes it: call its setters, then Activate.
type InactiveHandle struct {
	ih          *root.InactiveHandle
	device      string
	deviceIndex int

	errMu   sync.Mutex
	lastErr string
}

// NewInactiveHandle starts configuring a live capture on device ("any":
// every device). Nothing is opened until Activate; defer CleanUp.
func NewInactiveHandle(device string) (*InactiveHandle, error) {
	ih, err := root.NewInactiveHandle(device)
	if err != nil {
		return nil, err
	}
	return &InactiveHandle{ih: ih, device: device, deviceIndex: interfaceIndex(device)}, nil
}

// Activate opens the capture. Time stamps have nanosecond resolution.
// The InactiveHandle can't be activated again.
func (p *InactiveHandle) Activate() (*Handle, error) {
	h, err := p.ih.Activate()
	if err != nil {
		p.errMu.Lock()
		p.lastErr = err.Error()
		p.errMu.Unlock()
		return nil, err
	}
	return newHandle(h, false, p.device, p.deviceIndex), nil
}

// CleanUp releases an InactiveHandle that was not activated; after Activate
// it does nothing.
func (p *InactiveHandle) CleanUp() {
	p.ih.CleanUp()
}

// Error returns the error of a failed Activate, or an empty text.
func (p *InactiveHandle) Error() error {
	p.errMu.Lock()
	defer p.errMu.Unlock()
	return errors.New(p.lastErr)
}

// SetSnapLen sets the most bytes of each packet to capture. As in libpcap,
// values <= 0 or above the maximum (262144) mean the maximum.
func (p *InactiveHandle) SetSnapLen(snaplen int) error {
	if snaplen <= 0 || snaplen > linktype.DefaultSnaplen {
		snaplen = linktype.DefaultSnaplen
	}
	return p.ih.SetSnapLen(snaplen)
}

// SetPromisc asks for promiscuous mode.
func (p *InactiveHandle) SetPromisc(promisc bool) error {
	return p.ih.SetPromisc(promisc)
}

// SetTimeout sets the read timeout: a read returns NextErrorTimeoutExpired
// when no packet arrived for this long. BlockForever (any value <= 0) waits
// forever.
func (p *InactiveHandle) SetTimeout(timeout time.Duration) error {
	return p.ih.SetTimeout(rootTimeout(timeout))
}

// SetBufferSize sets the size of the kernel ring in bytes. As in libpcap,
// values <= 0 are ignored.
func (p *InactiveHandle) SetBufferSize(bufferSize int) error {
	if bufferSize <= 0 {
		return nil
	}
	return p.ih.SetBufferSize(bufferSize)
}

// SetImmediateMode makes each packet readable as soon as it arrives.
func (p *InactiveHandle) SetImmediateMode(mode bool) error {
	return p.ih.SetImmediateMode(mode)
}

// SetRFMon returns CannotSetRFMon: monitor mode needs libpcap's mac80211
// support, which the root package does not have. libpcap on Linux, and so
// gopacket, answers the same for every device that is not a wireless one.
func (p *InactiveHandle) SetRFMon(monitor bool) error {
	return CannotSetRFMon
}

// SetWantPktap does nothing: pktap headers are a macOS feature, and gopacket
// ignores the call elsewhere too.
func (p *InactiveHandle) SetWantPktap(_ bool) error {
	return nil
}

// SupportedTimestamps lists the time stamp sources the device offers:
// the host's, the only one the root package uses.
func (p *InactiveHandle) SupportedTimestamps() (out []TimestampSource) {
	return []TimestampSource{timestampHost}
}

// SetTimestampSource chooses a time stamp source. Time stamps always come
// from the host; as in gopacket on a device without hardware time stamps
// (libpcap only warns, and gopacket drops the warning), other sources are
// accepted and have no effect.
func (p *InactiveHandle) SetTimestampSource(t TimestampSource) error {
	return nil
}
