/*
** tests/test_fuzz_store.c: replays the app-side fuzzer's seeds and saved
** cases (tests/fuzz/seed_store/, tests/fuzz/regress_store/) through the same
** path as tests/fuzz/fuzz_store.c (tests/fuzz/store_case.h) under the normal
** build, so they stay covered on machines without clang. Every case must
** come through without a crash (ASan/UBSan in `make test SANITIZE=1`); the
** seeds named good_* and the bundled database must also show screens, and
** those named bad_* must be refused (only the notice is shown).
** Runs from the repository root.
*/
#include "t.h"
#include "fuzz/store_case.h"

#include <dirent.h>

static store_case_env env;

static int read_all(const char *path, uint8_t **out, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    sbuf b = {0};
    char buf[65536];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0) sbuf_add(&b, buf, k);
    fclose(f);
    *n = b.len;
    *out = (uint8_t *)sbuf_take(&b);
    return 0;
}

static void replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) { T_FAIL_("%s: cannot open", dir); return; }
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        uint8_t *data = NULL;
        size_t n = 0;
        if (read_all(path, &data, &n) != 0) { T_FAIL_("%s: cannot read", path); continue; }
        t_current = path;
        int shown = store_case_run(&env, data, n);
        if (!strncmp(de->d_name, "good_", 5)) T_OK(shown > 2);
        else if (!strncmp(de->d_name, "bad_", 4)) T_INT(shown, 1);
        else t_passed++;                        /* came through */
        free(data);
    }
    closedir(d);
}

int main(void)
{
    if (store_case_init(&env) != 0) {
        T_FAIL_("no renderer or no fonts (run from the repository root)");
        return T_DONE();
    }
    replay_dir("tests/fuzz/seed_store");
    replay_dir("tests/fuzz/regress_store");
    uint8_t *data = NULL;
    size_t n = 0;
    const char *db = getenv("BUILD") ? getenv("BUILD") : "build";
    char path[256];
    snprintf(path, sizeof path, "%s/corpus.db", db);
    if (read_all(path, &data, &n) == 0) {       /* the bundled exhibit: every screen prepares */
        t_current = path;
        T_OK(store_case_run(&env, data, n) >= 20);
        free(data);
    }
    store_case_done(&env);
    return T_DONE();
}
