/*
** tests/fixture.h: build a test database from tests/fixtures/schema.sql
** plus one fixture's rows (tests/fixtures/NAME/fixture.sql). Header-only,
** for the C tests that need a fixed corpus (run from the repository top).
*/
#ifndef VITRINE_TEST_FIXTURE_H
#define VITRINE_TEST_FIXTURE_H

#include "common/util.h"

#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

static int fixture_append(sbuf *b, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "fixture: cannot open %s\n", path);
        return -1;
    }
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        sbuf_add(b, buf, n);
    fclose(fp);
    return 0;
}

/* (Re)create db from the schema and tests/fixtures/<name>/fixture.sql. */
static int fixture_db(const char *name, const char *db)
{
    sbuf b = {0}, path = {0};
    sbuf_addf(&path, "tests/fixtures/%s/fixture.sql", name);
    int rc = fixture_append(&b, "tests/fixtures/schema.sql") | fixture_append(&b, path.s);
    unlink(db);
    sqlite3 *h = NULL;
    char *err = NULL;
    if (rc == 0 && (sqlite3_open(db, &h) != SQLITE_OK ||
                    sqlite3_exec(h, b.s, NULL, NULL, &err) != SQLITE_OK)) {
        fprintf(stderr, "fixture: %s: %s\n", path.s, err ? err : sqlite3_errmsg(h));
        rc = -1;
    }
    sqlite3_free(err);
    sqlite3_close(h);
    sbuf_free(&b);
    sbuf_free(&path);
    return rc;
}

#endif
