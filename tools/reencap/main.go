// Command reencap builds the captures of the compiler's differential tests.
//
// It reads the captures in -src (classic pcap or pcapng; the project copies
// tcpdump's test captures there), adds synthetic Ethernet traffic (VLAN and
// QinQ, MPLS, PPPoE, Geneve, IPv4 options and fragments, IPv6 extension
// headers, ARP, LLC/SNAP and other non-IP protocols, truncated frames), then
// re-encapsulates every Ethernet frame into each other link type the compiler
// supports, and writes one classic pcap file per link type to -out:
//
//	go run ./tools/reencap -src testdata/pcaps -out compile/testdata/diff/pcaps
//
// The output is deterministic: the same inputs give byte-identical files.
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/purepcap/pcap/linktype"
)

// packet is one captured frame: data holds the captured bytes, wire the
// original length.
type packet struct {
	data []byte
	wire int
}

// reencapCap limits the captured length of re-encapsulated copies, so the
// committed files stay small; the original length is kept.
const reencapCap = 256

func main() {
	src := flag.String("src", "testdata/pcaps", "directory of input captures")
	out := flag.String("out", "compile/testdata/diff/pcaps", "output directory")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		log.Fatal(err)
	}
}

func run(src, out string) error {
	names, err := filepath.Glob(filepath.Join(src, "*"))
	if err != nil {
		return err
	}
	sort.Strings(names)
	byLT := map[linktype.Type][]packet{}
	for _, name := range names {
		if !strings.HasSuffix(name, ".pcap") && !strings.HasSuffix(name, ".pcapng") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		pkts, err := readCapture(b)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for lt, ps := range pkts {
			byLT[lt] = append(byLT[lt], ps...)
		}
	}

	g := newGen(1)
	eth := append([]packet(nil), byLT[linktype.Ethernet]...)
	eth = append(eth, g.ethernetTraffic()...)
	byLT[linktype.Ethernet] = eth

	// The Ethernet frames every other link type is re-encapsulated from.
	var frames []ethFrame
	for _, p := range eth {
		if f, ok := parseEthernet(p); ok {
			frames = append(frames, f)
		}
	}

	targets := []linktype.Type{
		linktype.LinuxSLL, linktype.LinuxSLL2, linktype.Raw, linktype.IPv4, linktype.IPv6,
		linktype.Null, linktype.Loop, linktype.PPP, linktype.CHDLC,
		linktype.IEEE80211, linktype.IEEE80211Radio,
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, lt := range targets {
		ps := append([]packet(nil), byLT[lt]...)
		g := newGen(uint64(lt) + 100)
		for _, f := range frames {
			for _, p := range g.encap(lt, f) {
				ps = append(ps, trim(p))
			}
		}
		ps = append(ps, g.extra(lt)...)
		byLT[lt] = dedupe(ps)
	}
	byLT[linktype.Ethernet] = dedupe(byLT[linktype.Ethernet])
	for _, lt := range append([]linktype.Type{linktype.Ethernet}, targets...) {
		name := filepath.Join(out, strings.ToLower(lt.Name())+".pcap")
		if err := writePcap(name, lt, byLT[lt]); err != nil {
			return err
		}
		fmt.Printf("%-18s %5d packets -> %s\n", lt.Name(), len(byLT[lt]), name)
	}
	return nil
}

func trim(p packet) packet {
	if len(p.data) > reencapCap {
		p.data = p.data[:reencapCap]
	}
	if p.wire < len(p.data) {
		p.wire = len(p.data)
	}
	return p
}

func dedupe(ps []packet) []packet {
	seen := map[string]bool{}
	var out []packet
	for _, p := range ps {
		k := fmt.Sprintf("%d/%x", p.wire, p.data)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, p)
	}
	return out
}

// readCapture reads a classic pcap or pcapng file into packets by link type.
func readCapture(b []byte) (map[linktype.Type][]packet, error) {
	if len(b) < 24 {
		return nil, errors.New("short file")
	}
	out := map[linktype.Type][]packet{}
	switch binary.LittleEndian.Uint32(b) {
	case 0xa1b2c3d4, 0xa1b23c4d, 0xd4c3b2a1, 0x4d3cb2a1:
		var bo binary.ByteOrder = binary.LittleEndian
		if m := binary.LittleEndian.Uint32(b); m == 0xd4c3b2a1 || m == 0x4d3cb2a1 {
			bo = binary.BigEndian
		}
		lt := linktype.Type(bo.Uint32(b[20:]) & 0x0fffffff)
		for off := 24; off+16 <= len(b); {
			incl := int(bo.Uint32(b[off+8:]))
			wire := int(bo.Uint32(b[off+12:]))
			off += 16
			if incl > len(b)-off {
				incl = len(b) - off
			}
			out[lt] = append(out[lt], packet{append([]byte(nil), b[off:off+incl]...), wire})
			off += incl
		}
		return out, nil
	case 0x0a0d0d0a:
		return readPcapng(b)
	}
	return nil, errors.New("unknown file format")
}

func readPcapng(b []byte) (map[linktype.Type][]packet, error) {
	out := map[linktype.Type][]packet{}
	var bo binary.ByteOrder = binary.LittleEndian
	var ifaces []linktype.Type
	for off := 0; off+12 <= len(b); {
		typ := bo.Uint32(b[off:])
		if typ == 0x0a0d0d0a {
			if binary.LittleEndian.Uint32(b[off+8:]) == 0x1a2b3c4d {
				bo = binary.LittleEndian
			} else {
				bo = binary.BigEndian
			}
			ifaces = nil
		}
		blen := int(bo.Uint32(b[off+4:]))
		if blen < 12 || off+blen > len(b) {
			return out, nil
		}
		body := b[off+8 : off+blen-4]
		switch typ {
		case 1: // interface description
			ifaces = append(ifaces, linktype.Type(bo.Uint16(body)))
		case 6: // enhanced packet
			id := int(bo.Uint32(body))
			incl := int(bo.Uint32(body[12:]))
			wire := int(bo.Uint32(body[16:]))
			if id < len(ifaces) && 20+incl <= len(body) {
				out[ifaces[id]] = append(out[ifaces[id]], packet{append([]byte(nil), body[20:20+incl]...), wire})
			}
		case 3: // simple packet
			wire := int(bo.Uint32(body))
			if len(ifaces) > 0 {
				d := body[4:]
				if wire < len(d) {
					d = d[:wire]
				}
				out[ifaces[0]] = append(out[ifaces[0]], packet{append([]byte(nil), d...), wire})
			}
		}
		off += blen
	}
	return out, nil
}

func writePcap(name string, lt linktype.Type, ps []packet) error {
	var buf bytes.Buffer
	hdr := make([]byte, 24)
	binary.LittleEndian.PutUint32(hdr[0:], 0xa1b2c3d4)
	binary.LittleEndian.PutUint16(hdr[4:], 2)
	binary.LittleEndian.PutUint16(hdr[6:], 4)
	binary.LittleEndian.PutUint32(hdr[16:], 262144)
	binary.LittleEndian.PutUint32(hdr[20:], uint32(lt))
	buf.Write(hdr)
	for i, p := range ps {
		rec := make([]byte, 16)
		binary.LittleEndian.PutUint32(rec[0:], uint32(1700000000+i))
		binary.LittleEndian.PutUint32(rec[4:], uint32(i%1000000))
		binary.LittleEndian.PutUint32(rec[8:], uint32(len(p.data)))
		binary.LittleEndian.PutUint32(rec[12:], uint32(p.wire))
		buf.Write(rec)
		buf.Write(p.data)
	}
	return os.WriteFile(name, buf.Bytes(), 0o644)
}
