package compile

import "strconv"

// Error is a compilation error: a message in libpcap's wording and the byte
// offset in the expression where the problem was found.
type Error struct {
	Offset int    // byte offset into the expression; 0 when no position applies (options, optimizer)
	Msg    string // what is wrong, lowercase, no trailing period
	Err    error  // the cause, if there is one: the context's error when a lookup ran out of time
}

// Error returns the message followed by the offset.
func (e *Error) Error() string {
	return e.Msg + " (at offset " + strconv.Itoa(e.Offset) + ")"
}

// Unwrap returns the cause, if any.
func (e *Error) Unwrap() error { return e.Err }

// bailout unwinds the parser and code generator on the first error. It is
// recovered only in Compile.
type bailout struct{ err *Error }

func fail(off int, msg string) {
	panic(bailout{&Error{Offset: off, Msg: msg}})
}

// syntaxMsg is libpcap's message for input the grammar rejects.
const syntaxMsg = "can't parse filter expression: syntax error"
