// Command apiprobe prints what gopacket/pcap's functions and methods return,
// for the acceptance test to compare between real gopacket/pcap (libpcap)
// and the drop-in: the test builds it twice, once with this import path
// changed.
package main

import (
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"strings"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcap"
)

var exprs = []string{"ip", "ip6", "tcp port 80", "udp", "arp", "vlan", "less 100", "greater 1000", "icmp or icmp6", "ip host 10.0.0.1", "tcp[tcpflags] & tcp-syn != 0", "not ip", "syntax error ("}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "-live" {
		devices()
		for _, d := range os.Args[2:] {
			live(d)
		}
		return
	}
	if len(os.Args) > 1 {
		for _, f := range os.Args[1:] {
			file(f)
		}
		return
	}
	for dlt := -1; dlt <= 300; dlt++ {
		name := pcap.DatalinkValToName(dlt)
		fmt.Printf("dlt %d %q %q %d\n", dlt, name, pcap.DatalinkValToDescription(dlt), pcap.DatalinkNameToVal(name))
	}
	for i := -1; i < 8; i++ {
		s := pcap.TimestampSource(i).String()
		back, err := pcap.TimestampSourceFromString(s)
		fmt.Printf("tstamp %d %q %d %v\n", i, s, back, err != nil)
	}
	for _, lt := range []layers.LinkType{0, 1, 9, 12, 101, 105, 108, 113, 127, 228, 229, 276} {
		for _, snap := range []int{65535, 262144, 96} {
			for _, e := range exprs {
				prog, err := pcap.CompileBPFFilter(lt, snap, e)
				fmt.Printf("compile %d %d %q %v %v\n", lt, snap, e, prog, err != nil)
			}
		}
	}
}

func file(name string) {
	fmt.Printf("== %s\n", name)
	h, err := pcap.OpenOffline(name)
	if err != nil {
		fmt.Printf("open error %q\n", err)
		return
	}
	dl, err := h.ListDataLinks()
	fmt.Printf("linktype %d snaplen %d resolution %v datalinks %v %v\n", h.LinkType(), h.SnapLen(), h.Resolution(), dl, err)
	_, err = h.Stats()
	fmt.Printf("stats %v\n", err)
	// libpcap appends strerror(errno) to its empty-packet error, with
	// whatever errno an earlier call left (often "Invalid argument", on
	// some files "Success"): only the words before it are libpcap's.
	empty, _, _ := strings.Cut(fmt.Sprint(h.WritePacketData(nil)), ":")
	fmt.Printf("write %v %v\n", empty, h.WritePacketData([]byte{1, 2, 3}))
	fmt.Printf("error %v\n", h.Error())
	var bpfs []*pcap.BPF
	for _, e := range exprs {
		b, err := h.NewBPF(e)
		prog, err2 := h.CompileBPFFilter(e)
		fmt.Printf("filter %q %v %v %v\n", e, err != nil, prog, err2 != nil)
		if err == nil {
			bpfs = append(bpfs, b)
		}
	}
	for i := 0; ; i++ {
		data, ci, err := h.ZeroCopyReadPacketData()
		if err != nil {
			var ne pcap.NextError
			switch {
			case err == io.EOF:
				fmt.Printf("%d: EOF\n", i)
			case errors.As(err, &ne):
				fmt.Printf("%d: NextError %d\n", i, ne)
			default:
				fmt.Printf("%d: error %q\n", i, err)
			}
			if err == io.EOF || i > 100000 {
				break
			}
			continue
		}
		fmt.Printf("%d: %s %d %d %d %d %08x", i, ci.Timestamp.UTC(), ci.CaptureLength, ci.Length, ci.InterfaceIndex, len(data), crc32.ChecksumIEEE(data))
		for _, b := range bpfs {
			fmt.Printf(" %v", b.Matches(ci, data))
		}
		fmt.Println()
		_ = gopacket.NewPacket(data, h.LinkType(), gopacket.Default)
	}
	h.Close()
	_, _, err = h.ReadPacketData()
	fmt.Printf("after close %v\n", err)
}

func devices() {
	ifs, err := pcap.FindAllDevs()
	fmt.Printf("findalldevs %v\n", err)
	for _, ifc := range ifs {
		fmt.Printf("dev %q %q %#x\n", ifc.Name, ifc.Description, ifc.Flags)
		for _, a := range ifc.Addresses {
			fmt.Printf("  addr %v %v %v %v\n", a.IP, a.Netmask, a.Broadaddr, a.P2P)
		}
	}
	_, err = pcap.OpenLive("nosuchdev0", 100, false, pcap.BlockForever)
	fmt.Printf("openlive nosuchdev0 %v\n", err != nil)
}

func live(dev string) {
	fmt.Printf("== %s\n", dev)
	for _, snap := range []int32{-1, 0, 1 << 30} {
		h, err := pcap.OpenLive(dev, snap, false, pcap.BlockForever)
		if err == nil {
			fmt.Printf("openlive snaplen %d: %d\n", snap, h.SnapLen())
			h.Close()
		}
	}
	h, err := pcap.OpenLive(dev, 100, false, 100*time.Millisecond)
	if err != nil {
		fmt.Printf("openlive error %v\n", err)
		return
	}
	dl, err := h.ListDataLinks()
	fmt.Printf("linktype %d snaplen %d resolution %v datalinks %v %v\n", h.LinkType(), h.SnapLen(), h.Resolution(), dl, err)
	fmt.Printf("setlinktype %v\n", h.SetLinkType(h.LinkType()))
	fmt.Printf("setfilter %v\n", h.SetBPFFilter("ip proto 253"))
	fmt.Printf("setdirection %v %v\n", h.SetDirection(pcap.DirectionIn), h.SetDirection(pcap.DirectionInOut))
	_, _, err = h.ReadPacketData()
	fmt.Printf("read %v\n", err)
	// The counters include whatever arrived before the filter was set,
	// which other traffic decides, so only whether Stats works.
	_, err = h.Stats()
	fmt.Printf("stats %v\n", err)
	// libpcap's text ends with a stale errno's, so only whether it failed.
	fmt.Printf("write failed %v\n", h.WritePacketData(nil) != nil)
	h.Close()
	_, _, err = h.ReadPacketData()
	fmt.Printf("after close %v\n", err)

	ih, err := pcap.NewInactiveHandle(dev)
	if err != nil {
		fmt.Printf("inactive error %v\n", err)
		return
	}
	defer ih.CleanUp()
	fmt.Printf("timestamps %v rfmon %v %v\n", ih.SupportedTimestamps(), ih.SetRFMon(true), ih.SetRFMon(false))
	fmt.Printf("settimestamp %v\n", ih.SetTimestampSource(0))
	fmt.Printf("timeout %v immediate %v\n", ih.SetTimeout(pcap.BlockForever), ih.SetImmediateMode(true))
	fmt.Printf("snaplen %v %v %v buffer %v %v\n", ih.SetSnapLen(-5), ih.SetSnapLen(1<<30), ih.SetSnapLen(0), ih.SetBufferSize(-1), ih.SetBufferSize(0))
	h, err = ih.Activate()
	if err != nil {
		fmt.Printf("activate error %v\n", err)
		return
	}
	fmt.Printf("activated linktype %d snaplen %d resolution %v\n", h.LinkType(), h.SnapLen(), h.Resolution())
	h.Close()
}
