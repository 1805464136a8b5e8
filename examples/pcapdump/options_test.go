package main

import (
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
	} {
		_, err := parseArgs(args)
		require.Error(t, err, "%q", args)
	}
}

func TestFilterFileStripsComments(t *testing.T) {
	path := filepath.Join(t.TempDir(), "filter")
	require.NoError(t, os.WriteFile(path, []byte("tcp # web\nand port 80\n"), 0o644))
	c, err := parseArgs([]string{"-F", path, "ignored", "words"})
	require.NoError(t, err)
	require.Equal(t, "tcp  and port 80", c.expr)
}
