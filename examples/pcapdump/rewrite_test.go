package main

// pcapdump -r IN -w OUT against tcpdump, over every capture: the bytes it
// writes (pcap in both precisions, pcapng read back by savefile, tcpdump
// and tshark), its exit status and its --count line.

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/internal/testutil/testcap"
	"github.com/purepcap/pcap/savefile"
)

// pcapdumpCmd is a command that runs pcapdump with args: the test binary
// standing in for it.
func pcapdumpCmd(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "PCAPDUMP_TEST_MAIN=1")
	return cmd
}

func exitStatus(t *testing.T, err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	require.NoError(t, err)
	return 0
}

// TestRewriteMatchesTcpdumpGolden runs pcapdump -r IN -w OUT on every
// capture, in both precisions, and pcapdump -r IN --count, and compares
// with what tcpdump did (savefile's golden of tcpdump -w).
func TestRewriteMatchesTcpdumpGolden(t *testing.T) {
	gold := testutil.ReadRewrites(t)
	dir := t.TempDir()
	for _, f := range testutil.AllCaptures(t) {
		for _, nano := range []bool{false, true} {
			key := testutil.RewriteKey(f, nano)
			g := gold[key]
			prec := "--time-stamp-precision=micro"
			if nano {
				prec = "--time-stamp-precision=nano"
			}
			out := filepath.Join(dir, "out.pcap")
			os.Remove(out)
			err := pcapdumpCmd(prec, "-r", f, "-w", out).Run()
			assert.Equal(t, g.Status, exitStatus(t, err), key)
			b, rerr := os.ReadFile(out)
			if rerr != nil {
				b = nil
			}
			assert.Equal(t, g.Sum, testutil.Sum(b), key)
		}
		g := gold[testutil.RewriteKey(f, false)]
		stdout, err := pcapdumpCmd("-r", f, "--count").Output()
		assert.Equal(t, g.Status, exitStatus(t, err), f)
		assert.Equal(t, g.Count, strings.TrimSpace(string(stdout)), f)
	}
}

// TestRewriteOptions covers -r -, -w -, -c and --count: the file written
// to the standard output is the one tcpdump -w wrote.
func TestRewriteOptions(t *testing.T) {
	in := filepath.Join(testutil.CapturesDir(t), "spb.pcap")
	orig, err := os.ReadFile(in)
	require.NoError(t, err)
	want := testutil.ReadRewrites(t)[testutil.RewriteKey(in, false)]
	require.Equal(t, 0, want.Status)

	cmd := pcapdumpCmd("-r", "-", "-w", "-")
	cmd.Stdin = bytes.NewReader(orig)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	require.NoError(t, err)
	assert.Equal(t, want.Sum, testutil.Sum(got))
	assert.Equal(t, "reading from file -, link-type EN10MB (Ethernet), snapshot length 65535\n", stderr.String())

	got, err = pcapdumpCmd("-r", in, "-c", "3", "--count").Output()
	require.NoError(t, err)
	assert.Equal(t, "3 packets\n", string(got))

	got, err = pcapdumpCmd("-r", in, "-c", "1", "-w", "-").Output()
	require.NoError(t, err)
	r, err := savefile.NewReader(bytes.NewReader(got))
	require.NoError(t, err)
	_, _, err = r.ReadPacketData()
	require.NoError(t, err)
	_, _, err = r.ReadPacketData()
	assert.Equal(t, io.EOF, err)
}

// packetsOf reads a capture the way pcapdump does (as libpcap does when
// libpcap is set), up to its first error.
func packetsOf(t *testing.T, b []byte, libpcap bool) []testutil.Packet {
	t.Helper()
	pkts, err := testcap.Bytes(b, libpcap)
	require.NoError(t, err)
	return pkts
}

// libpcapTimes returns pkts, the packets of capture b, with each time
// stamp as libpcap 1.10 computes it when b is pcapng, whose interface
// resolutions pcapdump's pcapng copies (savefile.Reader.Timeval), which is
// what tcpdump then writes. They differ where libpcap is wrong: at
// resolutions finer than 2^-34 s its fraction arithmetic overflows 64 bits
// (crafted/ng-tsresol-bin40.pcapng: 1600.071111111 s becomes
// 1600.004002247 s), while savefile's CaptureInfo.Timestamp is exact.
func libpcapTimes(t *testing.T, b []byte, pkts []testutil.Packet) []testutil.Packet {
	t.Helper()
	r, err := savefile.NewReader(bytes.NewReader(b))
	require.NoError(t, err)
	if r.Format() != savefile.FormatPcapNG {
		return pkts
	}
	out := slices.Clone(pkts)
	for i := range out {
		_, _, err := r.ZeroCopyReadPacketData()
		require.NoError(t, err)
		sec, frac := r.Timeval(true)
		out[i].Timestamp = time.Unix(sec, frac)
	}
	return out
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return b
}

// TestRewritePcapngReadBack writes every capture as pcapng with pcapdump
// and reads it back with savefile, tcpdump and tshark: each packet's
// time stamp (to the nanosecond), length and bytes must equal the
// original's.
func TestRewritePcapngReadBack(t *testing.T) {
	dir := t.TempDir()
	tcpdump := testutil.OptionalTool(t, "tcpdump")
	files := append(testutil.AllCaptures(t), testutil.ExtraCaptures(t)...)
	var all bytes.Buffer
	var allWant []testutil.Packet
	for _, f := range files {
		out := filepath.Join(dir, "out.pcapng")
		os.Remove(out)
		pcapdumpCmd("--time-stamp-precision=nano", "-r", f, "-w", out).Run()
		ng, err := os.ReadFile(out)
		if err != nil {
			continue // pcapdump refused the file, as tcpdump does
		}
		// Writing pcapng, pcapdump reads pcapng input without libpcap's
		// single-link-type restriction, so it keeps the packets libpcap
		// gives up on (mixed link types, sections in another byte order).
		orig := readFile(t, f)
		wantLib := packetsOf(t, orig, true)
		want := packetsOf(t, orig, false)
		testutil.ComparePackets(t, f+" (savefile)", want, packetsOf(t, ng, false), false)
		all.Write(ng)
		for _, p := range want {
			p.Src = f
			allWant = append(allWant, p)
		}

		if tcpdump != "" {
			back := filepath.Join(dir, "back.pcap")
			os.Remove(back)
			msg, err := exec.Command(tcpdump, "-Z", "root", "--time-stamp-precision=nano", "-r", out, "-w", back).CombinedOutput()
			got := packetsOf(t, readFile(t, back), false)
			if err == nil {
				testutil.ComparePackets(t, f+" (tcpdump)", libpcapTimes(t, orig, want), got, true)
			} else {
				// Only where libpcap fails on the original too (mixed
				// link types), with the same packets before failing.
				origErr := exec.Command(tcpdump, "-r", f, "--count").Run()
				require.Error(t, origErr, "%s: tcpdump reads the original but not our pcapng: %s", f, msg)
				testutil.ComparePackets(t, f+" (tcpdump, up to its error)", wantLib, got, true)
			}
		}
	}
	testutil.Tool(t, "tcpdump")
	tshark := testutil.Tool(t, "tshark")
	allFile := filepath.Join(dir, "all.pcapng")
	require.NoError(t, os.WriteFile(allFile, all.Bytes(), 0o644))
	got := testutil.TsharkPackets(t, tshark, allFile)
	require.Equal(t, len(allWant), len(got), "tshark: packet count")
	// tshark shows some link types differently (it strips the SunATM
	// pseudo-header, for one); for a capture where its view differs from
	// the original, its view of our pcapng must equal its view of the
	// original.
	var again []string
	for i := range allWant {
		w, g := allWant[i], got[i]
		if !w.Timestamp.Equal(g.Timestamp) || w.Length != g.Length || (!g.NoData && !bytes.Equal(w.Data, g.Data)) {
			if len(again) == 0 || again[len(again)-1] != w.Src {
				again = append(again, w.Src)
			}
		}
	}
	for _, f := range again {
		out := filepath.Join(dir, "again.pcapng")
		os.Remove(out)
		pcapdumpCmd("--time-stamp-precision=nano", "-r", f, "-w", out).Run()
		orig, ours := testutil.TsharkPackets(t, tshark, f), testutil.TsharkPackets(t, tshark, out)
		if !testutil.SamePackets(orig, ours) && !testutil.SamePackets(orig, packetsOf(t, readFile(t, f), true)) {
			// tshark reads the original differently from libpcap (it
			// applies the pcap header's thiszone, for one): nothing to
			// compare with.
			t.Logf("%s: tshark and libpcap disagree on the original; skipped", f)
			continue
		}
		testutil.ComparePackets(t, f+" (tshark, original vs pcapng)", orig, ours, false)
	}
	t.Logf("tshark read %d packets of %d captures back; %d captures compared with tshark's view of the original", len(got), len(files), len(again))
}
