package savefile

import (
	"bytes"
	"io"
	"os"
	"testing"
	"time"

	"github.com/purepcap/pcap/linktype"
)

// loopReader serves head once, then body over and over.
type loopReader struct {
	head, body []byte
	off        int
	inBody     bool
}

func (l *loopReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		src := l.head
		if l.inBody {
			src = l.body
		}
		k := copy(p[n:], src[l.off:])
		n += k
		l.off += k
		if l.off == len(src) {
			l.off, l.inBody = 0, true
		}
	}
	return n, nil
}

// benchFile splits a capture into its header (and first IDB for pcapng)
// and a run of packet records that can be repeated.
func benchFile(b *testing.B, name string, headLen int) *loopReader {
	raw, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	return &loopReader{head: raw[:headLen], body: raw[headLen:]}
}

func benchRead(b *testing.B, lr *loopReader, copying bool) {
	r, err := NewReader(lr)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var total int
	for i := 0; i < b.N; i++ {
		var data []byte
		if copying {
			data, _, err = r.ReadPacketData()
		} else {
			data, _, err = r.ZeroCopyReadPacketData()
		}
		if err != nil {
			b.Fatal(err)
		}
		total += len(data)
	}
	b.SetBytes(int64(total / b.N))
}

func BenchmarkZeroCopyReadPcap(b *testing.B) {
	benchRead(b, benchFile(b, "../testdata/sample.pcap", 24), false)
}

func BenchmarkReadPacketDataPcap(b *testing.B) {
	benchRead(b, benchFile(b, "../testdata/sample.pcap", 24), true)
}

func BenchmarkZeroCopyReadPcapNG(b *testing.B) {
	// SHB (28 bytes, no options) and IDB of the file.
	var buf bytes.Buffer
	w, _ := NewNGWriter(&buf, NGWriterOptions{})
	w.AddInterface(Interface{LinkType: linktype.Ethernet, TSResol: 6})
	head := buf.Len()
	_ = head
	r, err := Open("../testdata/sample.pcap", ReaderOptions{})
	if err != nil {
		b.Fatal(err)
	}
	w.Flush()
	head = buf.Len()
	for data, ci := range r.Packets() {
		w.WritePacket(ci, data)
	}
	w.Close()
	r.Close()
	benchRead(b, &loopReader{head: buf.Bytes()[:head], body: buf.Bytes()[head:]}, false)
}

func benchPackets(b *testing.B) ([][]byte, []CaptureInfo) {
	r, err := Open("../testdata/sample.pcap", ReaderOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	var pk [][]byte
	var ci []CaptureInfo
	for {
		d, c, err := r.ReadPacketData()
		if err != nil {
			break
		}
		pk, ci = append(pk, d), append(ci, c)
	}
	return pk, ci
}

func BenchmarkWritePcap(b *testing.B) {
	pk, ci := benchPackets(b)
	w, _ := NewWriter(io.Discard, WriterOptions{LinkType: linktype.Ethernet})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(pk)
		if err := w.WritePacket(ci[k], pk[k]); err != nil {
			b.Fatal(err)
		}
	}
	w.Close()
}

func BenchmarkWritePcapNG(b *testing.B) {
	pk, ci := benchPackets(b)
	w, _ := NewNGWriter(io.Discard, NGWriterOptions{})
	w.AddInterface(Interface{LinkType: linktype.Ethernet})
	po := PacketOptions{Flags: 1, HasFlags: true, DropCount: 2, HasDropCount: true}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(pk)
		c := ci[k]
		c.Timestamp = c.Timestamp.Add(time.Duration(i))
		var err error
		if i%2 == 0 {
			err = w.WritePacket(c, pk[k])
		} else {
			err = w.WritePacketOptions(c, pk[k], &po)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	w.Close()
}

func BenchmarkReadPacketDataIntoPcap(b *testing.B) {
	r, err := NewReader(benchFile(b, "../testdata/sample.pcap", 24))
	if err != nil {
		b.Fatal(err)
	}
	var buf []byte
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf, _, err = r.ReadPacketDataInto(buf)
		if err != nil {
			b.Fatal(err)
		}
	}
}
