package pcap

import "github.com/purepcap/pcap/bpf"

// userFilter runs a filter program in userspace: for savefiles, and for
// live packets the kernel did not filter.
type userFilter struct {
	vm *bpf.VM
}

func newUserFilter(prog []bpf.Instruction) (*userFilter, error) {
	vm, err := bpf.NewVM(prog)
	if err != nil {
		return nil, err
	}
	return &userFilter{vm: vm}, nil
}

// run returns the program's verdict on pkt: how many bytes to keep, 0 to
// drop it. wireLen is the packet's length on the wire; md carries the
// Linux ancillary data of a live packet, nil for savefile packets.
func (f *userFilter) run(pkt []byte, wireLen int, md *bpf.Metadata) int {
	if md == nil {
		return int(f.vm.Run(pkt, wireLen))
	}
	return int(f.vm.RunMeta(pkt, wireLen, md))
}
