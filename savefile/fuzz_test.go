package savefile

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/purepcap/pcap/internal/testutil"
)

func addSeeds(f *testing.F, ng bool) {
	for _, dir := range []string{testutil.CapturesDir(f), "testdata/crafted"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, name := range files {
			if strings.HasSuffix(name, ".pcapng") != ng || strings.HasSuffix(name, ".py") {
				continue
			}
			b, err := os.ReadFile(name)
			if err != nil || len(b) > 16<<10 {
				continue
			}
			f.Add(b, false)
			f.Add(b, true)
		}
	}
}

type fuzzPacket struct {
	data      []byte
	ci        CaptureInfo
	sec, frac int64
}

// fuzzRead reads up to 10000 packets, checking the Reader's invariants.
func fuzzRead(t *testing.T, b []byte, libpcap bool) (*Reader, []fuzzPacket, error) {
	r, err := NewReaderOptions(bytes.NewReader(b), ReaderOptions{Libpcap: libpcap})
	if err != nil {
		if r != nil {
			t.Fatalf("error %v with a non-nil Reader", err)
		}
		return nil, nil, err
	}
	var pkts []fuzzPacket
	for len(pkts) < 10000 {
		data, ci, err := r.ZeroCopyReadPacketData()
		if err != nil {
			if data != nil {
				t.Fatalf("error %v with data", err)
			}
			if err == io.EOF {
				err = nil
			}
			return r, pkts, err
		}
		if len(data) != ci.CaptureLength {
			t.Fatalf("len(data) %d != CaptureLength %d", len(data), ci.CaptureLength)
		}
		if ci.CaptureLength > r.Snaplen() && r.Format() == FormatPcap {
			t.Fatalf("caplen %d above snaplen %d", ci.CaptureLength, r.Snaplen())
		}
		sec, frac := r.Timeval(r.NanosecondFile())
		pkts = append(pkts, fuzzPacket{append([]byte(nil), data...), ci, sec, frac})
	}
	return r, pkts, nil
}

// FuzzPcapReader reads arbitrary bytes as a savefile and checks that a
// pcap file rewritten with Writer reads back the same.
func FuzzPcapReader(f *testing.F) {
	addSeeds(f, false)
	f.Fuzz(func(t *testing.T, b []byte, libpcap bool) {
		r, pkts, _ := fuzzRead(t, b, libpcap)
		if r == nil || r.Format() != FormatPcap {
			return
		}
		var out bytes.Buffer
		w, _ := NewWriter(&out, WriterOptions{LinkType: r.LinkType(), LinkTypeExt: r.LinkTypeExt(), Snaplen: r.Snaplen(), Nanosecond: r.NanosecondFile()})
		for _, p := range pkts {
			if err := w.WriteTimeval(p.sec, p.frac, p.ci.Length, p.data); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		r2, pkts2, err := fuzzRead(t, out.Bytes(), libpcap)
		if err != nil {
			t.Fatalf("rewritten file: %v", err)
		}
		if r2.LinkType() != r.LinkType() || r2.Snaplen() != r.Snaplen() || len(pkts2) != len(pkts) {
			t.Fatalf("rewritten file differs: %v/%v %d/%d %d/%d", r2.LinkType(), r.LinkType(), r2.Snaplen(), r.Snaplen(), len(pkts2), len(pkts))
		}
		for i := range pkts {
			p, q := pkts[i], pkts2[i]
			if !bytes.Equal(p.data, q.data) || p.ci.Length != q.ci.Length || int32(p.sec) != int32(q.sec) || int32(p.frac) != int32(q.frac) {
				t.Fatalf("packet %d differs after rewriting", i)
			}
		}
	})
}

// FuzzPcapNGReader reads arbitrary bytes as a savefile and checks that
// the packets copied to a pcapng file with NGWriter read back the same.
func FuzzPcapNGReader(f *testing.F) {
	addSeeds(f, true)
	f.Fuzz(fuzzNG)
}

func fuzzNG(t *testing.T, b []byte, libpcap bool) {
	{
		r, pkts, _ := fuzzRead(t, b, libpcap)
		if r == nil || r.Format() != FormatPcapNG {
			return
		}
		var out bytes.Buffer
		w, err := NewNGWriter(&out, NGWriterOptions{UserAppl: "fuzz"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.AddInterface(Interface{LinkType: r.LinkType(), TSResol: 9}); err != nil {
			t.Fatal(err)
		}
		lo, hi := time.Unix(0, 0), time.Unix(1<<33, 0)
		var kept []fuzzPacket
		for _, p := range pkts {
			if p.ci.Timestamp.Before(lo) || p.ci.Timestamp.After(hi) {
				continue
			}
			p.ci.InterfaceIndex = 0
			if err := w.WritePacket(p.ci, p.data); err != nil {
				t.Fatal(err)
			}
			kept = append(kept, p)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		_, pkts2, err := fuzzRead(t, out.Bytes(), libpcap)
		if err != nil {
			t.Fatalf("rewritten file: %v", err)
		}
		if len(pkts2) != len(kept) {
			t.Fatalf("%d packets written, %d read back", len(kept), len(pkts2))
		}
		for i := range kept {
			p, q := kept[i], pkts2[i]
			if !bytes.Equal(p.data, q.data) || p.ci.Length != q.ci.Length || !p.ci.Timestamp.Equal(q.ci.Timestamp) {
				t.Fatalf("packet %d differs after rewriting: %v %v", i, p.ci, q.ci)
			}
		}
	}
}
