/*
 * tables.h: the company's tables, described as data (see core/schema.h).
 * Field ids are stored on disk: a field keeps its id for ever, and a
 * removed field's id is never given to another.
 */
#ifndef KONTOR_TABLES_H
#define KONTOR_TABLES_H

#include "schema.h"

/* Money has two decimals, quantities three, rates (discounts) four. */
#define MONEY_SCALE	2
#define QTY_SCALE	3
#define RATE_SCALE	4
/* journal_lines.virtual: a plain-text journal's virtual postings. */
#define LINE_BALANCED_VIRTUAL	1	/* [ACCOUNT]: balanced among them */
#define LINE_UNBALANCED		2	/* (ACCOUNT): outside double entry */

#define AMOUNT_SCALE	6	/* a commodity's amount on a journal line */

extern const struct table_def	 biz_tables[];
extern const int		 biz_ntables;

/* The table called name, or NULL. */
const struct table_def	*biz_table(const char *name);

#endif
