package pcap

import (
	"errors"
	"strconv"
)

// ErrNotActive is returned if handle is not activated (libpcap's
// PCAP_ERROR_NOT_ACTIVATED).
const ErrNotActive = -3

// CannotSetRFMon is returned by SetRFMon: monitor mode needs libpcap's
// mac80211 support, which this package does not have.
var CannotSetRFMon = errors.New("Cannot set rfmon for this handle")

// NextError is a read's outcome as libpcap's pcap_next_ex codes it; it is
// the error the read methods return on a timeout or a read error.
type NextError int32

// The NextError values are pcap_next_ex's return codes. The read methods
// return NextErrorTimeoutExpired and NextErrorReadError; the end of a savefile
// is io.EOF rather than NextErrorNoMorePackets.
const (
	NextErrorOk             NextError = 1
	NextErrorTimeoutExpired NextError = 0
	NextErrorReadError      NextError = -1
	NextErrorNoMorePackets  NextError = -2
	NextErrorNotActivated   NextError = -3
)

// Error implements the error interface, with gopacket's texts.
func (n NextError) Error() string {
	switch n {
	case NextErrorOk:
		return "OK"
	case NextErrorTimeoutExpired:
		return "Timeout Expired"
	case NextErrorReadError:
		return "Read Error"
	case NextErrorNoMorePackets:
		return "No More Packets In File"
	case NextErrorNotActivated:
		return "Not Activated"
	}
	return strconv.Itoa(int(n))
}

// Errors whose texts are libpcap's, which gopacket returned as they were.
var (
	errStatsSavefile  = errors.New("Statistics aren't available from savefiles")
	errInjectSavefile = errors.New("Sending packets isn't supported on savefiles")
	errInjectEmpty    = errors.New("The number of bytes to be sent must be positive: Invalid argument")
)
