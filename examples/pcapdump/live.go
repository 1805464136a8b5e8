package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
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
	if f&pcap.FlagWireless != 0 {
		switch status {
		case pcap.ConnectionUnknown:
			s += ", Association status unknown"
		case pcap.ConnectionConnected:
			s += ", Associated"
		case pcap.ConnectionDisconnected:
			s += ", Not associated"
		}
	} else {
		switch status {
		case pcap.ConnectionUnknown:
			s += ", Connection status unknown"
		case pcap.ConnectionConnected:
			s += ", Connected"
		case pcap.ConnectionDisconnected:
			s += ", Disconnected"
		}
	}
	return s
}

// liveSink is where captureLive puts each packet.
type liveSink interface {
	write(ci *savefile.CaptureInfo, data []byte) error
	close() error
}

// captureLive captures from c.device (or the default device) as tcpdump
// does: it announces the capture on stderr, writes (-w) or lists the
// packets, and on -c, SIGINT or SIGTERM stops and prints the statistics.
func captureLive(c *config) error {
	// The capture loop is a single goroutine, as tcpdump is a single
	// thread: more Ps would only add scheduler wakeups on every ring block.
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(1)
	}
	dev := c.device
	if dev == "" {
		d, err := pcap.LookupDev()
		if err != nil {
			return err
		}
		dev = d
	}
	h, err := openLive(c, dev)
	if err != nil {
		return err
	}

	defer h.Close()

	lt := h.LinkType()
	var sink liveSink
	if c.writeFile != "" {
		sink, err = openLiveSink(c, h)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "pcapdump: ")
	} else {
		fmt.Fprintf(os.Stderr, "pcapdump: verbose output suppressed, use -v[v]... for full protocol decode\n")
		sink = &textSink{w: os.Stdout}
	}
	fmt.Fprintf(os.Stderr, "listening on %s, link-type %s (%s), snapshot length %d bytes\n",
		dev, lt.Name(), lt.Description(), h.SnapLen())

	// A signal closes the handle, which wakes the reader at once.
	var stopped atomic.Bool
	var sigStats atomic.Pointer[pcap.Stats]
	sigc := make(chan os.Signal, 1)
	signal.Notify(sigc, syscall.SIGINT, syscall.SIGTERM)
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

	captured := 0
	var rerr error
	for c.count == 0 || captured < c.count {
		data, ci, err := h.NextPacket()
		if err != nil {
			if errors.Is(err, pcap.ErrTimeout) {
				continue
			}
			if !stopped.Load() {
				rerr = err
			}
			break
		}
		captured++
		if err := sink.write(ci, data); err != nil {
			rerr = err
			break
		}
	}
	// Take the statistics before closing (a signal may have closed the
	// handle already; then the last ones taken stand).
	st, serr := h.Stats()
	if serr != nil {
		st = sigStats.Load()
	}
	cerr := sink.close()
	h.Close()
	fmt.Fprintln(os.Stderr)
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

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
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
	_ = p.SetTimeout(time.Second) // tcpdump's default
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
	}
	if c.exprGiven && strings.TrimSpace(c.expr) != "" {
		_ = p.SetBPFFilter(c.expr)
	}
	h, err := p.Activate()
	if err != nil {
		return nil, err
	}
	return h, nil
}

// openLiveSink creates the -w output for a live capture: pcap (or pcapng
// with --pcapng or a .pcapng name); "-" is the standard output.
func openLiveSink(c *config, h *pcap.Handle) (liveSink, error) {
	var out io.WriteCloser = nopCloser{os.Stdout}
	if c.writeFile != "-" {
		f, err := os.Create(c.writeFile)
		if err != nil {
			return nil, openError(c.writeFile, err)
		}
		out = f
	}
	lt := h.LinkType()
	fileType, ok := lt.Savefile()
	if !ok {
		out.Close()
		return nil, fmt.Errorf("link type %s can't be written to a savefile", lt)
	}
	if c.pcapng || strings.HasSuffix(c.writeFile, ".pcapng") {
		w, err := savefile.NewNGWriter(out, savefile.NGWriterOptions{UserAppl: "pcapdump (purepcap)"})
		if err != nil {
			out.Close()
			return nil, err
		}
		if _, err := w.AddInterface(savefile.Interface{Name: h.Device(), LinkType: lt, RawSnaplen: uint32(h.SnapLen()), TSResol: 9, FCSLength: -1}); err != nil {
			out.Close()
			return nil, err
		}
		return &liveNGSink{w: w, out: out}, nil
	}
	w, err := savefile.NewWriter(out, savefile.WriterOptions{LinkType: fileType, Snaplen: h.SnapLen(), Nanosecond: c.nanoPrec})
	if err != nil {
		out.Close()
		return nil, err
	}
	return &livePcapSink{w: w, out: out}, nil
}

type livePcapSink struct {
	w   *savefile.Writer
	out io.Closer
}

func (s *livePcapSink) write(ci *savefile.CaptureInfo, data []byte) error {
	return s.w.WritePacket(*ci, data)
}

func (s *livePcapSink) close() error { return errors.Join(s.w.Close(), s.out.Close()) }

type liveNGSink struct {
	w   *savefile.NGWriter
	out io.Closer
}

func (s *liveNGSink) write(ci *savefile.CaptureInfo, data []byte) error {
	return s.w.WritePacket(*ci, data)
}

func (s *liveNGSink) close() error { return errors.Join(s.w.Close(), s.out.Close()) }

// textSink prints one line per packet: its time and lengths (pcapdump does
// not decode protocols).
type textSink struct{ w io.Writer }

func (s *textSink) write(ci *savefile.CaptureInfo, data []byte) error {
	_, err := fmt.Fprintf(s.w, "%s, length %d (captured %d)\n", ci.Timestamp.Format("15:04:05.000000"), ci.Length, ci.CaptureLength)
	return err
}

func (s *textSink) close() error { return nil }
