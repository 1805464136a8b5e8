#!/usr/bin/env python3
"""Writes the crafted savefiles of this directory: edge cases of the pcap and
pcapng formats (byte orders, variants, damaged and hostile files). The
goldens in ../tcpdump-w.golden record what tcpdump 4.99 / libpcap 1.10 do
with each. Run from this directory."""
import struct

ETH = bytes.fromhex('ffffffffffff00112233445508004500001c00010000401100007f0000017f000001003500350008000000')

def pcap(name, magic=0xa1b2c3d4, e='<', ver=(2, 4), snap=65535, lt=1, recs=(), raw=None, hdrlen=16):
    b = struct.pack(e + 'IHHiIII', magic, ver[0], ver[1], 0, 0, snap, lt)
    for r in recs:
        if isinstance(r, bytes):
            b += r
            continue
        sec, frac, cap, ln, data = r
        b += struct.pack(e + 'IIII', sec, frac, cap, ln)
        if hdrlen == 24:
            b += struct.pack(e + 'IHBB', 3, 0x0800, 0, 0)
        b += data
    if raw is not None:
        b = raw
    open(name, 'wb').write(b)

def pkt(data=ETH, sec=1000, frac=5, cap=None, ln=None):
    return (sec, frac, len(data) if cap is None else cap, len(data) if ln is None else ln, data)

P = [pkt(), pkt(sec=1001, frac=999999), pkt(ETH[:20], sec=1002, frac=7, ln=60)]
pcap('be-micro.pcap', e='>', recs=P)
pcap('be-nano.pcap', magic=0xa1b23c4d, e='>', recs=[pkt(frac=123456789), pkt(frac=999999999)])
pcap('le-nano.pcap', magic=0xa1b23c4d, recs=[pkt(frac=123456789), pkt(frac=1)])
pcap('kuznetzov.pcap', magic=0xa1b2cd34, recs=P, hdrlen=24, snap=100)
pcap('kuznetzov-be.pcap', magic=0xa1b2cd34, e='>', recs=P, hdrlen=24)
pcap('v2.2-swapped-lengths.pcap', ver=(2, 2), recs=[(1, 2, 60, len(ETH), ETH)])
pcap('v2.3-maybe-swapped.pcap', ver=(2, 3), recs=[(1, 2, 60, len(ETH), ETH), pkt()])
pcap('v543.0.pcap', ver=(543, 0), recs=[(1, 2, 60, len(ETH), ETH)])
pcap('v1.0-archaic.pcap', ver=(1, 0), recs=P)
pcap('v2.5-unsupported.pcap', ver=(2, 5), recs=P)
pcap('v3.0-unsupported.pcap', ver=(3, 0), recs=P)
pcap('caplen-gt-snaplen.pcap', snap=20, recs=P)
pcap('caplen-gt-max.pcap', snap=0x7fffffff, recs=[pkt(), (1, 1, 300000, 300000, b'x' * 300000)])
pcap('caplen-gt-max-and-snap.pcap', snap=1000, recs=[pkt(), (1, 1, 300000, 300000, b'')])
pcap('caplen-ffffffff.pcap', recs=[pkt(), (1, 1, 0xffffffff, 0xffffffff, b'')])
pcap('trunc-header.pcap', recs=P + [b'\x01\x02\x03'])
pcap('trunc-data.pcap', recs=P + [(1, 1, 40, 40, ETH[:10])])
pcap('trunc-in-snap.pcap', snap=20, recs=P + [(1, 1, 40, 40, ETH[:10])])
pcap('trunc-in-discard.pcap', snap=20, recs=P + [(1, 1, 40, 40, ETH[:30])])
pcap('trunc-file-header.pcap', raw=struct.pack('<IHH', 0xa1b2c3d4, 2, 4))
pcap('fcs-bits.pcap', lt=0x34000001, recs=P)
pcap('fcs-len-no-present.pcap', lt=0x30000001, recs=P)
pcap('reserved-bits.pcap', lt=0x00010001, recs=P)
pcap('linktype-12.pcap', lt=12, recs=P)
pcap('linktype-2.pcap', lt=2, recs=P)
pcap('linktype-290.pcap', lt=290, recs=P)
pcap('snaplen-0.pcap', snap=0, recs=P)
pcap('snaplen-ffffffff.pcap', snap=0xffffffff, recs=P)
pcap('snaplen-0-dbus.pcap', snap=0, lt=231, recs=P)
pcap('usec-out-of-range.pcap', recs=[pkt(frac=1000000), pkt(frac=0xffffffff), pkt(frac=0x80000000), pkt(sec=0xffffffff)])
pcap('nsec-out-of-range.pcap', magic=0xa1b23c4d, recs=[pkt(frac=1000000000), pkt(frac=0xffffffff), pkt(frac=0x80000001)])
pcap('empty-no-packets.pcap', recs=[])
pcap('len-lt-caplen.pcap', recs=[pkt(ln=3)])
pcap('caplen-0.pcap', recs=[pkt(b''), pkt()])
open('text.txt', 'wb').write(b'hello, this is not a capture file\n')
open('three-bytes.bin', 'wb').write(b'\xd4\xc3\xb2')
open('empty.bin', 'wb').write(b'')

# Byte-swapped pseudo-headers (big-endian files).
nflog = bytes([2, 0, 0, 1]) + struct.pack('>HH', 8, 1) + b'\x00\x01\x02\x03' + struct.pack('>HH', 5, 9) + b'abcde\x00\x00\x00'
pcap('be-nflog.pcap', e='>', lt=239, recs=[pkt(nflog)])
usb = struct.pack('>QBBBBHBBqiiIIii', 0x1122334455667788, ord('S'), 0, 0x81, 2, 3, 0, 0, 1600000000, 5, -115, 64, 8, 0, 1)
usb += struct.pack('>iiII', 1, 2, 0, 1) + struct.pack('>iIII', 0, 0, 8, 0) + b'payload!'
pcap('be-usb-mmapped.pcap', e='>', lt=220, recs=[pkt(usb), pkt(usb[:30])])
pcap('be-usb.pcap', e='>', lt=189, recs=[pkt(usb[:48])])
sll = struct.pack('>HHH8sH', 0, 280, 0, b'\0' * 8, 0x000c) + struct.pack('>I', 0x12345678) + b'\x08\0\0\0' + b'12345678'
pcap('be-sll-can.pcap', e='>', lt=113, recs=[pkt(sll)])

# pcapng
def opt(code, val, e='<'):
    return struct.pack(e + 'HH', code, len(val)) + val + b'\0' * (-len(val) % 4)

def block(bt, body, e='<', total=None, trailer=None):
    t = 12 + len(body)
    return struct.pack(e + 'II', bt, t if total is None else total) + body + struct.pack(e + 'I', t if trailer is None else trailer)

def shb(e='<', ver=(1, 0), opts=b'', total=None):
    return block(0x0a0d0d0a, struct.pack(e + 'IHHq', 0x1a2b3c4d, ver[0], ver[1], -1) + opts, e, total)

def idb(lt=1, snap=65535, opts=b'', e='<'):
    return block(1, struct.pack(e + 'HHI', lt, 0, snap) + opts, e)

def epb(data=ETH, iface=0, ts=1000005, cap=None, ln=None, opts=b'', e='<'):
    cap = len(data) if cap is None else cap
    ln = len(data) if ln is None else ln
    return block(6, struct.pack(e + 'IIIII', iface, ts >> 32, ts & 0xffffffff, cap, ln) + data + b'\0' * (-len(data) % 4) + opts, e)

def spb(data=ETH, ln=None, e='<'):
    return block(3, struct.pack(e + 'I', len(data) if ln is None else ln) + data + b'\0' * (-len(data) % 4), e)

def pb(data=ETH, iface=0, drops=3, ts=1000005, e='<'):
    return block(2, struct.pack(e + 'HHIIII', iface, drops, ts >> 32, ts & 0xffffffff, len(data), len(data)) + data + b'\0' * (-len(data) % 4), e)

END = opt(0, b'')
def ng(name, *blocks):
    open(name, 'wb').write(b''.join(blocks))

ng('ng-basic.pcapng', shb(opts=opt(2, b'hw') + opt(3, b'os') + opt(4, b'app') + END), idb(opts=opt(2, b'eth0') + END), epb(), epb(ts=2000000, opts=opt(1, b'comment') + opt(2, b'\1\0\0\0') + END))
ng('ng-be.pcapng', shb('>'), idb(e='>'), epb(e='>'), epb(e='>', ts=3 << 32 | 5))
ng('ng-tsresol-nano.pcapng', shb(), idb(opts=opt(9, b'\x09') + END), epb(ts=1234567891234567891), epb(ts=999999999))
ng('ng-tsresol-milli.pcapng', shb(), idb(opts=opt(9, b'\x03') + END), epb(ts=1234567891234))
ng('ng-tsresol-bin20.pcapng', shb(), idb(opts=opt(9, b'\x94') + END), epb(ts=(1600000000 << 20) | 777777))
ng('ng-tsresol-bin40.pcapng', shb(), idb(opts=opt(9, b'\xa8') + END), epb(ts=(1600 << 40) | 0x123456789a))
ng('ng-tsresol-10-19.pcapng', shb(), idb(opts=opt(9, b'\x13') + END), epb(ts=0xfedcba9876543210))
ng('ng-tsresol-too-high.pcapng', shb(), idb(opts=opt(9, b'\x14') + END), epb())
ng('ng-tsresol-bin-too-high.pcapng', shb(), idb(opts=opt(9, b'\xc0') + END), epb())
ng('ng-tsresol-len2.pcapng', shb(), idb(opts=opt(9, b'\x09\x00') + END), epb())
ng('ng-tsresol-twice.pcapng', shb(), idb(opts=opt(9, b'\x09') + opt(9, b'\x06') + END), epb())
ng('ng-tsoffset.pcapng', shb(), idb(opts=opt(14, struct.pack('<q', 1000000)) + END), epb())
ng('ng-tsoffset-len4.pcapng', shb(), idb(opts=opt(14, b'\0\0\0\0') + END), epb())
ng('ng-fcslen.pcapng', shb(), idb(opts=opt(13, b'\x04') + END), epb())
ng('ng-endofopt-len.pcapng', shb(), idb(opts=opt(0, b'\0\0\0\0')), epb())
ng('ng-opt-cut.pcapng', shb(), idb(opts=struct.pack('<HH', 2, 40) + b'abcd'), epb())
ng('ng-spb.pcapng', shb(), idb(snap=30), spb(), spb(ETH[:10]))
ng('ng-spb-no-idb-in-section.pcapng', shb(), idb(), epb(), shb(), spb())
ng('ng-pb.pcapng', shb(), idb(), pb(), pb(iface=1))
ng('ng-isb-nrb-dsb-custom.pcapng', shb(), idb(), block(4, opt(1, b'\x7f\0\0\1localhost\0') + END), epb(),
   block(5, struct.pack('<III', 0, 0, 5) + opt(4, struct.pack('<Q', 10)) + END), block(0x0a, struct.pack('<II', 0x544c534b, 5) + b'hello\0\0\0'),
   block(0xbad, struct.pack('<I', 32473) + b'data'), block(0x40000bad, struct.pack('<I', 32473)), block(0x1234, b'unknown!'), epb())
ng('ng-two-sections.pcapng', shb(), idb(), epb(), shb(), idb(), epb(ts=77))
ng('ng-two-sections-mixed-order.pcapng', shb(), idb(), epb(), shb('>'), idb(e='>'), epb(e='>'))
ng('ng-two-sections-v12.pcapng', shb(ver=(1, 2)), idb(), epb(), shb(ver=(1, 2)), idb(), epb())
ng('ng-later-shb-v2.pcapng', shb(), idb(), epb(), shb(ver=(2, 0)), idb(), epb())
ng('ng-version-1.1.pcapng', shb(ver=(1, 1)), idb(), epb())
ng('ng-version-2.0.pcapng', shb(ver=(2, 0)), idb(), epb())
ng('ng-mixed-linktypes.pcapng', shb(), idb(), idb(lt=113), epb(), epb(iface=1))
ng('ng-mixed-linktypes-late.pcapng', shb(), idb(), epb(), idb(lt=113), epb(iface=1))
ng('ng-mixed-snaplen.pcapng', shb(), idb(), epb(), idb(snap=100), epb(iface=1))
ng('ng-same-snaplen-adjusted.pcapng', shb(), idb(snap=0), epb(), idb(snap=262144), epb(iface=1))
ng('ng-raw-two-idbs.pcapng', shb(), idb(lt=101), epb(ETH[14:]), idb(lt=101), epb(ETH[14:], iface=1))
ng('ng-iface-out-of-range.pcapng', shb(), idb(), epb(), epb(iface=5))
ng('ng-caplen-gt-snaplen.pcapng', shb(), idb(snap=20), epb(ETH[:20]), epb())
ng('ng-caplen-gt-block.pcapng', shb(), idb(), epb(), epb(ETH[:8], cap=100))
ng('ng-epb-too-short.pcapng', shb(), idb(), epb(), block(6, b'\0' * 8))
ng('ng-epb-before-idb.pcapng', shb(), epb(), idb(), epb())
ng('ng-no-idb.pcapng', shb(), block(0x1234, b'abcd'))
ng('ng-only-shb.pcapng', shb())
ng('ng-truncated-shb.pcapng', shb()[:20])
ng('ng-truncated-shb-8.pcapng', shb()[:8])
ng('ng-truncated-shb-10.pcapng', shb()[:10])
ng('ng-shb-insane.pcapng', shb(total=2 << 20))
ng('ng-shb-small.pcapng', shb(total=24))
ng('ng-block-7ffffff0.pcapng', shb(), idb(), epb(), struct.pack('<II', 6, 0x7ffffff0) + b'\0' * 64)
ng('ng-block-len-8.pcapng', shb(), idb(), epb(), struct.pack('<II', 6, 8) + b'\0' * 64)
ng('ng-block-len-odd.pcapng', shb(), idb(), epb(), struct.pack('<II', 6, 30) + b'\0' * 64)
ng('ng-trailer-mismatch.pcapng', shb(), idb(), epb(), block(6, struct.pack('<IIIII', 0, 0, 0, 4, 4) + b'abcd', trailer=99))
ng('ng-trunc-block.pcapng', shb(), idb(), epb(), epb()[:30])
ng('ng-trunc-block-header.pcapng', shb(), idb(), epb(), epb()[:5])
ng('ng-bad-bom-later.pcapng', shb(), idb(), epb(), block(0x0a0d0d0a, struct.pack('<IHHq', 0x11223344, 1, 0, -1)))
ng('ng-later-shb-short.pcapng', shb(), idb(), epb(), block(0x0a0d0d0a, struct.pack('<IHH', 0x1a2b3c4d, 1, 0)))
ng('ng-be-nflog.pcapng', shb('>'), idb(lt=239, e='>'), epb(nflog, e='>'))
ng('ng-idb-too-short.pcapng', shb(), block(1, b'\1\0'), epb())
ng('ng-many-idbs.pcapng', shb(), *([idb()] * 3000), epb(iface=2999))

# Magic numbers libpcap does not accept.
pcap('magic-navtel.pcap', magic=0xa12b3c4d, recs=P)
pcap('magic-fmesquita.pcap', magic=0xa1b234cb, recs=P)
pcap('be-kuznetzov-nano-like.pcap', magic=0x4d3cb2a1, e='>', recs=P)
