// Package testcap reads test captures through savefile for the tests of
// packages below savefile (bpf, compile) and above it (the CLI), which
// then need no pcap reader of their own. It is apart from testutil because
// savefile's own tests use testutil and cannot import a package that
// imports savefile.
package testcap

import (
	"bytes"
	"io"

	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// Read reads every packet of a pcap or pcapng file and returns the file's
// link type (of its first interface) and packets. It stops at the first
// error, which it returns with the packets read before it.
func Read(path string) (linktype.Type, []testutil.Packet, error) {
	r, err := savefile.Open(path, savefile.ReaderOptions{})
	if err != nil {
		return 0, nil, err
	}
	defer r.Close()
	pkts, err := readAll(r)
	return r.LinkType(), pkts, err
}

// Bytes returns the packets of the capture b up to its first error, read
// as libpcap reads it when libpcap is set (savefile.ReaderOptions.Libpcap)
// or else as savefile does by default. The error is the one of reading
// the file header only.
func Bytes(b []byte, libpcap bool) ([]testutil.Packet, error) {
	r, err := savefile.NewReaderOptions(bytes.NewReader(b), savefile.ReaderOptions{Libpcap: libpcap})
	if err != nil {
		return nil, err
	}
	pkts, _ := readAll(r)
	return pkts, nil
}

func readAll(r *savefile.Reader) ([]testutil.Packet, error) {
	var pkts []testutil.Packet
	for {
		data, ci, err := r.ReadPacketData()
		if err == io.EOF {
			return pkts, nil
		}
		if err != nil {
			return pkts, err
		}
		pkts = append(pkts, testutil.Packet{Timestamp: ci.Timestamp, Length: ci.Length, Data: data})
	}
}
