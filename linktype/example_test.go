package linktype_test

import (
	"fmt"

	"github.com/purepcap/pcap/linktype"
)

func Example() {
	lt, ok := linktype.Parse("raw")
	fmt.Println(lt, ok, uint32(lt), lt.DLT(), lt.Description())
	w, ok := linktype.Type(12).Savefile()
	fmt.Println(w, ok)
	fmt.Println(linktype.Type(147).Name() == "", linktype.Type(276).Description())
	// Output:
	// RAW true 101 12 Raw IP
	// RAW true
	// true Linux cooked v2
}
