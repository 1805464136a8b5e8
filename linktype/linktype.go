// Package linktype names the link-layer header types of capture files and
// live handles: the LINKTYPE_* values that pcap and pcapng files store, with
// libpcap's names (as tcpdump -y takes them) and descriptions.
package linktype

import (
	"strconv"
	"strings"
)

// Type is a LINKTYPE_* value as stored in pcap and pcapng files. It is the
// same number as gopacket's layers.LinkType.
type Type uint32

// The link types the project knows by name. Each is a LINKTYPE_* value;
// the comment gives libpcap's name where the Go name differs from it, and
// the DLT_* value on Linux where that differs from the LINKTYPE_* value.
const (
	Null                   Type = 0   // BSD loopback: 4-byte host-order address family
	Ethernet               Type = 1   // DLT_EN10MB
	IEEE8025               Type = 6   // IEEE802 (LINKTYPE_IEEE802_5): token ring
	ArcnetBSD              Type = 7   // ARCNET with a BSD header (DLT_ARCNET)
	SLIP                   Type = 8   // SLIP with a BPF pseudo-header
	PPP                    Type = 9   // PPP in HDLC-like framing
	FDDI                   Type = 10  // FDDI
	PPPSerial              Type = 50  // PPP_SERIAL (LINKTYPE_PPP_HDLC): PPP or Cisco HDLC framing
	PPPEther               Type = 51  // PPP_ETHER: PPPoE session
	SymantecFirewall       Type = 99  // SYMANTEC_FIREWALL
	ATMRFC1483             Type = 100 // ATM_RFC1483: LLC/SNAP-encapsulated ATM (DLT_ATM_RFC1483, 11 on Linux)
	Raw                    Type = 101 // raw IPv4 or IPv6 (DLT_RAW)
	SLIPBSDOS              Type = 102 // SLIP_BSDOS (DLT_SLIP_BSDOS, 15 on Linux)
	PPPBSDOS               Type = 103 // PPP_BSDOS (DLT_PPP_BSDOS, 16 on Linux)
	CHDLC                  Type = 104 // Cisco HDLC
	IEEE80211              Type = 105 // 802.11 without radio header
	ATMCLIP                Type = 106 // ATM_CLIP: Linux Classical IP over ATM (DLT_ATM_CLIP, 19 on Linux)
	FrameRelay             Type = 107 // FRELAY
	Loop                   Type = 108 // OpenBSD loopback: 4-byte network-order family
	Enc                    Type = 109 // ENC: OpenBSD IPsec encapsulation
	LinuxSLL               Type = 113 // Linux cooked capture v1
	LTalk                  Type = 114 // LTALK: Apple LocalTalk
	PFLog                  Type = 117 // PFLOG: OpenBSD pf log
	IEEE80211Prism         Type = 119 // PRISM_HEADER (LINKTYPE_IEEE802_11_PRISM): 802.11 with a Prism header
	IPOverFC               Type = 122 // IP_OVER_FC: RFC 2625 IP over Fibre Channel
	SunATM                 Type = 123 // SUNATM: Solaris SunATM
	IEEE80211Radio         Type = 127 // 802.11 with radiotap header
	ArcnetLinux            Type = 129 // ARCNET_LINUX: ARCNET with a Linux header
	AppleIPOverIEEE1394    Type = 138 // APPLE_IP_OVER_IEEE1394
	MTP2WithPHdr           Type = 139 // MTP2_WITH_PHDR: SS7 MTP2 behind a pseudo-header
	MTP2                   Type = 140 // SS7 MTP2
	IEEE80211AVS           Type = 163 // IEEE802_11_RADIO_AVS (LINKTYPE_IEEE802_11_AVS): 802.11 with an AVS header
	BACnetMSTP             Type = 165 // BACNET_MS_TP: BACnet MS/TP
	PPPPPPD                Type = 166 // PPP_PPPD: PPP with pppd's direction byte
	USBLinux               Type = 189 // USB with a 48-byte Linux header
	PPI                    Type = 192 // Per-Packet Information header
	ERF                    Type = 197 // Endace ERF records
	USBLinuxMmap           Type = 220 // USB with a 64-byte Linux header
	IPNet                  Type = 226 // IPNET: Solaris ipnet
	IPv4                   Type = 228 // raw IPv4
	IPv6                   Type = 229 // raw IPv6
	DBus                   Type = 231 // D-Bus messages
	NFLog                  Type = 239 // Linux netfilter log messages
	NetAnalyzer            Type = 240 // NETANALYZER: Ethernet with a Hilscher netANALYZER header
	NetAnalyzerTransparent Type = 241 // NETANALYZER_TRANSPARENT: as NetAnalyzer, with preamble and SFD
	USBPcap                Type = 249 // USB with a USBPcap header
	LinuxSLL2              Type = 276 // Linux cooked capture v2
	EBHSCR                 Type = 279 // Elektrobit high speed capture and replay
)

type info struct {
	name  string // libpcap's DLT name, without "DLT_"
	desc  string // libpcap's description
	dlt   uint32 // the DLT_* value on Linux
	write uint32 // the LINKTYPE_* value libpcap writes for it
	ok    bool   // libpcap can write a savefile of this type
}

// Name returns libpcap's name for t ("EN10MB"), or "" if t is unknown.
func (t Type) Name() string { return table[t].name }

// Description returns libpcap's description of t ("Ethernet"), or "" if t
// is unknown.
func (t Type) Description() string { return table[t].desc }

// String returns the name, or the number for an unknown type.
func (t Type) String() string {
	if n := t.Name(); n != "" {
		return n
	}
	return "LINKTYPE_" + strconv.FormatUint(uint64(t), 10)
}

// DLT returns the DLT_* value that libpcap 1.10 on Linux uses for t (the
// value that pcap_datalink returns for a savefile of type t). Most values
// are identical; LINKTYPE_RAW (101) is DLT_RAW (12), for example.
func (t Type) DLT() uint32 {
	if in, ok := table[t]; ok {
		return in.dlt
	}
	return uint32(t)
}

// Savefile reports the value libpcap 1.10 writes into a savefile for a file
// or handle of type t, and whether it can write one at all. A few old
// values are rewritten (12, DLT_RAW on Linux, becomes 101); values libpcap
// has no mapping for (2 to 5, 13, values above 289, ...) cannot be written.
func (t Type) Savefile() (Type, bool) {
	in, ok := table[t]
	if !ok || !in.ok {
		return 0, false
	}
	return Type(in.write), true
}

// DefaultSnaplen is libpcap's default and largest snapshot length for
// capturing (MAXIMUM_SNAPLEN): 262144 bytes. Filters are compiled for it,
// and writers record it, when no snapshot length is given.
const DefaultSnaplen = 262144

// MaxSnaplen returns libpcap's largest sane snapshot length for t: 128 MiB
// for D-Bus, 8 MiB for EBHSCR, 1 MiB for USBPcap and DefaultSnaplen otherwise.
func (t Type) MaxSnaplen() int {
	switch t.DLT() {
	case uint32(DBus):
		return 128 * 1024 * 1024
	case uint32(EBHSCR):
		return 8 * 1024 * 1024
	case uint32(USBPcap):
		return 1024 * 1024
	}
	return DefaultSnaplen
}

var byName map[string]Type

func init() {
	byName = make(map[string]Type, len(table))
	for t, in := range table {
		if in.name == "" {
			continue
		}
		// Prefer the value libpcap writes (RAW is 101, not 12).
		if old, dup := byName[in.name]; dup && (!in.ok || Type(in.write) != t) && Type(table[old].write) == old {
			continue
		}
		byName[in.name] = t
	}
}

// Parse returns the link type that libpcap names name, case-insensitively
// and with or without a "DLT_" prefix, as tcpdump -y accepts it. Where two
// values share a name, Parse returns the one libpcap writes to savefiles.
func Parse(name string) (Type, bool) {
	n := strings.ToUpper(name)
	n = strings.TrimPrefix(n, "DLT_")
	t, ok := byName[n]
	return t, ok
}
