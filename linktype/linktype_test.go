package linktype

import (
	"encoding/binary"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
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

// constants are the exported link types with their LINKTYPE_* value (in
// libpcap's pcap-common.c), libpcap's name (pcap_datalink_val_to_name) and
// DLT_* value on Linux (pcap/dlt.h).
var constants = []struct {
	t    Type
	link uint32
	name string
	dlt  uint32
}{
	{Null, 0, "NULL", 0},
	{Ethernet, 1, "EN10MB", 1},
	{IEEE8025, 6, "IEEE802", 6},
	{ArcnetBSD, 7, "ARCNET", 7},
	{SLIP, 8, "SLIP", 8},
	{PPP, 9, "PPP", 9},
	{FDDI, 10, "FDDI", 10},
	{PPPSerial, 50, "PPP_SERIAL", 50},
	{PPPEther, 51, "PPP_ETHER", 51},
	{SymantecFirewall, 99, "SYMANTEC_FIREWALL", 99},
	{ATMRFC1483, 100, "ATM_RFC1483", 11},
	{Raw, 101, "RAW", 12},
	{SLIPBSDOS, 102, "SLIP_BSDOS", 15},
	{PPPBSDOS, 103, "PPP_BSDOS", 16},
	{CHDLC, 104, "C_HDLC", 104},
	{IEEE80211, 105, "IEEE802_11", 105},
	{ATMCLIP, 106, "ATM_CLIP", 19},
	{FrameRelay, 107, "FRELAY", 107},
	{Loop, 108, "LOOP", 108},
	{Enc, 109, "ENC", 109},
	{LinuxSLL, 113, "LINUX_SLL", 113},
	{LTalk, 114, "LTALK", 114},
	{PFLog, 117, "PFLOG", 117},
	{IEEE80211Prism, 119, "PRISM_HEADER", 119},
	{IPOverFC, 122, "IP_OVER_FC", 122},
	{SunATM, 123, "SUNATM", 123},
	{IEEE80211Radio, 127, "IEEE802_11_RADIO", 127},
	{ArcnetLinux, 129, "ARCNET_LINUX", 129},
	{AppleIPOverIEEE1394, 138, "APPLE_IP_OVER_IEEE1394", 138},
	{MTP2WithPHdr, 139, "MTP2_WITH_PHDR", 139},
	{MTP2, 140, "MTP2", 140},
	{IEEE80211AVS, 163, "IEEE802_11_RADIO_AVS", 163},
	{BACnetMSTP, 165, "BACNET_MS_TP", 165},
	{PPPPPPD, 166, "PPP_PPPD", 166},
	{USBLinux, 189, "USB_LINUX", 189},
	{PPI, 192, "PPI", 192},
	{ERF, 197, "ERF", 197},
	{USBLinuxMmap, 220, "USB_LINUX_MMAPPED", 220},
	{IPNet, 226, "IPNET", 226},
	{IPv4, 228, "IPV4", 228},
	{IPv6, 229, "IPV6", 229},
	{DBus, 231, "DBUS", 231},
	{NFLog, 239, "NFLOG", 239},
	{NetAnalyzer, 240, "NETANALYZER", 240},
	{NetAnalyzerTransparent, 241, "NETANALYZER_TRANSPARENT", 241},
	{USBPcap, 249, "USBPCAP", 249},
	{LinuxSLL2, 276, "LINUX_SLL2", 276},
	{EBHSCR, 279, "EBHSCR", 279},
}

// TestConstants checks each exported link type's value, libpcap name and
// DLT, that Parse takes the name (with "DLT_" and in lower case) back to
// the constant, and that libpcap writes the constant to savefiles as it
// is.
func TestConstants(t *testing.T) {
	for _, c := range constants {
		assert.Equal(t, c.link, uint32(c.t), c.name)
		assert.Equal(t, c.name, c.t.Name(), c.link)
		assert.Equal(t, c.name, c.t.String(), c.link)
		assert.NotEmpty(t, c.t.Description(), c.name)
		assert.Equal(t, c.dlt, c.t.DLT(), c.name)
		for _, n := range []string{c.name, "DLT_" + c.name, strings.ToLower(c.name)} {
			p, ok := Parse(n)
			assert.True(t, ok, n)
			assert.Equal(t, c.t, p, n)
		}
		w, ok := c.t.Savefile()
		assert.True(t, ok, c.name)
		assert.Equal(t, c.t, w, c.name)
	}
}

// TestConstantsListed checks that the constants table above lists every
// exported Type constant declared in linktype.go, so that TestConstants
// and TestConstantsMatchTcpdump cover each one.
func TestConstantsListed(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "linktype.go", nil, 0)
	require.NoError(t, err)
	listed := make(map[Type]bool, len(constants))
	for _, c := range constants {
		listed[c.t] = true
	}
	var n int
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			v := spec.(*ast.ValueSpec)
			if id, ok := v.Type.(*ast.Ident); !ok || id.Name != "Type" {
				continue
			}
			for i, name := range v.Names {
				if !name.IsExported() {
					continue
				}
				lit, ok := v.Values[i].(*ast.BasicLit)
				require.True(t, ok, name.Name)
				val, err := strconv.ParseUint(lit.Value, 0, 32)
				require.NoError(t, err, name.Name)
				assert.True(t, listed[Type(val)], "%s (%d) is not in constants", name.Name, val)
				n++
			}
		}
	}
	assert.Len(t, constants, n)
}

// TestConstantsMatchTcpdump reads an empty pcap file of each exported
// link type with tcpdump: the name and description in its "link-type
// NAME (DESC)" line (pcap_datalink_val_to_name and
// pcap_datalink_val_to_description) are the constant's.
func TestConstantsMatchTcpdump(t *testing.T) {
	tcpdump := testutil.Tool(t, "tcpdump")
	dir := t.TempDir()
	line := regexp.MustCompile(`link-type (\S+) \((.*)\), snapshot length`)
	for _, c := range constants {
		hdr := make([]byte, 24)
		binary.LittleEndian.PutUint32(hdr[0:], 0xa1b2c3d4)
		binary.LittleEndian.PutUint16(hdr[4:], 2)
		binary.LittleEndian.PutUint16(hdr[6:], 4)
		binary.LittleEndian.PutUint32(hdr[16:], 65535)
		binary.LittleEndian.PutUint32(hdr[20:], c.link)
		name := filepath.Join(dir, c.name+".pcap")
		require.NoError(t, os.WriteFile(name, hdr, 0o644))
		out, err := exec.Command(tcpdump, "-r", name).CombinedOutput()
		require.NoError(t, err, "%s: %s", c.name, out)
		m := line.FindSubmatch(out)
		require.NotNil(t, m, "%s: %s", c.name, out)
		assert.Equal(t, string(m[1]), c.t.Name(), c.name)
		assert.Equal(t, string(m[2]), c.t.Description(), c.name)
	}
}
