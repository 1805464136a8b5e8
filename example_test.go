package pcap_test

import (
	"errors"
	"fmt"
	"log"
	"time"

	pcap "github.com/purepcap/pcap"
	"github.com/purepcap/pcap/linktype"
)

// Capture ten DNS packets from the default device.
func ExampleOpenLive() {
	dev, err := pcap.LookupDev()
	if err != nil {
		log.Fatal(err)
	}
	h, err := pcap.OpenLive(dev, 262144, true, time.Second)
	if err != nil {
		log.Fatal(err) // wraps os.ErrPermission without CAP_NET_RAW
	}
	defer h.Close()
	if err := h.SetBPFFilter("udp port 53"); err != nil {
		log.Fatal(err)
	}
	for n := 0; n < 10; {
		data, ci, err := h.ReadPacketData()
		if errors.Is(err, pcap.ErrTimeout) {
			continue // nothing arrived for a second
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(ci.Timestamp, len(data), ci.Length)
		n++
	}
}

// Configure a capture before activating it, libpcap's create/activate way.
// The filter is attached before the socket is bound, so no packet that
// fails it is ever returned.
func ExampleNewInactiveHandle() {
	p, err := pcap.NewInactiveHandle("any")
	if err != nil {
		log.Fatal(err)
	}
	p.SetSnapLen(128)
	p.SetBufferSize(8 << 20)
	p.SetImmediateMode(true)
	p.SetTimestampPrecision(pcap.Microsecond)
	p.SetDirection(pcap.DirectionIn)
	p.SetBPFFilter("tcp[tcpflags] & tcp-syn != 0")
	h, err := p.Activate()
	if err != nil {
		log.Fatal(err)
	}
	defer h.Close()
	fmt.Println(h.LinkType()) // LINUX_SLL
}

// List the capture devices, as tcpdump -D does.
func ExampleFindAllDevs() {
	devs, err := pcap.FindAllDevs()
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range devs {
		fmt.Println(d.Name, d.Flags&pcap.FlagUp != 0, len(d.Addresses))
	}
}

// Read a savefile with the iterator; the data is valid only inside the
// loop body.
func ExampleHandle_Packets() {
	h, err := pcap.OpenOffline("testdata/sample.pcap")
	if err != nil {
		log.Fatal(err)
	}
	defer h.Close()
	n, bytes := 0, 0
	for data := range h.Packets() {
		n++
		bytes += len(data)
	}
	if err := h.Err(); err != nil {
		log.Fatal(err)
	}
	fmt.Println(h.LinkType(), n > 0, bytes > 0)
	// Output: EN10MB true true
}

// Close from another goroutine wakes a reader blocked forever.
func ExampleHandle_Close() {
	h, err := pcap.OpenLive("lo", 0, false, pcap.BlockForever)
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		time.Sleep(time.Second)
		h.Close()
	}()
	for {
		if _, _, err := h.ZeroCopyReadPacketData(); err != nil {
			fmt.Println(err) // matches os.ErrClosed
			return
		}
	}
}

// A dead handle compiles filters for a link type without capturing.
func ExampleOpenDead() {
	h, err := pcap.OpenDead(linktype.Ethernet, 262144)
	if err != nil {
		log.Fatal(err)
	}
	prog, err := h.Compile("ip and udp", true, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(prog) > 0)
	// Output: true
}
