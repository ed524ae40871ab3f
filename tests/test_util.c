/* tests/test_util.c: the string buffer and memory helpers. */
#include "common/util.h"
#include "t.h"
#include <stdlib.h>

static void test_sbuf(void) {
    sbuf b = {0};
    sbuf_adds(&b, "ab");
    sbuf_addc(&b, 'c');
    sbuf_addf(&b, "%d-%s", 42, "x");
    T_STR(b.s, "abc42-x");
    T_INT(b.len, 7);
    char *s = sbuf_take(&b);
    T_STR(s, "abc42-x");
    T_OK(b.s == NULL && b.len == 0);
    free(s);
    s = sbuf_take(&b);          /* empty buffer gives "" not NULL */
    T_STR(s, "");
    free(s);
}

static void test_strdup(void) {
    char *s = xstrndup("hello", 3);
    T_STR(s, "hel");
    free(s);
    T_OK(xstrdup(NULL) == NULL);
}

int main(void) {
    T_RUN(test_sbuf);
    T_RUN(test_strdup);
    return T_DONE();
}
