package pcap

import (
	"strings"

	"github.com/purepcap/pcap/linktype"
)

// Datalink is a link-layer header type by libpcap's name and description.
type Datalink struct {
	Name        string
	Description string
}

// dltName returns the linktype entry for a DLT_* value, if libpcap on Linux
// uses that value as a DLT (101, LINKTYPE_RAW, is no DLT there: DLT_RAW is 12).
func dltType(dlt int) (linktype.Type, bool) {
	if dlt < 0 || uint64(dlt) > 0xffffffff {
		return 0, false
	}
	t := linktype.Type(dlt)
	return t, t.Name() != "" && t.DLT() == uint32(dlt)
}

// DatalinkValToName returns libpcap's name for a DLT_* value ("EN10MB"), or
// "" if it has none.
func DatalinkValToName(dlt int) string {
	if t, ok := dltType(dlt); ok {
		return t.Name()
	}
	return ""
}

// DatalinkValToDescription returns libpcap's description of a DLT_* value
// ("Ethernet"), or "" if it has none.
func DatalinkValToDescription(dlt int) string {
	if t, ok := dltType(dlt); ok {
		return t.Description()
	}
	return ""
}

// DatalinkNameToVal returns the DLT_* value libpcap names name (case
// insensitively, without the "DLT_" prefix), or -1.
func DatalinkNameToVal(name string) int {
	if strings.HasPrefix(strings.ToUpper(name), "DLT_") {
		return -1
	}
	t, ok := linktype.Parse(name)
	if !ok {
		return -1
	}
	return int(t.DLT())
}
