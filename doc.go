// Package pcap is a pure-Go, cgo-free replacement for libpcap.
//
// The root package composes the subpackages into libpcap's API:
//
//   - bpf: classic BPF instructions, libpcap's text forms, a validator and a
//     userspace machine;
//   - compile: the tcpdump filter language, compiled to classic BPF;
//   - savefile: pcap and pcapng reading and writing;
//   - linktype: link-layer header types and their libpcap names.
package pcap
