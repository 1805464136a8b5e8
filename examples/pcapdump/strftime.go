package main

import (
	"strconv"
	"strings"
	"time"
)

// strftime formats t (in its location: time.Unix gives the local zone, as
// C's localtime) as C's strftime does in the C locale, for the -G file
// names. It knows the POSIX conversions; an unknown one is copied as it
// is, as glibc copies it.
func strftime(format string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if ch != '%' || i+1 == len(format) {
			b.WriteByte(ch)
			continue
		}
		i++
		if alias, ok := strftimeComposite[format[i]]; ok {
			b.WriteString(strftime(alias, t))
		} else {
			strftimeConv(&b, format[i], t)
		}
	}
	return b.String()
}

// strftimeComposite holds the conversions that stand for a sequence of
// others.
var strftimeComposite = map[byte]string{
	'c': "%a %b %e %H:%M:%S %Y",
	'D': "%m/%d/%y",
	'x': "%m/%d/%y",
	'F': "%Y-%m-%d",
	'r': "%I:%M:%S %p",
	'R': "%H:%M",
	'T': "%H:%M:%S",
	'X': "%H:%M:%S",
}

// strftimeConv appends conversion c of t (the byte after '%') to b.
func strftimeConv(b *strings.Builder, c byte, t time.Time) {
	switch c {
	case '%':
		b.WriteByte('%')
	case 'a':
		b.WriteString(t.Weekday().String()[:3])
	case 'A':
		b.WriteString(t.Weekday().String())
	case 'b', 'h':
		b.WriteString(t.Month().String()[:3])
	case 'B':
		b.WriteString(t.Month().String())
	case 'C':
		pad(b, t.Year()/100, 2, '0')
	case 'd':
		pad(b, t.Day(), 2, '0')
	case 'e':
		pad(b, t.Day(), 2, ' ')
	case 'g':
		y, _ := t.ISOWeek()
		pad(b, y%100, 2, '0')
	case 'G':
		y, _ := t.ISOWeek()
		b.WriteString(strconv.Itoa(y))
	case 'H':
		pad(b, t.Hour(), 2, '0')
	case 'I':
		pad(b, hour12(t), 2, '0')
	case 'j':
		pad(b, t.YearDay(), 3, '0')
	case 'k':
		pad(b, t.Hour(), 2, ' ')
	case 'l':
		pad(b, hour12(t), 2, ' ')
	case 'm':
		pad(b, int(t.Month()), 2, '0')
	case 'M':
		pad(b, t.Minute(), 2, '0')
	case 'n':
		b.WriteByte('\n')
	case 'p':
		b.WriteString(ampm(t))
	case 'P':
		b.WriteString(strings.ToLower(ampm(t)))
	case 's':
		b.WriteString(strconv.FormatInt(t.Unix(), 10))
	case 'S':
		pad(b, t.Second(), 2, '0')
	case 't':
		b.WriteByte('\t')
	case 'u':
		b.WriteString(strconv.Itoa((int(t.Weekday())+6)%7 + 1))
	case 'U':
		pad(b, (t.YearDay()-1+7-int(t.Weekday()))/7, 2, '0')
	case 'V':
		_, w := t.ISOWeek()
		pad(b, w, 2, '0')
	case 'w':
		b.WriteString(strconv.Itoa(int(t.Weekday())))
	case 'W':
		pad(b, (t.YearDay()-1+7-(int(t.Weekday())+6)%7)/7, 2, '0')
	case 'y':
		pad(b, t.Year()%100, 2, '0')
	case 'Y':
		b.WriteString(strconv.Itoa(t.Year()))
	case 'z':
		_, off := t.Zone()
		sign := byte('+')
		if off < 0 {
			sign, off = '-', -off
		}
		b.WriteByte(sign)
		pad(b, off/3600*100+off%3600/60, 4, '0')
	case 'Z':
		name, _ := t.Zone()
		b.WriteString(name)
	default:
		b.WriteByte('%')
		b.WriteByte(c)
	}
}

// pad writes n with at least width digits, padded on the left with c.
func pad(b *strings.Builder, n, width int, c byte) {
	s := strconv.Itoa(n)
	for k := len(s); k < width; k++ {
		b.WriteByte(c)
	}
	b.WriteString(s)
}

func hour12(t time.Time) int {
	h := t.Hour() % 12
	if h == 0 {
		h = 12
	}
	return h
}

func ampm(t time.Time) string {
	if t.Hour() < 12 {
		return "AM"
	}
	return "PM"
}
