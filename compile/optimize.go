package compile

import (
	"errors"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile/internal/opt"
)

// optimize runs the optimizer (package compile/internal/opt) over prog and
// reports its errors as *Error, without a position.
func optimize(prog []bpf.Instruction) ([]bpf.Instruction, error) {
	out, err := opt.Optimize(prog, opt.Options{})
	if oe := (*opt.Error)(nil); errors.As(err, &oe) {
		return nil, &Error{Msg: oe.Msg}
	}
	return out, err
}
