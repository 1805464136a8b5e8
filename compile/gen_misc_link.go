package compile

import "github.com/purepcap/pcap/bpf"

// Link types whose link-layer test libpcap 1.10 reduces to one fixed
// check: LLC-encapsulated ATM (RFC 1483 and Linux Classical IP), whose
// frames start with the 802.2 header, and BACnet MS/TP, where it only
// checks the preamble, whatever the protocol.

const (
	bacnetPreamble     = 0x55ff0000
	bacnetPreambleMask = 0xffff0000
)

// bacnetLinkTest tests the MS/TP preamble.
func (g *gen) bacnetLinkTest() cond {
	return g.mcmp(orLinkHdr, 0, bpf.SizeW, bacnetPreamble, bacnetPreambleMask)
}
