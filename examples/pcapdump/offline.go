package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// readOffline reads a savefile as tcpdump -r does: it announces the file
// on stderr, filters it, and writes the matching packets (-w) and/or
// counts them (--count). A read error part way through still writes and
// counts the packets before it, then fails, as tcpdump does.
//
// Writing pcapng, the interfaces of a pcapng input may have different link
// types (each gets its own IDB, and the filter is compiled for each link
// type); otherwise such a file fails as it does in libpcap.
func readOffline(c *config) error {
	ngOut := pcapngOutput(c)
	opts := savefile.ReaderOptions{Libpcap: !ngOut}
	stop := stopOnSignal()
	defer stop.release()
	r, err := openSavefile(c, opts, stop)
	if err != nil {
		return err
	}
	defer r.Close()

	lt := r.LinkType()
	fmt.Fprintf(os.Stderr, "reading from file %s, link-type %s, snapshot length %d\n", c.readFile, linkTypeLabel(lt), r.Snaplen())
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
	var out *packetPrinter
	if !c.countOnly && (c.writeFile == "" || c.printWritten) {
		out = newPacketPrinter(c)
		defer out.flush()
	}

	if c.user != "" {
		if err := dropPrivileges(c.user); err != nil {
			return err
		}
	}
	var sink *dumper
	if c.writeFile != "" {
		sink, err = newDumper(c, offlineOpener(c, r, fileType))
		if err != nil {
			return err
		}
	}
	filters := newIfaceFilters(c, lt, match)
	var n int
	for (c.count == 0 || n < c.count) && !stop.Load() {
		data, ci, rerr := r.ZeroCopyReadPacketData()
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			if !errors.Is(rerr, errStopped) {
				err = fmt.Errorf("pcap_loop: %w", rerr)
			}
			break
		}
		if match != nil {
			ok, ferr := offlineMatch(r, ngOut, match, filters, &ci, data)
			if ferr != nil {
				err = ferr
				break
			}
			if !ok {
				continue
			}
		}
		n++
		if out != nil {
			plt := lt
			if r.Format() == savefile.FormatPcapNG {
				plt = r.Interfaces()[ci.InterfaceIndex].LinkType
			}
			sec, frac := r.Timeval(c.nanoPrec)
			if perr := out.print(sec, frac, &ci, data, plt); perr != nil {
				err = perr
				break
			}
		}
		if sink != nil {
			if werr := sink.write(&ci, data); werr != nil {
				if errors.Is(werr, errFileLimit) {
					fmt.Fprintf(os.Stderr, "Maximum file limit reached: %d\n", c.fileCount)
				} else {
					err = werr
				}
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
		fmt.Fprintf(os.Stdout, "%d packet%s\n", n, plural(n))
	}
	return err
}

// openSavefile opens c.readFile ("-" for the standard input, whose reads
// a stop signal ends).
func openSavefile(c *config, opts savefile.ReaderOptions, stop *signalStop) (*savefile.Reader, error) {
	var (
		r   *savefile.Reader
		err error
	)
	if c.readFile == "-" {
		// A signal must end a read that waits for input on a pipe.
		r, err = savefile.NewReaderOptions(newStoppableReader(os.Stdin, stop.Done()), opts)
	} else {
		r, err = savefile.Open(c.readFile, opts)
	}
	if err != nil {
		return nil, openError(c.readFile, err)
	}
	return r, nil
}

// linkTypeLabel names lt as tcpdump's "reading from file" line does: its
// name and description, or its DLT number when it has no name.
func linkTypeLabel(lt linktype.Type) string {
	name := lt.Name()
	if name == "" {
		return fmt.Sprint(lt.DLT())
	}
	return fmt.Sprintf("%s (%s)", name, lt.Description())
}

// offlineMatch reports whether the filter passes the packet: match, or
// with pcapng output the filter for the packet's interface's link type.
func offlineMatch(r *savefile.Reader, ngOut bool, match func([]byte, int) bool, filters *ifaceFilters, ci *savefile.CaptureInfo, data []byte) (bool, error) {
	if ngOut && r.Format() == savefile.FormatPcapNG {
		return filters.match(r, ci, data)
	}
	return match(data, ci.Length), nil
}

// openError words a failure to open a savefile as libpcap does.
func openError(name string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", name, pe.Err)
	}
	return err
}
