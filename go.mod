module github.com/purepcap/pcap

go 1.26.8

require golang.org/x/net v0.62.0

require (
	github.com/stretchr/testify v1.12.1 // indirect
	golang.org/x/sys v0.49.0 // indirect
)
