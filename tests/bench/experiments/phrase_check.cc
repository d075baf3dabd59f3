/*
 * phrase_check.cc - issue 16 part 3 experiment: phrase checks without positions
 *
 * Reads phrases (one per line, words as indexed) on stdin and counts each
 * three ways: Xapian's positional OP_PHRASE on the original index, and an
 * AND of the words on the forward_copy.cc index filtered by each
 * candidate's term-hash sequence, read through a MatchDecider and through
 * the value stream in docid order; best of five, and whether the counts
 * agree.  Not built by the Makefile:
 *   g++ -O2 -o phrase_check phrase_check.cc -lxapian
 *   ./phrase_check DB OUT < phrases.txt
 */
#include <xapian.h>
#include <iostream>
#include <sstream>
#include <chrono>
#include <cstdint>
#include <cstring>
using namespace std;
static uint32_t h24(const string &s) {
  uint32_t h = 2166136261u; for (unsigned char c : s) { h ^= c; h *= 16777619u; }
  h = (h ^ (h >> 24)) & 0xffffff; return h ? h : 1;
}
struct Dec : Xapian::MatchDecider {
  vector<uint32_t> want;
  bool operator()(const Xapian::Document &d) const override {
    string v = d.get_value(0x7fffffe0);
    size_t n = v.size() / 3, k = want.size();
    const unsigned char *s = (const unsigned char *)v.data();
    for (size_t i = 0; i + k <= n; i++) {
      size_t j = 0;
      for (; j < k; j++) {
        const unsigned char *q = s + 3 * (i + j);
        if ((((uint32_t)q[0] << 16) | ((uint32_t)q[1] << 8) | q[2]) != want[j]) break;
      }
      if (j == k) return true;
    }
    return false;
  }
};
static double now() { return chrono::duration<double, milli>(chrono::steady_clock::now().time_since_epoch()).count(); }
int main(int, char **argv) {
  Xapian::Database a(argv[1]), b(argv[2]);
  string line;
  while (getline(cin, line)) {
    istringstream is(line); vector<string> w; string x; while (is >> x) w.push_back(x);
    Xapian::Query qa(Xapian::Query::OP_PHRASE, w.begin(), w.end(), w.size());
    Xapian::Query qb(Xapian::Query::OP_AND, w.begin(), w.end());
    double best_a = 1e9, best_b = 1e9, best_c = 1e9; Xapian::doccount cc = 0; Xapian::doccount ca = 0, cb = 0, cand = 0;
    for (int r = 0; r < 5; r++) {
      double t0 = now();
      Xapian::Enquire ea(a); ea.set_query(qa); ea.set_weighting_scheme(Xapian::BM25Weight());
      Xapian::MSet ma = ea.get_mset(0, 10, a.get_doccount());
      double t1 = now();
      Dec dec; for (auto &s : w) dec.want.push_back(h24(s));
      Xapian::Enquire eb(b); eb.set_query(qb); eb.set_weighting_scheme(Xapian::BM25Weight());
      Xapian::MSet mb = eb.get_mset(0, 10, b.get_doccount(), NULL, &dec);
      double t2 = now();
      // the candidates in docid order, each sequence read from the value stream
      Xapian::Enquire ed(b); ed.set_query(qb); ed.set_weighting_scheme(Xapian::BoolWeight());
      ed.set_docid_order(Xapian::Enquire::ASCENDING);
      Xapian::MSet md = ed.get_mset(0, b.get_doccount());
      Xapian::ValueIterator vi = b.valuestream_begin(0x7fffffe0);
      Xapian::doccount cs = 0;
      for (auto m = md.begin(); m != md.end(); ++m) {
        vi.skip_to(*m);
        if (vi == b.valuestream_end(0x7fffffe0) || vi.get_docid() != *m) continue;
        string v = *vi; size_t n = v.size() / 3, k = dec.want.size();
        const unsigned char *q0 = (const unsigned char *)v.data();
        for (size_t i = 0; i + k <= n; i++) { size_t j = 0;
          for (; j < k; j++) { const unsigned char *q = q0 + 3 * (i + j);
            if ((((uint32_t)q[0] << 16) | ((uint32_t)q[1] << 8) | q[2]) != dec.want[j]) break; }
          if (j == k) { cs++; break; } }
      }
      double t3 = now();
      best_c = min(best_c, t3 - t2); cc = cs;
      best_a = min(best_a, t1 - t0); best_b = min(best_b, t2 - t1);
      ca = ma.get_matches_estimated(); cb = mb.get_matches_estimated();
      Xapian::Enquire ec(b); ec.set_query(qb); cand = ec.get_mset(0, 0, b.get_doccount()).get_matches_estimated();
    }
    printf("%-38s cand %6u  positions %6u %6.2f ms  decider %6u %6.2f ms  stream %6u %6.2f ms%s\n", line.c_str(), cand, ca, best_a, cb, best_b, cc, best_c, ca == cb && cb == cc ? "" : "  DIFFER");
  }
}
