package savefile

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/purepcap/pcap/linktype"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
)

// appendGo does with OpenAppend what appendref does with libpcap.
func appendGo(name string, lt linktype.Type, snaplen int, nano bool, n int) error {
	w, err := OpenAppend(name, WriterOptions{LinkType: lt, Snaplen: snaplen, Nanosecond: nano})
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		data := bytes.Repeat([]byte{byte(i)}, 10+i)
		if err := w.WriteTimeval(int64(1000+i), int64(7*i), 100+i, data); err != nil {
			return err
		}
	}
	return w.Close()
}

// TestOpenAppendMatchesLibpcap compares OpenAppend with libpcap's
// pcap_dump_open_append (a small C helper built with gcc -lpcap).
func TestOpenAppendMatchesLibpcap(t *testing.T) {
	ref := testutil.LibpcapHelper(t, "testdata/appendref.c")
	dir := t.TempDir()
	var micro, nano bytes.Buffer
	w, _ := NewWriter(&micro, WriterOptions{LinkType: linktype.Ethernet, Snaplen: 65535})
	w.Close()
	w, _ = NewWriter(&nano, WriterOptions{LinkType: linktype.Ethernet, Snaplen: 65535, Nanosecond: true})
	w.Close()
	swapped := append([]byte(nil), micro.Bytes()...)
	copy(swapped, []byte{0xa1, 0xb2, 0xc3, 0xd4})
	oldVersion := append([]byte(nil), micro.Bytes()...)
	oldVersion[6] = 3

	tests := []struct {
		name    string
		initial []byte // nil: no file
		lt      linktype.Type
		snaplen int
		nano    bool
	}{
		{"new file", nil, linktype.Ethernet, 65535, false},
		{"new file nano", nil, linktype.Ethernet, 65535, true},
		{"empty file", []byte{}, linktype.Ethernet, 65535, false},
		{"append micro", micro.Bytes(), linktype.Ethernet, 65535, false},
		{"append nano", nano.Bytes(), linktype.Ethernet, 65535, true},
		{"precision differs", micro.Bytes(), linktype.Ethernet, 65535, true},
		{"precision differs nano", nano.Bytes(), linktype.Ethernet, 65535, false},
		{"link type differs", micro.Bytes(), linktype.Type(113), 65535, false},
		{"snaplen differs", micro.Bytes(), linktype.Ethernet, 1000, false},
		{"byte order differs", swapped, linktype.Ethernet, 65535, false},
		{"version 2.3", oldVersion, linktype.Ethernet, 65535, false},
		{"truncated header", micro.Bytes()[:10], linktype.Ethernet, 65535, false},
		{"not a pcap file", []byte("this is a text file, not a capture!"), linktype.Ethernet, 65535, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cFile, goFile := filepath.Join(dir, "c.pcap"), filepath.Join(dir, "go.pcap")
			os.Remove(cFile)
			os.Remove(goFile)
			if tt.initial != nil {
				require.NoError(t, os.WriteFile(cFile, tt.initial, 0o644))
				require.NoError(t, os.WriteFile(goFile, tt.initial, 0o644))
			}
			nanoArg := "0"
			if tt.nano {
				nanoArg = "1"
			}
			cmd := exec.Command(ref, cFile, "1", "65535", nanoArg, "3")
			if tt.snaplen != 65535 {
				cmd.Args[3] = "1000"
			}
			if tt.lt != linktype.Ethernet {
				cmd.Args[2] = "113"
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			cerr := cmd.Run()
			gerr := appendGo(goFile, tt.lt, tt.snaplen, tt.nano, 3)
			if cerr != nil {
				require.Error(t, gerr, "libpcap failed: %s", stderr.String())
				assert.Equal(t, strings.ReplaceAll(stderr.String(), cFile, goFile), gerr.Error()+"\n")
			} else {
				require.NoError(t, gerr)
			}
			cb, _ := os.ReadFile(cFile)
			gb, _ := os.ReadFile(goFile)
			assert.Equal(t, cb, gb)
		})
	}
}
