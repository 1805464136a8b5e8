package bpf

// Metadata is the per-packet data that the Linux kernel exposes to classic BPF
// through ancillary loads (an absolute load at SKFAdOff+Ad...). Capture code
// fills it from what the kernel reports with each packet (for example
// PACKET_AUXDATA and the sockaddr_ll of a packet socket), so that filtering
// in userspace gives the same answer as the kernel's filter would.
//
// Fields the caller does not know can stay zero; a load then reads 0.
type Metadata struct {
	Protocol    uint16 // [proto]: link-layer protocol (ETH_P_*), host order
	PktType     uint8  // [type]: PACKET_HOST, PACKET_BROADCAST, ..., PACKET_OUTGOING
	IfIndex     uint32 // [ifidx]: interface index
	Mark        uint32 // [mark]: skb->mark
	Queue       uint32 // [queue]: receive queue
	HAType      uint16 // [hatype]: ARPHRD_* type of the device
	RXHash      uint32 // [rxhash]: receive hash
	CPU         uint32 // [cpu]: CPU that handled the packet
	VLANTCI     uint16 // [vlan_tci]: VLAN tag control information stripped by the NIC
	VLANPresent bool   // [vlanp]: a VLAN tag was stripped and is in VLANTCI
	VLANTPID    uint16 // [vlan_tpid]: VLAN protocol (0x8100, 0x88a8), host order
	PayOffset   uint32 // [poff]: offset of the transport payload, if known
	Random      uint32 // [random]: the value a [random] load returns
}

// ancillary returns the value of ancillary field ad (an Ad constant) and
// whether the field is one that a load can read.
func (md *Metadata) ancillary(ad uint32) (uint32, bool) {
	switch ad {
	case AdProtocol:
		return uint32(md.Protocol), true
	case AdPktType:
		return uint32(md.PktType), true
	case AdIfIndex:
		return md.IfIndex, true
	case AdMark:
		return md.Mark, true
	case AdQueue:
		return md.Queue, true
	case AdHAType:
		return uint32(md.HAType), true
	case AdRXHash:
		return md.RXHash, true
	case AdCPU:
		return md.CPU, true
	case AdVLANTag:
		return uint32(md.VLANTCI), true
	case AdVLANTagPresent:
		if md.VLANPresent {
			return 1, true
		}
		return 0, true
	case AdVLANTPID:
		return uint32(md.VLANTPID), true
	case AdPayOffset:
		return md.PayOffset, true
	case AdRandom:
		return md.Random, true
	case AdNLAttr, AdNLAttrNest:
		// Netlink attribute searches only make sense on netlink
		// sockets; a packet never matches.
		return 0, true
	}
	return 0, false
}
