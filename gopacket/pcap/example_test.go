package pcap_test

import (
	"fmt"
	"log"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"

	"github.com/purepcap/pcap/gopacket/pcap"
)

// A gopacket program reads a savefile as before: only the import path of
// pcap changed. (tcpdump -r sample.pcap --count with the same filter
// counts 9 packets too.)
func ExampleOpenOffline() {
	handle, err := pcap.OpenOffline("../../testdata/sample.pcap")
	if err != nil {
		log.Fatal(err)
	}
	defer handle.Close()
	if err := handle.SetBPFFilter("tcp[tcpflags] & tcp-push != 0"); err != nil {
		log.Fatal(err)
	}
	n := 0
	for packet := range gopacket.NewPacketSource(handle, handle.LinkType()).Packets() {
		if n++; n <= 3 {
			tcp := packet.Layer(layers.LayerTypeTCP).(*layers.TCP)
			fmt.Println(tcp.SrcPort, "->", tcp.DstPort, len(tcp.Payload), "bytes")
		}
	}
	fmt.Println(n, "packets with PSH")
	// Output:
	// 6633 -> 35359 184 bytes
	// 6633 -> 35359 8 bytes
	// 35359 -> 6633 8 bytes
	// 9 packets with PSH
}

// NewBPF matches packets from any source against a filter, in userspace.
func ExampleNewBPF() {
	filter, err := pcap.NewBPF(layers.LinkTypeEthernet, 65535, "arp")
	if err != nil {
		log.Fatal(err)
	}
	frame := make([]byte, 42)
	frame[12], frame[13] = 0x08, 0x06 // EtherType ARP
	ci := gopacket.CaptureInfo{CaptureLength: len(frame), Length: len(frame)}
	fmt.Println(filter, filter.Matches(ci, frame))
	// Output: arp true
}
