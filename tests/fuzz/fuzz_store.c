/*
** tests/fuzz/fuzz_store.c: libFuzzer harness for the app's side: every
** input is a database file, opened with store_open and shown on every
** exhibit screen (tests/fuzz/store_case.h: store_check, create, prepare,
** draw, destroy at the first and last index and one past it).
** Seeds: tests/fuzz/seed_store (small hostile databases) plus the bundled
** build/corpus.db (tests/fuzz/run.sh adds it); dictionary store.dict.
** libFuzzer's -timeout bounds each input (a database that would be laid
** out for minutes is a finding).
**
** Built and run by `make fuzz` (tests/fuzz/run.sh); by hand, from the
** repository root (the fonts are read from fonts/):
**   build/fuzz_store -dict=tests/fuzz/store.dict -max_len=262144 CORPUS_DIR
*/
#include "store_case.h"

static store_case_env env;
static int ready;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    if (store_case_init(&env) != 0) {
        fprintf(stderr, "fuzz_store: no renderer or no fonts (run from the repository root)\n");
        abort();
    }
    ready = 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
    if (ready)
        store_case_run(&env, data, n);
    return 0;
}
