package main

import (
	"errors"
	"io"
	"strings"
	"time"

	pcap "github.com/purepcap/pcap"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// This file holds the writers of one -w file (outFile): pcap as tcpdump
// writes it, or pcapng with --pcapng or a .pcapng name. rotate.go decides
// when a file ends and the next begins.

// pcapngOutput says whether -w writes pcapng rather than pcap.
func pcapngOutput(c *config) bool {
	return c.writeFile != "" && (c.pcapng || strings.HasSuffix(c.writeFile, ".pcapng"))
}

// offlineOpener returns how to start each -w file of a savefile read
// with -r: its packets are written as r returned them.
func offlineOpener(c *config, r *savefile.Reader, fileType linktype.Type) openFunc {
	if pcapngOutput(c) {
		return func(out io.WriteCloser) (outFile, error) {
			f, err := newNGFile(out, r, fileType)
			if err != nil {
				return nil, errors.Join(err, out.Close())
			}
			return f, nil
		}
	}
	opts := savefile.WriterOptions{
		LinkType:    fileType,
		LinkTypeExt: r.LinkTypeExt(),
		Snaplen:     r.Snaplen(),
		Nanosecond:  c.nanoPrec,
	}
	return func(out io.WriteCloser) (outFile, error) {
		return newPcapFile(out, opts, r)
	}
}

// liveFlushInterval is how long a live capture's packets may stay in the
// -w writer's buffer while more arrive: a tenth of a second, so that a
// capture killed with SIGKILL (or by the OOM killer) loses little more than
// tcpdump, whose stdio buffer holds 4 KiB, for at most ten writes a second.
const liveFlushInterval = 100 * time.Millisecond

// liveOpener returns how to start each -w file of a live capture on h.
func liveOpener(c *config, h *pcap.Handle, fileType linktype.Type) openFunc {
	lt := h.LinkType()
	if pcapngOutput(c) {
		in := savefile.Interface{Name: h.Device(), LinkType: lt, Snaplen: h.SnapLen(), TSResol: 9, FCSLength: -1}
		return func(out io.WriteCloser) (outFile, error) {
			w, err := savefile.NewNGWriter(out, savefile.NGWriterOptions{UserAppl: "pcapdump (purepcap)", FlushInterval: liveFlushInterval})
			if err == nil {
				_, err = w.AddInterface(in)
			}
			if err != nil {
				return nil, errors.Join(err, out.Close())
			}
			return &liveNGFile{ngOut: ngOut{w: w, out: out}}, nil
		}
	}
	opts := savefile.WriterOptions{LinkType: fileType, Snaplen: h.SnapLen(), Nanosecond: c.nanoPrec, FlushInterval: liveFlushInterval}
	return func(out io.WriteCloser) (outFile, error) {
		return newPcapFile(out, opts, nil)
	}
}

// pcapFile writes a pcap file exactly as tcpdump -w does.
type pcapFile struct {
	w   *savefile.Writer
	out io.Closer
	r   *savefile.Reader // the -r input whose time stamps are copied; nil when live
}

func newPcapFile(out io.WriteCloser, opts savefile.WriterOptions, r *savefile.Reader) (*pcapFile, error) {
	w, err := savefile.NewWriter(out, opts)
	if err != nil {
		return nil, errors.Join(err, out.Close())
	}
	return &pcapFile{w: w, out: out, r: r}, nil
}

func (f *pcapFile) write(ci *savefile.CaptureInfo, data []byte) error {
	if f.r != nil {
		return f.w.WritePacketFrom(f.r, *ci, data)
	}
	return f.w.WritePacket(*ci, data)
}

func (f *pcapFile) flush() error { return f.w.Flush() }
func (f *pcapFile) size() int64  { return f.w.Size() }
func (f *pcapFile) close() error { return errors.Join(f.w.Close(), f.out.Close()) }

// ngOut is what the pcapng files share: the writer and the file.
type ngOut struct {
	w   *savefile.NGWriter
	out io.Closer
}

func (o *ngOut) flush() error { return o.w.Flush() }
func (o *ngOut) size() int64  { return o.w.Size() }

func (o *ngOut) close() error { return errors.Join(o.w.Close(), o.out.Close()) }

// liveNGFile writes a live capture's packets to pcapng, on one interface.
type liveNGFile struct{ ngOut }

func (f *liveNGFile) write(ci *savefile.CaptureInfo, data []byte) error {
	c := *ci
	c.InterfaceIndex = 0
	return f.w.WritePacket(c, data)
}

// ngFile writes a -r input's packets to pcapng with one IDB per interface
// of the input (per section for pcapng input): nanosecond time stamps for
// pcap input, the input interface's resolution and offset for pcapng.
type ngFile struct {
	ngOut
	r        *savefile.Reader
	fileType linktype.Type // link type of a pcap input, as libpcap writes it
	sections int
	ifaces   []int // output interface for each input interface of the section
}

func newNGFile(out io.WriteCloser, r *savefile.Reader, fileType linktype.Type) (*ngFile, error) {
	w, err := savefile.NewNGWriter(out, savefile.NGWriterOptions{UserAppl: "pcapdump (purepcap)"})
	if err != nil {
		return nil, err
	}
	f := &ngFile{ngOut: ngOut{w: w, out: out}, r: r, fileType: fileType}
	if err := f.sync(); err != nil {
		return nil, err
	}
	return f, nil
}

// sync writes an IDB for each input interface not yet described.
func (f *ngFile) sync() error {
	r := f.r
	if r.Format() == savefile.FormatPcap {
		if len(f.ifaces) == 0 {
			id, err := f.w.AddInterface(savefile.Interface{LinkType: f.fileType, Snaplen: r.Snaplen(), TSResol: 9})
			if err != nil {
				return err
			}
			f.ifaces = append(f.ifaces, id)
		}
		return nil
	}
	if r.Sections() != f.sections {
		f.sections = r.Sections()
		f.ifaces = f.ifaces[:0]
	}
	ifs := r.Interfaces()
	for len(f.ifaces) < len(ifs) {
		in := ifs[len(f.ifaces)] // keeps its time stamp resolution and offset
		if lt, ok := in.LinkType.Savefile(); ok {
			in.LinkType = lt
		}
		id, err := f.w.AddInterface(in)
		if err != nil {
			return err
		}
		f.ifaces = append(f.ifaces, id)
	}
	return nil
}

func (f *ngFile) write(ic *savefile.CaptureInfo, data []byte) error {
	if err := f.sync(); err != nil {
		return err
	}
	ci := *ic
	ci.InterfaceIndex = f.ifaces[ci.InterfaceIndex]
	if f.r.Format() == savefile.FormatPcapNG {
		po, err := f.r.PacketOptions()
		if err == nil && len(po.Options) > 0 {
			return f.w.CopyPacket(ci, data, &po)
		}
	}
	// As read, even a damaged record.
	return f.w.CopyPacket(ci, data, nil)
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
