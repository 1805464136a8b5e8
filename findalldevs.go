package pcap

import (
	"cmp"
	"net"
	"slices"
)

// Interface flags, libpcap's PCAP_IF_* values.
const (
	FlagLoopback uint32 = 0x01 // PCAP_IF_LOOPBACK
	FlagUp       uint32 = 0x02 // PCAP_IF_UP
	FlagRunning  uint32 = 0x04 // PCAP_IF_RUNNING
	FlagWireless uint32 = 0x08 // PCAP_IF_WIRELESS

	// FlagConnectionStatus masks the connection status, one of the
	// Connection* values.
	FlagConnectionStatus uint32 = 0x30

	ConnectionUnknown       uint32 = 0x00 // status unknown
	ConnectionConnected     uint32 = 0x10 // connected (wireless: associated)
	ConnectionDisconnected  uint32 = 0x20 // disconnected (wireless: not associated)
	ConnectionNotApplicable uint32 = 0x30 // does not apply (loopback, "any")
)

// Interface is a capture device as FindAllDevs lists it (gopacket's
// fields).
type Interface struct {
	Name        string
	Description string
	Flags       uint32 // Flag* bits and a Connection* status
	Addresses   []InterfaceAddress
}

// InterfaceAddress is one IPv4 or IPv6 address of an Interface. Broadaddr
// and P2P are nil when the interface has none.
type InterfaceAddress struct {
	IP        net.IP
	Netmask   net.IPMask
	Broadaddr net.IP // broadcast address
	P2P       net.IP // destination of a point-to-point link
}

// anyDescription is libpcap's description of the "any" device.
const anyDescription = "Pseudo-device that captures on all interfaces"

// FindAllDevs lists the devices live capture can open, in libpcap's order:
// up and running before down, connected before disconnected, others before
// "any", loopback last among the running, and the system's order within
// each rank. It works without privileges.
func FindAllDevs() ([]Interface, error) {
	devs, err := findAllDevs()
	if err != nil {
		return nil, &opError{op: "find devices", err: err}
	}
	return devs, nil
}

// figureOfMerit ranks a device for FindAllDevs: lower is listed first.
func figureOfMerit(d *Interface) uint32 {
	var n uint32
	if d.Flags&FlagRunning == 0 {
		n |= 0x80000000
	}
	if d.Flags&FlagUp == 0 {
		n |= 0x40000000
	}
	if d.Flags&FlagWireless == 0 && d.Flags&FlagConnectionStatus == ConnectionDisconnected {
		n |= 0x20000000
	}
	if d.Flags&FlagLoopback != 0 {
		n |= 0x10000000
	}
	if d.Name == "any" {
		n |= 0x08000000
	}
	return n
}

// sortDevs orders devs by figure of merit, stably.
func sortDevs(devs []Interface) {
	slices.SortStableFunc(devs, func(a, b Interface) int {
		return cmp.Compare(figureOfMerit(&a), figureOfMerit(&b))
	})
}
