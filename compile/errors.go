package compile

import "strconv"

// Error is a compilation error: a message in libpcap's wording and the byte
// offset in the expression where the problem was found.
type Error struct {
	Offset int    // byte offset into the expression
	Msg    string // what is wrong, lowercase, no trailing period
}

// Error returns the message followed by the offset.
func (e *Error) Error() string {
	return e.Msg + " (at offset " + strconv.Itoa(e.Offset) + ")"
}

// ErrorList is a list of compilation errors, in order of offset.
type ErrorList []*Error

// Error returns the first error's text and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return l[0].Error() + " (and " + strconv.Itoa(len(l)-1) + " more errors)"
}

// Err returns l as an error, or nil if l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// bailout unwinds the parser and code generator on the first error. It is
// recovered only in Compile.
type bailout struct{ err *Error }

func fail(off int, msg string) {
	panic(bailout{&Error{Offset: off, Msg: msg}})
}

// syntaxMsg is libpcap's message for input the grammar rejects.
const syntaxMsg = "can't parse filter expression: syntax error"
