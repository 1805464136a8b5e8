package main

import (
	"fmt"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// packetFilter returns a function that says whether a packet matches c.expr
// on a savefile of the given link type and snaplen, or nil when there is no
// expression.
func packetFilter(c *config, linkType linktype.Type, snaplen int) (func(pkt []byte, wireLen int) bool, error) {
	if !c.exprGiven || c.expr == "" {
		return nil, nil
	}
	prog, err := compile.Compile(c.expr, linkType, compile.Options{
		Snaplen:  snaplen,
		Optimize: c.optimize,
		Savefile: true,
	})
	if err != nil {
		return nil, compileError(err)
	}
	vm, err := bpf.NewVM(prog)
	if err != nil {
		return nil, err
	}
	return func(pkt []byte, wireLen int) bool {
		return vm.Run(pkt, wireLen) != 0
	}, nil
}

// ifaceFilters holds the filters of a pcapng input's interfaces when
// pcapdump writes pcapng, where interfaces may differ in link type: the
// filter is compiled once for each link type (with the snaplen of the first
// interface of that type to have a packet), and each interface of the
// current section finds its filter by its ID, so that a packet costs no
// map lookup. A new section starts a new list of interfaces.
type ifaceFilters struct {
	c        *config
	byType   map[linktype.Type]func([]byte, int) bool
	sections int                      // the input's Sections() that ifaces belongs to
	ifaces   []func([]byte, int) bool // by interface ID; nil until it has a packet
}

func newIfaceFilters(c *config, lt linktype.Type, match func([]byte, int) bool) *ifaceFilters {
	return &ifaceFilters{c: c, byType: map[linktype.Type]func([]byte, int) bool{lt: match}}
}

// match reports whether the filter of the packet's interface passes it,
// compiling that filter when its link type is new to the input.
func (f *ifaceFilters) match(r *savefile.Reader, ci *savefile.CaptureInfo, data []byte) (bool, error) {
	id := ci.InterfaceIndex
	if id >= len(f.ifaces) || r.Sections() != f.sections || f.ifaces[id] == nil {
		if err := f.fill(r, id); err != nil {
			return false, err
		}
	}
	return f.ifaces[id](data, ci.Length), nil
}

// fill brings the interface list up to the input's current section and
// sets the filter of interface id.
func (f *ifaceFilters) fill(r *savefile.Reader, id int) error {
	if r.Sections() != f.sections {
		f.sections = r.Sections()
		clear(f.ifaces)
		f.ifaces = f.ifaces[:0]
	}
	ifs := r.Interfaces()
	if id >= len(ifs) {
		return fmt.Errorf("packet on interface %d of %d", id, len(ifs))
	}
	for len(f.ifaces) < len(ifs) {
		f.ifaces = append(f.ifaces, nil)
	}
	if f.ifaces[id] != nil {
		return nil
	}
	in := ifs[id]
	m, ok := f.byType[in.LinkType]
	if !ok {
		var err error
		if m, err = packetFilter(f.c, in.LinkType, in.Snaplen); err != nil {
			return err
		}
		if m == nil {
			m = func([]byte, int) bool { return true }
		}
		f.byType[in.LinkType] = m
	}
	f.ifaces[id] = m
	return nil
}
