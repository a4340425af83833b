/*
 * dump.c: kontor dump and kontor restore (format in dump.h).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dump.h"
#include "tables.h"

#define DUMP_MAGIC	"kontor-dump 1"

struct dump_ctx {
	FILE		*f;
	const char	*name;		/* file name, for messages */
	long		 line;
	int		 tries;
};

static void
put_escaped(FILE *f, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\':
			fputs("\\\\", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		default:
			fputc(*s, f);
		}
	}
}

/* Writes each field of the unknown part as #ID=HEX. */
static void
put_unknown(FILE *f, const struct record *r)
{
	const unsigned char	*p = (const unsigned char *)r->unknown.data;
	const unsigned char	*end = p + r->unknown.len, *start;
	uint64_t		 tag, v;

	while (p < end) {
		start = p;
		if (varint_get(&p, end, &tag) != 0 ||
		    varint_get(&p, end, &v) != 0)
			fatalx("%s: a field of %s cannot be decoded",
			    __func__, r->table->name);
		if (tag & 1)
			p += v;
		fprintf(f, "\t#%llu=", (unsigned long long)(tag >> 1));
		for (; start < p; start++)
			fprintf(f, "%02x", *start);
	}
}

static int
dump_table(struct store_table *t, DB_TXN *txn, FILE *f)
{
	struct store_cursor	*c;
	struct record		*r = record_new(t->def);
	struct buf		 val = BUF_INIT;
	long			 n = 0;
	int			 ret, i, first;

	fprintf(f, "table %s\n", t->def->name);
	c = store_cursor_open(t, NULL, txn);
	for (ret = store_cursor_seek(c, NULL, r); ret == 0;
	    ret = store_cursor_next(c, r)) {
		first = 1;
		for (i = 0; i < t->def->nfields; i++) {
			if (record_is_empty(r, i))
				continue;
			buf_clear(&val);
			fprintf(f, "%s%s=", first ? "" : "\t",
			    t->def->fields[i].name);
			put_escaped(f, record_format(r, i, &val));
			first = 0;
		}
		put_unknown(f, r);
		fputc('\n', f);
		n++;
	}
	store_cursor_close(c);
	record_free(r);
	buf_free(&val);
	if (ret != DB_NOTFOUND)
		return (ret);
	fprintf(f, "end %s %ld\n", t->def->name, n);
	return (0);
}

static int
dump_txn(struct store *s, DB_TXN *txn, void *arg, char **cause)
{
	struct dump_ctx	*d = arg;
	int		 i, ret;

	/* A retried dump starts its file again; a pipe cannot. */
	if (d->tries++ > 0 && (fseek(d->f, 0, SEEK_SET) != 0 ||
	    ftruncate(fileno(d->f), 0) != 0)) {
		*cause = xstrdup("clerks kept records busy while dumping to "
		    "a pipe; dump to a file (-o FILE) to let it retry");
		return (STORE_EUSER);
	}
	fprintf(d->f, "%s\n", DUMP_MAGIC);
	for (i = 0; i < store_ntables(s); i++)
		if ((ret = dump_table(store_table_at(s, i), txn, d->f)) != 0)
			return (ret);
	return (0);
}

int
dump_company(struct store *s, FILE *f, char **cause)
{
	struct dump_ctx	d = { f, NULL, 0, 0 };

	if (store_run(s, dump_txn, &d, cause) != 0)
		return (-1);
	return (0);
}

static int
restore_error(struct dump_ctx *d, char **cause, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
restore_error(struct dump_ctx *d, char **cause, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	*cause = xvasprintf_at(d->name, d->line, fmt, ap);
	va_end(ap);
	return (STORE_EUSER);
}

/* Undoes put_escaped in place; -1 on a bad escape. */
static int
unescape(char *s)
{
	char	*out = s;

	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			*out++ = *s;
			continue;
		}
		switch (*++s) {
		case '\\':
			*out++ = '\\';
			break;
		case 't':
			*out++ = '\t';
			break;
		case 'n':
			*out++ = '\n';
			break;
		case 'r':
			*out++ = '\r';
			break;
		default:
			return (-1);
		}
	}
	*out = '\0';
	return (0);
}

static int
hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	return (-1);
}

static int
restore_field(struct dump_ctx *d, struct record *r, char *pair,
    char **cause)
{
	char		*eq = strchr(pair, '=');
	const char	*why;
	size_t		 k;
	int		 i;

	if (eq == NULL)
		return (restore_error(d, cause, "expected NAME=VALUE, not "
		    "\"%s\"", pair));
	*eq++ = '\0';
	if (pair[0] == '#') {
		size_t len = strlen(eq);

		if (len % 2 != 0)
			return (restore_error(d, cause, "bad hex in %s",
			    pair));
		for (k = 0; k < len; k += 2) {
			int hi = hex_value(eq[k]), lo = hex_value(eq[k + 1]);

			if (hi < 0 || lo < 0)
				return (restore_error(d, cause,
				    "bad hex in %s", pair));
			buf_addc(&r->unknown, (char)(hi << 4 | lo));
		}
		return (0);
	}
	if ((i = schema_field_index(r->table, pair)) < 0)
		return (restore_error(d, cause, "%s has no field %s",
		    r->table->name, pair));
	if (unescape(eq) != 0)
		return (restore_error(d, cause, "bad escape in %s", pair));
	if (record_parse(r, i, eq, &why) != 0)
		return (restore_error(d, cause, "%s: %s", pair, why));
	return (0);
}

static int
restore_txn(struct store *s, DB_TXN *txn, void *arg, char **cause)
{
	struct dump_ctx		*d = arg;
	struct store_table	*t = NULL;
	struct record		*r = NULL;
	char			*line = NULL, *p, *tab, name[64];
	size_t			 cap = 0;
	ssize_t			 len;
	long			 n = 0, count;
	int			 ret = 0, ended = 1;

	rewind(d->f);
	d->line = 0;
	while (ret == 0 && (len = getline(&line, &cap, d->f)) >= 0) {
		d->line++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (d->line == 1) {
			if (strcmp(line, DUMP_MAGIC) != 0)
				ret = restore_error(d, cause, "not a kontor "
				    "dump (it does not start \"%s\")",
				    DUMP_MAGIC);
			continue;
		}
		if (strncmp(line, "table ", 6) == 0) {
			const struct table_def *def = biz_table(line + 6);

			if (!ended || def == NULL) {
				ret = restore_error(d, cause, def == NULL ?
				    "no table %s" : "table %s starts before "
				    "the last one ended", line + 6);
				break;
			}
			t = store_table(s, def->name);
			record_free(r);
			r = record_new(def);
			n = 0;
			ended = 0;
			continue;
		}
		if (strncmp(line, "end ", 4) == 0) {
			if (t == NULL || ended || sscanf(line + 4, "%63s %ld",
			    name, &count) != 2 ||
			    strcmp(name, t->def->name) != 0 || count != n)
				ret = restore_error(d, cause, "the dump is "
				    "cut or altered: \"%s\" after %ld "
				    "records", line, n);
			ended = 1;
			continue;
		}
		if (t == NULL || ended) {
			ret = restore_error(d, cause, "a record outside a "
			    "table");
			break;
		}

		record_clear(r);
		for (p = line; ret == 0 && p != NULL; p = tab) {
			if ((tab = strchr(p, '\t')) != NULL)
				*tab++ = '\0';
			ret = restore_field(d, r, p, cause);
		}
		if (ret == 0) {
			ret = store_put(t, txn, r, DB_NOOVERWRITE);
			if (ret == DB_KEYEXIST)
				ret = restore_error(d, cause, "a second "
				    "record with the same key in %s",
				    t->def->name);
		}
		n++;
	}
	if (ret == 0 && (d->line == 0 || !ended))
		ret = restore_error(d, cause, "the dump ends too soon");
	free(line);
	record_free(r);
	return (ret);
}

/* 0 if every table of s is empty, 1 if not, or an error. */
static int
company_has_records(struct store *s)
{
	struct store_cursor	*c;
	int			 i, ret = DB_NOTFOUND;

	for (i = 0; i < store_ntables(s) && ret == DB_NOTFOUND; i++) {
		c = store_cursor_open(store_table_at(s, i), NULL, NULL);
		ret = store_cursor_seek(c, NULL, NULL);
		store_cursor_close(c);
	}
	return (ret == DB_NOTFOUND ? 0 : 1);
}

int
restore_company(struct store *s, FILE *f, const char *name, char **cause)
{
	struct dump_ctx	d = { f, name, 0, 0 };

	if (company_has_records(s)) {
		*cause = xasprintf("%s already holds records; restore into "
		    "a new company directory", store_dir(s));
		return (-1);
	}
	return (store_run(s, restore_txn, &d, cause) == 0 ? 0 : -1);
}
