# Makefile - builds minutes-index, minutes-search (and its server), runs the tests
#
# One non-recursive Makefile.  Sources are found by wildcard so a new module
# or test needs no edit here: common/*.c + common/xw*.cc -> libcm.a,
# indexer/*.c (but main.c) -> libidx.a, searcher/*.c (but main.c and the
# commands, cmd_*.c, linked into the program) -> libsrch.a,
# tests/test_<module>.c -> one cmocka binary each.  `make asan` builds the
# same tree under AddressSanitizer + UBSan into build/asan.

PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/minutes-search
DOCDIR   ?= $(PREFIX)/share/doc/minutes-search
# /usr/local/lib/systemd/system is on systemd's unit path; the settings file
# stays in /etc whatever the prefix (the units name it).
SYSCONFDIR ?= /etc
UNITDIR  ?= $(PREFIX)/lib/systemd/system
CC       ?= cc
CXX      ?= c++
BUILD    ?= build
BIN      ?= bin
PKG_CONFIG ?= pkg-config

OPT      ?= -O2 -g
WARN     := -Wall -Wextra -Wshadow -Wundef -Wwrite-strings -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2 -Wcast-qual -Wpointer-arith \
            -Wvla -Wnull-dereference -Wimplicit-fallthrough
CXXWARN  := -Wall -Wextra -Wshadow -Wundef -Wformat=2 -Wcast-qual -Wpointer-arith
ifeq ($(WERROR),1)
WARN     += -Werror
CXXWARN  += -Werror
endif
ifeq ($(SAN),1)
OPT      := -O1 -g -fno-omit-frame-pointer
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined
endif

PKGS     := libmagic zlib libxml-2.0 libarchive json-c libmicrohttpd
XAPIAN_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags xapian-core 2>/dev/null || xapian-config --cxxflags)
XAPIAN_LIBS   ?= $(shell $(PKG_CONFIG) --libs xapian-core 2>/dev/null || xapian-config --libs)
PKG_CFLAGS    ?= $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS      ?= $(shell $(PKG_CONFIG) --libs $(PKGS))
CMOCKA_LIBS   ?= $(shell $(PKG_CONFIG) --libs cmocka)

CPPFLAGS += -I. -Icommon -Iindexer -Isearcher -D_GNU_SOURCE -DCM_VERSION='"$(VERSION)"'
CFLAGS   ?=
CFLAGS   += -std=c11 $(OPT) $(WARN) $(SANFLAGS) -pthread $(PKG_CFLAGS) -MMD -MP
CXXFLAGS ?=
CXXFLAGS += -std=c++11 $(OPT) $(CXXWARN) $(SANFLAGS) -pthread $(XAPIAN_CFLAGS) -MMD -MP
LDFLAGS  += $(SANFLAGS) -pthread
# Recursive (=), like the pkg-config variables above: expanded when a link
# runs, after `make deps` has installed the packages, never when this file is
# parsed (on a fresh machine pkg-config knows none of them yet).
LDLIBS    = $(XAPIAN_LIBS) $(PKG_LIBS) -lm

VERSION  := 0.1.0

COMMON_SRC   := $(wildcard common/*.c)
XW_SRC       := $(wildcard common/xw*.cc)
INDEXER_SRC  := $(filter-out indexer/main.c,$(wildcard indexer/*.c))
SEARCHER_SRC := $(filter-out searcher/main.c searcher/main_serve.c searcher/cmd_%.c,$(wildcard searcher/*.c))
SEARCHER_CMD := $(patsubst %.c,$(BUILD)/%.o,searcher/main.c \
                $(filter-out searcher/cmd_serve.c,$(wildcard searcher/cmd_*.c)))
SERVE_CMD    := $(BUILD)/searcher/main_serve.o $(BUILD)/searcher/cmd_serve.o
TEST_SRC     := $(wildcard tests/test_*.c)

COMMON_OBJ   := $(COMMON_SRC:%.c=$(BUILD)/%.o) $(XW_SRC:%.cc=$(BUILD)/%.o) \
                $(BUILD)/gen/docdict.o $(BUILD)/gen/glossary.o
INDEXER_OBJ  := $(INDEXER_SRC:%.c=$(BUILD)/%.o)
SEARCHER_OBJ := $(SEARCHER_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/www.o
WWW_SRC      := $(sort $(wildcard searcher/www/*))
LIBCM        := $(BUILD)/libcm.a
LIBIDX       := $(BUILD)/libidx.a
LIBSRCH      := $(BUILD)/libsrch.a
PROGS        := $(BIN)/minutes-index $(BIN)/minutes-search $(BIN)/minutes-search-serve
TESTS        := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

.PHONY: all check check-deps fresh-check service-check test-programs asan asan-check sanitize demo deps install uninstall clean bench bench-small bench-national accuracy fuzz
all: $(PROGS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -c -o $@ $<

# The search page, compiled into the server (scripts/embed-www).
$(BUILD)/gen/www.c: $(WWW_SRC) scripts/embed-www
	@mkdir -p $(dir $@)
	sh scripts/embed-www $(WWW_SRC) > $@.tmp && mv $@.tmp $@

# The preset dictionary of document data (common/docdict.txt) and the shipped
# synonyms, whose phrases the indexer keeps as single terms (glossary.h),
# compiled in.
$(BUILD)/gen/docdict.c: common/docdict.txt scripts/embed-text
	@mkdir -p $(dir $@)
	sh scripts/embed-text docdict docdict.h common/docdict.txt > $@.tmp && mv $@.tmp $@
$(BUILD)/gen/glossary.c: common/synonyms.txt scripts/embed-text
	@mkdir -p $(dir $@)
	sh scripts/embed-text glossary_text glossary.h common/synonyms.txt > $@.tmp && mv $@.tmp $@
$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIBCM): $(COMMON_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^
$(LIBIDX): $(INDEXER_OBJ) | $(BUILD)
	@rm -f $@
	$(AR) rcs $@ $^
$(LIBSRCH): $(SEARCHER_OBJ) | $(BUILD)
	@rm -f $@
	$(AR) rcs $@ $^
$(BUILD):
	@mkdir -p $@

$(BIN)/minutes-index: $(BUILD)/indexer/main.o $(LIBIDX) $(LIBCM)
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BIN)/minutes-search: $(SEARCHER_CMD) $(LIBSRCH) $(LIBCM)
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The server alone links libmicrohttpd (searcher/main.c says why).
$(BIN)/minutes-search-serve: $(SERVE_CMD) $(LIBSRCH) $(LIBCM)
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(LIBSRCH) $(LIBIDX) $(LIBCM)
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(CMOCKA_LIBS)

# test_extract swaps a file for a FIFO between detection and reading.
$(BUILD)/tests/test_extract: LDFLAGS += -Wl,--wrap=magic_buffer

# Not run by `make check` but built with it, so that a change which breaks
# them fails CI: the query benchmark (scripts/bench-queries runs it) and the
# fuzz target linked to a replay driver (tests/e2e_fuzz_replay.sh feeds it
# the sample archive, the seeds and the broken test files).
BENCH_QUERY := $(BUILD)/bench/bench_query
FUZZ_REPLAY := $(BUILD)/fuzz/fuzz_field_replay
$(BENCH_QUERY): $(BUILD)/tests/bench/bench_query.o $(LIBSRCH) $(LIBCM)
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(FUZZ_REPLAY): $(BUILD)/tests/fuzz/fuzz_field.o $(BUILD)/tests/fuzz/replay.o $(LIBCM)
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The libFuzzer build of the same target (clang and libclang-rt-14-dev; run
# it as tests/fuzz/README says).
FUZZ_SRC := $(addprefix common/,field.c field_hdr.c field_json.c people.c date.c text.c encode.c grow.c \
	    sbuf.c strv.c err.c) tests/fuzz/fuzz_field.c
fuzz:
	@mkdir -p $(BUILD)/fuzz
	clang -g -O1 -fsanitize=fuzzer,address,undefined $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) \
		-o $(BUILD)/fuzz/fuzz_field $(FUZZ_SRC) $(PKG_LIBS) -lm

test-programs: $(PROGS) $(TESTS) $(BENCH_QUERY) $(FUZZ_REPLAY)

# Unit tests, then end-to-end scripts; tests/run prints "N passed, N failed".
# The build runs in a sub-make so that it reads pkg-config only after `deps`
# (and under -j never alongside it).
check: deps check-deps
	$(MAKE) test-programs
	BIN=$(BIN) BUILD=$(BUILD) tests/run

# What only the tests need: Debian's Chromium for tests/e2e_browser.sh, and
# npm for the axe-core that tests/e2e_a11y.sh installs; Debian's npm only
# when there is no npm command (NodeSource's nodejs ships its own, and
# conflicts with the package).  Not a failure when they cannot be installed
# (not root, no network): those tests then say they are skipped.
check-deps:
	@EXTRA_DEPS="chromium $$(command -v npm >/dev/null 2>&1 || echo npm)" scripts/install-deps || \
		echo "make: chromium or npm not installed; tests/e2e_browser.sh or e2e_a11y.sh may be skipped" >&2

# The README's two commands, `make demo` then `make check`, on a minimal
# Debian 12 root made by debootstrap (needs root and the Debian mirror; slow,
# so not part of `make check`).  Timings: docs/DEPLOY.md.
# FRESH_TARGETS=check tries `make check` alone as the first command.
fresh-check:
	scripts/fresh-check $(FRESH_TARGETS)

# The installed systemd units booted in a Debian 12 container (systemd-nspawn
# run from a chroot): sandbox, ordering, reopen, timer.  Root; docs/DEPLOY.md.
service-check: all
	scripts/service-check

# The same programs and tests under ASan + UBSan, in their own tree.
asan asan-check sanitize:
	$(MAKE) SAN=1 BUILD=build/asan BIN=build/asan/bin test-programs
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		BIN=build/asan/bin BUILD=build/asan tests/run

deps:
	@scripts/install-deps

demo: deps
	$(MAKE) all
	scripts/demo

# The build and query comparison with omindex, FTS5 and grep, the HTTP server
# under wrk and the research commands, all on one archive and its index; then
# shards (one database vs local vs remote shards) on a smaller one.
BENCH_SHARD_MEETINGS ?= 3000
bench: deps
	$(MAKE) all
	EXTRA_DEPS=wrk scripts/install-deps
	scripts/bench $(if $(BENCH_MEETINGS),--meetings $(BENCH_MEETINGS))
	scripts/bench-shards --meetings $(BENCH_SHARD_MEETINGS)

bench-small: deps
	$(MAKE) all
	EXTRA_DEPS=wrk scripts/install-deps
	scripts/bench --meetings 2000 --server-duration 10
	scripts/bench-shards --meetings 500

# A national archive: 200,000 meetings (~4 GB of text), generated once into
# $(NATIONAL_DIR) and kept there for the next run; omindex is given
# NATIONAL_OMINDEX_S seconds, FTS5 and grep are left out (hours at this size).
# Then the same archive sharded by year against one database, local and over
# xapian-tcpsrv (both indexes kept in $(NATIONAL_DIR)/shards for the next run).
# About two hours on 2 cores the first time, 70 minutes with
# NATIONAL_OMINDEX_S=300 (each of our builds takes about 15; omindex, 271 s at
# 20,000 meetings, does not finish in 300 s here); never part of `make bench`.
NATIONAL_DIR ?= /var/tmp/minutes-national
NATIONAL_OMINDEX_S ?= 1800
bench-national: deps
	$(MAKE) all
	EXTRA_DEPS=wrk scripts/install-deps
	[ -f $(NATIONAL_DIR)/archive.done ] || { rm -rf $(NATIONAL_DIR)/archive* && mkdir -p $(NATIONAL_DIR) && \
		corpora/gen --meetings 200000 --quiet $(NATIONAL_DIR)/archive && touch $(NATIONAL_DIR)/archive.done; }
	BENCH_DIR=$(NATIONAL_DIR) scripts/bench --meetings 200000 --archive $(NATIONAL_DIR)/archive \
		--skip fts5,grep --omindex-timeout $(NATIONAL_OMINDEX_S) --rounds 2 --server-duration 30 \
		--facets council,committee,year,person,format
	scripts/bench-shards --archive $(NATIONAL_DIR)/archive --work $(NATIONAL_DIR)/shards \
		--shard-by year --groups 4,all --reps 2 --json $(NATIONAL_DIR)/shards.json

# Parser accuracy per field against the generator's and the sample's ground truth.
accuracy: deps
	$(MAKE) all
	scripts/accuracy $(if $(ACCURACY_MEETINGS),--meetings $(ACCURACY_MEETINGS))
	scripts/accuracy-real --write
	scripts/accuracy-truth --write

# The programs, the synonyms, the systemd units (server, indexer and its
# hourly timer: docs/DEPLOY.md) and their settings file, which is never
# overwritten: an edited one is kept over a reinstall and an uninstall.
UNITS := minutes-search.service minutes-index.service minutes-index.timer
install: all
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(DATADIR)" "$(DESTDIR)$(DOCDIR)" \
		"$(DESTDIR)$(UNITDIR)" "$(DESTDIR)$(SYSCONFDIR)/default"
	install -m 0755 $(PROGS) "$(DESTDIR)$(BINDIR)/"
	install -m 0644 common/synonyms.txt "$(DESTDIR)$(DATADIR)/"
	install -m 0644 docs/DEPLOY.md docs/SERVER.md "$(DESTDIR)$(DOCDIR)/"
	for u in $(UNITS); do \
		src=systemd/$$u; [ -f $$src ] || src=$$src.in; \
		sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' \
		    -e 's|@DOCDIR@|$(DOCDIR)|g' $$src > "$(DESTDIR)$(UNITDIR)/$$u.tmp" && \
		chmod 0644 "$(DESTDIR)$(UNITDIR)/$$u.tmp" && \
		mv "$(DESTDIR)$(UNITDIR)/$$u.tmp" "$(DESTDIR)$(UNITDIR)/$$u" || exit 1; \
	done
	[ -e "$(DESTDIR)$(SYSCONFDIR)/default/minutes-search" ] || \
		install -m 0644 systemd/minutes-search.default "$(DESTDIR)$(SYSCONFDIR)/default/minutes-search"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/minutes-index" "$(DESTDIR)$(BINDIR)/minutes-search" \
		"$(DESTDIR)$(BINDIR)/minutes-search-serve"
	rm -rf "$(DESTDIR)$(DATADIR)" "$(DESTDIR)$(DOCDIR)"
	for u in $(UNITS); do rm -f "$(DESTDIR)$(UNITDIR)/$$u"; done

clean:
	rm -rf $(BUILD) $(BIN)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
.SECONDARY:
