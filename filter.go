package pcap

import (
	"fmt"
	"os"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
)

// CompileBPFFilter compiles a tcpdump filter expression for packets of the
// given link type and snapshot length, as a dead handle would (gopacket's
// name and shape). The program is optimized and assumes no netmask.
func CompileBPFFilter(linkType linktype.Type, snaplen int, expr string) ([]bpf.Instruction, error) {
	prog, err := compile.Compile(expr, linkType, compile.Options{Snaplen: snaplen, Optimize: true})
	if err != nil {
		return nil, fmt.Errorf("pcap: %w", err)
	}
	return prog, nil
}

// Compile compiles expr for this handle, as libpcap's pcap_compile: for its
// link type and snapshot length, optimized if optimize, with netmask (an
// IPv4 mask such as 0xffffff00) for "ip broadcast". As in libpcap, 0 is a
// valid mask (what tcpdump passes when it knows none) and
// compile.NetmaskUnknown makes "ip broadcast" an error. On a live Linux
// handle the program uses the kernel's ancillary loads, and on a savefile
// handle libpcap's savefile rules apply, as libpcap's do.
func (h *Handle) Compile(expr string, optimize bool, netmask uint32) ([]bpf.Instruction, error) {
	prog, err := compile.Compile(expr, h.linkType, compile.Options{
		Snaplen:   h.snaplen,
		Optimize:  optimize,
		Netmask:   netmask,
		LiveLinux: h.live != nil,
		Savefile:  h.reader != nil,
	})
	if err != nil {
		return nil, fmt.Errorf("pcap: %w", err)
	}
	return prog, nil
}

// CompileBPFFilter is Compile(expr, true, 0) (gopacket's method).
func (h *Handle) CompileBPFFilter(expr string) ([]bpf.Instruction, error) {
	return h.Compile(expr, true, 0)
}

// SetBPFFilter compiles expr (see Compile) and makes it the handle's
// filter. On a live handle the kernel runs it when it can; packets that
// were already queued when the filter changed are filtered again in
// userspace, so none that fails it is returned.
func (h *Handle) SetBPFFilter(expr string) error {
	prog, err := h.Compile(expr, true, 0)
	if err != nil {
		return err
	}
	return h.SetBPFInstructionFilter(prog)
}

// SetFilter is SetBPFFilter (libpcap's pcap_setfilter, taking the
// expression).
func (h *Handle) SetFilter(expr string) error { return h.SetBPFFilter(expr) }

// SetBPFInstructionFilter makes prog, a program for the handle's link type,
// the handle's filter. An empty program removes the filter.
func (h *Handle) SetBPFInstructionFilter(prog []bpf.Instruction) error {
	if h.closed.Load() {
		return &opError{op: "set filter", err: os.ErrClosed}
	}
	prog = append([]bpf.Instruction(nil), prog...)
	if len(prog) == 0 {
		prog = nil
	}
	var vm *bpf.VM
	if prog != nil {
		var err error
		vm, err = bpf.NewVM(prog)
		if err != nil {
			return &opError{op: "set filter", err: err}
		}
	}
	if h.live != nil {
		return h.live.setFilter(h, prog, vm)
	}
	h.filter = prog
	h.vm.Store(vm)
	return nil
}

// Filter returns the handle's current filter program, or nil. The slice is
// the handle's own: don't modify it.
func (h *Handle) Filter() []bpf.Instruction { return h.filter }
