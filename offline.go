package pcap

import (
	"fmt"
	"io"
	"os"

	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// packetSource is what an offline handle reads: a savefile reader.
type packetSource interface {
	LinkType() linktype.Type
	Snaplen() int
	ZeroCopyReadPacketData() ([]byte, CaptureInfo, error)
}

// OpenOffline opens a pcap or pcapng savefile for reading ("-" is standard
// input). Filters run in the userspace BPF machine.
func OpenOffline(path string) (*Handle, error) {
	if path == "-" {
		return OpenOfflineReader(os.Stdin)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("pcap: %w", err)
	}
	h, err := OpenOfflineReader(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	h.file = f
	return h, nil
}

// OpenOfflineReader reads a pcap or pcapng savefile from r.
func OpenOfflineReader(r io.Reader) (*Handle, error) {
	src, err := savefile.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("pcap: %w", err)
	}
	return &Handle{linkType: src.LinkType(), snaplen: src.Snaplen(), reader: src}, nil
}

// OpenDead returns a handle that captures nothing, for compiling filters
// for a link type and snapshot length (libpcap's pcap_open_dead). Reads
// return io.EOF.
func OpenDead(linkType linktype.Type, snaplen int) (*Handle, error) {
	return &Handle{linkType: linkType, snaplen: snaplenOrMax(snaplen)}, nil
}

func (h *Handle) nextOffline() ([]byte, CaptureInfo, error) {
	if h.closed.Load() {
		return nil, CaptureInfo{}, &opError{op: "read", err: os.ErrClosed}
	}
	if h.reader == nil {
		return nil, CaptureInfo{}, io.EOF
	}
	for {
		data, ci, err := h.reader.ZeroCopyReadPacketData()
		if err != nil {
			return nil, ci, err
		}
		h.read.Add(1)
		if vm := h.vm.Load(); vm != nil {
			n := int(vm.Run(data, ci.Length))
			if n == 0 {
				continue
			}
			if n < len(data) {
				data = data[:n]
				ci.CaptureLength = n
			}
		}
		if h.precision == Microsecond {
			ci.Timestamp = ci.Timestamp.Truncate(1000)
		}
		return data, ci, nil
	}
}
