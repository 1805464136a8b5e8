package pcap

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// TestHtonsNetworkOrder checks that htons lays its result out in memory in
// network byte order, as sockaddr_ll's protocol field must be, on hosts of
// either byte order (it used to swap unconditionally, which is wrong on
// big-endian hosts: bind then asked for protocol 0x0300, not ETH_P_ALL).
func TestHtonsNetworkOrder(t *testing.T) {
	for _, v := range []uint16{0x0003, 0x0800, 0x86dd, 0x8100} {
		n := htons(v)
		b := (*[2]byte)(unsafe.Pointer(&n))
		assert.Equal(t, [2]byte{byte(v >> 8), byte(v)}, *b, "htons(%#04x)", v)
		assert.Equal(t, v, htons(n), "htons is its own inverse")
	}
}
