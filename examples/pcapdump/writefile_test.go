package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// TestNGFileSize checks that a pcapng -w file's size, which -C compares,
// is what reached the file, whether pcapdump works it out (packets
// without options) or flushes to learn it (headers, packets with
// options).
func TestNGFileSize(t *testing.T) {
	// A pcapng input with two interfaces and some packets with options.
	var in bytes.Buffer
	w, err := savefile.NewNGWriter(&in, savefile.NGWriterOptions{})
	require.NoError(t, err)
	for range 2 {
		_, err := w.AddInterface(savefile.Interface{LinkType: linktype.Ethernet, Snaplen: 65535, TSResol: 6})
		require.NoError(t, err)
	}
	ts := time.Unix(1700000000, 0)
	for i := range 40 {
		pkt := bytes.Repeat([]byte{byte(i)}, 60+i)
		ci := savefile.CaptureInfo{Timestamp: ts.Add(time.Duration(i) * time.Millisecond), CaptureLength: len(pkt), Length: len(pkt), InterfaceIndex: i % 2}
		if i%5 == 0 {
			require.NoError(t, w.WritePacketOptions(ci, pkt, &savefile.PacketOptions{Comments: []string{"note"}}))
		} else {
			require.NoError(t, w.WritePacket(ci, pkt))
		}
	}
	require.NoError(t, w.Close())

	r, err := savefile.NewReaderOptions(bytes.NewReader(in.Bytes()), savefile.ReaderOptions{})
	require.NoError(t, err)
	var out bytes.Buffer
	f, err := newNGFile(nopCloser{&out}, r, linktype.Ethernet)
	require.NoError(t, err)
	n := 0
	for {
		data, ci, err := r.ZeroCopyReadPacketData()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		require.NoError(t, f.write(&ci, data))
		size := f.size()
		require.NoError(t, f.flush())
		require.Equal(t, int64(out.Len()), size, "after packet %d", n)
		n++
	}
	require.Equal(t, 40, n)
	require.NoError(t, f.close())
}

// TestPcapngRotation checks -C with pcapng output: every file but the last
// went past the size only with its last packet, every file is a whole
// pcapng file, and together they hold every packet.
func TestPcapngRotation(t *testing.T) {
	dir := t.TempDir()
	in := synthCapture(t, dir, 3000, false, 11)
	outDir := filepath.Join(dir, "out")
	require.NoError(t, os.Mkdir(outDir, 0o755))
	status, _ := runCaptured(t, "-r", in, "-w", filepath.Join(outDir, "o.pcapng"), "-C", "1")
	require.Equal(t, 0, status)
	files := names(dirFiles(t, outDir))
	require.Greater(t, len(files), 1)
	sort.Slice(files, func(i, j int) bool {
		return len(files[i]) < len(files[j]) || len(files[i]) == len(files[j]) && files[i] < files[j]
	})
	total := 0
	for i, name := range files {
		path := filepath.Join(outDir, name)
		st, err := os.Stat(path)
		require.NoError(t, err)
		r, err := savefile.Open(path, savefile.ReaderOptions{})
		require.NoError(t, err)
		last := 0
		for {
			data, _, err := r.ZeroCopyReadPacketData()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, name)
			last = 32 + (len(data)+3)&^3
			total++
		}
		require.NoError(t, r.Close())
		if i < len(files)-1 {
			require.Greater(t, st.Size(), int64(1_000_000), name)
			require.LessOrEqual(t, st.Size()-int64(last), int64(1_000_000), name)
		}
	}
	require.Equal(t, 3000, total)
}

// shortFile is an *os.File that refuses writes past limit bytes, as a full
// disk does, after writing what fits.
type shortFile struct {
	*os.File
	limit int64
}

func (f *shortFile) Write(p []byte) (int, error) {
	off, err := f.File.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0, err
	}
	if room := f.limit - off; int64(len(p)) > room {
		n, _ := f.File.Write(p[:max(room, 0)])
		return n, syscall.ENOSPC
	}
	return f.File.Write(p)
}

// TestNGFileWriteErrorEndsAtWholeRecord checks that a pcapng -w file that
// hits a write error ends at its last whole block, and that the size -C
// compares is then the file's.
func TestNGFileWriteErrorEndsAtWholeRecord(t *testing.T) {
	name := filepath.Join(t.TempDir(), "out.pcapng")
	f, err := os.Create(name)
	require.NoError(t, err)
	out := &shortFile{File: f, limit: 1000}
	w, err := savefile.NewNGWriter(out, savefile.NGWriterOptions{FlushInterval: -1})
	require.NoError(t, err)
	_, err = w.AddInterface(savefile.Interface{LinkType: linktype.Ethernet, TSResol: 9})
	require.NoError(t, err)
	ts := time.Unix(1700000000, 0)
	pkt := bytes.Repeat([]byte{0xab}, 90)
	for i := 0; err == nil && i < 100; i++ {
		err = w.WritePacket(savefile.CaptureInfo{Timestamp: ts, CaptureLength: len(pkt), Length: len(pkt)}, pkt)
		if err == nil {
			err = w.Flush()
		}
	}
	require.ErrorIs(t, err, syscall.ENOSPC)
	require.NoError(t, f.Close())

	// The file reads to its end without a damaged block, and the byte
	// count that -C compares is the file's size.
	st, err := os.Stat(name)
	require.NoError(t, err)
	require.Less(t, st.Size(), int64(1000))
	require.Equal(t, st.Size(), w.Size())
	r, err := savefile.Open(name, savefile.ReaderOptions{})
	require.NoError(t, err)
	defer r.Close()
	n := 0
	for range r.Packets() {
		n++
	}
	require.NoError(t, r.Err())
	require.Positive(t, n)
}
