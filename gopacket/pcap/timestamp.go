package pcap

import (
	"fmt"
	"strings"
)

// TimestampSource is a source of packet time stamps, libpcap's
// PCAP_TSTAMP_* values.
type TimestampSource int

const timestampHost TimestampSource = 0 // PCAP_TSTAMP_HOST

// timestampNames are libpcap's names of the sources, by value.
var timestampNames = [...]string{
	"host",
	"host_lowprec",
	"host_hiprec",
	"adapter",
	"adapter_unsynced",
	"host_hiprec_unsynced",
}

// String returns libpcap's name of the source ("host"), or "" for an unknown
// value.
func (t TimestampSource) String() string {
	if t < 0 || int(t) >= len(timestampNames) {
		return ""
	}
	return timestampNames[t]
}

// TimestampSourceFromString returns the source libpcap names s, case
// insensitively.
func TimestampSourceFromString(s string) (TimestampSource, error) {
	for i, name := range timestampNames {
		if strings.EqualFold(name, s) {
			return TimestampSource(i), nil
		}
	}
	return 0, fmt.Errorf("unknown time stamp type %q", s)
}
