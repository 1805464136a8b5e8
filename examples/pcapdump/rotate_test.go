package main

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/savefile"
)

// synthCapture writes a pcap file of n Ethernet/IPv4/UDP packets of
// pseudo-random sizes (seeded, so the same every run) and returns its path.
func synthCapture(t *testing.T, dir string, n int, nano bool, seed uint64) string {
	t.Helper()
	path := filepath.Join(dir, "in.pcap")
	writeCapture(t, path, nano, func(add func(time.Time, []byte, int)) {
		rng := rand.New(rand.NewPCG(seed, 1))
		ts := time.Unix(1700000000, 123456789)
		buf := make([]byte, 1514)
		for i := range n {
			size := 60 + rng.IntN(1454)
			pkt := buf[:size]
			for k := range pkt {
				pkt[k] = byte(rng.Uint32())
			}
			copy(pkt[0:], []byte{0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 6, 8, 0, 0x45, 0})
			binary.BigEndian.PutUint16(pkt[16:], uint16(size-14))
			pkt[23] = 17 // UDP
			wire := size
			if i%7 == 0 {
				wire += rng.IntN(100) // a truncated packet now and then
			}
			ts = ts.Add(time.Duration(rng.IntN(2_000_000)) * time.Nanosecond)
			add(ts, pkt, wire)
		}
	})
	return path
}

// dirFiles returns the names and contents of the files in dir.
func dirFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	out := map[string][]byte{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = b
	}
	return out
}

func names(m map[string][]byte) []string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	sort.Strings(s)
	return s
}

// TestRotationMatchesTcpdump checks issue 9's acceptance 6: -C, -C -W and
// -C -W with nanosecond output give the same files as tcpdump 4.99, with
// the same names and bytes.
func TestRotationMatchesTcpdump(t *testing.T) {
	tcpdump := testutil.Tool(t, "tcpdump")
	for _, tt := range []struct {
		name string
		nano bool // the input's precision
		n    int  // packets
		args []string
	}{
		{"C1", false, 4500, []string{"-C", "1"}},
		{"C1-W3", false, 4500, []string{"-C", "1", "-W", "3"}},
		{"C2-W2-nano", true, 6000, []string{"-C", "2", "-W", "2", "--time-stamp-precision=nano"}},
		{"C1-W12-micro-from-nano", true, 3000, []string{"-C", "1", "-W", "12"}},
		{"C1-filter-count", false, 4500, []string{"-C", "1", "-c", "2000", "udp"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in := synthCapture(t, dir, tt.n, tt.nano, 7)
			refDir, ourDir := filepath.Join(dir, "ref"), filepath.Join(dir, "ours")
			require.NoError(t, os.Mkdir(refDir, 0o755))
			require.NoError(t, os.Mkdir(ourDir, 0o755))

			refArgs := []string{"-r", in, "-w", filepath.Join(refDir, "out")}
			if os.Geteuid() == 0 {
				// Debian's tcpdump would otherwise switch to user tcpdump.
				refArgs = append([]string{"-Z", "root"}, refArgs...)
			}
			cmd := exec.Command(tcpdump, append(refArgs, tt.args...)...)
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "%s", out)

			status, _ := runCaptured(t, append([]string{"-Z", "root", "-r", in, "-w", filepath.Join(ourDir, "out")}, tt.args...)...)
			require.Equal(t, 0, status)

			ref, ours := dirFiles(t, refDir), dirFiles(t, ourDir)
			require.Greater(t, len(ref), 1, "the capture should span several files")
			require.Equal(t, names(ref), names(ours))
			for name, b := range ref {
				require.True(t, bytes.Equal(b, ours[name]), "%s differs (%d bytes from tcpdump, %d from pcapdump)", name, len(b), len(ours[name]))
			}
		})
	}
}

// fakeHeaderLen and fakeRecordHeaderLen size a fakeFile as a pcap file.
const fakeHeaderLen, fakeRecordHeaderLen = 24, 16

// fakeFile is an outFile that records what it is given.
type fakeFile struct {
	name    string
	n       int64
	flushes int
	log     *[]string
}

func (f *fakeFile) write(ci *savefile.CaptureInfo, data []byte) error {
	f.n += int64(fakeRecordHeaderLen + len(data))
	return nil
}
func (f *fakeFile) flush() error { f.flushes++; return nil }
func (f *fakeFile) size() int64  { return f.n }
func (f *fakeFile) close() error {
	*f.log = append(*f.log, f.name)
	return nil
}

// TestDumperNames checks the names and the order of the files without
// tcpdump: -C alone counts up, -W makes a padded ring, -G names through
// strftime and with -W stops after that many files.
func TestDumperNames(t *testing.T) {
	for _, tt := range []struct {
		name    string
		c       config
		packets int
		step    time.Duration // clock advance per packet
		want    []string      // files in the order they are closed
		limit   bool          // errFileLimit ends the writing
	}{
		// 100 bytes hold a 24-byte header and two 40-byte records; the
		// third record goes to the next file.
		{"C", config{fileSize: 100}, 12, 0, []string{"o", "o1", "o2", "o3", "o4", "o5"}, false},
		{"C-W3", config{fileSize: 100, fileCount: 3}, 12, 0, []string{"o0", "o1", "o2", "o0", "o1", "o2"}, false},
		{"C-W11", config{fileSize: 100, fileCount: 11}, 6, 0, []string{"o00", "o01", "o02"}, false},
		{"W-alone", config{fileCount: 5}, 8, 0, []string{"o"}, false},
		{"G", config{rotateSeconds: 2}, 6, time.Second, []string{"o-000000", "o-000002", "o-000004", "o-000006"}, false},
		{"G-W2", config{rotateSeconds: 2, fileCount: 2}, 6, time.Second, []string{"o-000000", "o-000002"}, true},
		{"G-C", config{rotateSeconds: 3, fileSize: 100}, 12, time.Second, []string{"o-000000", "o-000003", "o-0000031", "o-000006", "o-0000061", "o-000009", "o-0000091", "o-000012"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var log []string
			c := tt.c
			c.writeFile = "o"
			if c.rotateSeconds != 0 {
				c.writeFile = "o-%H%M%S"
			}
			clock := time.Date(2026, 1, 2, 0, 0, 0, 0, time.Local)
			create := func(name string) (outFile, error) {
				return &fakeFile{name: name, n: fakeHeaderLen, log: &log}, nil
			}
			d, err := newDumperWith(&c, create, func() time.Time { return clock })
			require.NoError(t, err)
			limited := false
			for range tt.packets {
				clock = clock.Add(tt.step)
				err := d.write(&savefile.CaptureInfo{}, make([]byte, 24))
				if err == errFileLimit {
					limited = true
					break
				}
				require.NoError(t, err)
			}
			require.NoError(t, d.close())
			require.Equal(t, tt.want, log)
			require.Equal(t, tt.limit, limited)
		})
	}
}

// TestDumperPacketBuffered checks -U: the header is flushed when the file
// is opened and every packet right after it is written; without -U the
// dumper leaves flushing to the writer.
func TestDumperPacketBuffered(t *testing.T) {
	for _, u := range []bool{false, true} {
		var f *fakeFile
		create := func(name string) (outFile, error) {
			f = &fakeFile{name: name, log: new([]string)}
			return f, nil
		}
		d, err := newDumperWith(&config{writeFile: "o", packetBuffered: u}, create, time.Now)
		require.NoError(t, err)
		for range 5 {
			require.NoError(t, d.write(&savefile.CaptureInfo{}, make([]byte, 10)))
		}
		want := 0
		if u {
			want = 6
		}
		require.Equal(t, want, f.flushes, "-U %v", u)
		require.NoError(t, d.close())
	}
}
