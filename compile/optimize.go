package compile

import (
	"errors"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile/internal/opt"
)

// optimizeFromItems says whether optimizeEmitted may hand the optimizer
// the emitted items instead of the flat program; tests turn it off to
// compare the two ways.
var optimizeFromItems = true

// optimizeEmitted optimizes the program in e: from its items, labels
// unresolved, when the optimizer takes them (opt.Builder), else from the
// flat program. Both give the same program.
func optimizeEmitted(e *emitter) ([]bpf.Instruction, error) {
	if !optimizeFromItems {
		return optimize(e.finish())
	}
	b := opt.NewBuilder(int(e.labels))
	for _, it := range e.items {
		if b.Refused() {
			break
		}
		switch {
		case it.label > 0:
			b.Label(it.label)
		case it.ins.Op&bpf.ClassMask == bpf.ClassJMP:
			b.Jump(it.ins, it.jt, it.jf)
		case it.ins.Op&bpf.ClassMask == bpf.ClassRET:
			b.Return(it.ins)
		default:
			b.Stmt(it.ins)
		}
	}
	prog, ok, err := b.Optimize(e.finish)
	if !ok {
		return optimize(e.finish())
	}
	return prog, optError(err)
}

// optimize runs the optimizer (package compile/internal/opt) over prog and
// reports its errors as *Error, without a position.
func optimize(prog []bpf.Instruction) ([]bpf.Instruction, error) {
	out, err := opt.Optimize(prog, opt.Options{})
	return out, optError(err)
}

// optError reports an optimizer's *opt.Error as *Error, without a
// position.
func optError(err error) error {
	if err == nil {
		return nil // before errors.As: its target would escape
	}
	if oe := (*opt.Error)(nil); errors.As(err, &oe) {
		return &Error{Msg: oe.Msg}
	}
	return err
}
