package pcap_test

const isLinux = true
