/*
 * record.h: a table row in memory, and its compact, versioned encoding.
 *
 * On disk a record is a version byte followed by its non-empty fields in
 * ascending tag order:
 *
 *	offset	size	what
 *	0	1	format version, RECORD_VERSION (1)
 *	1	var	field: tag = id << 1 | kind, unsigned LEB128
 *		var	kind 0 (number): the value, zigzag then LEB128
 *		var	kind 1 (text):	the length in bytes (LEB128), then
 *				the UTF-8 bytes, no NUL
 *	...		further fields, ids ascending
 *
 * An empty field (text "" or number 0) is not written, so a field added
 * to a table later reads back from an older record as empty, and a record
 * costs only what it holds.  Fields with ids the running program does not
 * know are kept, verbatim, and written back when the record is rewritten,
 * so an older program never destroys a newer program's data.
 *
 * A struct record is tied to its table_def: vals[i] belongs to fields[i].
 */
#ifndef KONTOR_RECORD_H
#define KONTOR_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "schema.h"
#include "xalloc.h"

#define RECORD_VERSION	1

struct value {
	int64_t	 num;	/* numbers, dates, money: see field_def */
	char	*text;	/* text and codes: NULL means empty */
};

struct record {
	const struct table_def	*table;
	struct value		*vals;
	struct buf		 unknown; /* encoded fields we don't know */
};

struct record	*record_new(const struct table_def *);
void		 record_free(struct record *);
void		 record_clear(struct record *);
void		 record_copy(struct record *dst, const struct record *src);

/* Text of field i, never NULL ("" when empty). */
const char	*record_text(const struct record *, int i);
int64_t		 record_num(const struct record *, int i);
void		 record_set_text(struct record *, int i, const char *);
void		 record_set_num(struct record *, int i, int64_t);
int		 record_is_empty(const struct record *, int i);

/* Appends the encoding of r to out. */
void		 record_encode(const struct record *, struct buf *out);

/*
 * Decodes len bytes into r (which is cleared first).  Returns 0, or -1 if
 * the bytes are not a record of a version this program reads.
 */
int		 record_decode(struct record *, const void *data, size_t len);

/*
 * Builds a sortable key from the fields numbered in which (count n):
 * text as its bytes and a NUL, numbers as 8 bytes big-endian with the
 * sign bit flipped, so that byte order is value order.  With fold, ASCII
 * letters of text are lower-cased.  Returns 0, or -1 if every field is
 * empty (a secondary index then leaves the record out).
 */
int		 record_key(const struct record *, const int *which, int n,
		    int fold, struct buf *out);

/* The primary key: the F_KEY fields in order. */
void		 record_primary_key(const struct record *, struct buf *out);

/*
 * Formats field i for a person or a dump: numbers with their decimals,
 * dates as YYYY-MM-DD, empty as "".  Returns a pointer into out.
 */
const char	*record_format(const struct record *, int i, struct buf *out);

/*
 * Sets field i from text, checked against its type: "not a number",
 * "too many decimals (at most 2)", "not a date (YYYY-MM-DD)".  Empty text
 * empties the field.  Returns 0, or -1 with *why set to a static phrase.
 */
int		 record_parse(struct record *, int i, const char *text,
		    const char **why);

/* Varints, shared with the dump format. */
void		 varint_put(struct buf *, uint64_t);
int		 varint_get(const unsigned char **p, const unsigned char *end,
		    uint64_t *out);

#endif
