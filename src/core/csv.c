/*
 * csv.c: a streaming reader and a writer for comma-separated files.
 *
 * The reader takes the file in chunks of CSV_CHUNK bytes, decodes each to
 * UTF-8 through conv and parses the text a byte at a time, so it holds one
 * decoded chunk and the current row, never the whole file.  It follows
 * RFC 4180, with these readings where the RFC is silent or strict:
 *
 *  - A line ends in CRLF or LF.  A CR not followed by LF is an ordinary
 *    character of the field it is in.
 *  - A quote inside an unquoted field is taken as it stands.
 *  - Blank lines at the end of the file are not rows.  A blank line with
 *    a row after it is a row of one empty field, so that a caller can say
 *    which line of the file is wrong when it wanted more fields.
 *  - A UTF-8 byte-order mark at the start of the decoded text is skipped,
 *    whatever encoding the file was declared in.
 *
 * Line numbers count LF characters in the decoded text, from 1.  Bytes not
 * valid in the declared encoding stop the reader: the rows before them are
 * returned first, then the error on the line the bad bytes are on.
 *
 * The writer quotes only the fields that need it and ends rows in CRLF.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conv.h"
#include "csv.h"
#include "xalloc.h"

#define CSV_CHUNK	(64 * 1024)

struct csv {
	char		 *path;
	char		 *encoding;	/* as the caller named it */
	FILE		 *f;
	struct conv	 *conv;
	char		 *chunk;	/* CSV_CHUNK bytes as read */

	struct buf	  text;		/* decoded text, parsed from pos */
	size_t		  pos;
	int		  eof;		/* all of the file is in text */
	int		  bom_done;
	char		 *stop;		/* why decoding stopped after text */

	long		  line;		/* line of the byte at pos */
	long		  blank_rows;	/* blank lines owed as rows */
	long		  blank_line;	/* line of the first of them */

	struct buf	  row;		/* fields of the row, each NUL-ended */
	size_t		 *starts;	/* offset of each field in row */
	char		**fields;
	size_t		  nfields;
	size_t		  nalloc;

	char		 *error;
	long		  error_line;
};

/*
 * Opens path for reading in encoding (NULL for UTF-8).  Returns the
 * reader, which the caller closes with csv_close, or NULL with *why set
 * (caller frees) if the encoding is unknown or the file cannot be opened.
 */
struct csv *
csv_open(const char *path, const char *encoding, char **why)
{
	struct csv	*cs;
	struct conv	*conv;
	FILE		*f;

	if (encoding == NULL)
		encoding = "UTF-8";
	conv = conv_open("UTF-8", encoding, why);
	if (conv == NULL)
		return (NULL);

	f = fopen(path, "rb");
	if (f == NULL) {
		*why = xasprintf("cannot open %s: %s", path, strerror(errno));
		conv_close(conv);
		return (NULL);
	}

	cs = xcalloc(1, sizeof *cs);
	cs->path = xstrdup(path);
	cs->encoding = xstrdup(encoding);
	cs->f = f;
	cs->conv = conv;
	cs->chunk = xmalloc(CSV_CHUNK);
	cs->line = 1;
	return (cs);
}

/* Closes the file and frees the reader and its rows; NULL is allowed. */
void
csv_close(struct csv *cs)
{
	if (cs == NULL)
		return;
	fclose(cs->f);
	conv_close(cs->conv);
	free(cs->path);
	free(cs->encoding);
	free(cs->chunk);
	buf_free(&cs->text);
	free(cs->stop);
	buf_free(&cs->row);
	free(cs->starts);
	free(cs->fields);
	free(cs->error);
	free(cs);
}

/* The path given to csv_open; owned by the reader. */
const char *
csv_path(struct csv *cs)
{
	return (cs->path);
}

/* The message for the last error from csv_next, or NULL if none. */
const char *
csv_error(struct csv *cs)
{
	return (cs->error);
}

/* The line the last error is on, or 0 if there has been none. */
long
csv_error_line(struct csv *cs)
{
	return (cs->error_line);
}

/*
 * Reads and decodes one more chunk onto the end of text.  A decoding or
 * read failure is kept in stop, to be reported once the parser has used
 * up the good text before it.
 */
static void
csv_read_chunk(struct csv *cs)
{
	enum conv_status	 r;
	size_t			 n;
	int			 more, saved;

	n = fread(cs->chunk, 1, CSV_CHUNK, cs->f);
	saved = errno;
	more = !feof(cs->f) && !ferror(cs->f);

	r = conv_run(cs->conv, cs->chunk, n, more, &cs->text, NULL);
	if (r == CONV_INCOMPLETE)
		cs->stop = xstrdup("character cut short at the end of the "
		    "file");
	else if (r != CONV_OK)
		cs->stop = xasprintf("bytes not valid in %s", cs->encoding);
	else if (ferror(cs->f))
		cs->stop = xasprintf("read error: %s", strerror(saved));

	if (!more)
		cs->eof = 1;
}

/*
 * Makes sure need bytes of text are there from pos on, reading more of the
 * file if not.  Returns 1 if they are, 0 at the end of the file or where
 * decoding stopped.  Text already parsed is dropped first, so text holds
 * at most a chunk's worth and the bytes kept for looking ahead.
 */
static int
csv_fill(struct csv *cs, size_t need)
{
	size_t	left;

	while (cs->text.len - cs->pos < need || !cs->bom_done) {
		if (cs->bom_done && (cs->eof || cs->stop != NULL))
			return (0);

		left = cs->text.len - cs->pos;
		if (cs->pos > 0) {
			memmove(cs->text.data, cs->text.data + cs->pos, left);
			cs->text.len = left;
			cs->text.data[left] = '\0';
			cs->pos = 0;
		}

		if (!cs->eof && cs->stop == NULL)
			csv_read_chunk(cs);

		if (!cs->bom_done && (cs->text.len >= 3 || cs->eof ||
		    cs->stop != NULL)) {
			if (cs->text.len >= 3 &&
			    memcmp(cs->text.data, "\xef\xbb\xbf", 3) == 0)
				cs->pos = 3;
			cs->bom_done = 1;
		}
	}
	return (1);
}

/* The byte k places past pos, or -1 if the text stops before it. */
static int
csv_peek(struct csv *cs, size_t k)
{
	if (cs->pos + k >= cs->text.len && !csv_fill(cs, k + 1))
		return (-1);
	return ((unsigned char)cs->text.data[cs->pos + k]);
}

/* The length of the line break at pos (LF or CRLF), or 0 if none. */
static size_t
csv_newline(struct csv *cs)
{
	int	c;

	c = csv_peek(cs, 0);
	if (c == '\n')
		return (1);
	if (c == '\r' && csv_peek(cs, 1) == '\n')
		return (2);
	return (0);
}

/* Records an error on line; csv_next returns it from now on. */
static int
csv_fail(struct csv *cs, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
csv_fail(struct csv *cs, long line, const char *fmt, ...)
{
	va_list	ap;

	free(cs->error);
	va_start(ap, fmt);
	cs->error = xvasprintf(fmt, ap);
	va_end(ap);
	cs->error_line = line;
	return (-1);
}

/*
 * Fails for the reason text stopped, if it stopped early; otherwise the
 * end of the file has been reached and this returns 0.
 */
static int
csv_fail_stop(struct csv *cs)
{
	if (cs->stop == NULL)
		return (0);
	return (csv_fail(cs, cs->line, "%s", cs->stop));
}

/* Ends the field being added to row. */
static void
csv_end_field(struct csv *cs, size_t start)
{
	buf_addc(&cs->row, '\0');
	if (cs->nfields == cs->nalloc) {
		cs->nalloc = cs->nalloc == 0 ? 16 : cs->nalloc * 2;
		cs->starts = xreallocarray(cs->starts, cs->nalloc,
		    sizeof *cs->starts);
	}
	cs->starts[cs->nfields++] = start;
}

/* Fills in *out from the fields gathered in row. */
static int
csv_end_row(struct csv *cs, struct csv_row *out, long line)
{
	size_t	i;

	cs->fields = xreallocarray(cs->fields, cs->nfields + 1,
	    sizeof *cs->fields);
	for (i = 0; i < cs->nfields; i++)
		cs->fields[i] = cs->row.data + cs->starts[i];
	cs->fields[cs->nfields] = NULL;

	out->fields = cs->fields;
	out->nfields = (int)cs->nfields;
	out->line = line;
	return (1);
}

/*
 * Reads a quoted field, from its opening quote to just after its closing
 * one.  Returns 0, or -1 on an error.
 */
static int
csv_quoted(struct csv *cs)
{
	long	start = cs->line;
	int	c;

	cs->pos++;
	for (;;) {
		c = csv_peek(cs, 0);
		if (c == -1) {
			if (cs->stop != NULL)
				return (csv_fail_stop(cs));
			return (csv_fail(cs, start, "unclosed quote (the "
			    "quoted field starts on line %ld)", start));
		}
		cs->pos++;

		if (c == '\0')
			return (csv_fail(cs, cs->line, "a NUL byte inside a "
			    "field"));
		if (c == '"') {
			if (csv_peek(cs, 0) != '"')
				return (0);
			cs->pos++;
		} else if (c == '\n')
			cs->line++;
		buf_addc(&cs->row, (char)c);
	}
}

/*
 * Reads the next row.  Returns 1 with *row filled (valid until the next
 * call), 0 at the end of the file, or -1 on an error, which csv_error and
 * csv_error_line then describe.  Once there has been an error every later
 * call returns it again, until csv_rewind.
 */
int
csv_next(struct csv *cs, struct csv_row *row)
{
	size_t	 n, start;
	long	 line, blanks;
	int	 c;

	if (cs->error != NULL)
		return (-1);
	buf_clear(&cs->row);
	cs->nfields = 0;

	if (cs->blank_rows > 0) {
		cs->blank_rows--;
		csv_end_field(cs, 0);
		return (csv_end_row(cs, row, cs->blank_line++));
	}

	line = cs->line;
	blanks = 0;
	while ((n = csv_newline(cs)) != 0) {
		cs->pos += n;
		cs->line++;
		blanks++;
	}
	if (csv_peek(cs, 0) == -1)
		return (csv_fail_stop(cs));
	if (blanks > 0) {
		cs->blank_rows = blanks - 1;
		cs->blank_line = line + 1;
		csv_end_field(cs, 0);
		return (csv_end_row(cs, row, line));
	}

	for (;;) {
		start = cs->row.len;

		if (csv_peek(cs, 0) == '"') {
			if (csv_quoted(cs) == -1)
				return (-1);
			c = csv_peek(cs, 0);
			if (c != ',' && c != -1 && csv_newline(cs) == 0)
				return (csv_fail(cs, cs->line,
				    "text after a closing quote"));
		} else {
			while ((c = csv_peek(cs, 0)) != -1 && c != ',' &&
			    csv_newline(cs) == 0) {
				if (c == '\0')
					return (csv_fail(cs, cs->line, "a NUL "
					    "byte inside a field"));
				buf_addc(&cs->row, (char)c);
				cs->pos++;
			}
		}
		csv_end_field(cs, start);

		if (c == -1) {
			if (cs->stop != NULL)
				return (csv_fail_stop(cs));
			return (csv_end_row(cs, row, line));
		}
		if (c != ',') {
			cs->pos += csv_newline(cs);
			cs->line++;
			return (csv_end_row(cs, row, line));
		}
		cs->pos++;
	}
}

/*
 * Goes back to the start of the file, as if it had just been opened, and
 * forgets any error.  Returns 0, or -1 with csv_error set.
 */
int
csv_rewind(struct csv *cs)
{
	free(cs->error);
	cs->error = NULL;
	cs->error_line = 0;

	if (fseek(cs->f, 0, SEEK_SET) != 0)
		return (csv_fail(cs, 0, "read error: %s", strerror(errno)));
	clearerr(cs->f);
	conv_reset(cs->conv);

	buf_clear(&cs->text);
	cs->pos = 0;
	cs->eof = 0;
	cs->bom_done = 0;
	free(cs->stop);
	cs->stop = NULL;

	cs->line = 1;
	cs->blank_rows = 0;
	cs->blank_line = 0;
	return (0);
}

/*
 * Writes s to f as one field, after a comma unless first is set.  The
 * field is quoted, with its quotes doubled, only if it holds a comma, a
 * quote, a CR or LF, or begins or ends with a space or tab.
 */
void
csv_write_field(FILE *f, const char *s, int first)
{
	struct buf	b = BUF_INIT;

	csv_quote(&b, s, first);
	fwrite(b.data, 1, b.len, f);
	buf_free(&b);
}

/* Appends s to b as one CSV field, quoted only where it must be. */
void
csv_quote(struct buf *b, const char *s, int first)
{
	size_t		 len = strlen(s);
	const char	*p;
	int		 quote;

	if (!first)
		buf_addc(b, ',');

	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (len > 0 && (s[0] == ' ' || s[0] == '\t' ||
	    s[len - 1] == ' ' || s[len - 1] == '\t'))
		quote = 1;
	if (!quote) {
		buf_add(b, s, len);
		return;
	}

	buf_addc(b, '"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_addc(b, '"');
		buf_addc(b, *p);
	}
	buf_addc(b, '"');
}

/* Ends a row written with csv_write_field. */
void
csv_write_end(FILE *f)
{
	fputs("\r\n", f);
}
