/*
 * record.c: records in memory and their encoding on disk (layout in
 * record.h).  Also the sortable key encoding used by primary and secondary
 * indices, and the text form of each field type.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fixed.h"
#include "record.h"

#define KIND_NUM	0
#define KIND_TEXT	1

struct record *
record_new(const struct table_def *t)
{
	struct record	*r;

	r = xcalloc(1, sizeof *r);
	r->table = t;
	r->vals = xcalloc((size_t)t->nfields, sizeof *r->vals);
	return (r);
}

void
record_clear(struct record *r)
{
	int	i;

	for (i = 0; i < r->table->nfields; i++) {
		free(r->vals[i].text);
		r->vals[i].text = NULL;
		r->vals[i].num = 0;
	}
	buf_clear(&r->unknown);
}

void
record_free(struct record *r)
{
	if (r == NULL)
		return;
	record_clear(r);
	buf_free(&r->unknown);
	free(r->vals);
	free(r);
}

void
record_copy(struct record *dst, const struct record *src)
{
	int	i;

	record_clear(dst);
	for (i = 0; i < src->table->nfields; i++) {
		dst->vals[i].num = src->vals[i].num;
		if (src->vals[i].text != NULL)
			dst->vals[i].text = xstrdup(src->vals[i].text);
	}
	buf_add(&dst->unknown, src->unknown.data, src->unknown.len);
}

const char *
record_text(const struct record *r, int i)
{
	return (r->vals[i].text != NULL ? r->vals[i].text : "");
}

int64_t
record_num(const struct record *r, int i)
{
	return (r->vals[i].num);
}

void
record_set_text(struct record *r, int i, const char *s)
{
	free(r->vals[i].text);
	r->vals[i].text = (s != NULL && *s != '\0') ? xstrdup(s) : NULL;
}

void
record_set_num(struct record *r, int i, int64_t v)
{
	r->vals[i].num = v;
}

int
record_is_empty(const struct record *r, int i)
{
	if (field_is_number(&r->table->fields[i]))
		return (r->vals[i].num == 0);
	return (r->vals[i].text == NULL);
}

void
varint_put(struct buf *b, uint64_t v)
{
	unsigned char	tmp[10];
	size_t		n = 0;

	do {
		tmp[n] = v & 0x7f;
		v >>= 7;
		if (v != 0)
			tmp[n] |= 0x80;
		n++;
	} while (v != 0);
	buf_add(b, tmp, n);
}

int
varint_get(const unsigned char **p, const unsigned char *end, uint64_t *out)
{
	uint64_t	v = 0;
	int		shift = 0;

	while (*p < end && shift < 64) {
		unsigned char c = *(*p)++;

		v |= (uint64_t)(c & 0x7f) << shift;
		if ((c & 0x80) == 0) {
			*out = v;
			return (0);
		}
		shift += 7;
	}
	return (-1);
}

static uint64_t
zigzag(int64_t v)
{
	return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
}

static int64_t
unzigzag(uint64_t v)
{
	return ((int64_t)(v >> 1) ^ -(int64_t)(v & 1));
}

/* Reads the tag of the next encoded field without consuming it. */
static int
peek_id(const unsigned char *p, const unsigned char *end, uint64_t *id)
{
	uint64_t	tag;

	if (varint_get(&p, end, &tag) != 0)
		return (-1);
	*id = tag >> 1;
	return (0);
}

/* Length in bytes of the encoded field at p, or 0 if it is malformed. */
static size_t
field_length(const unsigned char *p, const unsigned char *end)
{
	const unsigned char	*start = p;
	uint64_t		 tag, v;

	if (varint_get(&p, end, &tag) != 0 || varint_get(&p, end, &v) != 0)
		return (0);
	if ((tag & 1) == KIND_TEXT) {
		if (v > (uint64_t)(end - p))
			return (0);
		p += v;
	}
	return ((size_t)(p - start));
}

static void
encode_field(const struct record *r, int i, struct buf *out)
{
	const struct field_def	*f = &r->table->fields[i];
	uint64_t		 id = (uint64_t)f->id;

	if (record_is_empty(r, i))
		return;
	if (field_is_number(f)) {
		varint_put(out, id << 1 | KIND_NUM);
		varint_put(out, zigzag(r->vals[i].num));
	} else {
		size_t len = strlen(r->vals[i].text);

		varint_put(out, id << 1 | KIND_TEXT);
		varint_put(out, len);
		buf_add(out, r->vals[i].text, len);
	}
}

void
record_encode(const struct record *r, struct buf *out)
{
	const struct table_def	*t = r->table;
	const unsigned char	*u, *uend;
	int			 order[64], n, i, j;

	/* Fields go out in id order, whatever order the table lists them. */
	n = t->nfields;
	if (n > 64)
		fatalx("table %s has more than 64 fields", t->name);
	for (i = 0; i < n; i++) {
		for (j = i; j > 0 &&
		    t->fields[order[j - 1]].id > t->fields[i].id; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}

	buf_addc(out, RECORD_VERSION);
	u = (const unsigned char *)r->unknown.data;
	uend = u + r->unknown.len;
	for (i = 0; i < n; i++) {
		uint64_t uid;

		while (u < uend && peek_id(u, uend, &uid) == 0 &&
		    uid < (uint64_t)t->fields[order[i]].id) {
			size_t len = field_length(u, uend);

			buf_add(out, u, len);
			u += len;
		}
		encode_field(r, order[i], out);
	}
	if (u < uend)
		buf_add(out, u, (size_t)(uend - u));
}

static int
field_by_id(const struct table_def *t, uint64_t id)
{
	int	i;

	for (i = 0; i < t->nfields; i++)
		if ((uint64_t)t->fields[i].id == id)
			return (i);
	return (-1);
}

int
record_decode(struct record *r, const void *data, size_t len)
{
	const unsigned char	*p = data, *end = p + len, *start;
	uint64_t		 tag, v;
	int			 i;

	record_clear(r);
	if (len < 1 || *p != RECORD_VERSION)
		return (-1);
	p++;
	while (p < end) {
		start = p;
		if (varint_get(&p, end, &tag) != 0 ||
		    varint_get(&p, end, &v) != 0)
			return (-1);
		if ((tag & 1) == KIND_TEXT && v > (uint64_t)(end - p))
			return (-1);

		i = field_by_id(r->table, tag >> 1);
		if (i < 0 || field_is_number(&r->table->fields[i]) !=
		    ((tag & 1) == KIND_NUM)) {
			/* Not ours (or not of the kind we expect): keep it. */
			if ((tag & 1) == KIND_TEXT)
				p += v;
			buf_add(&r->unknown, start, (size_t)(p - start));
			continue;
		}
		if ((tag & 1) == KIND_NUM)
			r->vals[i].num = unzigzag(v);
		else {
			free(r->vals[i].text);
			r->vals[i].text = v > 0 ?
			    xstrndup((const char *)p, (size_t)v) : NULL;
			p += v;
		}
	}
	return (0);
}

int
record_key(const struct record *r, const int *which, int n, int fold,
    struct buf *out)
{
	int	k, empty = 1;

	for (k = 0; k < n; k++) {
		int i = which[k];

		if (!record_is_empty(r, i))
			empty = 0;
		if (field_is_number(&r->table->fields[i])) {
			uint64_t	u = (uint64_t)r->vals[i].num ^
			    ((uint64_t)1 << 63);
			unsigned char	be[8];
			int		b;

			for (b = 7; b >= 0; b--) {
				be[b] = u & 0xff;
				u >>= 8;
			}
			buf_add(out, be, 8);
		} else {
			const char *s = record_text(r, i);

			for (; *s != '\0'; s++)
				buf_addc(out, fold ?
				    (char)tolower((unsigned char)*s) : *s);
			buf_addc(out, '\0');
		}
	}
	return (empty ? -1 : 0);
}

void
record_primary_key(const struct record *r, struct buf *out)
{
	int	which[8], n = 0, i;

	for (i = 0; i < r->table->nfields && n < 8; i++)
		if (r->table->fields[i].flags & F_KEY)
			which[n++] = i;
	record_key(r, which, n, 0, out);
}

/*
 * Reads YYYY-MM-DD, optionally followed by a time of day that must be
 * midnight ("1996-07-04 00:00:00.000", as some exports write dates):
 * kontor keeps days, and would rather refuse a time than drop it.
 */
static int
parse_date(const char *s, int64_t *out, const char **why)
{
	static const char	 shape[] = "dddd-dd-dd";
	int			 y, m, d, n;

	for (n = 0; n < 10; n++)
		if (shape[n] == 'd' ? !isdigit((unsigned char)s[n]) :
		    s[n] != '-') {
			*why = "not a date (YYYY-MM-DD)";
			return (-1);
		}
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m) || y < 1) {
		*why = "no such day";
		return (-1);
	}
	s += n;
	if (*s != '\0' && strcmp(s, " 00:00:00") != 0 &&
	    strcmp(s, " 00:00:00.000") != 0 && strcmp(s, "T00:00:00") != 0) {
		*why = "a time of day other than midnight is not kept";
		return (-1);
	}
	*out = (int64_t)y * 10000 + m * 100 + d;
	return (0);
}

int
record_parse(struct record *r, int i, const char *text, const char **why)
{
	const struct field_def	*f = &r->table->fields[i];
	int64_t			 v;
	char			*up, *p;

	while (*text == ' ')
		text++;
	if (*text == '\0') {
		record_set_text(r, i, NULL);
		record_set_num(r, i, 0);
		return (0);
	}

	switch (f->type) {
	case FT_TEXT:
	case FT_CODE:
		if (f->type == FT_CODE && strpbrk(text, " \t\r\n") != NULL) {
			*why = "a code may not hold blanks";
			return (-1);
		}
		if (f->flags & F_UPPER) {
			up = xstrdup(text);
			for (p = up; *p != '\0'; p++)
				*p = (char)toupper((unsigned char)*p);
			record_set_text(r, i, up);
			free(up);
		} else
			record_set_text(r, i, text);
		return (0);
	case FT_DATE:
		if (parse_date(text, &v, why) != 0)
			return (-1);
		break;
	case FT_INT:
		if (fixed_parse(text, 0, &v, why) != 0)
			return (-1);
		break;
	default:
		if (fixed_parse(text, f->scale, &v, why) != 0)
			return (-1);
		break;
	}
	record_set_num(r, i, v);
	return (0);
}

const char *
record_format(const struct record *r, int i, struct buf *out)
{
	const struct field_def	*f = &r->table->fields[i];
	char			 tmp[FIXED_BUFSIZE];
	int64_t			 v = r->vals[i].num;
	size_t			 start = out->len;

	switch (f->type) {
	case FT_TEXT:
	case FT_CODE:
		buf_adds(out, record_text(r, i));
		break;
	case FT_DATE:
		if (v != 0)
			buf_printf(out, "%04d-%02d-%02d", (int)(v / 10000),
			    (int)(v / 100 % 100), (int)(v % 100));
		break;
	case FT_INT:
		if (v != 0)
			buf_printf(out, "%lld", (long long)v);
		break;
	default:
		if (v != 0)
			buf_adds(out, fixed_format(v, f->scale, false, tmp));
		break;
	}
	if (out->data == NULL)
		buf_reserve(out, 0);
	return (out->data + start);
}
