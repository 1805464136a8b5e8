// Package pcap is a drop-in replacement for github.com/gopacket/gopacket/pcap
// that needs neither cgo nor libpcap.
//
// A program switches by changing one import path, from
// github.com/gopacket/gopacket/pcap to github.com/purepcap/pcap/gopacket/pcap.
// Every identifier gopacket/pcap exports on Linux is here, with the same name,
// type and behaviour, as a thin layer over github.com/purepcap/pcap: a *Handle
// is a gopacket.PacketDataSource and a gopacket.ZeroCopyPacketDataSource, and
// LinkType returns a layers.LinkType, so gopacket.NewPacketSource takes it as
// before.
//
// # Behaviour kept from gopacket
//
// Reads return io.EOF at the end of a savefile and after Close (so a
// gopacket.PacketSource loop ends), NextErrorTimeoutExpired when a live
// handle's read timeout expires, and NextErrorReadError, then io.EOF, when a
// savefile turns out to be damaged; Error returns the text of the last error.
// LinkType and the Datalink functions use the DLT_* values libpcap does
// (a LINKTYPE_RAW file is DLT_RAW, 12). Time stamps are nanoseconds for
// savefiles and activated inactive handles, microseconds for OpenLive.
//
// # Differences
//
// Live capture works on Linux only; elsewhere the live functions return the
// root package's error naming the operating system, where gopacket would
// need libpcap or Npcap. Monitor mode is not available (SetRFMon returns
// CannotSetRFMon, as gopacket does for a device that can't do it), and time
// stamps always come from the host (SupportedTimestamps lists "host" only,
// what libpcap lists for a device without hardware time stamps).
// Methods on a closed handle return errors rather than crashing in libpcap.
// Error texts come from the root package except where gopacket's users
// compare them (opening savefiles, Stats and WritePacketData on a savefile).
package pcap
