// Package acceptance holds no code, only tests: it checks the drop-in
// package github.com/purepcap/pcap/gopacket/pcap against gopacket's own
// material, fetched at test time from the module cache at the version this
// module requires (gopacket's tests and captures are not part of this
// repository).
//
//   - gopacket's pcap tests run against the drop-in, with cgo off;
//   - gopacket's examples that import gopacket/pcap build with only the
//     import path changed, for linux, darwin and windows;
//   - the offline examples print what their cgo builds (libpcap) print;
//   - gopacket's pcapdump example, built against the drop-in, captures
//     datagrams sent over a veth pair in network namespaces.
//
// The tests need the go command and, for the first fetch, the Go module
// proxy. The comparison with the cgo builds needs a C compiler and
// libpcap-dev; it is skipped without them unless PUREPCAP_REQUIRE_REFERENCE
// is set. The namespace test needs root.
package acceptance
