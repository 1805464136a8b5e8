package savefile

import (
	"bytes"
	"encoding/binary"
	"io"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func le32(v ...uint32) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, x)
	}
	return b
}

func pcapHeader(snap, lt uint32) []byte {
	b := le32(magicMicro)
	b = binary.LittleEndian.AppendUint16(b, 2)
	b = binary.LittleEndian.AppendUint16(b, 4)
	return append(b, le32(0, 0, snap, lt)...)
}

func ngBlock(btype uint32, body []byte) []byte {
	n := uint32(12 + len(body))
	return append(append(le32(btype, n), body...), le32(n)...)
}

func ngSHB() []byte {
	body := le32(byteOrderMagic)
	body = binary.LittleEndian.AppendUint16(body, 1)
	body = binary.LittleEndian.AppendUint16(body, 0)
	body = binary.LittleEndian.AppendUint64(body, ^uint64(0))
	return ngBlock(BlockSHB, body)
}

func ngIDB() []byte { return ngBlock(BlockIDB, le32(1, 65535)) }

func ngEPB(iface uint32, data []byte) []byte {
	body := le32(iface, 0, 1, uint32(len(data)), uint32(len(data)))
	body = append(body, data...)
	for len(body)%4 != 0 {
		body = append(body, 0)
	}
	return ngBlock(BlockEPB, body)
}

// readAll reads every packet and returns the count and the final error.
func readAll(b []byte) (int, error) {
	r, err := NewReader(bytes.NewReader(b))
	if err != nil {
		return 0, err
	}
	n := 0
	for {
		_, _, err := r.ZeroCopyReadPacketData()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostileFiles checks that damaged and malicious files give a clear
// error, without panicking and without allocating much.
func TestHostileFiles(t *testing.T) {
	pkt := bytes.Repeat([]byte{0xab}, 60)
	var manyIDBs []byte
	manyIDBs = append(manyIDBs, ngSHB()...)
	for i := 0; i < 100000; i++ {
		manyIDBs = append(manyIDBs, ngIDB()...)
	}
	manyIDBs = append(manyIDBs, ngEPB(0, pkt)...)

	tests := []struct {
		name    string
		file    []byte
		packets int
		msg     string
	}{
		{"caplen 0xffffffff", append(append(pcapHeader(65535, 1), le32(1, 0, 60, 60)...), append(pkt, le32(1, 0, 0xffffffff, 0xffffffff)...)...),
			1, "invalid packet capture length 4294967295, bigger than snaplen of 65535"},
		{"caplen 0xffffffff, huge snaplen", append(pcapHeader(0x7fffffff, 1), le32(1, 0, 0xffffffff, 0xffffffff)...),
			0, "invalid packet capture length 4294967295, bigger than snaplen of 2147483647"},
		{"caplen at the limit, file truncated", append(pcapHeader(0, 1), le32(1, 0, 262144, 262144)...),
			0, "truncated dump file; tried to read 262144 captured bytes, only got 0"},
		{"pcapng block length 0x7ffffff0", append(append(append(ngSHB(), ngIDB()...), le32(BlockEPB, 0x7ffffff0)...), make([]byte, 64)...),
			0, "pcapng block size 2147483632 > maximum 16777216"},
		{"pcapng block length 16 MiB, truncated", append(append(append(ngSHB(), ngIDB()...), le32(BlockEPB, 16<<20)...), make([]byte, 64)...),
			0, "truncated pcapng dump file; tried to read 16777208 bytes, only got 64"},
		{"EPB before IDB", append(append(ngSHB(), ngEPB(0, pkt)...), ngIDB()...),
			0, "the capture file has a packet block before any Interface Description Blocks"},
		{"truncated SHB", ngSHB()[:20],
			0, "truncated pcapng dump file; tried to read 16 bytes, only got 8"},
		{"SHB length 0x7ffffff0", append(le32(BlockSHB, 0x7ffffff0, byteOrderMagic), make([]byte, 64)...),
			0, "Section Header Block in pcapng dump file has invalid length 28 < _2147483632_ < 1048576 (BT_SHB_INSANE_MAX)"},
		{"100,000 IDBs", manyIDBs, 0, "pcapng section has more than 10000 interfaces"},
		{"EPB on a missing interface", append(append(ngSHB(), ngIDB()...), ngEPB(7, pkt)...),
			0, "a packet arrived on interface 7, but there's no Interface Description Block for that interface"},
		{"not a capture", []byte("GET / HTTP/1.1\r\n\r\n"), 0, "unknown file format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n int
			var err error
			alloc := allocated(func() { n, err = readAll(tt.file) })
			require.Error(t, err)
			assert.Equal(t, tt.msg, err.Error())
			assert.Equal(t, tt.packets, n)
			// The file itself may be a few MB; reading it must not cost
			// much more than that, whatever its length fields say.
			assert.Less(t, alloc, uint64(32<<20+4*len(tt.file)), "allocated %d bytes", alloc)
		})
	}
}

// TestTruncatedAfterGoodPackets checks that the packets before a
// truncation are returned before the error, which wraps
// io.ErrUnexpectedEOF.
func TestTruncatedAfterGoodPackets(t *testing.T) {
	pkt := bytes.Repeat([]byte{1}, 40)
	f := pcapHeader(65535, 1)
	for i := 0; i < 3; i++ {
		f = append(append(f, le32(uint32(i), 0, 40, 40)...), pkt...)
	}
	f = append(append(f, le32(9, 0, 40, 40)...), pkt[:7]...)
	r, err := NewReader(bytes.NewReader(f))
	require.NoError(t, err)
	for i := 0; i < 3; i++ {
		data, ci, err := r.ReadPacketData()
		require.NoError(t, err)
		assert.Equal(t, pkt, data)
		assert.Equal(t, int64(i), ci.Timestamp.Unix())
	}
	_, _, err = r.ReadPacketData()
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, "truncated dump file; tried to read 40 captured bytes, only got 7", err.Error())
	_, _, err2 := r.ReadPacketData()
	assert.Equal(t, err, err2, "errors are sticky")
}
