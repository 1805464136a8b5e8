// Package testcap reads a test capture through savefile for the tests of
// packages below savefile (bpf, compile), which then need no pcap reader
// of their own. It is apart from testutil because savefile's own tests
// use testutil and cannot import a package that imports savefile.
package testcap

import (
	"io"

	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// Packet is one packet of a capture: its bytes and its length on the
// wire.
type Packet struct {
	Data   []byte
	Length int
}

// Read reads every packet of a pcap or pcapng file with savefile
// and returns the file's link type (of its first interface) and packets.
// It stops at the first error, which it returns with the packets read
// before it.
func Read(path string) (linktype.Type, []Packet, error) {
	r, err := savefile.Open(path, savefile.ReaderOptions{})
	if err != nil {
		return 0, nil, err
	}
	defer r.Close()
	var pkts []Packet
	for {
		data, ci, err := r.ReadPacketData()
		if err == io.EOF {
			return r.LinkType(), pkts, nil
		}
		if err != nil {
			return r.LinkType(), pkts, err
		}
		pkts = append(pkts, Packet{Data: data, Length: ci.Length})
	}
}
