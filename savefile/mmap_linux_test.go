package savefile

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"

	"github.com/purepcap/pcap/linktype"
)

// writeBigPcap writes a pcap file of n packets of size bytes each and
// returns its name.
func writeBigPcap(t *testing.T, n, size int) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "big.pcap")
	f, err := os.Create(name)
	require.NoError(t, err)
	w, err := NewWriter(f, WriterOptions{LinkType: linktype.Ethernet})
	require.NoError(t, err)
	data := make([]byte, size)
	for i := range n {
		data[0], data[1] = byte(i), byte(i>>8)
		ci := CaptureInfo{Timestamp: time.Unix(1700000000+int64(i), 0), CaptureLength: size, Length: size}
		require.NoError(t, w.WritePacket(ci, data))
	}
	require.NoError(t, w.Close())
	require.NoError(t, f.Sync())
	require.NoError(t, f.Close())
	return name
}

// residentPages maps name and counts its pages in the page cache.
func residentPages(t *testing.T, name string) (resident, total int) {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	st, err := f.Stat()
	require.NoError(t, err)
	b, err := unix.Mmap(int(f.Fd()), 0, int(st.Size()), unix.PROT_READ, unix.MAP_SHARED)
	require.NoError(t, err)
	defer unix.Munmap(b)
	page := os.Getpagesize()
	vec := make([]byte, (len(b)+page-1)/page)
	_, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), uintptr(unsafe.Pointer(&vec[0])))
	require.Zero(t, errno, "mincore")
	for _, v := range vec {
		if v&1 != 0 {
			resident++
		}
	}
	return resident, len(vec)
}

// mappingRss returns the resident size of the mapping that holds b, from
// /proc/self/smaps.
func mappingRss(t *testing.T, b []byte) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	require.NoError(t, err)
	defer f.Close()
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := strings.Cut(strings.Fields(line)[0], "-"); ok && !strings.HasSuffix(line, ":") {
			l, err1 := strconv.ParseUint(lo, 16, 64)
			h, err2 := strconv.ParseUint(hi, 16, 64)
			if err1 == nil && err2 == nil {
				in = uint64(addr) >= l && uint64(addr) < h
				continue
			}
		}
		if in && strings.HasPrefix(line, "Rss:") {
			kb, err := strconv.Atoi(strings.Fields(line)[1])
			require.NoError(t, err)
			return kb << 10
		}
	}
	require.NoError(t, sc.Err())
	t.Fatalf("no mapping at %#x in /proc/self/smaps", addr)
	return 0
}

// TestOpenReadsNothing drops a file from the page cache and checks that
// Open brings in only the start of it (MAP_POPULATE read all of it). The
// kernel's own readahead may bring in more: up to twice the device's
// read_ahead_kb (8 MiB here) for a sequential mapping, so the file is
// much larger than that.
func TestOpenReadsNothing(t *testing.T) {
	name := writeBigPcap(t, 24000, 2000) // 48 MB
	f, err := os.Open(name)
	require.NoError(t, err)
	require.NoError(t, unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED))
	f.Close()
	if res, _ := residentPages(t, name); res > 0 {
		t.Skipf("the file system keeps the file cached (%d pages resident after FADV_DONTNEED)", res)
	}
	r, err := Open(name, ReaderOptions{})
	require.NoError(t, err)
	defer r.Close()
	res, total := residentPages(t, name)
	page := os.Getpagesize()
	assert.Less(t, res, total/2, "Open brought %d of %d pages of %d bytes into memory", res, total, page)
}

// TestOpenResidentBounded reads a file larger than the mapping window and
// checks that the mapping's resident set stays about two windows, and
// that Open reads the same packets as NewReader.
func TestOpenResidentBounded(t *testing.T) {
	defer func(w int) { maxWindow = w }(maxWindow)
	maxWindow = 256 << 10
	name := writeBigPcap(t, 4000, 2000) // 8 MB, 32 windows
	r, err := Open(name, ReaderOptions{})
	require.NoError(t, err)
	defer r.Close()
	require.True(t, r.in.src.mapped, "Open did not map the file")
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	ref, err := NewReader(f)
	require.NoError(t, err)

	mapping := r.in.src.buf
	maxRss, n := 0, 0
	for {
		data, ci, err := r.ReadPacketData()
		want, wantCI, wantErr := ref.ReadPacketData()
		require.Equal(t, wantErr, err)
		if err == io.EOF {
			break
		}
		require.True(t, bytes.Equal(want, data), "packet %d", n)
		require.Equal(t, wantCI, ci, "packet %d", n)
		if n%100 == 0 {
			maxRss = max(maxRss, mappingRss(t, mapping))
		}
		n++
	}
	require.Equal(t, 4000, n)
	assert.LessOrEqual(t, maxRss, 3*maxWindow, fmt.Sprintf("the mapping of %d bytes kept up to %d resident", len(mapping), maxRss))
}

// TestOpenSmallWindowsSamePackets reads every test capture through Open
// with page-sized windows, so that headers, records and blocks straddle
// window edges, and compares with NewReader.
func TestOpenSmallWindowsSamePackets(t *testing.T) {
	defer func(f, m int) { firstWindow, maxWindow = f, m }(firstWindow, maxWindow)
	firstWindow, maxWindow = os.Getpagesize(), os.Getpagesize()
	total := 0
	for _, name := range captures(t) {
		for _, opts := range []ReaderOptions{{}, {Libpcap: true}} {
			b, err := os.ReadFile(name)
			require.NoError(t, err)
			want, wantErr := readPackets(NewReaderOptions(bytes.NewReader(b), opts))
			got, gotErr := readPackets(Open(name, opts))
			require.Equal(t, errString(wantErr), errString(gotErr), name)
			require.Equal(t, len(want), len(got), name)
			total += len(got)
			for i := range want {
				require.Equal(t, want[i], got[i], "%s packet %d", name, i)
			}
		}
	}
	t.Logf("%d packets", total)
	require.Greater(t, total, 1000)
}

type readPacket struct {
	data []byte
	ci   CaptureInfo
}

// readPackets reads all packets of r (closing it), or returns err.
func readPackets(r *Reader, err error) ([]readPacket, error) {
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var out []readPacket
	for {
		data, ci, err := r.ReadPacketData()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, readPacket{data, ci})
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// FuzzOpenMapped reads arbitrary bytes through Open, which maps the file
// and moves a page-sized window over it, and through NewReader: the
// packets and the error must be the same.
func FuzzOpenMapped(f *testing.F) {
	addSeeds(f, false)
	addSeeds(f, true)
	name := filepath.Join(f.TempDir(), "fuzz.cap")
	f.Fuzz(func(t *testing.T, b []byte, libpcap bool) {
		defer func(f, m int) { firstWindow, maxWindow = f, m }(firstWindow, maxWindow)
		firstWindow, maxWindow = os.Getpagesize(), 2*os.Getpagesize()
		require.NoError(t, os.WriteFile(name, b, 0o644))
		opts := ReaderOptions{Libpcap: libpcap}
		want, wantErr := readPackets(NewReaderOptions(bytes.NewReader(b), opts))
		got, gotErr := readPackets(Open(name, opts))
		require.Equal(t, errString(wantErr), errString(gotErr))
		require.Equal(t, want, got)
	})
}
