package linktype

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNames(t *testing.T) {
	tests := []struct {
		t          Type
		name, desc string
		dlt        uint32
	}{
		{Ethernet, "EN10MB", "Ethernet", 1},
		{Raw, "RAW", "Raw IP", 12},
		{LinuxSLL2, "LINUX_SLL2", "Linux cooked v2", 276},
		{IEEE80211Radio, "IEEE802_11_RADIO", "802.11 plus radiotap header", 127},
		{279, "EBHSCR", "Elektrobit High Speed Capture and Replay (EBHSCR)", 279},
		{2, "", "", 2},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.name, tt.t.Name(), tt.t)
		assert.Equal(t, tt.desc, tt.t.Description(), tt.t)
		assert.Equal(t, tt.dlt, tt.t.DLT(), tt.t)
	}
	assert.Equal(t, "LINKTYPE_2", Type(2).String())
}

func TestParse(t *testing.T) {
	for _, name := range []string{"en10mb", "DLT_EN10MB", "EN10MB"} {
		lt, ok := Parse(name)
		require.True(t, ok, name)
		assert.Equal(t, Ethernet, lt)
	}
	lt, ok := Parse("raw")
	require.True(t, ok)
	assert.Equal(t, Raw, lt)
	_, ok = Parse("nonsense")
	assert.False(t, ok)
	for t2, in := range table {
		if in.name == "" {
			continue
		}
		p, ok := Parse(in.name)
		require.True(t, ok, in.name)
		assert.Equal(t, in.name, p.Name(), t2)
	}
}

func TestSavefileAndSnaplen(t *testing.T) {
	w, ok := Type(12).Savefile()
	require.True(t, ok)
	assert.Equal(t, Raw, w)
	_, ok = Type(3).Savefile()
	assert.False(t, ok)
	_, ok = Type(290).Savefile()
	assert.False(t, ok)
	w, ok = Type(147).Savefile()
	require.True(t, ok)
	assert.Equal(t, Type(147), w)
	assert.Equal(t, 262144, Ethernet.MaxSnaplen())
	assert.Equal(t, 128<<20, DBus.MaxSnaplen())
}
