package pcap

// opError is the error of a live handle's operation: which operation on
// which device, libpcap's words for what went wrong where it has them, and
// the cause, which errors.Is and errors.As see (an os.SyscallError around
// the errno, os.ErrClosed, ...). Its text is
// "pcap: OP DEV: MESSAGE: CAUSE", each part present only when known.
type opError struct {
	op  string // "open", "read", "set filter", ...
	dev string // the device; "" when none applies
	msg string // libpcap's wording, lowercase; "" when the cause says it all
	err error  // the cause; nil when msg says it all
}

func (e *opError) Error() string {
	s := "pcap: " + e.op
	if e.dev != "" {
		s += " " + e.dev
	}
	if e.msg != "" {
		s += ": " + e.msg
	}
	if e.err != nil {
		s += ": " + e.err.Error()
	}
	return s
}

func (e *opError) Unwrap() error { return e.err }
