package pcap

import (
	"encoding/binary"
	"errors"
	"net"
)

// LookupDev returns the first device of FindAllDevs that is up and not a
// loopback device (libpcap's pcap_lookupdev).
func LookupDev() (string, error) {
	devs, err := FindAllDevs()
	if err != nil {
		return "", err
	}
	for _, d := range devs {
		if d.Flags&FlagUp != 0 && d.Flags&FlagLoopback == 0 && d.Name != "any" {
			return d.Name, nil
		}
	}
	return "", errors.New("pcap: no suitable device found")
}

// LookupNet returns the IPv4 network number and netmask of device as
// numbers (192.168.1.0 is 0xc0a80100), as libpcap's pcap_lookupnet. The
// "any" device has neither and returns zeros.
func LookupNet(device string) (network, netmask uint32, err error) {
	if device == "any" {
		return 0, 0, nil
	}
	devs, err := FindAllDevs()
	if err != nil {
		return 0, 0, err
	}
	for _, d := range devs {
		if d.Name != device {
			continue
		}
		for _, a := range d.Addresses {
			ip4 := a.IP.To4()
			if ip4 == nil || len(a.Netmask) != net.IPv4len {
				continue
			}
			m := binary.BigEndian.Uint32(a.Netmask)
			ip := binary.BigEndian.Uint32(ip4)
			return ip & m, m, nil
		}
		return 0, 0, &opError{op: "lookup net", dev: device, msg: "no IPv4 address assigned"}
	}
	return 0, 0, &opError{op: "lookup net", dev: device, msg: "no such device exists"}
}
