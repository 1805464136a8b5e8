package savefile_test

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

func ExampleNewReader() {
	f, err := os.Open("../testdata/pcaps/kday2.pcap")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	r, err := savefile.NewReader(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Format(), r.LinkType().Name(), r.Snaplen())
	for {
		data, ci, err := r.ReadPacketData()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(ci.Timestamp.UTC().Format(time.RFC3339Nano), len(data), ci.Length)
	}
	// Output:
	// pcap EN10MB 65535
	// 2014-11-24T17:19:33.663606Z 182 182
	// 2014-12-18T23:52:05.672232Z 66 66
	// 2014-11-24T17:19:33.684826Z 66 66
	// 2014-11-24T17:19:33.703499Z 66 66
	// 2014-11-24T17:19:33.703625Z 413 413
}

func ExampleReader_Packets() {
	r, err := savefile.Open("../testdata/pcaps/of13_ericsson.pcapng", savefile.ReaderOptions{})
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	n, bytes := 0, 0
	for data := range r.Packets() {
		n++
		bytes += len(data)
	}
	if err := r.Err(); err != nil {
		log.Fatal(err)
	}
	fmt.Println(n, "packets,", bytes, "bytes on", len(r.Interfaces()), "interface(s)")
	// Output:
	// 174 packets, 113746 bytes on 1 interface(s)
}

func ExampleWriter() {
	var buf bytes.Buffer
	w, err := savefile.NewWriter(&buf, savefile.WriterOptions{LinkType: linktype.Ethernet, Snaplen: 65535})
	if err != nil {
		log.Fatal(err)
	}
	pkt := []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	ci := savefile.CaptureInfo{Timestamp: time.Unix(1, 2500), CaptureLength: len(pkt), Length: 60}
	if err := w.WritePacket(ci, pkt); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("% x\n", buf.Bytes()[24:40]) // the record header
	// Output:
	// 01 00 00 00 02 00 00 00 06 00 00 00 3c 00 00 00
}

func ExampleNGWriter() {
	var buf bytes.Buffer
	w, err := savefile.NewNGWriter(&buf, savefile.NGWriterOptions{UserAppl: "example"})
	if err != nil {
		log.Fatal(err)
	}
	eth, err := w.AddInterface(savefile.Interface{LinkType: linktype.Ethernet, Name: "eth0", TSResol: 9})
	if err != nil {
		log.Fatal(err)
	}
	pkt := make([]byte, 60)
	ci := savefile.CaptureInfo{Timestamp: time.Unix(1700000000, 123456789), CaptureLength: 60, Length: 60, InterfaceIndex: eth}
	opts := savefile.PacketOptions{Comments: []string{"hello"}, Flags: 1, HasFlags: true}
	if err := w.WritePacketOptions(ci, pkt, &opts); err != nil {
		log.Fatal(err)
	}
	w.Close()

	r, err := savefile.NewReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	_, got, err := r.ReadPacketData()
	if err != nil {
		log.Fatal(err)
	}
	po, _ := r.PacketOptions()
	fmt.Println(r.Interfaces()[0].Name, got.Timestamp.UnixNano(), po.Comments, po.Direction())
	// Output:
	// eth0 1700000000123456789 [hello] 1
}
