package printer

import (
	"errors"
	"io"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

type packet struct {
	ci   savefile.CaptureInfo
	data []byte
}

func loadPackets(tb testing.TB, file string) ([]packet, linktype.Type) {
	r, err := savefile.Open(file, savefile.ReaderOptions{})
	require.NoError(tb, err)
	defer r.Close()
	var pkts []packet
	for {
		data, ci, err := r.ReadPacketData()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(tb, err)
		pkts = append(pkts, packet{ci, data})
	}
	return pkts, r.LinkType()
}

// BenchmarkPrint prints the packets of a TCP capture with -n, then with
// -X: one Print call per op.
func BenchmarkPrint(b *testing.B) {
	pkts, lt := loadPackets(b, filepath.Join(testutil.CapturesDir(b), "kday2.pcap"))
	for _, bc := range []struct {
		name string
		opt  Options
	}{{"n", Options{}}, {"X", Options{HexASCII: 1}}, {"v", Options{Verbose: 1}}} {
		b.Run(bc.name, func(b *testing.B) {
			pr := New(io.Discard, bc.opt)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				pk := pkts[i%len(pkts)]
				if err := pr.Print(pk.ci, pk.data, lt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
