package main

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestStrftime(t *testing.T) {
	tm := time.Date(2026, time.December, 6, 9, 5, 3, 0, time.UTC)
	for format, want := range map[string]string{
		"dump-%Y%m%d-%H%M%S.pcap": "dump-20261206-090503.pcap",
		"%a %A %b %B %h":          "Sun Sunday Dec December Dec",
		"%e|%k|%l|%I|%p|%P":       " 6| 9| 9|09|AM|am",
		"%j %u %w %U %W %V %G %g": "340 7 0 49 48 49 2026 26",
		"%C %y %D %F %T %R":       "20 26 12/06/26 2026-12-06 09:05:03 09:05",
		"%s %z %Z %%":             "1796547903 +0000 UTC %",
		"%c":                      "Sun Dec  6 09:05:03 2026",
		"plain %Q %":              "plain %Q %",
	} {
		require.Equal(t, want, strftime(format, tm), format)
	}
}

// TestStrftimeMatchesDate compares with GNU date, whose conversions are
// the C library's, in a zone with daylight saving time.
func TestStrftimeMatchesDate(t *testing.T) {
	if _, err := exec.LookPath("date"); err != nil {
		t.Skip("date not installed")
	}
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone data")
	}
	t.Setenv("TZ", "America/New_York") // for date
	format := "%a %A %b %B %c %C %d %D %e %F %g %G %H %I %j %k %l %m %M %p %r %R %s %S %T %u %U %V %w %W %x %X %y %Y %z %Z %%"
	for _, sec := range []int64{0, 1700000000, 1710054000, 1735689599, 1796547903} {
		out, err := exec.Command("date", "-d", "@"+strconv.FormatInt(sec, 10), "+"+format).Output()
		require.NoError(t, err)
		got := strftime(format, time.Unix(sec, 0).In(loc))
		require.Equal(t, strings.TrimSuffix(string(out), "\n"), got, "at %d", sec)
	}
}
