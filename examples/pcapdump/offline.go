package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// packetSink is where readOffline sends each matching packet.
type packetSink interface {
	write(r *savefile.Reader, ci savefile.CaptureInfo, data []byte) error
	close() error
}

// readOffline reads a savefile as tcpdump -r does: it announces the file
// on stderr, filters it, and writes the matching packets (-w) and/or
// counts them (--count). A read error part way through still writes and
// counts the packets before it, then fails, as tcpdump does.
//
// Writing pcapng, the interfaces of a pcapng input may have different link
// types (each gets its own IDB, and the filter is compiled for each link
// type); otherwise such a file fails as it does in libpcap.
func readOffline(c *config) error {
	ngOut := c.writeFile != "" && (c.pcapng || strings.HasSuffix(c.writeFile, ".pcapng"))
	opts := savefile.ReaderOptions{Libpcap: !ngOut}
	var (
		r   *savefile.Reader
		err error
	)
	if c.readFile == "-" {
		r, err = savefile.NewReaderOptions(os.Stdin, opts)
	} else {
		r, err = savefile.Open(c.readFile, opts)
	}
	if err != nil {
		return openError(c.readFile, err)
	}
	defer r.Close()

	lt := r.LinkType()
	name := lt.Name()
	if name == "" {
		name = fmt.Sprint(lt.DLT())
	} else {
		name = fmt.Sprintf("%s (%s)", name, lt.Description())
	}
	fmt.Fprintf(os.Stderr, "reading from file %s, link-type %s, snapshot length %d\n", c.readFile, name, r.Snaplen())
	if c.dumpLevel > 0 {
		// tcpdump -r FILE -d: the program for the file's link type and snaplen.
		return printProgram(c, lt, compile.Options{Snaplen: r.Snaplen(), Optimize: c.optimize, Savefile: true})
	}
	fileType, ok := lt.Savefile()
	if !ok {
		return fmt.Errorf("unknown data link type %d (min 104, max 289)", lt.DLT())
	}
	match, err := packetFilter(c, lt, r.Snaplen())
	if err != nil {
		return err
	}
	if !c.countOnly && c.writeFile == "" {
		return errors.New("printing packets is not supported; use -w FILE or --count")
	}

	var sink packetSink
	if c.writeFile != "" {
		sink, err = openSink(c, r, fileType)
		if err != nil {
			return err
		}
	}
	filters := map[linktype.Type]func([]byte, int) bool{lt: match}
	var n int
	for c.count == 0 || n < c.count {
		data, ci, rerr := r.ZeroCopyReadPacketData()
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			err = fmt.Errorf("pcap_loop: %w", rerr)
			break
		}
		if match != nil {
			f := match
			if ngOut && r.Format() == savefile.FormatPcapNG {
				if f, err = filterFor(c, filters, r.Interfaces()[ci.InterfaceIndex]); err != nil {
					break
				}
			}
			if !f(data, ci.Length) {
				continue
			}
		}
		n++
		if sink != nil {
			if werr := sink.write(r, ci, data); werr != nil {
				err = werr
				break
			}
		}
	}
	if sink != nil {
		if cerr := sink.close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	if c.countOnly {
		plural := "s"
		if n == 1 {
			plural = ""
		}
		fmt.Fprintf(os.Stdout, "%d packet%s\n", n, plural)
	}
	return err
}

// filterFor returns the filter for an interface's link type, compiling it
// the first time that link type is seen.
func filterFor(c *config, filters map[linktype.Type]func([]byte, int) bool, in savefile.Interface) (func([]byte, int) bool, error) {
	if f, ok := filters[in.LinkType]; ok {
		return f, nil
	}
	f, err := packetFilter(c, in.LinkType, in.Snaplen)
	if err != nil {
		return nil, err
	}
	if f == nil {
		f = func([]byte, int) bool { return true }
	}
	filters[in.LinkType] = f
	return f, nil
}

// openError words a failure to open a savefile as libpcap does.
func openError(name string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", name, pe.Err)
	}
	return err
}

// openSink creates the -w output: pcap, or pcapng when the name ends in
// .pcapng or --pcapng is given. "-" is the standard output.
func openSink(c *config, r *savefile.Reader, fileType linktype.Type) (packetSink, error) {
	var out io.WriteCloser = nopCloser{os.Stdout}
	if c.writeFile != "-" {
		f, err := os.Create(c.writeFile)
		if err != nil {
			return nil, openError(c.writeFile, err)
		}
		out = f
	}
	if c.pcapng || strings.HasSuffix(c.writeFile, ".pcapng") {
		return newNGSink(out, r, fileType)
	}
	w, err := savefile.NewWriter(out, savefile.WriterOptions{
		LinkType:    fileType,
		LinkTypeExt: r.LinkTypeExt(),
		Snaplen:     r.Snaplen(),
		Nanosecond:  c.nanoPrec,
	})
	if err != nil {
		out.Close()
		return nil, err
	}
	return &pcapSink{w: w, out: out}, nil
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// pcapSink writes a pcap file exactly as tcpdump -w does.
type pcapSink struct {
	w   *savefile.Writer
	out io.Closer
}

func (s *pcapSink) write(r *savefile.Reader, ci savefile.CaptureInfo, data []byte) error {
	return s.w.WritePacketFrom(r, ci, data)
}

func (s *pcapSink) close() error {
	return errors.Join(s.w.Close(), s.out.Close())
}

// ngSink writes a pcapng file with one IDB per interface of the input (per
// section for pcapng input): nanosecond time stamps for pcap input, the
// input interface's resolution and offset for pcapng.
type ngSink struct {
	w        *savefile.NGWriter
	out      io.Closer
	fileType linktype.Type // link type of a pcap input, as libpcap writes it
	sections int
	ifaces   []int // output interface for each input interface of the section
}

func newNGSink(out io.WriteCloser, r *savefile.Reader, fileType linktype.Type) (packetSink, error) {
	w, err := savefile.NewNGWriter(out, savefile.NGWriterOptions{UserAppl: "pcapdump (purepcap)"})
	if err != nil {
		out.Close()
		return nil, err
	}
	s := &ngSink{w: w, out: out, fileType: fileType}
	if err := s.sync(r); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

// sync writes an IDB for each input interface not yet described.
func (s *ngSink) sync(r *savefile.Reader) error {
	if r.Format() == savefile.FormatPcap {
		if len(s.ifaces) == 0 {
			id, err := s.w.AddInterface(savefile.Interface{LinkType: s.fileType, RawSnaplen: uint32(r.Snaplen()), TSResol: 9})
			if err != nil {
				return err
			}
			s.ifaces = append(s.ifaces, id)
		}
		return nil
	}
	if r.Sections() != s.sections {
		s.sections = r.Sections()
		s.ifaces = s.ifaces[:0]
	}
	ifs := r.Interfaces()
	for len(s.ifaces) < len(ifs) {
		in := ifs[len(s.ifaces)] // keeps its time stamp resolution and offset
		if lt, ok := in.LinkType.Savefile(); ok {
			in.LinkType = lt
		}
		id, err := s.w.AddInterface(in)
		if err != nil {
			return err
		}
		s.ifaces = append(s.ifaces, id)
	}
	return nil
}

func (s *ngSink) write(r *savefile.Reader, ci savefile.CaptureInfo, data []byte) error {
	if err := s.sync(r); err != nil {
		return err
	}
	ci.InterfaceIndex = s.ifaces[ci.InterfaceIndex]
	if r.Format() == savefile.FormatPcapNG {
		po, err := r.PacketOptions()
		if err == nil && len(po.Options) > 0 {
			return s.w.WritePacketOptions(ci, data, &po)
		}
	}
	return s.w.WritePacket(ci, data)
}

func (s *ngSink) close() error {
	return errors.Join(s.w.Close(), s.out.Close())
}
