// Package linktype names the link-layer header types of capture files and
// live handles: the LINKTYPE_* values that pcap and pcapng files store, with
// libpcap's names (as tcpdump -y takes them) and descriptions.
package linktype

import "strings"

// Type is a LINKTYPE_* value as stored in pcap and pcapng files. It is the
// same number as gopacket's layers.LinkType.
type Type uint32

// The link types the project knows by name.
const (
	Null           Type = 0   // BSD loopback: 4-byte host-order address family
	Ethernet       Type = 1   // DLT_EN10MB
	PPP            Type = 9   // PPP in HDLC-like framing
	Raw            Type = 101 // raw IPv4 or IPv6 (DLT_RAW)
	CHDLC          Type = 104 // Cisco HDLC
	IEEE80211      Type = 105 // 802.11 without radio header
	Loop           Type = 108 // OpenBSD loopback: 4-byte network-order family
	LinuxSLL       Type = 113 // Linux cooked capture v1
	IEEE80211Radio Type = 127 // 802.11 with radiotap header
	IPv4           Type = 228 // raw IPv4
	IPv6           Type = 229 // raw IPv6
	LinuxSLL2      Type = 276 // Linux cooked capture v2
)

type info struct {
	name string // libpcap's DLT name, without "DLT_"
	desc string // libpcap's description
}

var table = map[Type]info{
	Null:           {"NULL", "BSD loopback"},
	Ethernet:       {"EN10MB", "Ethernet"},
	PPP:            {"PPP", "PPP"},
	Raw:            {"RAW", "Raw IP"},
	CHDLC:          {"C_HDLC", "Cisco HDLC"},
	IEEE80211:      {"IEEE802_11", "802.11"},
	Loop:           {"LOOP", "OpenBSD loopback"},
	LinuxSLL:       {"LINUX_SLL", "Linux cooked v1"},
	IEEE80211Radio: {"IEEE802_11_RADIO", "802.11 plus radiotap header"},
	IPv4:           {"IPV4", "Raw IPv4"},
	IPv6:           {"IPV6", "Raw IPv6"},
	LinuxSLL2:      {"LINUX_SLL2", "Linux cooked v2"},
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
	return "LINKTYPE_" + itoa(uint32(t))
}

// Parse returns the link type that libpcap names name, case-insensitively
// and with or without a "DLT_" prefix, as tcpdump -y accepts it.
func Parse(name string) (Type, bool) {
	n := strings.ToUpper(name)
	n = strings.TrimPrefix(n, "DLT_")
	for t, in := range table {
		if in.name == n {
			return t, true
		}
	}
	return 0, false
}

func itoa(v uint32) string {
	var b [10]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(b[i:])
		}
	}
}
