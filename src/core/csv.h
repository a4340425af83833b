/*
 * csv.h: reading comma-separated files as RFC 4180 describes them, in any
 * character set iconv knows.
 *
 * Fields may be quoted; a quoted field may hold commas, doubled quotes
 * ("" for one ") and line breaks.  Lines end in CRLF or LF.  The file is
 * decoded to UTF-8 as it is read (a UTF-8 byte-order mark at its start is
 * skipped), so memory does not grow with the size of the file.
 *
 * Writing CSV is here too, so that exports quote the same way imports read.
 */
#ifndef KONTOR_CSV_H
#define KONTOR_CSV_H

#include <stdio.h>

#include "xalloc.h"

struct csv;

struct csv_row {
	char	**fields;	/* UTF-8, NUL-terminated; owned by the reader */
	int	  nfields;
	long	  line;		/* line of the file on which the row starts */
};

/*
 * Opens path for reading, decoding from encoding (NULL means UTF-8).
 * Returns NULL with *why set (allocated, caller frees): "cannot open
 * FILE: REASON", "unknown encoding \"X\"".
 */
struct csv	*csv_open(const char *path, const char *encoding, char **why);
void		 csv_close(struct csv *);

/*
 * Reads the next row.  Returns 1 with *row filled (valid until the next
 * call), 0 at the end of the file, or -1 on an error, after which
 * csv_error gives the message and csv_error_line the line it is on:
 * "unclosed quote (the quoted field starts on line 12)",
 * "bytes not valid in GB18030", "character cut short at the end of the
 * file", "text after a closing quote", "read error: REASON".
 * A blank line at the end of the file is not a row.
 */
int		 csv_next(struct csv *, struct csv_row *row);
const char	*csv_error(struct csv *);
long		 csv_error_line(struct csv *);

/* Goes back to the start of the file, as if just opened. */
int		 csv_rewind(struct csv *);

/* The path the reader was opened on. */
const char	*csv_path(struct csv *);

/*
 * Writes one field to f, quoted only if it holds a comma, a quote, a line
 * break or leading or trailing blanks; csv_write_end ends the row in CRLF.
 */
void		 csv_write_field(FILE *f, const char *s, int first);
void		 csv_quote(struct buf *b, const char *s, int first);
void		 csv_write_end(FILE *f);

#endif
