//go:build linux

package pcap

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FindAllDevs reports addresses with their netmask, broadcast and
// point-to-point destination.
func TestFindAllDevsAddresses(t *testing.T) {
	v := newVethPair(t)
	run(t, "ip", "-n", v.capNS, "addr", "add", "10.79.0.1/16", "brd", "+", "dev", v.capIf)
	run(t, "ip", "-n", v.capNS, "tuntap", "add", "dev", "ptun1", "mode", "tun")
	run(t, "ip", "-n", v.capNS, "link", "set", "ptun1", "up")
	run(t, "ip", "-n", v.capNS, "addr", "add", "10.80.0.1", "peer", "10.80.0.2", "dev", "ptun1")
	var devs []Interface
	var err error
	inNS(t, v.capNS, func() { devs, err = FindAllDevs() })
	require.NoError(t, err)
	byName := map[string]Interface{}
	for _, d := range devs {
		byName[d.Name] = d
	}
	c := byName[v.capIf]
	assert.Equal(t, FlagUp|FlagRunning|ConnectionConnected, c.Flags)
	var bcast, plain bool
	for _, a := range c.Addresses {
		switch a.IP.String() {
		case "10.79.0.1":
			bcast = true
			assert.Equal(t, "ffff0000", a.Netmask.String())
			assert.Equal(t, "10.79.255.255", a.Broadaddr.String())
		case "10.77.0.1":
			plain = true
			assert.Equal(t, "ffffff00", a.Netmask.String())
			assert.Nil(t, a.Broadaddr)
		}
	}
	assert.True(t, bcast && plain, "%+v", c.Addresses)
	d := byName["ptun1"]
	require.Len(t, d.Addresses, 1)
	assert.Equal(t, "10.80.0.1", d.Addresses[0].IP.String())
	assert.Equal(t, "10.80.0.2", d.Addresses[0].P2P.String())
	assert.Equal(t, "ffffffff", d.Addresses[0].Netmask.String())
	// The order: connected devices first, then any, then loopback.
	var order []string
	for _, d := range devs {
		order = append(order, d.Name)
	}
	assert.Less(t, slices.Index(order, v.capIf), slices.Index(order, "any"))
	assert.Less(t, slices.Index(order, "any"), slices.Index(order, "lo"))
	var dev string
	inNS(t, v.capNS, func() { dev, err = LookupDev() })
	require.NoError(t, err)
	assert.NotEqual(t, "lo", dev)
	var n, m uint32
	inNS(t, v.capNS, func() { n, m, err = LookupNet(v.capIf) })
	require.NoError(t, err)
	assert.Equal(t, uint32(0x0a4d0000), n)
	assert.Equal(t, uint32(0xffffff00), m)
}
