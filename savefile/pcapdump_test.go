package savefile

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
)

var (
	pcapdumpOnce sync.Once
	pcapdumpExe  string
	pcapdumpErr  error
	pcapdumpDir  string
)

// buildPcapdump builds examples/pcapdump once per test binary.
func buildPcapdump(t *testing.T) string {
	t.Helper()
	pcapdumpOnce.Do(func() {
		pcapdumpDir, pcapdumpErr = os.MkdirTemp("", "pcapdump")
		if pcapdumpErr != nil {
			return
		}
		pcapdumpExe = filepath.Join(pcapdumpDir, "pcapdump")
		goTool, err := exec.LookPath("go")
		if err != nil {
			goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
		}
		out, err := exec.Command(goTool, "build", "-o", pcapdumpExe, "github.com/purepcap/pcap/examples/pcapdump").CombinedOutput()
		if err != nil {
			pcapdumpErr = fmt.Errorf("building pcapdump: %v: %s", err, out)
		}
	})
	require.NoError(t, pcapdumpErr)
	return pcapdumpExe
}

func exitStatus(t *testing.T, err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	require.NoError(t, err)
	return 0
}

// TestPcapdumpMatchesGolden runs pcapdump -r IN -w OUT on every capture,
// in both precisions, and pcapdump -r IN --count, and compares with what
// tcpdump did (the goldens).
func TestPcapdumpMatchesGolden(t *testing.T) {
	exe := buildPcapdump(t)
	gold := readGolden(t)
	dir := t.TempDir()
	for _, f := range captures(t) {
		for _, nano := range []bool{false, true} {
			key := goldenKey(f, nano)
			g := gold[key]
			prec := "--time-stamp-precision=micro"
			if nano {
				prec = "--time-stamp-precision=nano"
			}
			out := filepath.Join(dir, "out.pcap")
			os.Remove(out)
			err := exec.Command(exe, prec, "-r", f, "-w", out).Run()
			assert.Equal(t, g.status, exitStatus(t, err), key)
			b, rerr := os.ReadFile(out)
			if rerr != nil {
				b = nil
			}
			assert.Equal(t, g.sum, sum(b), key)
		}
		g := gold[goldenKey(f, false)]
		stdout, err := exec.Command(exe, "-r", f, "--count").Output()
		assert.Equal(t, g.status, exitStatus(t, err), f)
		assert.Equal(t, g.count, strings.TrimSpace(string(stdout)), f)
	}
}

// TestPcapdumpOptions covers -r -, -w -, -c and a filter expression.
func TestPcapdumpOptions(t *testing.T) {
	exe := buildPcapdump(t)
	in := filepath.Join(testutil.CapturesDir(t), "spb.pcap")
	want, _, err := rewrite(mustRead(t, in), false)
	require.NoError(t, err)

	cmd := exec.Command(exe, "-r", "-", "-w", "-")
	cmd.Stdin = bytes.NewReader(mustRead(t, in))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, "reading from file -, link-type EN10MB (Ethernet), snapshot length 65535\n", stderr.String())

	got, err = exec.Command(exe, "-r", in, "-c", "3", "--count").Output()
	require.NoError(t, err)
	assert.Equal(t, "3 packets\n", string(got))

	got, err = exec.Command(exe, "-r", in, "-c", "1", "-w", "-").Output()
	require.NoError(t, err)
	r, err := NewReader(bytes.NewReader(got))
	require.NoError(t, err)
	_, _, err = r.ReadPacketData()
	require.NoError(t, err)
	_, _, err = r.ReadPacketData()
	assert.Equal(t, io.EOF, err)
}

func mustRead(t *testing.T, name string) []byte {
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return b
}

type refPacket struct {
	ts     time.Time
	length int
	data   []byte
	noData bool   // the reference tool did not give the bytes
	src    string // the capture it came from
}

// packetsOf reads a file the way pcapdump does, up to its first error.
func packetsOf(t *testing.T, b []byte, libpcap bool) []refPacket {
	r, err := NewReaderOptions(bytes.NewReader(b), ReaderOptions{Libpcap: libpcap})
	require.NoError(t, err)
	var out []refPacket
	for {
		data, ci, err := r.ReadPacketData()
		if err != nil {
			return out
		}
		out = append(out, refPacket{ts: ci.Timestamp, length: ci.Length, data: data})
	}
}

func comparePackets(t *testing.T, what string, want, got []refPacket) {
	t.Helper()
	comparePacketsMod(t, what, want, got, false)
}

// comparePacketsMod compares, with seconds modulo 2^32 when mod32 is set
// (pcap files hold 32-bit seconds).
func comparePacketsMod(t *testing.T, what string, want, got []refPacket, mod32 bool) {
	t.Helper()
	require.Equal(t, len(want), len(got), "%s: packet count", what)
	base := what
	for i := range want {
		what := base
		if want[i].src != "" {
			what = want[i].src + " in " + base
		}
		wt := want[i].ts
		if mod32 {
			wt = time.Unix(int64(uint32(wt.Unix())), int64(wt.Nanosecond()))
		}
		assert.True(t, wt.Equal(got[i].ts), "%s: packet %d time %v, want %v", what, i, got[i].ts, wt)
		assert.Equal(t, want[i].length, got[i].length, "%s: packet %d length", what, i)
		if !got[i].noData {
			assert.True(t, bytes.Equal(want[i].data, got[i].data), "%s: packet %d data", what, i)
		}
	}
}

// TestPcapdumpPcapngReadBack writes every capture as pcapng with pcapdump
// and reads it back with this package, tcpdump and tshark: each packet's
// time stamp (to the nanosecond), length and bytes must equal the
// original's.
func TestPcapdumpPcapngReadBack(t *testing.T) {
	exe := buildPcapdump(t)
	dir := t.TempDir()
	tcpdump, _ := exec.LookPath("tcpdump")
	var all bytes.Buffer
	var allWant []refPacket
	for _, f := range append(captures(t), extraCaptures(t)...) {
		out := filepath.Join(dir, "out.pcapng")
		os.Remove(out)
		exec.Command(exe, "--time-stamp-precision=nano", "-r", f, "-w", out).Run()
		ng, err := os.ReadFile(out)
		if err != nil {
			continue // pcapdump refused the file, as tcpdump does
		}
		// Writing pcapng, pcapdump reads pcapng input without libpcap's
		// single-link-type restriction, so it keeps the packets libpcap
		// gives up on (mixed link types, sections in another byte order).
		orig := mustRead(t, f)
		wantLib := packetsOf(t, orig, true)
		want := packetsOf(t, orig, false)
		comparePackets(t, f+" (savefile)", want, packetsOf(t, ng, false))
		all.Write(ng)
		for _, p := range want {
			p.src = f
			allWant = append(allWant, p)
		}

		if tcpdump != "" {
			back := filepath.Join(dir, "back.pcap")
			os.Remove(back)
			msg, err := exec.Command(tcpdump, "-Z", "root", "--time-stamp-precision=nano", "-r", out, "-w", back).CombinedOutput()
			got := packetsOf(t, mustRead(t, back), false)
			if err == nil {
				comparePacketsMod(t, f+" (tcpdump)", want, got, true)
			} else {
				// Only where libpcap fails on the original too (mixed
				// link types), with the same packets before failing.
				origErr := exec.Command(tcpdump, "-r", f, "--count").Run()
				require.Error(t, origErr, "%s: tcpdump reads the original but not our pcapng: %s", f, msg)
				comparePacketsMod(t, f+" (tcpdump, up to its error)", wantLib, got, true)
			}
		}
	}
	testutil.Tool(t, "tcpdump")
	tshark := testutil.Tool(t, "tshark")
	allFile := filepath.Join(dir, "all.pcapng")
	require.NoError(t, os.WriteFile(allFile, all.Bytes(), 0o644))
	got := tsharkPackets(t, tshark, allFile)
	require.Equal(t, len(allWant), len(got), "tshark: packet count")
	// tshark shows some link types differently (it strips the SunATM
	// pseudo-header, for one); for a capture where its view differs from
	// the original, its view of our pcapng must equal its view of the
	// original.
	var again []string
	for i := range allWant {
		w, g := allWant[i], got[i]
		if !w.ts.Equal(g.ts) || w.length != g.length || (!g.noData && !bytes.Equal(w.data, g.data)) {
			if len(again) == 0 || again[len(again)-1] != w.src {
				again = append(again, w.src)
			}
		}
	}
	for _, f := range again {
		out := filepath.Join(dir, "again.pcapng")
		os.Remove(out)
		exec.Command(exe, "--time-stamp-precision=nano", "-r", f, "-w", out).Run()
		orig, ours := tsharkPackets(t, tshark, f), tsharkPackets(t, tshark, out)
		if !samePackets(orig, ours) && !samePackets(orig, packetsOf(t, mustRead(t, f), true)) {
			// tshark reads the original differently from libpcap (it
			// applies the pcap header's thiszone, for one): nothing to
			// compare with.
			t.Logf("%s: tshark and libpcap disagree on the original; skipped", f)
			continue
		}
		comparePackets(t, f+" (tshark, original vs pcapng)", orig, ours)
	}
	t.Logf("tshark read %d packets of %d captures back; %d captures compared with tshark's view of the original", len(got), len(captures(t))+len(extraCaptures(t)), len(again))
}

func samePackets(a, b []refPacket) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].ts.Equal(b[i].ts) || a[i].length != b[i].length ||
			(!a[i].noData && !b[i].noData && !bytes.Equal(a[i].data, b[i].data)) {
			return false
		}
	}
	return true
}

// tsharkPackets reads a capture with tshark -T json -x.
func tsharkPackets(t *testing.T, tshark, file string) []refPacket {
	cmd := exec.Command(tshark, "-r", file, "-T", "json", "-x")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	js, err := cmd.Output()
	require.NoError(t, err, "tshark: %s", stderr.String())
	var pkts []struct {
		Source struct {
			Layers struct {
				FrameRaw []any          `json:"frame_raw"`
				Frame    map[string]any `json:"frame"`
			} `json:"layers"`
		} `json:"_source"`
	}
	require.NoError(t, json.Unmarshal(js, &pkts))
	var out []refPacket
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
		epoch := fmt.Sprint(l.Frame["frame.time_epoch"])
		secStr, fracStr, _ := strings.Cut(epoch, ".")
		sec, err := strconv.ParseInt(secStr, 10, 64)
		require.NoError(t, err, epoch)
		fracStr = (fracStr + "000000000")[:9]
		ns, err := strconv.ParseInt(fracStr, 10, 64)
		require.NoError(t, err, epoch)
		if strings.HasPrefix(secStr, "-") {
			ns = -ns
		}
		length, err := strconv.Atoi(fmt.Sprint(l.Frame["frame.len"]))
		require.NoError(t, err)
		out = append(out, refPacket{ts: time.Unix(sec, ns), length: length, data: data, noData: noData})
	}
	return out
}
