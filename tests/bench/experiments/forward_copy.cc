/*
 * forward_copy.cc - issue 16 part 3 experiment: an index without positions
 *
 * Copies a minutes index document by document without position lists,
 * keeping each document's word sequence instead as 3-byte term hashes in
 * one value slot (a gap of three zero bytes where positions jump, so no
 * phrase spans two fields): the size a positions-free index with a forward
 * index for phrase checks would take.  Not built by the Makefile:
 *   g++ -O2 -o forward_copy forward_copy.cc -lxapian
 *   ./forward_copy DB OUT && xapian-compact OUT OUT.c
 * (docs/BENCHMARKS.md, "Index size", has what it measured.)
 */
#include <xapian.h>
#include <iostream>
#include <vector>
#include <algorithm>
#include <cstdint>
using namespace std;
static uint32_t h24(const string &s) {
  uint32_t h = 2166136261u; for (unsigned char c : s) { h ^= c; h *= 16777619u; }
  h = (h ^ (h >> 24)) & 0xffffff; return h ? h : 1;
}
int main(int argc, char **argv) {
  Xapian::Database in(argv[1]);
  Xapian::WritableDatabase out(argv[2], Xapian::DB_CREATE_OR_OVERWRITE);
  bool keep_pos = argc > 3;
  unsigned long toks = 0, bytes = 0;
  for (auto p = in.postlist_begin(""); p != in.postlist_end(""); ++p) {
    Xapian::Document d = in.get_document(*p), n;
    vector<pair<Xapian::termpos, uint32_t>> seq;
    for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
      string term = *t;
      auto pb = t.positionlist_begin(), pe = t.positionlist_end();
      if (pb != pe) {
        for (; pb != pe; ++pb) { seq.emplace_back(*pb, h24(term)); if (keep_pos) n.add_posting(term, *pb, 0); }
        n.add_term(term, keep_pos ? t.get_wdf() - t.positionlist_count() : t.get_wdf());
      } else if (t.get_wdf()) n.add_term(term, t.get_wdf());
      else n.add_boolean_term(term);
    }
    for (auto v = d.values_begin(); v != d.values_end(); ++v) n.add_value(v.get_valueno(), *v);
    sort(seq.begin(), seq.end());
    string val; Xapian::termpos last = 0;
    for (auto &e : seq) {
      if (last && e.first != last + 1) val.append(3, '\0');   // a gap: no phrase across it
      val.push_back((char)(e.second >> 16)); val.push_back((char)(e.second >> 8)); val.push_back((char)e.second);
      last = e.first;
    }
    toks += seq.size(); bytes += val.size();
    if (!keep_pos) n.add_value(0x7fffffe0, val);
    out.replace_document(*p, n);
  }
  out.commit();
  cerr << "tokens " << toks << " value bytes " << bytes << "\n";
}
