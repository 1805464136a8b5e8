package bpf_test

import (
	"fmt"
	"net"
	"time"

	"golang.org/x/sys/unix"

	"github.com/purepcap/pcap/bpf"
)

// ExampleSockFprog attaches a program to a UDP socket of its own with
// SO_ATTACH_FILTER. On a UDP socket the kernel runs the filter over the
// datagram from its UDP header on, so the payload starts at offset 8. The
// filter keeps the datagrams whose payload starts with "y".
func ExampleSockFprog() {
	prog := []bpf.Instruction{
		bpf.Stmt(bpf.ClassLD|bpf.SizeB|bpf.ModeABS, 8),         // ldb [8]
		bpf.Jump(bpf.ClassJMP|bpf.JumpJEQ|bpf.SrcK, 'y', 0, 1), // jeq #'y'
		bpf.Stmt(bpf.ClassRET|bpf.RetK, 0xffff),                // ret #65535
		bpf.Stmt(bpf.ClassRET|bpf.RetK, 0),                     // ret #0
	}
	fprog, err := bpf.SockFprog(prog)
	if err != nil {
		panic(err)
	}
	conn, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	raw, err := conn.SyscallConn()
	if err != nil {
		panic(err)
	}
	var serr error
	err = raw.Control(func(fd uintptr) {
		serr = unix.SetsockoptSockFprog(int(fd), unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, fprog)
	})
	if err != nil || serr != nil {
		panic(fmt.Sprint(err, serr))
	}

	out, err := net.DialUDP("udp4", nil, conn.LocalAddr().(*net.UDPAddr))
	if err != nil {
		panic(err)
	}
	defer out.Close()
	for _, msg := range []string{"no", "yes", "nay", "yea"} {
		if _, err := out.Write([]byte(msg)); err != nil {
			panic(err)
		}
	}
	buf := make([]byte, 64)
	for {
		conn.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		n, err := conn.Read(buf)
		if err != nil {
			break // the deadline: nothing more passed the filter
		}
		fmt.Println(string(buf[:n]))
	}
	// Output:
	// yes
	// yea
}

// ExampleToSockFilter shows the conversion: the same memory, seen as the
// kernel's struct sock_filter.
func ExampleToSockFilter() {
	prog := []bpf.Instruction{
		bpf.Stmt(bpf.ClassLD|bpf.SizeH|bpf.ModeABS, 12),
		bpf.Jump(bpf.ClassJMP|bpf.JumpJEQ|bpf.SrcK, 0x800, 0, 1),
		bpf.Stmt(bpf.ClassRET|bpf.RetK, 262144),
		bpf.Stmt(bpf.ClassRET|bpf.RetK, 0),
	}
	for _, f := range bpf.ToSockFilter(prog) {
		fmt.Printf("{ 0x%x, %d, %d, 0x%08x },\n", f.Code, f.Jt, f.Jf, f.K)
	}
	// Output:
	// { 0x28, 0, 0, 0x0000000c },
	// { 0x15, 0, 1, 0x00000800 },
	// { 0x6, 0, 0, 0x00040000 },
	// { 0x6, 0, 0, 0x00000000 },
}
