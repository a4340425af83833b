/*
 * schema.c: look-ups in a table description (see schema.h).
 */
#include <string.h>

#include "schema.h"
#include "xalloc.h"

int
schema_field_index(const struct table_def *t, const char *name)
{
	int	i;

	for (i = 0; i < t->nfields; i++)
		if (strcmp(t->fields[i].name, name) == 0)
			return (i);
	return (-1);
}

const struct field_def *
schema_field(const struct table_def *t, const char *name)
{
	int	i = schema_field_index(t, name);

	return (i < 0 ? NULL : &t->fields[i]);
}

int
schema_field_needed(const struct table_def *t, const char *name)
{
	int	i = schema_field_index(t, name);

	if (i < 0)
		fatalx("table %s has no field %s", t->name, name);
	return (i);
}

int
schema_nkeys(const struct table_def *t)
{
	int	i, n = 0;

	for (i = 0; i < t->nfields; i++)
		if (t->fields[i].flags & F_KEY)
			n++;
	return (n);
}

const char *
schema_type_name(enum field_type type)
{
	switch (type) {
	case FT_TEXT:
		return ("text");
	case FT_CODE:
		return ("code");
	case FT_INT:
		return ("integer");
	case FT_MONEY:
		return ("money");
	case FT_QTY:
		return ("quantity");
	case FT_RATE:
		return ("rate");
	case FT_DATE:
		return ("date");
	}
	return ("unknown");
}
