package savefile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/linktype"
)

// TestWriteErrorTruncatesRealFile makes a real file hit its size limit
// (RLIMIT_FSIZE: writes past it fail with EFBIG; Go ignores SIGXFSZ) in
// the middle of a record: the file on disk must end with the last whole
// record.
func TestWriteErrorTruncatesRealFile(t *testing.T) {
	const limit = 100000
	name := filepath.Join(t.TempDir(), "full.pcap")
	f, err := os.Create(name)
	require.NoError(t, err)
	defer f.Close()

	var old syscall.Rlimit
	require.NoError(t, syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old))
	if old.Cur < limit {
		t.Skipf("RLIMIT_FSIZE is already %d", old.Cur)
	}
	lim := old
	lim.Cur = limit
	require.NoError(t, syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim))
	func() {
		defer func() { require.NoError(t, syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old)) }()
		w, err := NewWriter(f, WriterOptions{LinkType: linktype.Ethernet, FlushInterval: -1})
		require.NoError(t, err)
		ci := CaptureInfo{Timestamp: time.Unix(1700000000, 0), CaptureLength: 1000, Length: 1000}
		for i := 0; i < 1000 && err == nil; i++ {
			err = w.WritePacket(ci, make([]byte, 1000))
		}
		if err == nil {
			err = w.Flush()
		}
		require.ErrorIs(t, err, syscall.EFBIG)
		assert.Equal(t, err, w.Close())
	}()

	data, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, 0, (len(data)-pcapFileHeaderLen)%(pcapRecordLen+1000), "%d bytes: a partial record", len(data))
	n, err := readAll(data)
	require.NoError(t, err)
	assert.Equal(t, (limit-pcapFileHeaderLen)/(pcapRecordLen+1000), n)
}

// TestWriteErrorOnPipe: an output that cannot seek is not truncated, and
// the error is the write's alone.
func TestWriteErrorOnPipe(t *testing.T) {
	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer w.Close()
	r.Close()
	pw, err := NewWriter(w, WriterOptions{LinkType: linktype.Ethernet})
	require.NoError(t, err)
	err = pw.Flush()
	require.ErrorIs(t, err, syscall.EPIPE)
	assert.NotContains(t, err.Error(), "partly written")
	assert.Equal(t, err, pw.Close())
}
