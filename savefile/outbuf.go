package savefile

import "io"

// writeBufSize is the initial output buffer of the pcap and pcapng writers.
const writeBufSize = 256 << 10

// outBuf is the buffered output the pcap and pcapng writers share. The
// first write error sticks: every later call returns it.
type outBuf struct {
	w   io.Writer
	buf []byte
	n   int // bytes buffered in buf
	err error
}

func newOutBuf(w io.Writer) outBuf {
	return outBuf{w: w, buf: make([]byte, writeBufSize)}
}

// flush writes the buffered bytes to w.
func (o *outBuf) flush() error {
	if o.err != nil {
		return o.err
	}
	if o.n == 0 {
		return nil
	}
	_, err := o.w.Write(o.buf[:o.n])
	o.n = 0
	if err != nil {
		o.err = err
	}
	return err
}
