# Vitrine: build, run and test.
#
#   make            build/vitrine-corpus, build/corpus.db and build/vitrine
#   make run        build everything and open the app on the bundled corpus
#   make test       build and run every test; ends with "N passed, N failed"
#   make bench      speed and memory figures beside their targets
#   make eval       ingest accuracy on the development pages (WEBPAGES=DIR)
#   make clean      remove build/
#   make install    install the programs, fonts, default config and READMEs
#                   (PREFIX=/usr/local, DESTDIR=; see "Install" below)
#
# Variables: BUILD (output folder, default build), CROSS (toolchain prefix,
# e.g. aarch64-linux-gnu-), SANITIZE=1 (ASan + UBSan), OPT (optimisation).
# CC, AR, CFLAGS, CPPFLAGS and LDFLAGS are taken from the environment or the
# command line as usual (CFLAGS/CPPFLAGS/LDFLAGS come after the project's own
# flags, so they can add to and override them). Debian's hardening flags are
# on by default (HARDEN=, HARDEN_LD= turn them off). Warnings are errors only
# in CI (.ci/run passes WERROR=-Werror; CI=true in the environment does too).
# Missing Debian packages are installed by board/deps.sh when run as root,
# otherwise it prints the apt-get line to run; `make -n` never runs it.

VERSION    := 0.1.0
BUILD      ?= build
CROSS      ?=
# make's built-in default (cc, ar) gives way to the toolchain of CROSS; a CC
# or AR from the environment or the command line is used as given.
ifeq ($(origin CC),default)
CC := $(CROSS)gcc
endif
ifeq ($(origin AR),default)
AR := $(CROSS)ar
endif
PKG_CONFIG ?= pkg-config
OPT        ?= -O2 -g
WERROR     ?= $(if $(filter true 1 yes,$(CI)),-Werror,)
SANITIZE   ?=
# Debian's hardening defaults (dpkg-buildflags: stackprotectorstrong,
# fortify, relro, bindnow; PIE is gcc's default on Debian). Fortify needs
# optimisation and is left to ASan in a SANITIZE=1 build.
HARDEN     ?= -fstack-protector-strong $(if $(filter-out -O0,$(filter -O%,$(OPT))),-D_FORTIFY_SOURCE=2,)
HARDEN_LD  ?= -Wl,-z,relro,-z,now
# make -n prints what would run and runs nothing: not board/deps.sh either
DRY_RUN    := $(findstring n,$(firstword -$(MAKEFLAGS)))

CORPUS_PC := sqlite3 inih libutf8proc icu-uc libxml-2.0 json-c sdl2 SDL2_image libjpeg libpng
APP_PC    := sdl2 SDL2_ttf SDL2_image libpng libjpeg sqlite3 inih libunibreak libsystemd libqrencode

CFLAGS_BASE := -std=c11 -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 \
               -DVITRINE_VERSION='"$(VERSION)"' -Wall -Wextra $(WERROR) \
               -Wshadow -Wno-unused-parameter -Isrc -MMD -MP $(OPT)
ifeq ($(SANITIZE),1)
CFLAGS_BASE += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS_BASE += -fsanitize=address,undefined
else
CFLAGS_BASE += $(HARDEN)
endif
LDFLAGS_BASE += $(HARDEN_LD)

# ---- Cross builds (owner: board; see board/README.md) ----------------------
# make CROSS=aarch64-linux-gnu-    64-bit Raspberry Pi OS  -> build-aarch64/
# make CROSS=arm-linux-gnueabihf-  32-bit Raspberry Pi OS  -> build-armhf/
# The libraries come from a sysroot of Debian bookworm's own arm64/armhf
# packages (board/sysroot.sh, made by board/deps.sh on first use), not from
# host multiarch. SYSROOT overrides its place. The database step runs the
# cross-built vitrine-corpus under qemu-user-static.
ifneq ($(CROSS),)
CROSS_TRIPLET := $(patsubst %-,%,$(CROSS))
CROSS_ARCH := $(if $(filter aarch64-%,$(CROSS)),arm64,$(if $(filter arm-%,$(CROSS)),armhf))
ifeq ($(CROSS_ARCH),)
$(error CROSS=$(CROSS): use aarch64-linux-gnu- or arm-linux-gnueabihf-)
endif
ifeq ($(origin BUILD),file)
BUILD := build-$(if $(filter arm64,$(CROSS_ARCH)),aarch64,armhf)
endif
SYSROOT ?= /var/tmp/vitrine-sysroot-$(CROSS_ARCH)
CROSS_QEMU := $(if $(filter arm64,$(CROSS_ARCH)),qemu-aarch64-static,qemu-arm-static)
CROSS_RUN := $(CROSS_QEMU) -L $(SYSROOT)
CFLAGS_BASE += --sysroot=$(SYSROOT)
LDFLAGS_BASE += --sysroot=$(SYSROOT)
ifeq ($(origin PKG_CONFIG),file)
PKG_CONFIG := PKG_CONFIG_SYSROOT_DIR=$(SYSROOT) \
  PKG_CONFIG_LIBDIR=$(SYSROOT)/usr/lib/$(CROSS_TRIPLET)/pkgconfig:$(SYSROOT)/usr/lib/pkgconfig:$(SYSROOT)/usr/share/pkgconfig \
  pkg-config
endif
# Libraries' own dependencies (libSDL2 -> libdrm ...) are found in the sysroot.
LDFLAGS_BASE += -Wl,-rpath-link,$(SYSROOT)/usr/lib/$(CROSS_TRIPLET):$(SYSROOT)/lib/$(CROSS_TRIPLET)
# board/deps.sh reads these: "build" becomes the host cross set + sysroot.
export CROSS SYSROOT
endif
# ---- end of Cross builds (variables) --------------------------------------

COMMON_SRC := $(wildcard src/common/*.c)
CORPUS_SRC := $(filter-out src/corpus/main.c,$(wildcard src/corpus/*.c))
APP_SRC    := $(filter-out src/app/main.c,$(wildcard src/app/*.c))
TEST_SRC   := $(wildcard tests/test_*.c)

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))
COMMON_OBJ := $(call obj,$(COMMON_SRC))
CORPUS_OBJ := $(call obj,$(CORPUS_SRC))
APP_OBJ    := $(call obj,$(APP_SRC))
TEST_BIN   := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))

CORPUS_TOOL := $(BUILD)/vitrine-corpus
APP         := $(BUILD)/vitrine
DB          := $(BUILD)/corpus.db

.PHONY: all run test bench clean deps
all: $(CORPUS_TOOL) $(DB) $(APP)

# Compiler and linker flags come from pkg-config once the packages are
# there: the included file is (re)made first, and making it installs them.
NODEPS_GOALS := clean help
ifeq ($(filter $(NODEPS_GOALS),$(MAKECMDGOALS)),)
ifeq ($(DRY_RUN),)
include $(BUILD)/config.mk
else
-include $(BUILD)/config.mk
endif
endif

$(BUILD)/config.mk: Makefile board/deps.sh
ifneq ($(DRY_RUN),)
	@echo "(make -n: $@ is out of date; make would run board/deps.sh build and pkg-config here)"
else
	@mkdir -p $(BUILD)
	@sh board/deps.sh build
	@{ echo "CORPUS_CFLAGS := $$($(PKG_CONFIG) --cflags $(CORPUS_PC))"; \
	   echo "CORPUS_LIBS := $$($(PKG_CONFIG) --libs $(CORPUS_PC))"; \
	   echo "APP_CFLAGS := $$($(PKG_CONFIG) --cflags $(APP_PC))"; \
	   echo "APP_LIBS := $$($(PKG_CONFIG) --libs $(APP_PC))"; } > $@.tmp
	@mv $@.tmp $@
endif

deps:
	@sh board/deps.sh build test run

$(BUILD)/obj/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	@echo '  CC     $<'
	@$(CC) $(CFLAGS_BASE) $(CORPUS_CFLAGS) $(APP_CFLAGS) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

# The ingest's plane scaler is loops over rows that want vectorising with
# the full cost model (-O3; gcc's -O2 keeps only loops of a known length).
$(call obj,src/corpus/corpus_resize.c): CFLAGS += $(if $(filter -O0 -Og,$(OPT)),,-O3)

$(BUILD)/libcommon.a: $(COMMON_OBJ)
	@rm -f $@; $(AR) rcs $@ $^
$(BUILD)/libcorpus.a: $(CORPUS_OBJ)
	@rm -f $@; $(AR) rcs $@ $^
$(BUILD)/libapp.a: $(APP_OBJ)
	@rm -f $@; $(AR) rcs $@ $^

$(CORPUS_TOOL): $(call obj,src/corpus/main.c) $(BUILD)/libcorpus.a $(BUILD)/libcommon.a
	@echo '  LD     $@'
	@$(CC) $(LDFLAGS_BASE) $(LDFLAGS) -o $@ $^ $(CORPUS_LIBS) -lm

$(APP): $(call obj,src/app/main.c) $(BUILD)/libapp.a $(BUILD)/libcommon.a
	@echo '  LD     $@'
	@$(CC) $(LDFLAGS_BASE) $(LDFLAGS) -o $@ $^ $(APP_LIBS) -lm

# The database is rebuilt whenever an article, a sidecar or the tool changes.
CORPUS_FILES := $(wildcard assets/corpus/*)
$(DB): $(CORPUS_TOOL) $(CORPUS_FILES)
	$(CORPUS_TOOL) build --out $@ assets/corpus

$(BUILD)/tests/%: $(call obj,tests/%.c) $(BUILD)/libapp.a $(BUILD)/libcorpus.a $(BUILD)/libcommon.a
	@mkdir -p $(dir $@)
	@echo '  LD     $@'
	@$(CC) $(LDFLAGS_BASE) $(LDFLAGS) -o $@ $^ $(APP_LIBS) $(CORPUS_LIBS) -lm

run: all
	@sh board/deps.sh run
	$(APP) --db $(DB) --config assets/vitrine.ini

test: all $(TEST_BIN)
	@sh board/deps.sh test
	@BUILD=$(BUILD) sh tests/run.sh

bench: all $(BUILD)/tests/tool_jpeg
	@BUILD=$(BUILD) sh tests/bench.sh

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD)/obj $(BUILD)/prod -name '*.d' 2>/dev/null)
.SECONDARY:

# ---- Install ------------------------------------------------------------------
# make install [PREFIX=/usr/local] [DESTDIR=] [BINDIR= DATADIR= DOCDIR=]
#   $(BINDIR)/vitrine, $(BINDIR)/vitrine-corpus
#   $(DATADIR)/fonts/*            the bundled faces and their licences
#   $(DATADIR)/vitrine.ini        the documented default config, its fonts =
#                                 pointing at $(DATADIR)/fonts
#   $(DOCDIR)/README.md, README-board.md
# DESTDIR is prepended to every path (a staging folder, as Debian packaging
# and board/rpi/install.sh use it); PREFIX etc. are the paths at run time.
# Builds what is missing first (as whoever runs it: build as your user, then
# install as root, as install.sh does).
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/vitrine
DOCDIR  ?= $(PREFIX)/share/doc/vitrine
INSTALL ?= install
# The installed app is a production build, $(BUILD)/prod/vitrine: the
# files with test hooks (the script's database file operations replace,
# corrupt, truncate, delete; the engine's test screens) compiled again with
# -DVITRINE_TEST_HOOKS=0, linked with the other objects as they are. The
# app under $(BUILD)/, which the tests drive, keeps the hooks.
# INSTALL_APP=, INSTALL_TOOL= install programs built elsewhere instead (e.g.
# install.sh --prebuilt; then nothing is built).
HOOK_SRC  := src/app/config.c src/app/script.c
PROD_OBJ  := $(patsubst %.c,$(BUILD)/prod/obj/%.o,$(HOOK_SRC))
PROD_APP  := $(BUILD)/prod/vitrine
$(BUILD)/prod/obj/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	@echo '  CC     $< (production: no test hooks)'
	@$(CC) $(CFLAGS_BASE) $(APP_CFLAGS) $(CPPFLAGS) $(CFLAGS) -DVITRINE_TEST_HOOKS=0 -c $< -o $@
$(PROD_APP): $(call obj,src/app/main.c) $(filter-out $(call obj,$(HOOK_SRC)),$(APP_OBJ)) $(PROD_OBJ) $(BUILD)/libcommon.a
	@echo '  LD     $@'
	@$(CC) $(LDFLAGS_BASE) $(LDFLAGS) -o $@ $^ $(APP_LIBS) -lm
.PHONY: prod
prod: $(PROD_APP) $(CORPUS_TOOL)
INSTALL_APP  ?= $(PROD_APP)
INSTALL_TOOL ?= $(CORPUS_TOOL)
.PHONY: install
install: $(INSTALL_APP) $(INSTALL_TOOL)
	$(INSTALL) -d '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(DATADIR)/fonts' '$(DESTDIR)$(DOCDIR)'
	$(INSTALL) -m 755 $(INSTALL_APP) '$(DESTDIR)$(BINDIR)/vitrine'
	$(INSTALL) -m 755 $(INSTALL_TOOL) '$(DESTDIR)$(BINDIR)/vitrine-corpus'
	$(INSTALL) -m 644 fonts/* '$(DESTDIR)$(DATADIR)/fonts/'
	sed -e 's|^fonts *=.*|fonts = $(DATADIR)/fonts|' assets/vitrine.ini > '$(DESTDIR)$(DATADIR)/vitrine.ini'
	chmod 644 '$(DESTDIR)$(DATADIR)/vitrine.ini'
	$(INSTALL) -m 644 README.md '$(DESTDIR)$(DOCDIR)/README.md'
	$(INSTALL) -m 644 board/README.md '$(DESTDIR)$(DOCDIR)/README-board.md'
# ---- end of Install ---------------------------------------------------------

# Regenerate every golden screenshot from the fixed fixture databases:
# engine test screens (tests/golden), Quote and Timeline (tests/golden/views)
# and the exhibit flows (tests/golden/ui). Look at every image before
# committing them.
.PHONY: golden
golden: $(BUILD)/tests/test_golden $(BUILD)/tests/test_views $(APP)
	VITRINE_GOLDEN_UPDATE=1 $(BUILD)/tests/test_golden
	VITRINE_GOLDEN_UPDATE=1 $(BUILD)/tests/test_views
	VITRINE_GOLDEN_UPDATE=1 BUILD=$(BUILD) sh tests/test_ui_flows.sh

# ---- Cross builds (owner: board): targets ---------------------------------
# make board-check   for each of BOARD_ARCHS: sysroot, cross build, then under
#                    qemu-user-static the corpus build + check, the headless
#                    scripted golden runs and the unit tests; ends with
#                    "N passed, N failed". Native tools come from $(BUILD).
BOARD_ARCHS ?= arm64 armhf
.PHONY: board-check
board-check: $(APP) $(BUILD)/tests/test_golden
	@BUILD=$(BUILD) BOARD_ARCHS="$(BOARD_ARCHS)" MAKE="$(MAKE)" sh board/check.sh
ifneq ($(CROSS),)
# The database is built by the cross-built tool, run under qemu.
$(DB): CORPUS_TOOL = $(CROSS_RUN) $(BUILD)/vitrine-corpus
endif
# ---- end of Cross builds (targets) ----------------------------------------

# ---- Fuzzing (owner: fuzz; see tests/fuzz/run.sh) -------------------------
# make fuzz FUZZ_SECONDS=60   builds $(BUILD)/fuzz_ingest (text articles),
#   $(BUILD)/fuzz_html (saved pages) and $(BUILD)/fuzz_store (the app's side:
#   any database through the store and the prepare of every screen) with
#   clang's libFuzzer + ASan + UBSan (+ LeakSanitizer) from the corpus or app
#   sources and tests/fuzz/fuzz_*.c, fuzzes
#   temporary copies of their seed corpora (tests/fuzz/seed + assets/corpus;
#   tests/fuzz/seed_html + the development pages) for FUZZ_SECONDS in all
#   (half each), inputs up to 64 KiB, 10 s each, then replays every
#   tests/fuzz/regress*/ case; ends with "N passed, N failed", non-zero on a
#   crash. FUZZ_SECONDS=0 only replays. Native builds only.
#   tests/test_fuzz_regress.c replays the same cases in `make test` without
#   clang.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_FLAGS   := -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=all \
                -fsanitize=fuzzer,address,undefined
FUZZ_BINS    := $(BUILD)/fuzz_ingest $(BUILD)/fuzz_html $(BUILD)/fuzz_store
FUZZ_LIB_SRC := $(COMMON_SRC) $(CORPUS_SRC)
FUZZ_HDR     := $(wildcard src/common/*.h src/corpus/*.h tests/fuzz/*.h) tests/fuzz/fuzz_ingest.c
.PHONY: fuzz
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB_SRC) $(FUZZ_HDR) $(BUILD)/config.mk
	@sh board/deps.sh fuzz
	@echo '  FUZZCC $@'
	@$(FUZZ_CC) $(filter-out -MMD -MP $(OPT) -fsanitize=%,$(CFLAGS_BASE)) $(FUZZ_FLAGS) \
	    $(CORPUS_CFLAGS) -Itests/fuzz -o $@ $(FUZZ_LIB_SRC) $< $(CORPUS_LIBS) -lm
# The app's side (issue 16): databases through the store and every screen.
$(BUILD)/fuzz_store: tests/fuzz/fuzz_store.c tests/fuzz/store_case.h $(COMMON_SRC) $(APP_SRC) \
                     $(wildcard src/common/*.h src/app/*.h) $(BUILD)/config.mk
	@sh board/deps.sh fuzz
	@echo '  FUZZCC $@'
	@$(FUZZ_CC) $(filter-out -MMD -MP $(OPT) -fsanitize=%,$(CFLAGS_BASE)) $(FUZZ_FLAGS) \
	    $(APP_CFLAGS) -Itests -Itests/fuzz -o $@ $(COMMON_SRC) $(APP_SRC) $< $(APP_LIBS) -lm
fuzz: $(FUZZ_BINS) $(DB)
	@BUILD=$(BUILD) sh tests/fuzz/run.sh $(FUZZ_BINS) $(FUZZ_SECONDS)
# ---- end of Fuzzing -------------------------------------------------------

# ---- Evaluation (owner: eval; see tests/eval/run.sh) -----------------------
# make eval [WEBPAGES=DIR]   builds every page of the development set (default
#   ../shared/webpages-dev, or $VITRINE_WEBPAGES) both ways, NAME.txt and
#   NAME.html, with the real vitrine-corpus and scores the two databases with
#   $(BUILD)/vitrine-eval: a table per kind, the issue-11 targets with
#   ok/MISSED, and one "eval KIND title=..." line each. EVAL_DETAIL=PAGE (or
#   all) lists, per page, missed and extra sentences and leaked lines.
#   tests/test_eval.sh keeps the figures above tests/eval/floors.txt.
WEBPAGES ?= $(if $(VITRINE_WEBPAGES),$(VITRINE_WEBPAGES),../shared/webpages-dev)
EVAL_TOOL := $(BUILD)/vitrine-eval
EVAL_OBJ  := $(call obj,tests/eval/vitrine_eval.c tests/eval/eval_metrics.c)
.PHONY: eval
$(EVAL_TOOL): $(EVAL_OBJ) $(BUILD)/libcorpus.a $(BUILD)/libcommon.a
	@echo '  LD     $@'
	@$(CC) $(LDFLAGS_BASE) $(LDFLAGS) -o $@ $^ $(CORPUS_LIBS) -lm
$(BUILD)/tests/test_eval_metrics: $(call obj,tests/eval/eval_metrics.c)
test: $(EVAL_TOOL)
eval: $(CORPUS_TOOL) $(EVAL_TOOL)
	@BUILD=$(BUILD) sh tests/eval/run.sh "$(WEBPAGES)" $(if $(EVAL_DETAIL),--detail $(EVAL_DETAIL))
# ---- end of Evaluation -----------------------------------------------------

# ---- Visitor statistics report (owner: fleet; issue 15) -------------------
# build/vitrine-stats STATS.db [--content DB] [--csv] [--html OUT.html]
STATS_TOOL := $(BUILD)/vitrine-stats
all: $(STATS_TOOL)
$(STATS_TOOL): $(call obj,src/stats/main.c) $(BUILD)/libapp.a $(BUILD)/libcommon.a
	@echo '  LD     $@'
	@$(CC) $(LDFLAGS_BASE) $(LDFLAGS) -o $@ $^ $(APP_LIBS) -lm
# ---- end of Visitor statistics report -------------------------------------
