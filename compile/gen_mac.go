package compile

import "github.com/purepcap/pcap/linktype"

// Link types whose header starts with MAC addresses and carries 802.2 LLC
// (FDDI, token ring, IP over Fibre Channel): where the addresses are, as
// libpcap 1.10 reads them. Ethernet's are in gen_host.go.

// llcMACHeader is the layout of a MAC header followed by 802.2 LLC.
type llcMACHeader struct {
	src, dst uint32 // offsets of the addresses
	pl       uint32 // length: where the LLC header starts
	noun     string // in "unknown NOUN host 'name'"
}

var llcMACHeaders = map[linktype.Type]llcMACHeader{
	linktype.FDDI:     {7, 1, 13, "FDDI"},           // frame control, dst, src (no BSD padding)
	linktype.IEEE8025: {8, 2, 14, "token ring"},     // access and frame control, dst, src
	linktype.IPOverFC: {10, 2, 16, "Fibre Channel"}, // network header: dst and src, 2 bytes before each
}

// dirMsgLLCMAC ends the error for an 802.11 qualifier on these link
// types' addresses; Ethernet's says more (dirMsgMAC).
var dirMsgLLCMAC = dirMsg{"are only supported on 802.11", "is only supported on 802.11"}

// macHostOp tests a MAC address at the source and destination offsets
// of the link-layer header; msg ends the error for an 802.11 qualifier.
func (g *gen) macHostOp(mac []byte, dir dirQual, src, dst uint32, msg dirMsg) cond {
	return g.dirCombine(dir,
		func() cond { return g.bcmp(orLinkHdr, src, mac) },
		func() cond { return g.bcmp(orLinkHdr, dst, mac) }, msg)
}
