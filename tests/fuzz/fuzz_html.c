/*
** tests/fuzz/fuzz_html.c: libFuzzer harness for saved HTML pages. The same
** harness as fuzz_ingest.c (invariants, database write and check, no
** leaks), with every input ingested as "fuzz.html": bytes -> sniffing ->
** charset -> libxml2 -> metadata and main text (corpus_html.c) -> the rest
** of the pipeline. Seeds: tests/fuzz/seed_html; dictionary html.dict.
**
** Built and run by `make fuzz` (tests/fuzz/run.sh); by hand:
**   build/fuzz_html -dict=tests/fuzz/html.dict CORPUS_DIR
*/
#define FUZZ_NAME "fuzz.html"
#include "fuzz_ingest.c"
