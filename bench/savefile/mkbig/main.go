// Command mkbig writes a large pcap for the savefile benchmark: the
// packets of the Ethernet pcap captures in a directory (tcpdump's test
// captures), repeated in order until the file holds -n packets.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

func main() {
	dir := flag.String("dir", "testdata/pcaps", "directory of captures")
	n := flag.Int("n", 2000000, "packets to write")
	out := flag.String("o", "/dev/shm/big.pcap", "output file")
	maxLen := flag.Int("maxlen", 65535, "leave out packets longer than this")
	flag.Parse()

	files, _ := filepath.Glob(filepath.Join(*dir, "*.pcap"))
	sort.Strings(files)
	type pkt struct {
		ci   savefile.CaptureInfo
		data []byte
	}
	var pkts []pkt
	for _, name := range files {
		r, err := savefile.Open(name, savefile.ReaderOptions{Libpcap: true})
		if err != nil || r.LinkType() != linktype.Ethernet || r.LinkTypeExt() != 0 || r.NanosecondFile() {
			continue
		}
		for {
			data, ci, err := r.ReadPacketData()
			if err == io.EOF {
				break
			}
			if err != nil {
				break
			}
			if len(data) <= *maxLen {
				pkts = append(pkts, pkt{ci, data})
			}
		}
		r.Close()
	}
	if len(pkts) == 0 {
		fmt.Fprintln(os.Stderr, "mkbig: no Ethernet packets found in", *dir)
		os.Exit(1)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkbig:", err)
		os.Exit(1)
	}
	w, _ := savefile.NewWriter(f, savefile.WriterOptions{LinkType: linktype.Ethernet, Snaplen: 262144})
	var bytes int64
	for i := 0; i < *n; i++ {
		p := pkts[i%len(pkts)]
		if err := w.WritePacket(p.ci, p.data); err != nil {
			fmt.Fprintln(os.Stderr, "mkbig:", err)
			os.Exit(1)
		}
		bytes += int64(16 + len(p.data))
	}
	if err := w.Close(); err == nil {
		err = f.Close()
	}
	fmt.Printf("mkbig: %d packets (%d distinct), %.0f MB in %s\n", *n, len(pkts), float64(bytes+24)/1e6, *out)
}
