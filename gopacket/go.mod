module github.com/purepcap/pcap/gopacket

go 1.26.0

require (
	github.com/gopacket/gopacket v1.7.7
	github.com/purepcap/pcap v0.0.0
	github.com/stretchr/testify v1.11.1
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

replace github.com/purepcap/pcap => ../
