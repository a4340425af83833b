/*
 * form.h: form definitions (forms/NAME.form, format in docs/forms.md).
 *
 * A form names the table it edits, its fields with their place on the
 * screen, and detail grids: rows of another table that belong to the
 * form's record (an order's lines, a customer's contacts).  The form
 * runtime (form.c) reads nothing but these structures, so adding a field
 * to a screen is an edit to its form file.
 */
#ifndef KONTOR_FORM_H
#define KONTOR_FORM_H

#include <stdint.h>

#include "expr.h"
#include "schema.h"

/* What a field holds, as the clerk sees it. */
enum form_type {
	FORM_TEXT,
	FORM_CODE,
	FORM_INTEGER,
	FORM_QUANTITY,
	FORM_MONEY,
	FORM_RATE,
	FORM_DATE,
	FORM_CHOICE
};

/* Field options. */
#define FF_REQUIRED	0x01
#define FF_UPPER	0x02
#define FF_READONLY	0x04

struct form_field {
	char			*name;		/* field of the table */
	char			*label;
	int			 row;		/* 0-based screen row */
	int			 label_col;	/* where the label starts */
	int			 col;		/* where the value starts */
	int			 width;		/* display cells */
	enum form_type		 type;
	int			 scale;		/* decimals, from the table */
	unsigned		 flags;
	char			*def;		/* default text, or NULL */
	char			*lookup; /* table a code is looked up in */
	char			*shows;		/* its field shown beside */
	int			 shows_width;	/* cells for that */
	char			*from_code; /* from=CODE.FIELD: filled from */
	char			*from_field;	/* the record CODE looks up */
	int64_t			 min, max;	/* range check, if has_range */
	int			 has_range;
	char			**choices;	/* list check / choice values */
	int			 nchoices;
	struct expr		*compute;	/* computed field, or NULL */
	int			 stored;	/* a field of the table? */
	int			 index;	/* its field number, if stored */
};

struct form_grid {
	char			*name;		/* for sum(NAME.col) */
	char			*table;		/* the rows' table */
	char			*link;		/* its field holding our key */
	char			*title;
	int			 row;		/* first screen row */
	int			 height; /* rows shown, headings included */
	int			 readonly;
	struct form_field	*cols;		/* row and col unused */
	int			 ncols;
};

struct form_def {
	char			*name;		/* file name without .form */
	char			*title;
	char			*table;
	char			*balance[2]; /* grid columns that must agree */
	struct form_field	*fields;
	int			 nfields;
	struct form_grid	*grids;
	int			 ngrids;
};

/*
 * Reads a form file.  Every name is checked against the tables (see
 * src/biz/tables.h).  Returns NULL with *cause set (allocated) to
 * "FILE:LINE: what is wrong" if anything in the file is.
 */
struct form_def	*form_load(const char *path, char **cause);
void		 form_free(struct form_def *);

#endif
