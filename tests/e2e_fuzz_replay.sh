#!/bin/sh
# e2e_fuzz_replay.sh - the parser's fuzz target (tests/fuzz/fuzz_field.c)
# replayed over real and broken inputs: the sample archive, the broken test
# files, and the seeds and real corpora in ../shared when present.  Under
# `make asan` any memory error or leak in the parser fails it.
. tests/lib.sh

replay=${BUILD:-build}/fuzz/fuzz_field_replay
[ -x "$replay" ] || fail "$replay not built (make test-programs)"

find corpora/sample tests/data -type f >"$T/inputs"
for d in ../shared/seeds ../shared/realcorpus ../shared/realcorpus2; do
	[ -d "$d" ] && find "$d" -type f -size -4M >>"$T/inputs"
done
n=$(wc -l <"$T/inputs")
[ "$n" -ge 30 ] || fail "only $n inputs found"
tr '\n' '\0' <"$T/inputs" | xargs -0 "$replay" >"$T/out" 2>"$T/err" ||
	fail "replay failed: $(tail -c 600 "$T/err")"
ok
# A file it cannot read is named and fails.
expect_status 1 "$replay" "$T/no-such-file"
grep -q "no-such-file" "$T/err" || fail "missing file not named: $(cat "$T/err")"
ok
done_ok
