package savefile

import "time"

// CaptureInfo describes one captured packet. Its fields are exactly those of
// gopacket's CaptureInfo, so gopacket.CaptureInfo(ci) converts it.
type CaptureInfo struct {
	Timestamp      time.Time // when the packet was captured, to the nanosecond
	CaptureLength  int       // bytes captured: the length of the data slice
	Length         int       // bytes on the wire; at least CaptureLength
	InterfaceIndex int       // pcapng interface (IDB index in its section); 0 for pcap
	AncillaryData  []interface{}
}
