/*
 * size_copy.cc - issue 16 part 3 experiment: what term lists and the stored
 * text cost, and what a block store outside Xapian would take instead
 *
 * Copies a minutes index document by document (same docids, terms, wdfs,
 * positions and values) into OUT, optionally without term lists
 * (Xapian::DB_NO_TERMLIST) and optionally without the stored text (value
 * slot 0x7ffffff0, docdata.c); for the latter it also inflates every
 * document's stored text and reports what it takes compressed outside the
 * B-trees: each meeting's items as one deflate stream, and fixed blocks of
 * consecutive documents (as Lucene stores fields), both with the preset
 * dictionary; nofieldpos drops the positions of prefixed terms (titles and
 * resolutions, whose words the body also holds).  Not built by the Makefile:
 *   g++ -O2 -o size_copy size_copy.cc build/gen/docdict.o -lxapian -lz
 *   ./size_copy DB OUT [notermlist] [nodata] [nofieldpos] && xapian-compact OUT OUT.c
 * (docs/BENCHMARKS.md, "Index size", has what it measured.)
 */
#include <xapian.h>
#include <zlib.h>
#include <cctype>
#include <cstring>
#include <iostream>
#include <map>
#include <string>
using namespace std;

extern "C" const unsigned char docdict[];
extern "C" const size_t docdict_len;

static const Xapian::valueno DATA_SLOT = 0x7ffffff0, MEETING_SLOT = 4;

static string inflate_v2(const string &v) {
  if (v.size() < 5 || v[0] != 2) return string();
  size_t n = (unsigned char)v[1] | (unsigned char)v[2] << 8 | (unsigned char)v[3] << 16 |
             (size_t)(unsigned char)v[4] << 24;
  string raw(n, '\0');
  z_stream z; memset(&z, 0, sizeof z);
  inflateInit2(&z, -15);
  z.next_in = (Bytef *)v.data() + 5; z.avail_in = v.size() - 5;
  z.next_out = (Bytef *)&raw[0]; z.avail_out = n;
  inflateSetDictionary(&z, docdict, docdict_len);
  int zr = inflate(&z, Z_FINISH);
  inflateEnd(&z);
  return zr == Z_STREAM_END ? raw : string();
}

static size_t deflated(const string &s, int level) {
  z_stream z; memset(&z, 0, sizeof z);
  deflateInit2(&z, level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
  deflateSetDictionary(&z, docdict, docdict_len);
  string out(deflateBound(&z, s.size()) + 16, '\0');
  z.next_in = (Bytef *)s.data(); z.avail_in = s.size();
  z.next_out = (Bytef *)&out[0]; z.avail_out = out.size();
  deflate(&z, Z_FINISH);
  size_t n = out.size() - z.avail_out;
  deflateEnd(&z);
  return n + 8;   /* + an offset and a length in the block index */
}

int main(int argc, char **argv) {
  if (argc < 3) { cerr << "usage: size_copy DB OUT [notermlist] [nodata] [nofieldpos]\n"; return 2; }
  bool no_termlist = false, no_data = false, no_field_pos = false;
  for (int i = 3; i < argc; i++) {
    if (!strcmp(argv[i], "notermlist")) no_termlist = true;
    else if (!strcmp(argv[i], "nodata")) no_data = true;
    else if (!strcmp(argv[i], "nofieldpos")) no_field_pos = true;
  }
  Xapian::Database in(argv[1]);
  Xapian::WritableDatabase out(argv[2], Xapian::DB_CREATE_OR_OVERWRITE |
                                            (no_termlist ? Xapian::DB_NO_TERMLIST : 0));
  map<string, string> by_meeting;
  string block;
  size_t stored = 0, raw_total = 0, blocks16 = 0, blocks64 = 0, docs = 0;
  string block64;
  for (auto p = in.postlist_begin(""); p != in.postlist_end(""); ++p) {
    Xapian::Document d = in.get_document(*p), n;
    for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
      string term = *t;
      Xapian::termcount npos = 0;
      /* Prefixed fields (titles, resolutions) repeat words the body holds with positions. */
      bool keep_pos = !(no_field_pos && !term.empty() && isupper((unsigned char)term[0]));
      for (auto pb = t.positionlist_begin(); keep_pos && pb != t.positionlist_end(); ++pb, ++npos)
        n.add_posting(term, *pb, 0);
      if (t.get_wdf() > npos) n.add_term(term, t.get_wdf() - npos);
      else if (!npos) n.add_boolean_term(term);
    }
    for (auto v = d.values_begin(); v != d.values_end(); ++v) {
      if (v.get_valueno() == DATA_SLOT) {
        stored += (*v).size();
        string raw = inflate_v2(*v);
        raw_total += raw.size();
        by_meeting[d.get_value(MEETING_SLOT)] += raw;
        block += raw; block64 += raw;
        if (block.size() >= 16384) { blocks16 += deflated(block, 6); block.clear(); }
        if (block64.size() >= 65536) { blocks64 += deflated(block64, 6); block64.clear(); }
        if (no_data) continue;
      }
      n.add_value(v.get_valueno(), *v);
    }
    out.replace_document(*p, n);
    docs++;
  }
  if (!block.empty()) blocks16 += deflated(block, 6);
  if (!block64.empty()) blocks64 += deflated(block64, 6);
  out.commit();
  size_t per_meeting = 0;
  for (auto &m : by_meeting) per_meeting += deflated(m.second, 6);
  cout << docs << " documents; stored text: " << stored << " bytes as values (one deflate per item), "
       << raw_total << " raw; outside Xapian: " << per_meeting << " one stream per meeting ("
       << by_meeting.size() << "), " << blocks16 << " in 16 KB blocks, " << blocks64
       << " in 64 KB blocks\n";
  return 0;
}
