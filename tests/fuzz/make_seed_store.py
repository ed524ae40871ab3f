#!/usr/bin/env python3
# tests/fuzz/make_seed_store.py: writes the seed databases of the app-side
# fuzzer into tests/fuzz/seed_store/ (see its README.md). Run from the
# repository root; the tables come from tests/fixtures/schema.sql.
import os, sqlite3

OUT = 'tests/fuzz/seed_store'
SCHEMA = open('tests/fixtures/schema.sql').read()
UI = open('tests/fixtures/ui/fixture.sql').read()

def db(name, *sql, schema=SCHEMA):
    path = os.path.join(OUT, name)
    if os.path.exists(path):
        os.remove(path)
    c = sqlite3.connect(path)
    if schema:
        c.executescript(schema)
    for s in sql:
        c.executescript(s)
    c.commit()
    c.execute('VACUUM')
    c.close()
    return path

ART = "INSERT INTO articles VALUES (%d, 'a%d', %s, 'Outlet', 'Ann Lee', %s, NULL, %s, 10, 'a.txt');"

def q(s):
    return "'" + s.replace("'", "''") + "'"

os.makedirs(OUT, exist_ok=True)
db('good_fixture.db', UI)
db('good_minimal.db', ART % (1, 1, q('One headline'), q('2020-01-02'), q('Body.')),
   "INSERT INTO summaries VALUES (1, 0, 'A summary.');")
# bad: refused at open
with open(os.path.join(OUT, 'bad_text.db'), 'w') as f:
    f.write('not a database, only words\n' * 20)
db('bad_version.db', UI + 'PRAGMA user_version = 9;')
db('bad_no_quotes.db', 'DROP TABLE quotes;', schema=SCHEMA)
good = open(os.path.join(OUT, 'good_fixture.db'), 'rb').read()
with open(os.path.join(OUT, 'bad_truncated.db'), 'wb') as f:
    f.write(good[:len(good) // 2])
# hostile content
db('huge_rows.db', ART % (1, 1, "replace(hex(zeroblob(6000)), '00', 'Headline ')", q('2020'),
                          "replace(hex(zeroblob(30000)), '00', 'word ')"),
   "INSERT INTO summaries VALUES (1, 0, replace(hex(zeroblob(3000)), '00', 'long '));"
   "INSERT INTO quotes(id, article_id, position, text, speaker) VALUES (1, 1, 0, replace(hex(zeroblob(3000)), '00', 'said '), replace(hex(zeroblob(500)), '00', 'Name '));"
   "INSERT INTO events(id, article_id, date, precision, text, position) VALUES (1, 1, '2020-01-02', 'day', replace(hex(zeroblob(3000)), '00', 'event '), 0);")
db('nulls_and_types.db',
   "DROP TABLE articles; CREATE TABLE articles(id, slug, title, source, author, published, url, body, words, file);"
   "DROP TABLE summaries; CREATE TABLE summaries(article_id, position, text);"
   "DROP TABLE quotes; CREATE TABLE quotes(id, article_id, position, text, speaker, role, kind, context);"
   "DROP TABLE events; CREATE TABLE events(id, article_id, date, precision, text, position, end_date, end_precision);"
   "INSERT INTO articles VALUES (1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
   " (2, 'b', x'00ff00', 42, 3.5, 20200102, x'01', x'c3', -1, 7),"
   " ('x', 'c', 'Title', 'S', 'A', '2020-02-30', 'u', 'Body', 'many', 'f');"
   "INSERT INTO summaries VALUES (1, NULL, NULL), (2, 0, x'ff'), (9, 0, 'orphan');"
   "INSERT INTO quotes(id, article_id, position, text, speaker, role, kind, context) VALUES"
   " (1, 1, 0, NULL, NULL, NULL, 'partial', NULL), (2, 2, 0, x'ff', 5, x'00', 'whole', 'ctx'), (3, 99, 0, 'no article', 'A', 'B', 'partial', 'no article');"
   "INSERT INTO events(id, article_id, date, precision, text, position, end_date, end_precision) VALUES"
   " (1, 1, 'yesterday', 'day', NULL, 0, NULL, NULL), (2, 2, '2020-13-45', 'century', 'x', 0, '1999', 'year'),"
   " (3, 2, '', '', '', 0, '', ''), (4, 99, '2021', 'year', 'orphan', 0, '2020', 'year');")
utf = ('e\u0301' * 400) + ' \u202e\u05e9\u05dc\u05d5\u05dd \U0001F600\U0001F468\u200d\U0001F469 \ufeff\u00ad' + '\u0300' * 300
db('odd_utf8.db', ART % (1, 1, q(utf[:1000]), q('2020-01-02'), q((utf + '\n\n') * 10)),
   "INSERT INTO summaries VALUES (1, 0, %s);" % q(utf[:600]),
   "INSERT INTO quotes(id, article_id, position, text, speaker) VALUES (1, 1, 0, %s, %s);" % (q(utf[:500]), q(utf[:80])),
   "INSERT INTO articles VALUES (2, 'b', CAST(x'66ff80c0afed' AS TEXT), NULL, NULL, '2020', NULL, CAST(x'e282' AS TEXT), 1, NULL);")
ev = ''.join("INSERT INTO events(id, article_id, date, precision, text, position) VALUES (%d, 1, '2020-05-05', 'day', 'Event number %d on the same day', %d);" % (i, i, i) for i in range(1, 3001))
db('one_day_3000_events.db', ART % (1, 1, q('Busy day'), q('2020-05-05'), q('Body.')), ev)
spans = ''.join("INSERT INTO events(id, article_id, date, precision, text, position, end_date, end_precision) VALUES (%d, 1, '%04d', 'year', 'Span %d', %d, '%04d', 'year');" % (i, 1 + i * 37 % 9000, i, i, 9999 - i) for i in range(1, 200))
db('ranges_everywhere.db', ART % (1, 1, q('Ranges'), q('0001'), q('Body.')), spans,
   "INSERT INTO events(id, article_id, date, precision, text, position, end_date, end_precision) VALUES (500, 1, '2020-06', 'month', 'Backwards', 500, '2019-01', 'month');")
db('views_and_triggers.db', UI,
   "CREATE VIEW v AS SELECT * FROM articles; CREATE TRIGGER t AFTER INSERT ON summaries BEGIN DELETE FROM articles; END;",
   "DROP TABLE events; CREATE VIEW events AS SELECT 1 AS id, 1 AS article_id, '2020' AS date, 'year' AS precision, 'v' AS text, 0 AS position, NULL AS end_date, NULL AS end_precision;")
