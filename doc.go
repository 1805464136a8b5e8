// Package pcap is a pure-Go, cgo-free replacement for libpcap.
//
// The root package composes the subpackages into libpcap's API:
//
//   - bpf: classic BPF instructions, libpcap's text forms, a validator and a
//     userspace machine;
//   - compile: the tcpdump filter language, compiled to classic BPF;
//   - savefile: pcap and pcapng reading and writing;
//   - linktype: link-layer header types and their libpcap names.
//
// # Handles
//
// OpenLive, or NewInactiveHandle followed by its setters and Activate, opens
// a live capture: on Linux an AF_PACKET socket with a TPACKET_V3 ring
// (TPACKET_V2 in immediate mode). OpenOffline, OpenOfflineReader and
// OpenDead return the same *Handle, so reading, filtering and statistics
// work alike for files and live capture. On systems other than Linux the
// live functions return an error that names the operating system.
//
// # Reading and buffer ownership
//
// ZeroCopyReadPacketData returns a slice that is valid only until the next
// read on the handle; ReadPacketData returns a copy the caller owns;
// ReadPacketDataInto reads into the caller's buffer; NextPacket is libpcap's
// pcap_next_ex; Packets is an iterator. CaptureInfo has exactly gopacket's
// fields, so gopacket.CaptureInfo(ci) converts it.
//
// # Waiting
//
// All waiting goes through the Go runtime poller. A read that times out
// returns ErrTimeout (it matches os.ErrDeadlineExceeded), and Close from
// another goroutine wakes a blocked reader with an error matching
// os.ErrClosed. A read racing Close returns either a packet the kernel
// delivered or that error, never anything else.
//
// # Errors
//
// A live handle's errors say which operation failed on which device, in
// libpcap's words where it has them, and wrap the cause for errors.Is:
// os.ErrClosed after Close, os.ErrPermission without CAP_NET_RAW,
// syscall.ENETDOWN when the interface went down ("the interface went
// down") and syscall.ENODEV when it went away ("the interface
// disappeared"). A reader blocked forever gets those two within a second,
// under load too.
//
// # Filters
//
// SetFilter compiles an expression (in live-Linux mode for live handles) and
// attaches it in the kernel; a filter set before Activate is attached before
// bind, and one set later never lets an unmatched packet through. Programs
// the kernel refuses run in the userspace bpf machine instead.
//
// # Implementation
//
// The portable API is in pcap.go (handles and their setters), filter.go,
// offline.go, findalldevs.go and lookupdev.go; errors.go has the error
// type, and kfilter.go the rewrite of a program for the kernel (pure, so
// tested on every system). The Linux live handle is split by topic:
// handle_linux.go (its state), socket_linux.go (activation, step by step),
// ring_linux.go (the ring and the reader's walk over it), wait_linux.go
// (the poller, link errors), deliver_linux.go (one ring frame to one
// packet), control_linux.go (filter, stats, direction, link type, write,
// fanout, close) and sys_linux.go (syscalls on the socket).
// handle_others.go stands in for it elsewhere.
package pcap
