//go:build !linux

package pcap_test

const isLinux = false
