package pcap

import (
	"errors"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"
)

// libpcapError carries the text libpcap would have given for an error, which
// gopacket returned as it was and its users compare, while still wrapping
// the root package's error for errors.Is and errors.As.
type libpcapError struct {
	msg string
	err error
}

func (e *libpcapError) Error() string { return e.msg }
func (e *libpcapError) Unwrap() error { return e.err }

// asLibpcap rewrites err from the root package in libpcap's words: without
// the "pcap: " prefix (the savefile package's texts are libpcap's already),
// and a failed open as "path: Strerror text".
func asLibpcap(err error) error {
	if err == nil {
		return nil
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &libpcapError{msg: pe.Path + ": " + capitalize(pe.Err.Error()), err: err}
	}
	return &libpcapError{msg: strings.TrimPrefix(err.Error(), "pcap: "), err: err}
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
