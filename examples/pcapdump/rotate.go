package main

import (
	"errors"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/purepcap/pcap/savefile"
)

// outFile is one open -w savefile: its writer and the file under it.
type outFile interface {
	// write writes one packet (data is not retained).
	// write writes one packet; it does not change *ci.
	write(ci *savefile.CaptureInfo, data []byte) error
	// flush hands the buffered bytes to the file.
	flush() error
	// size is how many bytes the file has been given so far, buffered
	// ones included: what libpcap's pcap_dump_ftell reports.
	size() int64
	// close flushes the writer and closes the file.
	close() error
}

// openFunc starts a savefile (its header) on out and returns its writer.
// On error it closes out.
type openFunc func(out io.WriteCloser) (outFile, error)

// errFileLimit ends a -G -W capture after its last file, as tcpdump ends
// it (exit status 0).
var errFileLimit = errors.New("maximum file limit reached")

// dumper writes the -w output as tcpdump does: one file, or with -C, -G
// and -W a sequence of files.
//
//   - -C: before each packet, when the current file holds more than
//     fileSize bytes, it is closed and the next one opened: FILE, FILE1,
//     FILE2, ... or, with -W N, a ring FILE0 ... FILE<N-1> whose numbers
//     are zero-padded to the width of N-1.
//   - -G: before each packet, when rotateSeconds or more have passed (on
//     the wall clock, in whole seconds) since the current file was
//     started, a new one is started whose name is the -w argument passed
//     through strftime at that time. With -W N and no -C the capture ends
//     instead of starting file N+1.
//   - -U: the file is flushed after every packet.
//
// A dumper is not safe for concurrent use.
type dumper struct {
	base           string
	fileSize       int64 // -C in bytes; 0 for none
	fileCount      int   // -W; 0 for none
	rotateSeconds  int64 // -G; 0 for none
	packetBuffered bool  // -U
	width          int   // digits of fileCount-1: how tcpdump pads the -C numbers
	create         func(name string) (outFile, error)
	now            func() time.Time

	cur       outFile
	name      string // the current file's name
	sizeCount int    // number of the current -C file
	timeCount int    // -G rotations so far
	started   int64  // when the current -G file was started (Unix seconds)
	failed    error  // the write error already returned, not to be reported again by close
}

// newDumper opens the first -w file of c (c.writeFile; "-" is the
// standard output); open starts each file's savefile.
func newDumper(c *config, open openFunc) (*dumper, error) {
	create := func(name string) (outFile, error) {
		var out io.WriteCloser = nopCloser{os.Stdout}
		if name != "-" {
			f, err := os.Create(name)
			if err != nil {
				return nil, openError(name, err)
			}
			out = f
		}
		return open(out)
	}
	return newDumperWith(c, create, time.Now)
}

// newDumperWith is newDumper with the file creation and the clock given.
func newDumperWith(c *config, create func(string) (outFile, error), now func() time.Time) (*dumper, error) {
	if c.writeFile == "" {
		return nil, errors.New("an empty string is not a valid file name")
	}
	d := &dumper{
		base:           c.writeFile,
		fileSize:       c.fileSize,
		fileCount:      c.fileCount,
		rotateSeconds:  int64(c.rotateSeconds),
		packetBuffered: c.packetBuffered,
		create:         create,
		now:            now,
	}
	for n := d.fileCount - 1; n > 0; n /= 10 {
		d.width++
	}
	d.started = d.now().Unix()
	if err := d.openFile(d.firstName()); err != nil {
		return nil, err
	}
	if d.packetBuffered {
		if err := d.cur.flush(); err != nil {
			d.cur.close()
			return nil, err
		}
	}
	return d, nil
}

// firstName is the name of the first file after a start or a -G
// rotation: numbered (from 0) only when -C is given.
func (d *dumper) firstName() string {
	if d.fileSize != 0 {
		return d.fileName(0, d.width)
	}
	return d.fileName(0, 0)
}

// fileName builds a file name as tcpdump does: the -w argument, through
// strftime when -G is given, then the number n padded to width digits
// (nothing when both are 0).
func (d *dumper) fileName(n, width int) string {
	name := d.base
	if d.rotateSeconds != 0 {
		name = strftime(name, time.Unix(d.started, 0))
	}
	if n == 0 && width == 0 {
		return name
	}
	num := strconv.Itoa(n)
	for len(num) < width {
		num = "0" + num
	}
	return name + num
}

func (d *dumper) openFile(name string) error {
	w, err := d.create(name)
	if err != nil {
		return err
	}
	d.cur, d.name = w, name
	return nil
}

// write writes one packet, first starting a new file if -G or -C says
// so. It returns errFileLimit, without writing, when -G -W has made its
// last file.
func (d *dumper) write(ci *savefile.CaptureInfo, data []byte) error {
	if d.rotateSeconds != 0 {
		if t := d.now().Unix(); t-d.started >= d.rotateSeconds {
			d.started = t
			d.timeCount++
			if err := d.closeCurrent(); err != nil {
				return err
			}
			if d.fileSize == 0 && d.fileCount > 0 && d.timeCount >= d.fileCount {
				return errFileLimit
			}
			d.sizeCount = 0
			if err := d.openFile(d.firstName()); err != nil {
				return err
			}
		}
	}
	if d.fileSize != 0 && d.cur.size() > d.fileSize {
		if err := d.closeCurrent(); err != nil {
			return err
		}
		d.sizeCount++
		if d.fileCount > 0 && d.sizeCount >= d.fileCount {
			d.sizeCount = 0
		}
		if err := d.openFile(d.fileName(d.sizeCount, d.width)); err != nil {
			return err
		}
	}
	if err := d.cur.write(ci, data); err != nil {
		d.failed = err
		return err
	}
	if d.packetBuffered {
		return d.flush()
	}
	return nil
}

// flush hands what the current file's writer buffers to the file: after
// each packet with -U, and when a live capture goes idle.
func (d *dumper) flush() error {
	if d.cur == nil {
		return nil
	}
	if err := d.cur.flush(); err != nil {
		d.failed = err
		return err
	}
	return nil
}

func (d *dumper) closeCurrent() error {
	if d.cur == nil {
		return nil
	}
	err := d.cur.close()
	d.cur = nil
	if err != nil && d.failed != nil && errors.Is(err, d.failed) {
		// The writers' errors stick: this one was reported already.
		return nil
	}
	return err
}

// close flushes and closes the current file. A write error that write or
// flush has returned is not returned again. It is safe to call twice.
func (d *dumper) close() error { return d.closeCurrent() }
