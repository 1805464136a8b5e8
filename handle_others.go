//go:build !linux

package pcap

import (
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// liveHandle is never created on this system; its methods exist only so
// the portable code compiles.
type liveHandle struct{ rd struct{ ci CaptureInfo } }

func activate(h *Handle, p *InactiveHandle) error {
	return &opError{op: "open", dev: p.device, err: errUnsupported}
}

func (*liveHandle) next(*Handle) ([]byte, error)                        { return nil, errUnsupported }
func (*liveHandle) setFilter(*Handle, []bpf.Instruction, *bpf.VM) error { return errUnsupported }
func (*liveHandle) readDone()                                           {}
func (*liveHandle) stats() (Stats, error)                               { return Stats{}, errUnsupported }
func (*liveHandle) close(*Handle) error                                 { return nil }
func (*liveHandle) setDirection(Direction) error                        { return errUnsupported }
func (*liveHandle) dataLinks() []linktype.Type                          { return nil }
func (*liveHandle) setLinkType(*Handle, linktype.Type) error            { return errUnsupported }
func (*liveHandle) write([]byte) error                                  { return errUnsupported }
func (*liveHandle) setFanout(FanoutMode, uint16) error                  { return errUnsupported }
