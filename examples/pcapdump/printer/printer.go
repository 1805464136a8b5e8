// Package printer decodes packets and prints them one per line in the
// layout and wording of tcpdump 4.99 -n: addresses and ports are never
// resolved to names.
//
// It decodes the link layers pcapdump reads and captures (Ethernet with
// 802.1Q tags, switch tags and MACsec, Linux cooked v1 and v2, raw IP,
// BSD null/loop, PPP, PPPoE, Cisco HDLC, Frame Relay, SLIP, IP over
// InfiniBand, NFLOG, ipnet, vsock, and 802.11 with or without radiotap
// as far as its LLC payload), then ARP, IPv4 with options and fragments,
// IPv6 with its extension headers, AH, ESP, GRE, MPLS, TCP with its
// options (MPTCP included), UDP, ICMP and ICMPv6. Application-layer
// protocols are not dissected: where tcpdump would dissect one, the
// transport-level line is printed (for TCP the flags line ending in
// "length N", for UDP "UDP, length N", as tcpdump -q prints it).
//
// Truncated and malformed packets print as tcpdump prints them ("[|tcp]",
// "truncated-ip - N bytes missing!", "bad hdr length"), and the -x, -X
// and -A dumps cover the same bytes as tcpdump's, which leave out the
// link header unless the packet was cut short where tcpdump's decoder
// gives up.
package printer

import (
	"io"
	"time"

	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// TimeFormat selects the time stamp printed at the start of each packet;
// its values match the number of -t flags given to tcpdump.
type TimeFormat int

const (
	TimeDefault    TimeFormat = iota // local time of day (no -t)
	TimeNone                         // -t: no time stamp
	TimeUnix                         // -tt: seconds since the epoch
	TimeDelta                        // -ttt: since the previous packet
	TimeDate                         // -tttt: local date and time of day
	TimeSinceFirst                   // -ttttt: since the first packet
)

// Options selects what Print prints, as tcpdump's flags do.
type Options struct {
	Time     TimeFormat     // -t .. -ttttt
	Nano     bool           // --time-stamp-precision=nano
	Location *time.Location // zone of TimeDefault and TimeDate; nil is time.Local

	Link       bool // -e: the link-level header
	Quiet      int  // -q: quiet (terse) lines
	Verbose    int  // -v, -vv, -vvv
	Absolute   bool // -S: absolute TCP sequence numbers
	NoChecksum bool // -K: do not verify IP, TCP and UDP checksums
	Number     bool // -#: a packet number before each line

	Hex      int // -x (1) or -xx (2): hex dump, -xx with the link header
	HexASCII int // -X (1) or -XX (2): hex and ASCII dump
	ASCII    int // -A (1) or -AA (2): ASCII dump
}

// Printer prints packets to a writer. It keeps the state tcpdump keeps
// between packets (packet count, previous time stamp, TCP sequence bases),
// so one Printer serves one stream of packets. It is not safe for
// concurrent use.
type Printer struct {
	w   io.Writer
	opt Options
	loc *time.Location

	buf      []byte // the output being built; reused
	data     []byte // the packet being printed
	end      int    // bytes of data the current layer may read (tcpdump's snapend)
	proto    string // the protocol being dissected, for " [|proto]"
	llHdrLen int    // link-layer header length, left out of -x, -X and -A
	suppress bool   // -x, -X or -q: no default hex dump of undecoded payloads
	cutApp   bool   // tcpdump's printer for the payload would run out of bytes

	count   uint64
	refSec  int64 // -ttt/-ttttt reference time stamp
	refFrac int64
	tcpSeq  map[tcpKey]tcpBase
}

// New returns a Printer writing to w.
func New(w io.Writer, opt Options) *Printer {
	loc := opt.Location
	if loc == nil {
		loc = time.Local
	}
	return &Printer{
		w:        w,
		opt:      opt,
		loc:      loc,
		buf:      make([]byte, 0, 4096),
		suppress: opt.Hex > 0 || opt.HexASCII > 0 || opt.Quiet > 0,
		tcpSeq:   make(map[tcpKey]tcpBase),
	}
}

// maxSnaplen is tcpdump's MAXIMUM_SNAPLEN: larger lengths are invalid.
const maxSnaplen = 262144

// Print writes one packet: its line and the dumps the options ask for,
// ending in a newline. data holds the captured bytes (ci.CaptureLength of
// them are used, at most len(data)); lt is the link type of the packet.
// Print does not keep data. It fails only if the writer fails.
func (p *Printer) Print(ci savefile.CaptureInfo, data []byte, lt linktype.Type) error {
	sec, frac := p.secFrac(ci.Timestamp)
	return p.PrintTimeval(sec, frac, ci, data, lt)
}

// PrintTimeval is Print with the time stamp given as libpcap delivers it:
// seconds and a fraction in micro- or (with Options.Nano) nanoseconds, such
// as savefile.Reader.Timeval returns. ci.Timestamp is not used.
func (p *Printer) PrintTimeval(sec, frac int64, ci savefile.CaptureInfo, data []byte, lt linktype.Type) error {
	p.count++
	p.buf = p.buf[:0]
	if p.opt.Number {
		p.padLeft(p.count, 5)
		p.s("  ")
	}
	caplen := ci.CaptureLength
	if caplen > len(data) || caplen < 0 {
		caplen = len(data)
	}
	wirelen := ci.Length
	if p.invalidHeader(caplen, wirelen) {
		p.b('\n')
		return p.flush()
	}
	p.timestamp(sec, frac)

	p.data = data[:caplen]
	p.end = caplen
	p.proto = ""
	p.llHdrLen = 0
	p.cutApp = false
	p.dissect(lt, wirelen)
	if p.cutApp {
		p.llHdrLen = 0
	}
	p.end = caplen

	switch {
	case p.opt.HexASCII > 0:
		if p.opt.HexASCII > 1 {
			p.hexASCII(p.data, "\n\t")
		} else if caplen > p.llHdrLen {
			p.hexASCII(p.data[p.llHdrLen:], "\n\t")
		}
	case p.opt.Hex > 0:
		if p.opt.Hex > 1 {
			p.hexOnly(p.data)
		} else if caplen > p.llHdrLen {
			p.hexOnly(p.data[p.llHdrLen:])
		}
	case p.opt.ASCII > 0:
		if p.opt.ASCII > 1 {
			p.asciiOnly(p.data)
		} else if caplen > p.llHdrLen {
			p.asciiOnly(p.data[p.llHdrLen:])
		}
	}
	p.b('\n')
	p.data = nil
	return p.flush()
}

func (p *Printer) flush() error {
	_, err := p.w.Write(p.buf)
	return err
}

// invalidHeader prints tcpdump's complaint about impossible lengths.
func (p *Printer) invalidHeader(caplen, wirelen int) bool {
	bad := false
	open := func() {
		if !bad {
			bad = true
			p.s("[Invalid header:")
		} else {
			p.b(',')
		}
	}
	if caplen == 0 {
		bad = true
		p.s("[Invalid header: caplen==0")
	}
	if wirelen == 0 {
		open()
		p.s(" len==0")
	} else if wirelen < caplen {
		open()
		p.s(" len(")
		p.u(uint64(wirelen))
		p.s(") < caplen(")
		p.u(uint64(caplen))
		p.b(')')
	}
	for _, c := range [...]struct {
		what string
		n    int
	}{{" caplen(", caplen}, {" len(", wirelen}} {
		if c.n > maxSnaplen {
			open()
			p.s(c.what)
			p.ui(c.n)
			p.s(") > ")
			p.u(maxSnaplen)
		}
	}
	if bad {
		p.b(']')
	}
	return bad
}

// truncated is the panic value that unwinds a dissector that ran out of
// captured bytes, as tcpdump's longjmp does; Print's dissect recovers it.
type truncated struct{}

// dissect prints the packet line, recovering a truncation.
func (p *Printer) dissect(lt linktype.Type, wirelen int) {
	defer func() {
		if r := recover(); r != nil {
			switch r.(type) {
			case truncated:
				p.trunc()
			default:
				panic(r)
			}
			p.llHdrLen = 0
		}
	}()
	p.linkLayer(lt, wirelen)
}

// trunc prints tcpdump's truncation mark for the current protocol.
func (p *Printer) trunc() {
	p.s(" [|")
	p.s(p.proto)
	p.b(']')
}

// bail ends the dissection of a truncated packet.
func (p *Printer) bail() { panic(truncated{}) }

// has reports whether n bytes at off are captured (ND_TTEST_LEN).
func (p *Printer) has(off, n int) bool {
	return off >= 0 && n >= 0 && off <= p.end && n <= p.end-off
}

// need ends the dissection unless n bytes at off are captured.
func (p *Printer) need(off, n int) {
	if !p.has(off, n) {
		p.bail()
	}
}

func (p *Printer) u8(off int) int {
	p.need(off, 1)
	return int(p.data[off])
}

func (p *Printer) be16(off int) int {
	p.need(off, 2)
	return int(p.data[off])<<8 | int(p.data[off+1])
}

func (p *Printer) be32(off int) uint32 {
	p.need(off, 4)
	d := p.data[off : off+4]
	return uint32(d[0])<<24 | uint32(d[1])<<16 | uint32(d[2])<<8 | uint32(d[3])
}

func (p *Printer) le32(off int) uint32 {
	p.need(off, 4)
	d := p.data[off : off+4]
	return uint32(d[3])<<24 | uint32(d[2])<<16 | uint32(d[1])<<8 | uint32(d[0])
}

func (p *Printer) le16(off int) int {
	p.need(off, 2)
	return int(p.data[off+1])<<8 | int(p.data[off])
}

// limit narrows the readable bytes to off+n (nd_push_snaplen) and returns
// the previous limit for restore.
func (p *Printer) limit(off, n int) int {
	old := p.end
	if n >= 0 && off+n < p.end {
		p.end = off + n
	}
	return old
}

// defaultPrint is tcpdump's hex and ASCII dump of a payload it does not
// decode, left out when a dump of the whole packet is requested.
func (p *Printer) defaultPrint(off, n int) {
	if p.suppress {
		return
	}
	if off > p.end {
		return
	}
	if n > p.end-off {
		n = p.end - off
	}
	if n <= 0 {
		return
	}
	p.hexASCII(p.data[off:off+n], "\n\t")
}
