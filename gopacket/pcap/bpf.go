package pcap

import (
	"errors"
	"fmt"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
)

// MaxBpfInstructions is the most instructions a program may have, the
// kernel's BPF_MAXINSNS.
const MaxBpfInstructions = bpf.MaxInstructions

// BPFInstruction is one classic BPF instruction, as tcpdump -dd prints it.
type BPFInstruction struct {
	Code uint16
	Jt   uint8
	Jf   uint8
	K    uint32
}

// BPF is a compiled filter for matching packets in userspace. Matches may be
// called from several goroutines at once.
type BPF struct {
	orig string
	vm   *bpf.VM
}

// String returns the expression the filter was compiled from.
func (b *BPF) String() string {
	return b.orig
}

// Matches reports whether the filter accepts the packet data, whose length
// on the wire is ci.Length (its captured length is len(data)).
func (b *BPF) Matches(ci gopacket.CaptureInfo, data []byte) bool {
	return b.vm.Run(data, ci.Length) != 0
}

// fromDLT returns the link type libpcap means by a DLT_* value (12 is
// LINKTYPE_RAW, 101); values that are no DLT stay as they are.
func fromDLT(dlt int) linktype.Type {
	if t, ok := linktype.Type(dlt).Savefile(); ok {
		return t
	}
	return linktype.Type(dlt)
}

// compileDead compiles expr as libpcap does for pcap_open_dead(linkType,
// captureLength): optimized, with the netmask unknown, for that snapshot
// length taken as it is (libpcap refuses 0; a negative one is its uint32).
func compileDead(linkType layers.LinkType, captureLength int, expr string) ([]bpf.Instruction, error) {
	if _, ok := dltType(int(linkType)); !ok {
		// libpcap takes a DLT_* value here; LINKTYPE_RAW (101) is none.
		return nil, fmt.Errorf("unknown data link type %d", int(linkType))
	}
	if captureLength == 0 {
		return nil, errors.New("snaplen of 0 rejects all packets")
	}
	opts := compile.Options{Snaplen: int(uint32(captureLength)), Optimize: true, Netmask: compile.NetmaskUnknown}
	return compile.Compile(expr, fromDLT(int(linkType)), opts)
}

// CompileBPFFilter compiles expr for packets of linkType captured with
// captureLength, as tcpdump -dd would print it. As in libpcap, linkType is a
// DLT_* value: layers.LinkTypeRaw (101) is an error, DLT_RAW is 12.
func CompileBPFFilter(linkType layers.LinkType, captureLength int, expr string) ([]BPFInstruction, error) {
	prog, err := compileDead(linkType, captureLength, expr)
	if err != nil {
		return nil, err
	}
	return toBPFInstructions(prog), nil
}

// NewBPF compiles expr for matching packets of linkType captured with
// captureLength, without a handle.
func NewBPF(linkType layers.LinkType, captureLength int, expr string) (*BPF, error) {
	prog, err := compileDead(linkType, captureLength, expr)
	if err != nil {
		return nil, err
	}
	return newBPF(expr, prog)
}

func newBPF(expr string, prog []bpf.Instruction) (*BPF, error) {
	vm, err := bpf.NewVM(prog)
	if err != nil {
		return nil, err
	}
	return &BPF{orig: expr, vm: vm}, nil
}

func toBPFInstructions(prog []bpf.Instruction) []BPFInstruction {
	out := make([]BPFInstruction, len(prog))
	for i, ins := range prog {
		out[i] = BPFInstruction{Code: ins.Op, Jt: ins.Jt, Jf: ins.Jf, K: ins.K}
	}
	return out
}

// fromBPFInstructions checks the program's length as gopacket does and
// converts it.
func fromBPFInstructions(insns []BPFInstruction) ([]bpf.Instruction, error) {
	if len(insns) < 1 {
		return nil, errors.New("bpfInstructions must not be empty")
	}
	if len(insns) > MaxBpfInstructions {
		return nil, fmt.Errorf("bpfInstructions must not be larger than %d", MaxBpfInstructions)
	}
	prog := make([]bpf.Instruction, len(insns))
	for i, ins := range insns {
		prog[i] = bpf.Instruction{Op: ins.Code, Jt: ins.Jt, Jf: ins.Jf, K: ins.K}
	}
	return prog, nil
}

// compile compiles expr for the handle, as gopacket does: optimized, with the
// device's netmask on a live handle, and with libpcap's savefile rules on a
// savefile.
func (p *Handle) compile(expr string) ([]bpf.Instruction, error) {
	return p.h.Compile(expr, true, p.netmask())
}

// CompileBPFFilter compiles expr for the handle's link type and snapshot
// length.
func (p *Handle) CompileBPFFilter(expr string) ([]BPFInstruction, error) {
	prog, err := p.compile(expr)
	if err != nil {
		return nil, err
	}
	return toBPFInstructions(prog), nil
}

// SetBPFFilter compiles expr and makes it the handle's filter. On a live
// handle the kernel runs it, and no packet that fails it is returned.
func (p *Handle) SetBPFFilter(expr string) (err error) {
	prog, err := p.compile(expr)
	if err != nil {
		return err
	}
	return p.h.SetBPFInstructionFilter(prog)
}

// SetBPFInstructionFilter makes a program, such as tcpdump -dd prints, the
// handle's filter. It must have 1 to MaxBpfInstructions instructions.
func (p *Handle) SetBPFInstructionFilter(bpfInstructions []BPFInstruction) (err error) {
	prog, err := fromBPFInstructions(bpfInstructions)
	if err != nil {
		return err
	}
	return p.h.SetBPFInstructionFilter(prog)
}

// NewBPF compiles expr, for the handle's link type and snapshot length, into
// a filter for Matches. The netmask is unknown, as in gopacket.
func (p *Handle) NewBPF(expr string) (*BPF, error) {
	prog, err := p.h.Compile(expr, true, compile.NetmaskUnknown)
	if err != nil {
		return nil, err
	}
	return newBPF(expr, prog)
}

// NewBPFInstructionFilter makes a filter for Matches from a program, which
// must have 1 to MaxBpfInstructions instructions and be valid.
func (p *Handle) NewBPFInstructionFilter(bpfInstructions []BPFInstruction) (*BPF, error) {
	prog, err := fromBPFInstructions(bpfInstructions)
	if err != nil {
		return nil, err
	}
	return newBPF("BPF Instruction Filter", prog)
}
