// Package testutil holds what the module's tests share: the check for
// the reference tools (tcpdump, tshark, gcc with libpcap-dev), building a
// C helper against libpcap once per test binary, the one folder of test
// captures, and reading a capture through savefile.
//
// CI sets PUREPCAP_REQUIRE_REFERENCE=1: a test that needs a missing
// reference tool then fails instead of skipping.
//
// Only tests import this package; it is internal to the module.
package testutil
