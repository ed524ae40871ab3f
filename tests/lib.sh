# tests/lib.sh: what every shell test starts with. Sourced, not run:
#   . "$(dirname "$0")/lib.sh"
# Counters and the three checks; a script ends by printing
# "... N passed, N failed" (tests/run.sh reads that line) and exiting non-zero
# when one failed.
#   ok                   count a pass
#   bad MESSAGE...       count a failure, print "FAIL: MESSAGE"
#   check NAME EXPR      eval EXPR (a shell condition): ok, or bad NAME
pass=0; fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }
