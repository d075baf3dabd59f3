/*
 * xw_arrays.cc - the per-document arrays behind exact facets: from Xapian's
 * value streams, or from the file the indexer stores beside the database
 *
 * The bitmap evaluator (xw_eval.cc) counts facets, date ranges, collapse
 * groups and the order of tied hits from arrays indexed by docid: each
 * document's value of a slot as a small id, and each document's place in
 * a slot's order.  A server builds them once per revision from the value
 * streams and keeps them; a process that runs one search cannot afford to
 * (a stream read costs more than the search), so the indexer also writes
 * them into the database directory (XW_ARRAYS_FILE), tagged with the
 * revision they describe, and a reader whose handle is at that revision
 * reads the few it needs from there instead.  Any other revision (a
 * commit since, a compaction, a half-written file) is simply not used.
 *
 * The file, in this machine's byte order (a marker says which):
 *   header   "MSARRAY2", u32 0x01020304, u32 lastdocid, u32 n_sections,
 *            u32 key length, the key ("uuid:revision"), zero-padded to 8
 *   table    n_sections x { u32 kind, u32 slot, u32 count, u32 0, u64 offset, u64 bytes }
 *   data     kind 1 (values): count + 1 u32 offsets into the names' bytes that
 *            follow them (name i is [at[i], at[i + 1]); name 0 = ""), the bytes
 *            padded to 4, then (lastdocid + 1) u32 value ids, by docid
 *            kind 2 (ranks): (lastdocid + 1) u32 ranks, by docid
 *            kind 3 (split; the u32 after count is sep | last_word << 8): count + 1
 *            u32 member_at, member_at[count] u32 member ids, u32 m, then m + 1
 *            u32 offsets into the members' display forms that follow, as for names
 *
 * Divisions: keys, arrays from the value streams, the stored file, loading, saving.
 */
#include "xw_int.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char XW_ARRAYS_MAGIC[8] = { 'M', 'S', 'A', 'R', 'R', 'A', 'Y', '2' };
static const uint32_t XW_ARRAYS_ORDER = 0x01020304;
enum { XW_ARRAYS_VALUES = 1, XW_ARRAYS_RANKS = 2, XW_ARRAYS_SPLIT = 3 };

/* How a split is told apart in the file: its separator and whether members are last words. */
static unsigned xw_split_tag(char sep, bool last_word)
{
	return (unsigned)(unsigned char)sep | (last_word ? 0x100u : 0u);
}

struct xw_arrays_section {
	uint32_t kind, slot, count, zero;
	uint64_t offset, bytes;
};

/* ---- keys --------------------------------------------------------------- */

/*
 * The key under which a handle's arrays stay valid, or "" when they cannot
 * be used: a writable handle (its view changes without a commit), several
 * sub-databases (a stub of shards, whose docids interleave) or a remote one
 * (whose matcher runs on the server, which knows only Xapian's own spies).
 * get_revision() throws for all but a single local glass/chert database,
 * which is exactly the case we want.
 */
std::string xw_facet_key(xw_db *db)
{
	if (db->writable || db->remote || db->db.size() != 1)
		return std::string();
	try {
		Xapian::rev r = db->db.get_revision();
		return db->db.get_uuid() + ":" + std::to_string((unsigned long long)r);
	} catch (const Xapian::Error &) {
		return std::string();
	}
}

/* ---- arrays from the value streams -------------------------------------- */

static void xw_facet_from_stream(xw_db *db, unsigned slot, xw_facet_slot &fs)
{
	std::unordered_map<std::string, uint32_t> index;
	std::vector<uint32_t> ids((size_t)db->db.get_lastdocid() + 1, 0);
	fs.names.emplace_back();
	uint32_t last = 0;                   /* id of the previous document's value */
	for (Xapian::ValueIterator it = db->db.valuestream_begin(slot);
	     it != db->db.valuestream_end(slot); ++it) {
		Xapian::docid did = it.get_docid();
		const std::string &v = *it;
		/* A meeting's items are consecutive and share their values: skip the hash. */
		if (last && fs.names[last] == v) {
			if (did < ids.size())
				ids[did] = last;
			continue;
		}
		auto r = index.emplace(v, (uint32_t)fs.names.size());
		if (r.second)
			fs.names.push_back(r.first->first);
		last = r.first->second;
		if (did < ids.size())
			ids[did] = last;
	}
	fs.ids.adopt(std::move(ids));
	fs.n_names = fs.names.size();
}

/*
 * Each document's place in the order of slot's values (0 = no value or the
 * lowest): sorting by it is sorting by the slot, but a sort key is then an
 * array read instead of a value-stream read (~0.4 us each, and Xapian reads
 * one for every match that ties with the page, which for templated items
 * such as "Apologies" is thousands).
 */
static void xw_rank_from_stream(xw_db *db, unsigned slot, xw_u32s &out)
{
	std::vector<std::pair<std::string, Xapian::docid>> vals;
	for (Xapian::ValueIterator it = db->db.valuestream_begin(slot);
	     it != db->db.valuestream_end(slot); ++it)
		vals.emplace_back(*it, it.get_docid());
	std::sort(vals.begin(), vals.end());
	std::vector<uint32_t> rank((size_t)db->db.get_lastdocid() + 1, 0);
	uint32_t r = 0;
	for (size_t i = 0; i < vals.size(); i++) {
		if (i == 0 || vals[i].first != vals[i - 1].first)
			r++;
		if (vals[i].second < rank.size())
			rank[vals[i].second] = r;
	}
	out.adopt(std::move(rank));
}

/* ---- the stored file ---------------------------------------------------- */

xw_arrays_file::~xw_arrays_file()
{
	reset();
}

void xw_arrays_file::reset()
{
	if (map)
		munmap(const_cast<char *>(map), map_len);
	map = nullptr;
	map_len = 0;
	tried = false;
	lastdocid = 0;
	values.clear();
	ranks.clear();
	splits.clear();
}

/*
 * Map db's stored arrays when they describe its revision (key) and
 * lastdocid, and read their table.  Anything else (no directory, no file,
 * another revision, a short or malformed file) leaves f unmapped: the
 * arrays then come from the value streams.  Mapped, a search touches only
 * the pages of the arrays it reads, straight from the page cache.
 */
static void xw_arrays_open(xw_db *db, const std::string &key, xw_arrays_file &f)
{
	f.tried = true;
	if (db->dir.empty() || key.empty())
		return;
	std::string path = db->dir + "/" + XW_ARRAYS_FILE;
	int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	struct stat st;
	void *m = fstat(fd, &st) == 0 && st.st_size > 0
		? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
	close(fd);
	if (m == MAP_FAILED)
		return;
	const char *base = (const char *)m;
	size_t len = (size_t)st.st_size;
	uint32_t head[4];                    /* order, lastdocid, n_sections, key length */
	size_t at = 8 + sizeof head;
	bool ok = len >= at && !memcmp(base, XW_ARRAYS_MAGIC, 8);
	if (ok)
		memcpy(head, base + 8, sizeof head);
	ok = ok && head[0] == XW_ARRAYS_ORDER && head[1] == db->db.get_lastdocid() &&
	     head[3] == key.size() && len - at >= key.size() && !memcmp(base + at, key.data(), key.size());
	at = (at + key.size() + 7) & ~(size_t)7;
	ok = ok && head[2] < 1024 && at <= len && (len - at) / sizeof(xw_arrays_section) >= head[2];
	std::vector<xw_arrays_section> table(ok ? head[2] : 0);
	if (ok)
		memcpy(table.data(), base + at, table.size() * sizeof(xw_arrays_section));
	for (size_t i = 0; ok && i < table.size(); i++)
		ok = table[i].offset % 4 == 0 && table[i].offset <= len &&
		     table[i].bytes <= len - table[i].offset;
	if (!ok) {
		munmap(m, len);
		return;
	}
	f.map = base;
	f.map_len = len;
	f.lastdocid = head[1];
	for (const xw_arrays_section &s : table) {
		xw_arrays_where w = { s.offset, s.bytes, s.count };
		if (s.kind == XW_ARRAYS_VALUES)
			f.values[s.slot] = w;
		else if (s.kind == XW_ARRAYS_RANKS)
			f.ranks[s.slot] = w;
		else if (s.kind == XW_ARRAYS_SPLIT)
			f.splits[std::make_pair(s.slot, (unsigned)s.zero)] = w;
	}
}

/* The stored file of db's current arrays (mapped on first use per revision). */
static xw_arrays_file &xw_arrays_of(xw_db *db)
{
	if (!db->fc.file.tried)
		xw_arrays_open(db, db->fc.key, db->fc.file);
	return db->fc.file;
}

/*
 * Slot's values from the stored file into fs, borrowed from the mapping
 * (names are made only when asked for); false (fs unusable) when absent or
 * malformed.  The offsets and sizes are checked here, so a damaged file
 * cannot send a reader past the names or the mapping; the ids, which may
 * still name no value, where they are used (fs.checked false).
 */
static bool xw_facet_from_file(xw_arrays_file &f, unsigned slot, xw_facet_slot &fs)
{
	auto s = f.map ? f.values.find(slot) : f.values.end();
	if (s == f.values.end())
		return false;
	const char *p = f.map + s->second.offset;
	size_t len = s->second.bytes, n = s->second.count;
	if (n == 0 || n > len / 4 || (n + 1) * 4 > len)
		return false;
	const uint32_t *at = (const uint32_t *)(const void *)p;
	size_t bytes_at = (n + 1) * 4;
	if (at[0] != 0 || at[1] != 0)
		return false;                    /* name 0 is "" */
	for (size_t i = 0; i < n; i++)
		if (at[i + 1] < at[i])
			return false;
	size_t ids_at = (bytes_at + at[n] + 3) & ~(size_t)3;
	size_t n_ids = (size_t)f.lastdocid + 1;
	if (at[n] > len - bytes_at || ids_at > len || len - ids_at != n_ids * 4)
		return false;
	/* The ids are checked where they are used (xw_facet_checked), not here: a
	 * one-shot search reads only its matches' pages, not all lastdocid of them. */
	fs.ids.borrow((const uint32_t *)(const void *)(p + ids_at), n_ids);
	fs.n_names = n;
	fs.stored = p + bytes_at;
	fs.stored_at = at;
	fs.checked = false;
	return true;
}

static bool xw_rank_from_file(xw_arrays_file &f, unsigned slot, xw_u32s &rank)
{
	auto s = f.map ? f.ranks.find(slot) : f.ranks.end();
	if (s == f.ranks.end() || s->second.bytes != ((uint64_t)f.lastdocid + 1) * 4)
		return false;
	rank.borrow((const uint32_t *)(const void *)(f.map + s->second.offset), (size_t)f.lastdocid + 1);
	return true;
}

/* Offsets at[0..n], name i at [at[i], at[i + 1]): true when they start at 0, rise, and end within bytes_left. */
static bool xw_offsets_ok(const uint32_t *at, size_t n, size_t bytes_left)
{
	for (size_t i = 0; i < n; i++)
		if (at[i + 1] < at[i])
			return false;
	return at[0] == 0 && at[n] <= bytes_left;
}

/* A split of fs's values from the stored file (see the layout above); false when absent or bad. */
static bool xw_split_from_file(xw_arrays_file &f, unsigned slot, xw_facet_slot &fs, char sep,
			       bool last_word)
{
	auto s = f.map ? f.splits.find(std::make_pair(slot, xw_split_tag(sep, last_word)))
		       : f.splits.end();
	if (s == f.splits.end() || s->second.count != fs.n_names)
		return false;
	const char *p = f.map + s->second.offset;
	size_t len = s->second.bytes, n = fs.n_names;
	if (n == 0 || len / 4 < n + 2)
		return false;
	const uint32_t *at = (const uint32_t *)(const void *)p;
	size_t left = len - (n + 1) * 4;
	if (!xw_offsets_ok(at, n, left / 4) || (left / 4) - at[n] < 2)
		return false;
	const uint32_t *mem = at + n + 1;
	size_t total = at[n];
	uint32_t m = mem[total];
	const uint32_t *name_at = mem + total + 1;
	size_t used = (n + 1 + total + 1) * 4;
	if (m > (len - used) / 4 || (len - used) / 4 < (size_t)m + 1)
		return false;
	used += ((size_t)m + 1) * 4;
	if (!xw_offsets_ok(name_at, m, len - used))
		return false;
	for (size_t k = 0; k < total; k++)
		if (mem[k] >= m)
			return false;
	fs.member_at.borrow(at, n + 1);
	fs.members.borrow(mem, total);
	fs.n_members = m;
	fs.member_names.clear();
	fs.member_stored = p + used;
	fs.member_stored_at = name_at;
	return true;
}

/* The split in memory, from fs's values. */
static void xw_split_from_values(xw_facet_slot &fs, char sep, bool last_word)
{
	std::unordered_map<std::string, uint32_t> index;
	std::vector<uint32_t> member_at(fs.n_names + 1, 0), members;
	fs.member_names.clear();
	for (size_t id = 1; id < fs.n_names; id++) {
		size_t first = members.size();
		member_at[id] = (uint32_t)first;
		xw_each_member(fs.name(id), sep, last_word,
			       [&](const std::string &member, const std::string &key) {
			auto r = index.emplace(key, (uint32_t)fs.member_names.size());
			if (r.second)
				fs.member_names.push_back(member);
			if (std::find(members.begin() + (std::ptrdiff_t)first, members.end(),
				      r.first->second) == members.end())
				members.push_back(r.first->second);
		});
	}
	member_at[fs.n_names] = (uint32_t)members.size();
	member_at[0] = member_at.size() > 1 ? member_at[1] : 0;
	fs.member_at.adopt(std::move(member_at));
	fs.members.adopt(std::move(members));
	fs.n_members = fs.member_names.size();
	fs.member_stored = nullptr;
	fs.member_stored_at = nullptr;
}

void xw_facet_split(xw_db *db, unsigned slot, xw_facet_slot &fs, char sep, bool last_word)
{
	if (fs.split && fs.split_sep == sep && fs.split_last_word == last_word)
		return;
	if (!xw_split_from_file(xw_arrays_of(db), slot, fs, sep, last_word))
		xw_split_from_values(fs, sep, last_word);
	fs.split = true;
	fs.split_sep = sep;
	fs.split_last_word = last_word;
}

bool xw_split_stored(xw_db *db, unsigned slot, char sep, bool last_word)
{
	xw_arrays_file &f = xw_arrays_of(db);
	return f.map && f.splits.count(std::make_pair(slot, xw_split_tag(sep, last_word)));
}

/* ---- loading ------------------------------------------------------------ */

const xw_facet_slot &xw_facet_load(xw_db *db, unsigned slot)
{
	auto found = db->fc.slots.find(slot);
	if (found != db->fc.slots.end())
		return found->second;
	xw_facet_slot fs;
	if (!xw_facet_from_file(xw_arrays_of(db), slot, fs)) {
		fs = xw_facet_slot();
		xw_facet_from_stream(db, slot, fs);
	}
	return db->fc.slots.emplace(slot, std::move(fs)).first->second;
}

const xw_facet_slot &xw_facet_checked(xw_db *db, unsigned slot)
{
	xw_facet_slot &fs = const_cast<xw_facet_slot &>(xw_facet_load(db, slot));
	if (fs.checked)
		return fs;
	const uint32_t *ids = fs.ids.data();
	uint32_t worst = 0;
	for (size_t i = 0, n = fs.ids.size(); i < n; i++)
		worst = std::max(worst, ids[i]);
	if (worst >= fs.n_names) {
		/* a damaged file: this slot from the value streams instead */
		xw_facet_slot rebuilt;
		xw_facet_from_stream(db, slot, rebuilt);
		fs = std::move(rebuilt);
	}
	fs.checked = true;
	return fs;
}

const xw_u32s &xw_rank_load(xw_db *db, unsigned slot)
{
	auto found = db->fc.ranks.find(slot);
	if (found != db->fc.ranks.end())
		return found->second;
	xw_u32s rank;
	if (!xw_rank_from_file(xw_arrays_of(db), slot, rank))
		xw_rank_from_stream(db, slot, rank);
	return db->fc.ranks.emplace(slot, std::move(rank)).first->second;
}

bool xw_arrays_stored(xw_db *db, bool rank, unsigned slot)
{
	xw_arrays_file &f = xw_arrays_of(db);
	if (!f.map)
		return false;
	return rank ? f.ranks.count(slot) != 0 : f.values.count(slot) != 0;
}

void xw_arrays_drop(xw_db *db, const std::string &key)
{
	db->fc.slots.clear();
	db->fc.runs.clear();
	db->fc.ranks.clear();
	db->fc.file.reset();
	db->fc.key = key;
}

/* ---- saving ------------------------------------------------------------- */

/* Appends n bytes to out. */
static void xw_put(std::string &out, const void *p, size_t n)
{
	out.append((const char *)p, n);
}

static void xw_pad(std::string &out, size_t to)
{
	while (out.size() % to)
		out.push_back('\0');
}

/* n strings, string(i) each, as n + 1 u32 offsets into their bytes, then the bytes. */
template <typename Str>
static void xw_put_strings(std::string &out, size_t n, Str string)
{
	std::string bytes;
	for (size_t i = 0; i < n; i++) {
		uint32_t off = (uint32_t)bytes.size();
		xw_put(out, &off, 4);
		bytes += string(i);
	}
	uint32_t end = (uint32_t)bytes.size();
	xw_put(out, &end, 4);
	out += bytes;
}

/* The stored file's bytes for db's arrays of slots and rank_slots. */
static std::string xw_arrays_image(xw_db *db, const std::string &key, const unsigned *slots,
				   size_t n_slots, const unsigned *rank_slots, size_t n_ranks,
				   const struct xw_arrays_split *splits, size_t n_splits)
{
	uint32_t last = db->db.get_lastdocid();
	uint32_t head[4] = { XW_ARRAYS_ORDER, last, (uint32_t)(n_slots + n_ranks + n_splits),
			     (uint32_t)key.size() };
	std::string out(XW_ARRAYS_MAGIC, 8);
	xw_put(out, head, sizeof head);
	out += key;
	xw_pad(out, 8);
	size_t table_at = out.size();
	std::vector<xw_arrays_section> table(n_slots + n_ranks + n_splits);
	out.append(table.size() * sizeof(xw_arrays_section), '\0');
	for (size_t i = 0; i < n_slots; i++) {
		const xw_facet_slot &fs = xw_facet_checked(db, slots[i]);
		size_t at = out.size();
		xw_put_strings(out, fs.n_names, [&](size_t id) { return fs.name(id); });
		xw_pad(out, 4);
		xw_put(out, fs.ids.data(), fs.ids.size() * 4);
		table[i] = { XW_ARRAYS_VALUES, slots[i], (uint32_t)fs.n_names, 0, at, out.size() - at };
		xw_pad(out, 8);
	}
	for (size_t i = 0; i < n_ranks; i++) {
		const xw_u32s &rank = xw_rank_load(db, rank_slots[i]);
		size_t at = out.size();
		xw_put(out, rank.data(), rank.size() * 4);
		table[n_slots + i] = { XW_ARRAYS_RANKS, rank_slots[i], (uint32_t)rank.size(), 0, at,
				       out.size() - at };
		xw_pad(out, 8);
	}
	for (size_t i = 0; i < n_splits; i++) {
		const xw_arrays_split &sp = splits[i];
		xw_facet_slot &fs = const_cast<xw_facet_slot &>(xw_facet_load(db, sp.slot));
		xw_facet_split(db, sp.slot, fs, sp.sep, sp.last_word);
		size_t at = out.size();
		xw_put(out, fs.member_at.data(), fs.member_at.size() * 4);
		xw_put(out, fs.members.data(), fs.members.size() * 4);
		uint32_t m = (uint32_t)fs.n_members;
		xw_put(out, &m, 4);
		xw_put_strings(out, fs.n_members, [&](size_t mid) { return fs.member_name(mid); });
		table[n_slots + n_ranks + i] = { XW_ARRAYS_SPLIT, sp.slot, (uint32_t)fs.n_names,
						 xw_split_tag(sp.sep, sp.last_word), at, out.size() - at };
		xw_pad(out, 8);
	}
	memcpy(&out[table_at], table.data(), table.size() * sizeof(xw_arrays_section));
	return out;
}

/* Write data to path through a temporary sibling, synced, renamed over path. */
static int xw_write_atomic(const std::string &path, const std::string &data, struct cm_err *err)
{
	std::string tmp = path + ".tmp";
	int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return cm_err_set(err, CM_EIO, "%s: %s", tmp.c_str(), strerror(errno));
	size_t done = 0;
	while (done < data.size()) {
		ssize_t n = write(fd, data.data() + done, data.size() - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	int saved = errno;
	bool ok = done == data.size() && fsync(fd) == 0;
	if (!ok && done == data.size())
		saved = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (ok && rename(tmp.c_str(), path.c_str()) != 0) {
		ok = false;
		saved = errno;
	}
	if (!ok) {
		unlink(tmp.c_str());
		return cm_err_set(err, CM_EIO, "%s: %s", path.c_str(), strerror(saved ? saved : EIO));
	}
	return CM_OK;
}

int xw_arrays_save(const char *dir, const unsigned *slots, size_t n_slots,
		   const unsigned *rank_slots, size_t n_ranks,
		   const struct xw_arrays_split *splits, size_t n_splits, struct cm_err *err)
{
	struct xw_db *db = NULL;
	int rc = xw_db_open(dir, XW_OPEN_READ, &db, err);
	if (rc != CM_OK)
		return rc;
	try {
		std::string key = xw_facet_key(db);
		if (key.empty()) {
			xw_db_free(db);
			return CM_OK;
		}
		xw_arrays_drop(db, key);
		bool current = true;
		for (size_t i = 0; i < n_slots && current; i++)
			current = xw_arrays_stored(db, false, slots[i]);
		for (size_t i = 0; i < n_ranks && current; i++)
			current = xw_arrays_stored(db, true, rank_slots[i]);
		for (size_t i = 0; i < n_splits && current; i++)
			current = xw_split_stored(db, splits[i].slot, splits[i].sep, splits[i].last_word);
		if (!current)
			rc = xw_write_atomic(std::string(dir) + "/" + XW_ARRAYS_FILE,
					     xw_arrays_image(db, key, slots, n_slots, rank_slots, n_ranks,
							     splits, n_splits),
					     err);
	} catch (...) {
		rc = xw_fail(err, dir);
	}
	xw_db_free(db);
	return rc;
}
