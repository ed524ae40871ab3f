/*
** tests/test_health.c: the node_exporter textfile (health.h): its exact
** lines, omitted timestamps, the atomic write, a missing folder logged once.
*/
#include "app/health.h"
#include "common/util.h"

#include "t.h"

#include <sys/stat.h>
#include <unistd.h>

static health_state sample(void)
{
    health_state st = {0};
    st.start_s = 1795802280;
    st.now_s = 1795802280 + 3600;
    st.frames = 12345;
    st.articles = 12;
    st.quotes = 30;
    st.events = 41;
    st.content_mtime_s = 1795800000;
    st.screen_on = 1;
    return st;
}

/* {line that must be there (or not)} for the sample and a variant */
static void test_format(void)
{
    health_state st = sample();
    char buf[4096];
    T_OK(health_format(&st, buf, sizeof buf) > 0);
    static const char *has[] = {
        "\nvitrine_up 1\n", "# TYPE vitrine_up gauge\n", "vitrine_info{version=\"",
        "\nvitrine_start_time_seconds 1795802280\n", "\nvitrine_uptime_seconds 3600\n",
        "\nvitrine_frames_total 12345\n", "\nvitrine_content_articles 12\n",
        "\nvitrine_content_quotes 30\n", "\nvitrine_content_events 41\n",
        "\nvitrine_content_mtime_seconds 1795800000\n", "\nvitrine_content_refusals_total 0\n",
        "\nvitrine_screen_on 1\n",
    };
    for (size_t i = 0; i < sizeof has / sizeof has[0]; i++)
        T_HAS(buf, has[i]);
    T_OK(!strstr(buf, "swap_timestamp"));       /* never happened: left out */
    T_OK(!strstr(buf, "refusal_timestamp"));
    T_OK(!strstr(buf, "vitrine_stats_"));
    T_INT(buf[strlen(buf) - 1], '\n');

    st.articles = -1;                           /* no content */
    st.last_swap_s = 1795802300;
    st.last_refusal_s = 1795802400;
    st.refusals = 2;
    st.screen_on = 0;
    st.stats_on = 1;
    st.stats_events = 77;
    T_OK(health_format(&st, buf, sizeof buf) > 0);
    T_OK(!strstr(buf, "vitrine_content_articles"));
    T_HAS(buf, "\nvitrine_content_swap_timestamp_seconds 1795802300\n");
    T_HAS(buf, "\nvitrine_content_refusal_timestamp_seconds 1795802400\n");
    T_HAS(buf, "\nvitrine_content_refusals_total 2\n");
    T_HAS(buf, "\nvitrine_screen_on 0\n");
    T_HAS(buf, "\nvitrine_stats_events_total 77\n");
    T_HAS(buf, "\nvitrine_stats_dropped_total 0\n");
    T_INT(health_format(&st, buf, 40), -1);    /* too small: says so */

    char status[128];
    health_status(&st, "home", status, sizeof status);
    T_HAS(status, "dark (opening hours)");
    st = sample();
    health_status(&st, "article", status, sizeof status);
    T_HAS(status, "showing article \xc2\xb7 12 articles \xc2\xb7 content ");
}

static void test_write(void)
{
    char dir[] = "/tmp/vitrine_health_XXXXXX";
    T_OK(mkdtemp(dir) != NULL);
    char path[256], tmp[300];
    snprintf(path, sizeof path, "%s/vitrine.prom", dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    health_state st = sample();
    int failing = 0;
    T_INT(health_write(path, &st, &failing), 0);
    T_INT(failing, 0);
    size_t n;
    char *text = t_slurp(path, &n);
    T_OK(text && strstr(text, "vitrine_up 1"));
    free(text);
    T_INT(access(tmp, F_OK), -1);               /* renamed away */
    /* a folder that does not exist: -1, failing set (logged once), nothing left */
    char missing[300];
    snprintf(missing, sizeof missing, "%s/nope/vitrine.prom", dir);
    T_INT(health_write(missing, &st, &failing), -1);
    T_INT(failing, 1);
    T_INT(health_write(missing, &st, &failing), -1);
    T_INT(failing, 1);
    T_INT(health_write(path, &st, &failing), 0);    /* works again */
    T_INT(failing, 0);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    log_set_quiet(1);
    T_RUN(test_format);
    T_RUN(test_write);
    return T_DONE();
}
