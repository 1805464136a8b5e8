// Package savefile reads and writes capture files: the classic pcap format
// and pcapng, the way libpcap 1.10 and tcpdump 4.99 do.
//
// # Reading
//
// NewReader (or Open, which may memory-map the file) detects the format
// from the first bytes. Open reads nothing more than the file header: it
// maps the file and brings it in a window of at most a few MiB at a time,
// releasing the pages behind the reader, so a Reader's resident memory
// stays small on files of any size. pcap files are accepted in every form libpcap
// accepts: micro- and nanosecond magic numbers in either byte order, the
// 0xa1b2cd34 variant with its 24-byte record header, versions 2.0-2.4 and
// 543.0 (with their swapped length fields). pcapng files may have several
// sections, in either byte order, with IDB, EPB, SPB, the obsolete PB,
// ISB, NRB and DSB blocks; custom and unknown blocks are skipped.
//
// Packets come out in several ways:
//
//   - ReadPacketData returns a copy the caller owns, and ReadPacketDataInto
//     copies into the caller's buffer;
//   - ZeroCopyReadPacketData returns a slice of the Reader's buffer (or of
//     the mapped file), valid until the next call, without allocating;
//   - Packets is a Go iterator over zero-copy slices.
//
// Each packet has a CaptureInfo whose fields are those of gopacket's, so
// gopacket.CaptureInfo(ci) converts it. Timestamps are time.Time to the
// nanosecond. Reader.Timeval gives the time stamp exactly as libpcap would
// report it at micro- or nanosecond precision, which is what a program
// rewriting files needs to match tcpdump -w byte for byte.
//
// # Damaged and hostile files
//
// Checks and error messages follow libpcap's (the messages are its words,
// so a tool can print them as tcpdump does): caplen above the snapshot
// length or above the link type's maximum, block lengths that are too
// small, not a multiple of four, above libpcap's maximum block size, or
// that disagree with the trailer. A truncated file yields its complete
// packets and then an error that wraps io.ErrUnexpectedEOF. The Reader's
// memory grows only with data actually read, so a forged length cannot
// make it allocate more than a small multiple of the file's size, and a
// pcapng section may describe at most ReaderOptions.MaxInterfaces
// interfaces.
//
// With ReaderOptions.Libpcap set, pcapng files with interfaces of
// different link types or snapshot lengths fail as they do in libpcap;
// without it each packet carries its interface index and the interfaces
// are described by Reader.Interfaces.
//
// # Writing
//
// Writer writes pcap files byte-identical to libpcap's pcap_dump on a
// little-endian host, in micro- or nanoseconds, with the FCS bits of the
// link-type field; OpenAppend appends to an existing file as
// pcap_dump_open_append does. NGWriter writes pcapng: a section header with
// shb_hardware, shb_os and shb_userappl, interfaces with their options,
// enhanced packets with flags, comments and drop counts, and statistics,
// name resolution, decryption secrets and custom blocks.
//
// WritePacket refuses, with an error naming the wrong length, a packet
// whose CaptureInfo.CaptureLength is not the length of its data, whose
// wire length is less than that, or that is longer than the snapshot
// length; and a time stamp the file cannot hold (pcap: 1970 to 2106;
// pcapng: from the interface's if_tsoffset, in 64 bits of its units).
// Copying a damaged file is a job for the lower-level methods that write a
// record as it was read: Writer.WritePacketFrom and WriteTimeval (exactly
// as libpcap's pcap_dump), NGWriter.CopyPacket.
//
// Both writers buffer their output and do not allocate per packet. They
// flush when the buffer is full, on Flush and Close, and while packets
// arrive at least once per FlushInterval (a second by default), so that a
// capture that is killed loses about a second of packets; when packets
// stop, the caller flushes. The first write error sticks, and when the
// output is an *os.File (or has Truncate and Seek) the partly written
// record is cut off, so the file ends with the last whole record.
package savefile
