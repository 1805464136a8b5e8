package bpf

// Apply returns the result of ALU operation op on accumulator a and operand
// v, with the semantics of libpcap's bpf_filter and the Linux kernel, in
// 32-bit unsigned arithmetic:
//
//   - add, sub and mul wrap around;
//   - a shift by 32 or more gives 0 (not a shift by v&31, as x86 would do);
//   - neg ignores v and gives -a;
//   - div and mod by 0 have no result: ok is false, and a program ends
//     there with 0 (libpcap's bpf_filter returns 0; the validators reject
//     a constant 0 divisor, so this happens only with an X of 0);
//   - an unknown operation has no result either (ok false).
//
// This is the one statement of the ALU rules in the module: the VM, the
// step interpreter (State.Step) and the compiler's constant folding all use
// it. Apply is small enough to inline, and with a constant op it compiles to
// the single operation.
func (op ALUOp) Apply(a, v uint32) (result uint32, ok bool) {
	switch op {
	case ALUAdd:
		a += v
	case ALUSub:
		a -= v
	case ALUMul:
		a *= v
	case ALUDiv, ALUMod:
		if v == 0 {
			return 0, false
		}
		if op == ALUDiv {
			a /= v
		} else {
			a %= v
		}
	case ALUAnd:
		a &= v
	case ALUOr:
		a |= v
	case ALUXor:
		a ^= v
	case ALULsh:
		a <<= v // Go gives 0 for v >= 32, as libpcap does
	case ALURsh:
		a >>= v
	case ALUNeg:
		a = -a
	default:
		return 0, false
	}
	return a, true
}

// Test reports whether conditional jump test j holds for accumulator a and
// operand v: a == v (JumpJEQ), a > v (JumpJGT), a >= v (JumpJGE) or
// a&v != 0 (JumpJSET), all unsigned. JumpJA always holds; unknown tests
// never do.
func (j JumpOp) Test(a, v uint32) bool {
	switch j {
	case JumpJEQ:
		return a == v
	case JumpJGT:
		return a > v
	case JumpJGE:
		return a >= v
	case JumpJSET:
		return a&v != 0
	case JumpJA:
		return true
	}
	return false
}
