package main

import (
	"bufio"
	"os"

	"github.com/purepcap/pcap/examples/pcapdump/printer"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// packetPrinter prints packets on the standard output as tcpdump does,
// through a buffer that -l flushes after every packet.
type packetPrinter struct {
	w    *bufio.Writer
	pr   *printer.Printer
	line bool // -l
}

func newPacketPrinter(c *config) *packetPrinter {
	w := bufio.NewWriterSize(os.Stdout, 64<<10)
	return &packetPrinter{w: w, pr: printer.New(w, printerOptions(c)), line: c.lineBuffered}
}

// printerOptions maps tcpdump's printing flags to the printer's options.
// Names are never resolved, so -n and -nn change nothing.
func printerOptions(c *config) printer.Options {
	return printer.Options{
		Time:       printer.TimeFormat(c.tsFormat),
		Nano:       c.nanoPrec,
		Link:       c.linkHeader > 0,
		Quiet:      c.quiet,
		Verbose:    c.verbose,
		Absolute:   c.absoluteSeq,
		NoChecksum: c.noChecksum,
		Number:     c.packetNumber,
		Hex:        c.hexDump,
		HexASCII:   c.hexASCII,
		ASCII:      c.asciiDump,
	}
}

// print prints one packet; sec and frac are its time stamp in the
// precision asked for.
func (p *packetPrinter) print(sec, frac int64, ci *savefile.CaptureInfo, data []byte, lt linktype.Type) error {
	if err := p.pr.PrintTimeval(sec, frac, *ci, data, lt); err != nil {
		return err
	}
	if p.line {
		return p.w.Flush()
	}
	return nil
}

// liveTime splits a live packet's time stamp as the printer wants it.
func liveTime(c *config, ci *savefile.CaptureInfo) (int64, int64) {
	frac := int64(ci.Timestamp.Nanosecond())
	if !c.nanoPrec {
		frac /= 1000
	}
	return ci.Timestamp.Unix(), frac
}

func (p *packetPrinter) flush() error { return p.w.Flush() }
