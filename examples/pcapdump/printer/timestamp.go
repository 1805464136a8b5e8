package printer

import "time"

// timestamp prints the time stamp field and its trailing space, as
// tcpdump's -t options select it.
func (p *Printer) timestamp(sec, frac int64) {
	switch p.opt.Time {
	case TimeNone:
		return
	case TimeUnix:
		if sec < 0 || sec&0x80000000 != 0 {
			p.s("[Error converting time]")
		} else {
			p.u(uint64(sec))
			p.frac(frac)
		}
	case TimeDelta, TimeSinceFirst:
		if p.refSec == 0 && p.refFrac == 0 {
			p.refSec, p.refFrac = sec, frac
		}
		rsec, rfrac := p.refSec, p.refFrac
		curSec, curFrac := sec, frac
		neg := sec < rsec || (sec == rsec && frac < rfrac)
		if neg {
			sec, frac, rsec, rfrac = rsec, rfrac, sec, frac
		}
		unit := int64(1000000)
		if p.opt.Nano {
			unit = 1000000000
		}
		dsec, dfrac := sec-rsec, frac-rfrac
		if dfrac < 0 {
			dsec--
			dfrac += unit
		}
		if neg {
			p.b('-')
		} else {
			p.b(' ')
		}
		p.clock(time.Unix(dsec, 0).UTC(), dsec, dfrac, false)
		if p.opt.Time == TimeDelta {
			p.refSec, p.refFrac = curSec, curFrac
		}
	case TimeDate:
		p.clock(time.Unix(sec, 0).In(p.loc), sec, frac, true)
	default:
		p.clock(time.Unix(sec, 0).In(p.loc), sec, frac, false)
	}
	p.b(' ')
}

// secFrac splits t into seconds and micro- or nanoseconds, as libpcap
// delivers them at the chosen precision.
func (p *Printer) secFrac(t time.Time) (sec, frac int64) {
	sec = t.Unix()
	frac = int64(t.Nanosecond())
	if !p.opt.Nano {
		frac /= 1000
	}
	return sec, frac
}

// clock prints [YYYY-MM-DD ]HH:MM:SS.frac of tm; seconds that do not fit
// tcpdump's 32-bit check print its error instead.
func (p *Printer) clock(tm time.Time, sec, frac int64, date bool) {
	if sec < 0 || sec&0x80000000 != 0 {
		p.s("[Error converting time]")
		return
	}
	p.wallClock(tm, date)
	p.frac(frac)
}

func (p *Printer) frac(f int64) {
	p.b('.')
	if p.opt.Nano {
		p.zero(uint64(uint32(f)), 9)
	} else {
		p.zero(uint64(uint32(f)), 6)
	}
}

// wallClock prints [YYYY-MM-DD ]HH:MM:SS of tm.
func (p *Printer) wallClock(tm time.Time, date bool) {
	if date {
		p.zero(uint64(tm.Year()), 4)
		p.b('-')
		p.zero(uint64(tm.Month()), 2)
		p.b('-')
		p.zero(uint64(tm.Day()), 2)
		p.b(' ')
	}
	p.hms(uint64(tm.Hour()), uint64(tm.Minute()), uint64(tm.Second()))
}
