package bpf

import (
	"errors"
	"os"
	"time"

	"github.com/purepcap/pcap/internal/testutil/testcap"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// The tests' captures are read with testcap and written with savefile.

// testPacket is one packet of a test capture: the captured bytes and the
// length on the wire.
type testPacket struct {
	data    []byte
	wireLen int
}

// readCapture returns the packets of the capture at path and its link type.
func readCapture(path string) ([]testPacket, linktype.Type, error) {
	lt, read, err := testcap.Read(path)
	if err != nil {
		return nil, 0, err
	}
	pkts := make([]testPacket, len(read))
	for i, p := range read {
		pkts[i] = testPacket{data: p.Data, wireLen: p.Length}
	}
	return pkts, lt, nil
}

// readTestPcap returns the packets of the capture at path.
func readTestPcap(path string) ([]testPacket, error) {
	pkts, _, err := readCapture(path)
	return pkts, err
}

// writeTestPcap writes pkts to a pcap file at path, packet i stamped i
// seconds after the epoch.
func writeTestPcap(path string, lt linktype.Type, pkts []testPacket) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w, err := savefile.NewWriter(f, savefile.WriterOptions{LinkType: lt})
	if err == nil {
		for i, p := range pkts {
			ci := savefile.CaptureInfo{Timestamp: time.Unix(int64(i), 0), CaptureLength: len(p.data), Length: p.wireLen}
			if err = w.WritePacket(ci, p.data); err != nil {
				break
			}
		}
		err = errors.Join(err, w.Close())
	}
	return errors.Join(err, f.Close())
}
