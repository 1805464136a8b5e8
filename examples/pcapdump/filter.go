package main

import (
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
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
