package pcap

import (
	"net"

	root "github.com/purepcap/pcap"
)

// Interface is a capture device as FindAllDevs lists it.
type Interface struct {
	Name        string
	Description string
	Flags       uint32
	Addresses   []InterfaceAddress
}

// InterfaceAddress is one IPv4 or IPv6 address of an Interface; Netmask,
// Broadaddr and P2P are nil when it has none.
type InterfaceAddress struct {
	IP        net.IP
	Netmask   net.IPMask
	Broadaddr net.IP
	P2P       net.IP
}

// Stats are a live handle's packet counters, cumulative since it was opened.
type Stats struct {
	PacketsReceived  int
	PacketsDropped   int
	PacketsIfDropped int
}

// FindAllDevs lists the devices live capture can open, in libpcap's order.
func FindAllDevs() (ifs []Interface, err error) {
	devs, err := root.FindAllDevs()
	if err != nil {
		return nil, err
	}
	for _, d := range devs {
		ifc := Interface{Name: d.Name, Description: d.Description, Flags: d.Flags, Addresses: make([]InterfaceAddress, 0, len(d.Addresses))}
		for _, a := range d.Addresses {
			ifc.Addresses = append(ifc.Addresses, InterfaceAddress(a))
		}
		ifs = append(ifs, ifc)
	}
	return ifs, nil
}

// Version describes the capture library, in the place of libpcap's
// pcap_lib_version.
func Version() string {
	return "purepcap (pure Go; libpcap 1.10.3 compatible)"
}
