package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args []string
		want config
	}{
		{
			args: []string{"-ddd", "-y", "EN10MB", "--", "tcp", "port", "80"},
			want: config{dumpLevel: 3, linkType: "EN10MB", optimize: true, expr: "tcp port 80", exprGiven: true},
		},
		{
			args: []string{"-dO", "-yLINUX_SLL", "-s", "96", "ip"},
			want: config{dumpLevel: 1, linkType: "LINUX_SLL", snaplen: 96, expr: "ip", exprGiven: true},
		},
		{
			args: []string{"-r", "in.pcap", "-w", "-", "-c", "5", "--count", "--time-stamp-precision=nano"},
			want: config{readFile: "in.pcap", writeFile: "-", count: 5, countOnly: true, nanoPrec: true, optimize: true},
		},
		{
			args: []string{"-i", "veth0", "-p", "-Q", "in", "-B", "4096", "--immediate-mode", "--pcapng", "-w", "x.pcapng"},
			want: config{device: "veth0", noPromisc: true, direction: "in", bufferKiB: 4096, immediate: true, pcapng: true, writeFile: "x.pcapng", optimize: true},
		},
		{
			args: []string{"--interface", "lo", "--snapshot-length=128", "--direction", "out", "-D"},
			want: config{device: "lo", snaplen: 128, direction: "out", listDevs: true, optimize: true},
		},
		{
			args: []string{"-nni", "eth0", "-XX", "-tttt", "-vvv", "-e", "-S#", "-lU", "-c5", "icmp"},
			want: config{numeric: 2, device: "eth0", hexASCII: 2, tsFormat: 4, verbose: 3, linkHeader: 1, absoluteSeq: true, packetNumber: true, lineBuffered: true, packetBuffered: true, count: 5, optimize: true, expr: "icmp", exprGiven: true},
		},
		{
			args: []string{"-xx", "-A", "-q", "-K", "-t", "-r", "f", "--nano", "--print", "--number"},
			want: config{hexDump: 2, asciiDump: 1, quiet: 1, noChecksum: true, tsFormat: 1, readFile: "f", nanoPrec: true, printWritten: true, packetNumber: true, optimize: true},
		},
		{
			args: []string{"-Z", "root", "-w", "out", "-C", "2", "-W", "3", "-G", "60", "-L", "-i", "lo"},
			want: config{user: "root", writeFile: "out", fileSize: 2000000, fileCount: 3, rotateSeconds: 60, listDataLinks: true, device: "lo", optimize: true},
		},
		{
			// GNU getopt permutes: options after the expression's words still count.
			args: []string{"tcp", "-n", "port", "80", "--time-stamp-prec", "nanoseconds", "--relinquish-privileges=nobody"},
			want: config{numeric: 1, nanoPrec: true, user: "nobody", optimize: true, expr: "tcp port 80", exprGiven: true},
		},
		{
			// -h ends the parsing: what follows is not looked at.
			args: []string{"-nh", "--bogus"},
			want: config{numeric: 1, showHelp: true, optimize: true},
		},
		{
			args: []string{"--vers", "-Q", "sideways"},
			want: config{showVersion: true, optimize: true},
		},
		{
			args: []string{"--", "-ip", "--count"},
			want: config{optimize: true, expr: "-ip --count", exprGiven: true},
		},
	}
	for _, tt := range tests {
		got, err := parseArgs(tt.args)
		require.NoError(t, err, "%q", tt.args)
		require.Equal(t, tt.want, *got, "%q", tt.args)
	}
}

func TestParseArgsErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-r"},
		{"-Z"},
		{"--bogus"},
		{"--count=3"},
		{"--time-stamp-precision=pico"},
		{"-c", "0"},
		{"-c", "x"},
		{"-s", "-1"},
		{"-Q", "sideways"},
		{"-F", "/nonexistent/filter/file"},
		{"-C", "0"},
		{"-C", "1k"},
		{"-C", "1.5"},
		{"-G", "-1"},
		{"-W", "0"},
		{"-tttttt"},
		{"-k"},
		{"--no"}, // ambiguous: no-optimize, no-promiscuous-mode
		{"-u"},   // tcpdump's, not supported
		{"-b"},
	} {
		_, err := parseArgs(args)
		require.Error(t, err, "%q", args)
	}
}

// TestParseArgsUsageErrors checks which errors come with the usage text:
// those getopt reports (tcpdump prints its usage after them), not those
// about an option's value.
func TestParseArgsUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		args  []string
		usage bool
	}{
		{[]string{"-k"}, true},
		{[]string{"--bogus"}, true},
		{[]string{"-r"}, true},
		{[]string{"--count=1"}, true},
		{[]string{"-c", "0"}, false},
		{[]string{"-C", "x"}, false},
		{[]string{"-tttttt"}, false},
		{[]string{"-m"}, true},         // tcpdump's -m takes an argument: getopt complains first
		{[]string{"-m", "mib"}, false}, // then it is refused as not supported
		{[]string{"-u"}, false},
	} {
		_, err := parseArgs(tt.args)
		require.Error(t, err)
		var ue *usageError
		require.Equal(t, tt.usage, errors.As(err, &ue), "%q: %v", tt.args, err)
	}
}

func TestAtoi(t *testing.T) {
	for in, want := range map[string]int{"5": 5, " 12x": 12, "-3": -3, "+7": 7, "x": 0, "": 0, "4294967301": 5, "99999999999999999999": -1, "-99999999999999999999": 0} {
		require.Equal(t, want, atoi(in), "%q", in)
	}
}

func TestFilterFileStripsComments(t *testing.T) {
	path := filepath.Join(t.TempDir(), "filter")
	require.NoError(t, os.WriteFile(path, []byte("tcp # web\nand port 80\n"), 0o644))
	c, err := parseArgs([]string{"-F", path, "ignored", "words"})
	require.NoError(t, err)
	require.Equal(t, "tcp  and port 80", c.expr)
}

func TestWarnings(t *testing.T) {
	c, err := parseArgs([]string{"-AxX"})
	require.NoError(t, err)
	require.Equal(t, []string{
		"-A and -x[x] are mutually exclusive. -A ignored.",
		"-A and -X[X] are mutually exclusive. -A ignored.",
		"-x[x] and -X[X] are mutually exclusive. -x[x] ignored.",
	}, c.warnings())
	c, err = parseArgs([]string{"-XX", "-e"})
	require.NoError(t, err)
	require.Empty(t, c.warnings())
}
