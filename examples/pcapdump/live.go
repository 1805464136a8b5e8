package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	pcap "github.com/purepcap/pcap"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// listDevices prints the capture devices as tcpdump -D does.
func listDevices(c *config) error {
	devs, err := pcap.FindAllDevs()
	if err != nil {
		return err
	}
	for i, d := range devs {
		fmt.Printf("%d.%s", i+1, d.Name)
		if d.Description != "" {
			fmt.Printf(" (%s)", d.Description)
		}
		if d.Flags != 0 {
			fmt.Printf(" [%s]", deviceFlags(d.Flags))
		}
		fmt.Println()
	}
	return nil
}

// deviceByNumber returns the name of the n-th device of the -D list.
func deviceByNumber(n int) (string, error) {
	if n <= 0 {
		return "", errors.New("Invalid adapter index")
	}
	devs, err := pcap.FindAllDevs()
	if err != nil {
		return "", err
	}
	if n > len(devs) {
		return "", errors.New("Invalid adapter index")
	}
	return devs[n-1].Name, nil
}

// deviceFlags words an interface's flags as tcpdump -D does.
func deviceFlags(f uint32) string {
	var parts []string
	for _, b := range []struct {
		bit  uint32
		name string
	}{{pcap.FlagUp, "Up"}, {pcap.FlagRunning, "Running"}, {pcap.FlagWireless, "Wireless"}, {pcap.FlagLoopback, "Loopback"}} {
		if f&b.bit != 0 {
			parts = append(parts, b.name)
		}
	}
	s := strings.Join(parts, ", ")
	if s == "" {
		s = "none"
	}
	status := f & pcap.FlagConnectionStatus
	unknown, connected, disconnected := ", Connection status unknown", ", Connected", ", Disconnected"
	if f&pcap.FlagWireless != 0 {
		unknown, connected, disconnected = ", Association status unknown", ", Associated", ", Not associated"
	}
	switch status {
	case pcap.ConnectionUnknown:
		s += unknown
	case pcap.ConnectionConnected:
		s += connected
	case pcap.ConnectionDisconnected:
		s += disconnected
	}
	return s
}

// liveSink is where captureLive puts each packet.
type liveSink interface {
	write(ci *savefile.CaptureInfo, data []byte) error
	// flush is called when the capture goes idle (a read timeout).
	flush() error
	close() error
}

// captureLive captures from c.device (or the default device) as tcpdump
// does: it announces the capture on stderr, writes (-w) or lists the
// packets, and on -c or a stop signal (SIGINT, SIGTERM, SIGHUP) stops and
// prints the statistics.
func captureLive(c *config) error {
	// The capture loop is a single goroutine, as tcpdump is a single
	// thread: more Ps would only add scheduler wakeups on every ring block.
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(1)
	}
	h, dev, err := openDevice(c)
	if err != nil {
		return err
	}

	defer h.Close()
	// A signal closes the handle, which wakes the reader at once; from
	// here on it ends the capture with every -w file whole.
	var stopped atomic.Bool
	var sigStats atomic.Pointer[pcap.Stats]
	sigc := make(chan os.Signal, 1)
	signal.Notify(sigc, stopSignals...)
	defer signal.Stop(sigc)
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-sigc:
			if st, err := h.Stats(); err == nil {
				sigStats.Store(st)
			}
			stopped.Store(true)
			h.Close()
		case <-done:
		}
	}()

	lt := h.LinkType()
	if c.listDataLinks {
		return listDataLinks(h, dev)
	}
	if c.linkType != "" || (dev == "any" && lt == linktype.LinuxSLL2) {
		fmt.Fprintf(os.Stderr, "pcapdump: data link type %s\n", lt.Name())
	}
	if c.dumpLevel > 0 {
		// -d with an interface: the program for its link type, as it
		// would run on it.
		prog, err := h.Compile(c.expr, c.optimize, 0)
		if err != nil {
			return compileError(err)
		}
		return writeProgram(c, prog)
	}
	if c.user != "" {
		if err := dropPrivileges(c.user); err != nil {
			return err
		}
	}
	sink, err := newLiveSink(c, h, lt)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "listening on %s, link-type %s (%s), snapshot length %d bytes\n",
		dev, lt.Name(), lt.Description(), h.SnapLen())

	var prog *progress
	if interval, ok := progressInterval(c, isTerminal(os.Stderr)); ok {
		prog = startProgress(os.Stderr, interval)
	}
	captured, rerr := captureLoop(c, h, sink, prog, &stopped)
	prog.end()
	// Take the statistics before closing (a signal may have closed the
	// handle already; then the last ones taken stand).
	st, serr := h.Stats()
	if serr != nil {
		st = sigStats.Load()
	}
	cerr := sink.close()
	h.Close()
	if c.writeFile == "" && stopped.Load() {
		// Interrupted, perhaps part way through a line, as tcpdump says.
		fmt.Println()
	}
	fmt.Fprintf(os.Stderr, "%d packet%s captured\n", captured, plural(captured))
	if st != nil {
		fmt.Fprintf(os.Stderr, "%d packet%s received by filter\n", st.PacketsReceived, plural(st.PacketsReceived))
		fmt.Fprintf(os.Stderr, "%d packet%s dropped by kernel\n", st.PacketsDropped, plural(st.PacketsDropped))
		if st.PacketsIfDropped != 0 {
			fmt.Fprintf(os.Stderr, "%d packet%s dropped by interface\n", st.PacketsIfDropped, plural(st.PacketsIfDropped))
		}
	}
	return errors.Join(rerr, cerr)
}

// openDevice opens c.device for capture, or the default device; as
// tcpdump, it takes a number that is no interface's name as an index into
// the -D list. It returns the handle and the device's name.
func openDevice(c *config) (*pcap.Handle, string, error) {
	dev := c.device
	if dev == "" {
		d, err := pcap.LookupDev()
		if err != nil {
			return nil, "", err
		}
		dev = d
	}
	h, err := openLive(c, dev)
	if err != nil {
		n, numeric := strconv.Atoi(dev)
		if numeric != nil {
			return nil, "", err
		}
		if dev, err = deviceByNumber(n); err != nil {
			return nil, "", err
		}
		if h, err = openLive(c, dev); err != nil {
			return nil, "", err
		}
	}
	return h, dev, nil
}

// newLiveSink returns where the capture's packets go: the -w files (and
// the text too with --print) or the text on stdout; it starts the
// "listening on" line on stderr as tcpdump does.
func newLiveSink(c *config, h *pcap.Handle, lt linktype.Type) (liveSink, error) {
	if c.writeFile == "" {
		if c.verbose == 0 {
			fmt.Fprintf(os.Stderr, "pcapdump: verbose output suppressed, use -v[v]... for full protocol decode\n")
		} else {
			fmt.Fprintf(os.Stderr, "pcapdump: ")
		}
		return &textSink{c: c, p: newPacketPrinter(c), lt: lt}, nil
	}
	fileType, ok := lt.Savefile()
	if !ok {
		return nil, fmt.Errorf("link type %s can't be written to a savefile", lt)
	}
	d, err := newDumper(c, liveOpener(c, h, fileType))
	if err != nil {
		return nil, err
	}
	var sink liveSink = d
	if c.printWritten {
		// --print: print the packets as well as writing them.
		sink = teeSink{d, &textSink{c: c, p: newPacketPrinter(c), lt: lt}}
	}
	fmt.Fprintf(os.Stderr, "pcapdump: ")
	return sink, nil
}

// captureLoop reads packets from h into sink until -c is reached, the
// handle is closed by a stop signal (stopped is then set) or an error;
// it returns the number of packets captured and the error, if any.
func captureLoop(c *config, h *pcap.Handle, sink liveSink, prog *progress, stopped *atomic.Bool) (int, error) {
	captured := 0
	for c.count == 0 || captured < c.count {
		data, ci, err := h.NextPacket()
		if err != nil {
			if errors.Is(err, pcap.ErrTimeout) {
				// Idle: what the writer holds goes to the file now.
				if err := sink.flush(); err != nil {
					return captured, err
				}
				continue
			}
			if !stopped.Load() {
				return captured, err
			}
			return captured, nil
		}
		captured++
		if err := sink.write(ci, data); err != nil {
			if errors.Is(err, errFileLimit) {
				fmt.Fprintf(os.Stderr, "Maximum file limit reached: %d\n", c.fileCount)
				return captured, nil
			}
			return captured, err
		}
		prog.add()
	}
	return captured, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// readTimeout is the capture's read timeout, which is also how long the
// kernel holds a ring block of packets before handing it over. tcpdump
// takes a tenth of a second when packets are printed to a terminal or with
// -l, so that they show up at once, and a second otherwise. pcapdump also
// takes a tenth of a second when writing a -w file: its writer flushes
// when the next block arrives (liveFlushInterval) or when the capture goes
// idle (a read timeout), so shorter blocks bound what a killed capture
// loses to a fraction of a second, as tcpdump's 4 KiB stdio buffer does.
func readTimeout(c *config, stdoutIsTerminal bool) time.Duration {
	if c.writeFile != "" || stdoutIsTerminal || c.lineBuffered {
		return 100 * time.Millisecond
	}
	return time.Second
}

// openLive configures and activates the handle, attaching the filter
// before the socket is bound.
func openLive(c *config, dev string) (*pcap.Handle, error) {
	p, err := pcap.NewInactiveHandle(dev)
	if err != nil {
		return nil, err
	}
	if c.snaplen != 0 {
		_ = p.SetSnapLen(c.snaplen)
	}
	_ = p.SetPromisc(!c.noPromisc)
	_ = p.SetTimeout(readTimeout(c, isTerminal(os.Stdout)))
	if c.bufferKiB != 0 {
		if err := p.SetBufferSize(c.bufferKiB * 1024); err != nil {
			return nil, err
		}
	}
	_ = p.SetImmediateMode(c.immediate)
	if c.nanoPrec {
		_ = p.SetTimestampPrecision(pcap.Nanosecond)
	} else {
		_ = p.SetTimestampPrecision(pcap.Microsecond)
	}
	switch c.direction {
	case "in":
		_ = p.SetDirection(pcap.DirectionIn)
	case "out":
		_ = p.SetDirection(pcap.DirectionOut)
	}
	if c.linkType != "" {
		t, ok := linktype.Parse(c.linkType)
		if !ok {
			return nil, fmt.Errorf("invalid data link type %s", c.linkType)
		}
		_ = p.SetLinkType(t)
	} else if dev == "any" {
		// tcpdump 4.99 asks for the second cooked header on "any".
		_ = p.SetLinkType(linktype.LinuxSLL2)
	}
	if c.exprGiven && strings.TrimSpace(c.expr) != "" {
		_ = p.SetBPFFilter(c.expr)
	}
	h, err := p.Activate()
	if err != nil {
		return nil, compileError(err) // a bad filter in tcpdump's words
	}
	return h, nil
}

// textSink prints the packets on the standard output as tcpdump does.
type textSink struct {
	c  *config
	p  *packetPrinter
	lt linktype.Type
}

func (s *textSink) write(ci *savefile.CaptureInfo, data []byte) error {
	sec, frac := liveTime(s.c, ci)
	return s.p.print(sec, frac, ci, data, s.lt)
}

func (s *textSink) flush() error { return s.p.flush() }

func (s *textSink) close() error { return s.p.flush() }

// teeSink puts each packet in two sinks: the -w files, then the printer.
type teeSink [2]liveSink

func (t teeSink) write(ci *savefile.CaptureInfo, data []byte) error {
	if err := t[0].write(ci, data); err != nil {
		return err
	}
	return t[1].write(ci, data)
}

func (t teeSink) flush() error { return errors.Join(t[0].flush(), t[1].flush()) }
func (t teeSink) close() error { return errors.Join(t[0].close(), t[1].close()) }

// listDataLinks prints the data link types h can capture with, as tcpdump
// 4.99 -L does: on the standard error.
func listDataLinks(h *pcap.Handle, dev string) error {
	dlts, err := h.ListDataLinks()
	if err != nil {
		return err
	}
	if len(dlts) == 0 {
		return errors.New("No data link types.")
	}
	fmt.Fprintf(os.Stderr, "Data link types for %s (use option -y to set):\n", dev)
	for _, t := range dlts {
		if t.Name() == "" {
			fmt.Fprintf(os.Stderr, "  DLT %d (printing not supported)\n", t.DLT())
			continue
		}
		fmt.Fprintf(os.Stderr, "  %s (%s)\n", t.Name(), t.Description())
	}
	return nil
}
