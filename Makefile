# masa: one plain Makefile.
#
#   make run      install what is missing, build, start masa on the demo data
#   make check    install what the tests need, build (also with ASan+UBSan), run every test
#   make          build ./masa
#   make bench    run the benchmarks and write docs/performance.md
#
# Objects go to build/release and build/asan; the test runner is tests/run.

CC ?= cc
PKGS = sqlite3 jansson libcurl libsodium libmicrohttpd libcmark libzip libxml-2.0 pangocairo libpq
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
TEST_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null)

WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wformat=2 -Wno-format-nonliteral -Wvla -Wno-missing-field-initializers
BASE_CFLAGS = -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
       -Isrc -Ibuild/gen -fPIE -g $(PKG_CFLAGS)
HARDEN = -D_FORTIFY_SOURCE=2 -fstack-protector-strong
LDHARDEN = -pie -Wl,-z,relro,-z,now

RELEASE_CFLAGS = $(BASE_CFLAGS) -O2 $(HARDEN)
ASAN_CFLAGS = $(BASE_CFLAGS) -O1 -fno-omit-frame-pointer \
       -fsanitize=address,undefined -fno-sanitize-recover=all
ASAN_LDFLAGS = -fsanitize=address,undefined

LIB_SRC = $(wildcard src/core/*.c src/store/*.c src/gov/*.c src/assure/*.c src/web/*.c src/http/*.c src/api/*.c src/minutes/*.c) \
          $(filter-out src/cli/main.c,$(wildcard src/cli/*.c))
GEN_SRC = build/gen/migrations_sqlite.c build/gen/migrations_postgresql.c build/gen/demo_data.c build/gen/openapi_json.c \
          build/gen/bank_holidays.c build/gen/demo_regional.c
MIGRATIONS = $(sort $(wildcard src/store/migrations/sqlite/*.sql))
PG_MIGRATIONS = $(sort $(wildcard src/store/migrations/postgresql/*.sql))
HEADERS = $(wildcard src/*/*.h)
UNIT_SRC = $(wildcard tests/unit/test_*.c)

REL_OBJ = $(patsubst %.c,build/release/%.o,$(LIB_SRC) $(GEN_SRC))
ASAN_OBJ = $(patsubst %.c,build/asan/%.o,$(LIB_SRC) $(GEN_SRC))
REL_TESTS = $(patsubst tests/unit/%.c,build/release/tests/%,$(UNIT_SRC))
ASAN_TESTS = $(patsubst tests/unit/%.c,build/asan/tests/%,$(UNIT_SRC))

DB ?= masa-demo.db

FUZZ_CC = clang
FUZZ_TARGETS = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_CFLAGS = -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc -Ibuild/gen \
       -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
       $(PKG_CFLAGS)
FUZZ_SECONDS ?= 60

.PHONY: all run check test build-all setup setup-test fuzz bench format clean
.DELETE_ON_ERROR:

all: masa

# Replaced by rename, so a masa that is running keeps its old binary.
masa: build/release/masa
	@cp $< $@.new && mv -f $@.new $@

build/gen/migrations_sqlite.c: $(MIGRATIONS) tools/embed-sql
	@mkdir -p $(@D)
	tools/embed-sql store_sqlite $(MIGRATIONS) > $@

build/gen/migrations_postgresql.c: $(PG_MIGRATIONS) tools/embed-sql
	@mkdir -p $(@D)
	tools/embed-sql store_postgresql $(PG_MIGRATIONS) > $@

build/gen/demo_data.c: data/demo.json tools/embed-text
	@mkdir -p $(@D)
	tools/embed-text masa_demo_json data/demo.json > $@

build/gen/demo_regional.c: data/demo-sheffield.json data/demo-child-deaths.csv tools/embed-text
	@mkdir -p $(@D)
	{ tools/embed-text masa_demo_sheffield_json data/demo-sheffield.json && \
	  tools/embed-text masa_demo_child_deaths_csv data/demo-child-deaths.csv; } > $@

build/gen/openapi_json.c: src/api/openapi.json tools/embed-text
	@mkdir -p $(@D)
	tools/embed-text masa_openapi_json src/api/openapi.json > $@

build/gen/bank_holidays.c: data/bank-holidays.csv tools/embed-text
	@mkdir -p $(@D)
	tools/embed-text masa_bank_holidays_csv data/bank-holidays.csv > $@

build/release/%.o: %.c $(HEADERS)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(RELEASE_CFLAGS) -c $< -o $@

build/asan/%.o: %.c $(HEADERS)
	@mkdir -p $(@D)
	@echo "  CC asan $<"
	@$(CC) $(ASAN_CFLAGS) -c $< -o $@

build/release/libmasa.a: $(REL_OBJ)
	@rm -f $@ && ar rcs $@ $^

build/asan/libmasa.a: $(ASAN_OBJ)
	@rm -f $@ && ar rcs $@ $^

build/release/masa: build/release/src/cli/main.o build/release/libmasa.a
	$(CC) $(LDHARDEN) -o $@ $^ $(PKG_LIBS)

build/asan/masa: build/asan/src/cli/main.o build/asan/libmasa.a
	$(CC) $(ASAN_LDFLAGS) -o $@ $^ $(PKG_LIBS)

build/release/tests/%: tests/unit/%.c build/release/libmasa.a $(HEADERS)
	@mkdir -p $(@D)
	@echo "  TEST    $@"
	@$(CC) $(RELEASE_CFLAGS) -Itests $(LDHARDEN) -o $@ $< build/release/libmasa.a $(PKG_LIBS) $(TEST_LIBS)

# A benchmark's own timer of domain functions (bench/assure_dashboard).
build/release/bench/%: bench/%.c build/release/libmasa.a $(HEADERS)
	@mkdir -p $(@D)
	@echo "  BENCH   $@"
	@$(CC) $(RELEASE_CFLAGS) $(LDHARDEN) -o $@ $< build/release/libmasa.a $(PKG_LIBS)

build/asan/tests/%: tests/unit/%.c build/asan/libmasa.a $(HEADERS)
	@mkdir -p $(@D)
	@echo "  TEST    $@"
	@$(CC) $(ASAN_CFLAGS) -Itests $(ASAN_LDFLAGS) -o $@ $< build/asan/libmasa.a $(PKG_LIBS) $(TEST_LIBS)

# Fuzz targets link the library sources directly, built with clang's
# libFuzzer instrumentation.
build/fuzz/%: tests/fuzz/%.c $(LIB_SRC) $(GEN_SRC) $(HEADERS)
	@mkdir -p $(@D)
	@echo "  FUZZ    $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(LIB_SRC) $(GEN_SRC) $(PKG_LIBS)

build-all: masa build/asan/masa $(REL_TESTS) $(ASAN_TESTS) $(FUZZ_TARGETS)

setup:
	scripts/setup

setup-test:
	scripts/setup --test

# The demo database is made once; delete it (or set DB=) to start afresh.
# Serves on LISTEN (default 127.0.0.1:8080) until Ctrl-C.
LISTEN ?= 127.0.0.1:8080
run: setup
	@$(MAKE) --no-print-directory masa assets
	@test -f $(DB) || { ./masa --db $(DB) init --demo && scripts/demo-accounts $(DB); }
	@echo
	@echo "Open http://$(LISTEN)/ in a browser (Ctrl-C stops masa)."
	@if [ -f $(DB).password ]; then \
		echo "Sign in at http://$(LISTEN)/sign-in as admin (business unit), chair, member"; \
		echo "  or police (a partner lead) with the password $$(cat $(DB).password)"; \
	else \
		echo "Add an account to sign in: ./masa --db $(DB) user add NAME --role admin"; \
	fi
	@echo "From another terminal: ./masa --db $(DB) --help lists the commands,"
	@echo "  ./masa --db $(DB) actions log RLSCB --as-at 2014-12-04 prints the board's action log."
	@echo
	./masa --db $(DB) serve --listen $(LISTEN)

check: setup-test
	$(MAKE) build-all
	tests/run

test: build-all
	tests/run

# Runs each fuzz target for FUZZ_SECONDS; new inputs go to build/fuzz/corpus.
fuzz: $(FUZZ_TARGETS)
	@for t in $(FUZZ_TARGETS); do \
		name=$${t#build/fuzz/fuzz_}; \
		mkdir -p build/fuzz/corpus/$$name; \
		$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
			build/fuzz/corpus/$$name tests/fuzz/corpus/$$name || exit 1; \
	done

bench: masa
	scripts/setup --bench
	bench/run

format:
	clang-format -i $$(git ls-files 'src/*.[ch]' 'tests/*.[ch]' 'bench/*.[ch]')

clean:
	rm -rf build masa

# Front-end assets (GOV.UK Frontend with Arial) from npm; see tools/build-assets.
.PHONY: assets
assets: build/static/masa.css
build/static/masa.css: src/web/assets/masa.scss src/web/assets/masa.js src/web/assets/masa-init.js tools/build-assets node_modules
	tools/build-assets
build-all: assets
