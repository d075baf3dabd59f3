#!/bin/sh
# tests/e2e_sample.sh - the hand-written sample archive and its ground truth
# (corpora/sample.truth.json) agree. Exit 0 pass, 1 fail, 77 skip.
command -v python3 >/dev/null 2>&1 || { echo "e2e_sample: python3 not found"; exit 77; }
python3 corpora/check_sample_truth.py corpora/sample corpora/sample.truth.json || { echo "e2e_sample: FAIL"; exit 1; }
echo "e2e_sample: ok"
