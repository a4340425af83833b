/*
 * schema.h: how a table is described to the generic store, forms and
 * reports.  A table is data: a name, its fields, which of them form the
 * key, and its secondary indices.  The store, the codec, the loader, the
 * dump and the reports all work from these descriptions, so adding a
 * field to a table is one line in src/biz/tables.c.
 *
 * This header knows no business words; the tables themselves are defined
 * in the business layer.
 */
#ifndef KONTOR_SCHEMA_H
#define KONTOR_SCHEMA_H

#include <stdbool.h>
#include <stdint.h>

enum field_type {
	FT_TEXT,	/* free UTF-8 text */
	FT_CODE,	/* a business code: no blanks, compared exactly */
	FT_INT,		/* a whole number */
	FT_MONEY,	/* fixed point, scale decimals, in minor units */
	FT_QTY,		/* fixed point quantity */
	FT_RATE,	/* fixed point rate, such as a discount */
	FT_DATE		/* a day, stored as the integer YYYYMMDD */
};

/* Flags of a field. */
#define F_KEY		0x01	/* part of the primary key, in field order */
#define F_REQUIRED	0x02	/* may not be empty */
#define F_UPPER		0x04	/* stored in upper case */
#define F_SEQ		0x08 /* last key field: numbered 1, 2, ... if empty */

struct field_def {
	int		 id;	/* stored tag: never reused, never changed */
	const char	*name;	/* as used in CSV headers, forms, reports */
	enum field_type	 type;
	int		 scale;	/* decimals for money, quantity and rate */
	unsigned	 flags;
	const char	*ref;	/* table whose key this field holds, or NULL */
	const char	*label;	/* heading a clerk reads */
};

/* Flags of an index. */
#define IX_FOLD		0x01	/* text compared without case (ASCII) */

struct index_def {
	const char	*name;	/* "by-name": file customers-by-name.db */
	const char	*fields[4];	/* NULL-terminated */
	unsigned	 flags;
};

struct table_def {
	const char		*name;	/* "customers"; file customers.db */
	const char		*label;	/* "customer", for messages */
	const struct field_def	*fields;
	int			 nfields;
	const struct index_def	*indexes;
	int			 nindexes;
};

static inline bool
field_is_number(const struct field_def *f)
{
	return (f->type != FT_TEXT && f->type != FT_CODE);
}

const struct field_def	*schema_field(const struct table_def *,
			    const char *name);
int			 schema_field_index(const struct table_def *,
			    const char *name);
/* The index of a field that the calling code relies on: none is a
 * programming error, and stops the program. */
int			 schema_field_needed(const struct table_def *,
			    const char *name);
int			 schema_nkeys(const struct table_def *);
const char		*schema_type_name(enum field_type);

#endif
