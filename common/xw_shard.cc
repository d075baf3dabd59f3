/*
 * xw_shard.cc - opening a stub file of shards, local and remote, as one database
 *
 * Parses Xapian 1.4's stub syntax itself so that remote shards get the
 * caller's time limits and a shard that cannot be opened is named in the
 * error, or left out and listed with allow_partial.  What the handle can
 * do once open is xw.cc's and the search files' business.
 */
#include "xw_int.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <new>
#include <string>

#include <sys/stat.h>

/* Stubs may list stubs; this deep is a loop, not a layout. */
static const int XW_STUB_DEPTH = 8;

struct xw_shard_ctx {
	const struct xw_open_opts *o;    /* limits, partial */
	xw_db *h;                        /* handle being filled */
	int code;                        /* first failure when not partial */
	std::string msg;                 /* its message */
};

static bool xw_is_file(const std::string &p, bool dir)
{
	struct stat st;
	return stat(p.c_str(), &st) == 0 && (dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
}

/* The stub file behind path, or "" when path is a database (or nothing) rather than a stub. */
static std::string xw_stub_file(const std::string &path)
{
	if (xw_is_file(path, true)) {
		if (xw_is_file(path + "/iamglass", false) || xw_is_file(path + "/iamchert", false))
			return "";
		return xw_is_file(path + "/XAPIANDB", false) ? path + "/XAPIANDB" : "";
	}
	if (!xw_is_file(path, false))
		return "";
	/* A single-file glass database is binary; a stub is text. */
	std::ifstream f(path.c_str(), std::ios::binary);
	char buf[512];
	f.read(buf, sizeof buf);
	return std::memchr(buf, '\0', (size_t)f.gcount()) ? "" : path;
}

/* Open one shard into ctx's handle; a failure is fatal or recorded as missing. */
static void xw_shard_add(xw_shard_ctx &c, const std::string &name,
			 const std::function<Xapian::Database()> &open)
{
	c.h->n_shards++;
	try {
		c.h->db.add_database(open());
	} catch (...) {
		struct cm_err e = { CM_OK, "" };
		int code = xw_fail(&e, ("shard " + name).c_str());
		if (!c.o->allow_partial) {
			if (c.code == CM_OK) {
				c.code = code;
				c.msg = e.msg;
			}
			return;
		}
		c.h->missing.push_back(name);
	}
}

static void xw_stub_read(xw_shard_ctx &c, const std::string &file, int depth);

/* A local shard: a database, or a stub listing more shards. */
static void xw_shard_local(xw_shard_ctx &c, const std::string &path, int depth)
{
	std::string stub = xw_stub_file(path);
	if (!stub.empty() && depth < XW_STUB_DEPTH) {
		xw_stub_read(c, stub, depth + 1);
		return;
	}
	xw_shard_add(c, path, [&path]() { return Xapian::Database(path); });
}

/* Parse a stub as Xapian 1.4's read_stub_file does, opening each line's shard. */
static void xw_stub_read(xw_shard_ctx &c, const std::string &file, int depth)
{
	std::ifstream in(file.c_str());
	if (!in)
		throw Xapian::DatabaseNotFoundError("cannot read stub " + file, errno);
	std::string dir = file.substr(0, file.find_last_of('/') + 1), line;
	unsigned timeout = c.o->timeout_ms ? c.o->timeout_ms : (unsigned)XW_REMOTE_TIMEOUT_MS;
	unsigned connect = c.o->connect_timeout_ms ? c.o->connect_timeout_ms : (unsigned)XW_REMOTE_CONNECT_MS;
	unsigned line_no = 0;

	while (std::getline(in, line) && c.code == CM_OK) {
		line_no++;
		if (!line.empty() && line.back() == '\r')
			line.pop_back();
		if (line.empty() || line[0] == '#')
			continue;
		size_t sp = line.find(' ');
		std::string type = line.substr(0, sp), arg = sp == std::string::npos ? "" : line.substr(sp + 1);
		if ((type == "auto" || type == "glass" || type == "chert") && !arg.empty()) {
			xw_shard_local(c, arg[0] == '/' ? arg : dir + arg, depth);
		} else if (type == "remote" && !arg.empty() && arg[0] == ':') {
			size_t asp = arg.find(' ');
			std::string prog = arg.substr(1, asp == std::string::npos ? std::string::npos : asp - 1);
			std::string args = asp == std::string::npos ? "" : arg.substr(asp + 1);
			c.h->remote = true;
			xw_shard_add(c, "remote " + arg, [&prog, &args, timeout]() {
				return Xapian::Remote::open(prog, args, timeout);
			});
		} else if (type == "remote" && arg.rfind(':') != std::string::npos &&
			   arg.rfind(':') + 1 < arg.size()) {
			size_t colon = arg.rfind(':');
			std::string host = arg.substr(0, colon);
			char *end = NULL;
			unsigned long port = std::strtoul(arg.c_str() + colon + 1, &end, 10);
			if (*end || port == 0 || port > 65535)
				throw Xapian::DatabaseOpeningError(file + ":" + std::to_string(line_no) +
								   ": bad port");
			if (host.size() > 2 && host[0] == '[' && host.back() == ']')
				host = host.substr(1, host.size() - 2);
			c.h->remote = true;
			xw_shard_add(c, "remote " + arg, [&host, port, timeout, connect]() {
				return Xapian::Remote::open(host, (unsigned)port, timeout, connect);
			});
		} else {
			/* Xapian's own wording: the line itself may be private. */
			throw Xapian::DatabaseOpeningError(file + ":" + std::to_string(line_no) +
							   ": Bad line");
		}
	}
}

int xw_db_open_read(const char *path, const struct xw_open_opts *opts, struct xw_db **out,
		    struct cm_err *err)
{
	static const struct xw_open_opts defaults = { 0, 0, false };
	*out = NULL;
	xw_db *h = new (std::nothrow) xw_db();
	if (!h)
		return cm_err_set(err, CM_ENOMEM, "%s: out of memory", path);
	try {
		std::string stub = xw_stub_file(path);
		if (stub.empty()) {
			h->db = Xapian::Database(path);
			h->dir = path;
		} else {
			xw_shard_ctx c = { opts ? opts : &defaults, h, CM_OK, "" };
			h->n_shards = 0;
			xw_stub_read(c, stub, 0);
			if (c.code != CM_OK) {
				int code = c.code;
				delete h;
				return cm_err_set(err, code, "%s: %s", path, c.msg.c_str());
			}
			if (h->n_shards && h->missing.size() == h->n_shards) {
				delete h;
				return cm_err_set(err, CM_EIO, "%s: no shard could be opened", path);
			}
			/* A stub naming no shard yet (a first run just began) is an empty index. */
			if (h->n_shards == 0)
				h->db.add_database(Xapian::Database(std::string(),
								    Xapian::DB_BACKEND_INMEMORY));
		}
	} catch (...) {
		delete h;
		return xw_fail(err, path);
	}
	*out = h;
	return CM_OK;
}

size_t xw_db_shard_count(const struct xw_db *db)
{
	return db->n_shards;
}

const char *xw_db_missing(const struct xw_db *db, size_t i)
{
	return i < db->missing.size() ? db->missing[i].c_str() : NULL;
}

bool xw_db_has_remote(const struct xw_db *db)
{
	return db->remote;
}
