package compile

import "github.com/purepcap/pcap/linktype"

// libpcap 1.10 compiles filters for the link types it knows by name and
// for every DLT_* value from 104 to 289. Most of them have no protocol
// field that libpcap knows how to test: for those it compiles only the
// link-independent primitives (len, less, greater, link[...], and inbound,
// outbound and ifindex, which read Linux packet metadata), and a test for
// a protocol fails with "NAME link-layer type filtering not implemented".
// The link types with headers of their own are handled in gen.go's
// initLinktype and in the generator.

// juniperPayload says where the payload starts behind each Juniper header
// and where an OSI packet without SNAP header starts in it (offsetNotSet
// where libpcap does not know). A Juniper capture starts with the cookie
// "MGC"; libpcap tests only that cookie, whatever the protocol.
var juniperPayload = map[linktype.Type]struct{ pl, nlNoSnap uint32 }{
	130: {4, offsetNotSet},            // JUNIPER_MLPPP
	131: {4, offsetNotSet},            // JUNIPER_MLFR
	132: {offsetNotSet, offsetNotSet}, // JUNIPER_ES
	133: {12, offsetNotSet},           // JUNIPER_GGSN
	134: {4, offsetNotSet},            // JUNIPER_MFR
	135: {8, 10},                      // JUNIPER_ATM2
	136: {offsetNotSet, offsetNotSet}, // JUNIPER_SERVICES
	137: {4, 10},                      // JUNIPER_ATM1
	164: {12, offsetNotSet},           // JUNIPER_MONITOR
	167: {32, 3},                      // JUNIPER_PPPOE
	168: {6, offsetNotSet},            // JUNIPER_PPPOE_ATM
	178: {32, 3},                      // JUNIPER_ETHER
	179: {4, offsetNotSet},            // JUNIPER_PPP
	180: {4, offsetNotSet},            // JUNIPER_FRELAY
	181: {4, offsetNotSet},            // JUNIPER_CHDLC
	183: {offsetNotSet, offsetNotSet}, // JUNIPER_VP
	194: {offsetNotSet, offsetNotSet}, // JUNIPER_ISM
	200: {offsetNotSet, offsetNotSet}, // JUNIPER_ST
	232: {offsetNotSet, offsetNotSet}, // JUNIPER_VS
	233: {offsetNotSet, offsetNotSet}, // JUNIPER_SRX_E2E
	234: {offsetNotSet, offsetNotSet}, // JUNIPER_FIBRECHANNEL
	238: {offsetNotSet, offsetNotSet}, // JUNIPER_ATM_CEMIC
}

// Range of the DLT_* values libpcap accepts without knowing them.
const (
	dltMatchingMin = 104
	dltMatchingMax = 289
)

// linkFilterNames are the short names libpcap gives some link types in
// "NAME link-layer type filtering not implemented"; the others go by their
// description. The keys are LINKTYPE_* values.
var linkFilterNames = map[linktype.Type]string{
	139: "MTP2",                   // MTP2_WITH_PHDR
	140: "MTP2",                   // MTP2
	144: "IrDA",                   // LINUX_IRDA
	177: "LAPD",                   // LINUX_LAPD
	182: "Multi-link Frame Relay", // MFR
	186: "USB",                    // USB_FREEBSD
	187: "Bluetooth",              // BLUETOOTH_HCI_H4
	189: "USB",                    // USB_LINUX
	190: "CAN",                    // CAN20B
	191: "IEEE 802.15.4",          // IEEE802_15_4_LINUX
	193: "IEEE 802.16",            // IEEE802_16_MAC_CPS_RADIO
	195: "IEEE 802.15.4",          // IEEE802_15_4
	196: "SITA",                   // SITA
	197: "ERF",                    // ERF
	198: "RAIF1",                  // RAIF1
	199: "IPMB",                   // IPMB_KONTRON
	201: "Bluetooth",              // BLUETOOTH_HCI_H4_WITH_PHDR
	202: "AX.25",                  // AX25_KISS
	209: "IPMB",                   // IPMB_LINUX
	215: "IEEE 802.15.4",          // IEEE802_15_4_NONASK_PHY
	220: "USB",                    // USB_LINUX_MMAPPED
	227: "CAN",                    // CAN_SOCKETCAN
	230: "IEEE 802.15.4",          // IEEE802_15_4_NOFCS
	239: "NFLOG",                  // NFLOG
	246: "PFSYNC",                 // PFSYNC
	249: "USB",                    // USBPCAP
	283: "IEEE 802.15.4",          // IEEE802_15_4_TAP
}

// headerOnly reports whether lt is one of the link types libpcap compiles
// for with only the link-independent primitives.
func headerOnly(lt linktype.Type) bool {
	d := lt.DLT()
	return d >= dltMatchingMin && d <= dltMatchingMax
}

// linkFilterName is how libpcap names lt in "link-layer type filtering
// not implemented".
func linkFilterName(lt linktype.Type) string {
	if n := linkFilterNames[lt]; n != "" {
		return n
	}
	return linkDesc(lt)
}
