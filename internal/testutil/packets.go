package testutil

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Packet is one packet of a capture as a test compares it.
type Packet struct {
	Timestamp time.Time
	Length    int    // on the wire
	Data      []byte // as captured
	NoData    bool   // the reference tool did not give the bytes
	Src       string // the capture it came from, for messages
}

// ComparePackets fails t where got differs from want in time stamp,
// length or bytes; with mod32 it compares seconds modulo 2^32 (pcap files
// hold 32-bit seconds).
func ComparePackets(t testing.TB, what string, want, got []Packet, mod32 bool) {
	t.Helper()
	if len(want) != len(got) {
		t.Fatalf("%s: packet count %d, want %d", what, len(got), len(want))
	}
	base := what
	for i := range want {
		what := base
		if want[i].Src != "" {
			what = want[i].Src + " in " + base
		}
		wt := want[i].Timestamp
		if mod32 {
			wt = time.Unix(int64(uint32(wt.Unix())), int64(wt.Nanosecond()))
		}
		if !wt.Equal(got[i].Timestamp) {
			t.Errorf("%s: packet %d time %v, want %v", what, i, got[i].Timestamp, wt)
		}
		if want[i].Length != got[i].Length {
			t.Errorf("%s: packet %d length %d, want %d", what, i, got[i].Length, want[i].Length)
		}
		if !got[i].NoData && !bytes.Equal(want[i].Data, got[i].Data) {
			t.Errorf("%s: packet %d data differs", what, i)
		}
	}
}

// SamePackets reports whether a and b hold the same packets (bytes
// compared where both have them).
func SamePackets(a, b []Packet) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Timestamp.Equal(b[i].Timestamp) || a[i].Length != b[i].Length ||
			(!a[i].NoData && !b[i].NoData && !bytes.Equal(a[i].Data, b[i].Data)) {
			return false
		}
	}
	return true
}

// TsharkPackets reads a capture with tshark -T json -x.
func TsharkPackets(t testing.TB, tshark, file string) []Packet {
	t.Helper()
	cmd := exec.Command(tshark, "-r", file, "-T", "json", "-x")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	js, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v: %s", err, stderr.String())
	}
	var pkts []struct {
		Source struct {
			Layers struct {
				FrameRaw []any          `json:"frame_raw"`
				Frame    map[string]any `json:"frame"`
			} `json:"layers"`
		} `json:"_source"`
	}
	if err := json.Unmarshal(js, &pkts); err != nil {
		t.Fatal(err)
	}
	var out []Packet
	for _, p := range pkts {
		l := p.Source.Layers
		if _, ok := l.Frame["frame.cb_pen"]; ok {
			continue // tshark 4 shows custom blocks as records
		}
		var data []byte
		noData := false
		if len(l.FrameRaw) > 0 { // absent for an empty packet
			data, err = hex.DecodeString(fmt.Sprint(l.FrameRaw[0]))
			if err != nil {
				// tshark 4.0 sometimes reports "field length invalid!"
				// instead of the bytes (raw IP in a second IDB).
				t.Logf("tshark gives no bytes for packet %d: %v", len(out), l.FrameRaw)
				noData = true
			}
		}
		ts, err := parseEpoch(fmt.Sprint(l.Frame["frame.time_epoch"]))
		if err != nil {
			t.Fatal(err)
		}
		length, err := strconv.Atoi(fmt.Sprint(l.Frame["frame.len"]))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Packet{Timestamp: ts, Length: length, Data: data, NoData: noData})
	}
	return out
}

// parseEpoch parses tshark's "SECONDS.FRACTION" time to the nanosecond.
func parseEpoch(epoch string) (time.Time, error) {
	secStr, fracStr, _ := strings.Cut(epoch, ".")
	sec, err := strconv.ParseInt(secStr, 10, 64)
	if err != nil {
		return time.Time{}, err
	}
	fracStr = (fracStr + "000000000")[:9]
	ns, err := strconv.ParseInt(fracStr, 10, 64)
	if err != nil {
		return time.Time{}, err
	}
	if strings.HasPrefix(secStr, "-") {
		ns = -ns
	}
	return time.Unix(sec, ns), nil
}
