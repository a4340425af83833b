/*
 * pdf.c: a report's fixed-width text pages made into a PDF file.
 *
 * Each page (the text between form feeds) goes through pango-view, which
 * lays the UTF-8 out with Pango and draws it through cairo onto one A4
 * page, and pdfunite (poppler-utils) joins the pages.  We chose
 * pango-view because it is the lightest converter in Debian 12 whose PDF
 * keeps the text, Chinese included, readable by pdftotext (see
 * docs/printing.md for what else was tried).
 *
 * The font is WenQuanYi Zen Hei Mono (fonts-wqy-zenhei): its Latin
 * letters are exactly half as wide as its Chinese ones, so a character
 * that takes two cells on the screen takes two cells on paper and the
 * columns stay straight.  The size is chosen to fit the widest line the
 * report may have and its longest page, on portrait or landscape paper,
 * whichever allows the larger letters.
 *
 * This file runs programs with fixed argument lists and never a shell;
 * it does not print.  The work happens in a folder beside the PDF, so
 * the finished file is renamed into place and a reader never sees half.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pdf.h"
#include "text.h"
#include "xalloc.h"

extern char **environ;

#define PDF_FONT	"WenQuanYi Zen Hei Mono"
#define PDF_MAX_TENTHS	120	/* 12 points, however short the report */
#define PDF_A4_SHORT	595	/* points */
#define PDF_A4_LONG	842
#define PDF_MARGIN	28	/* points, about 10 mm */

/* The programs, and the package that brings each. */
struct pdf_tool {
	const char	*program;
	const char	*package;
};
static const struct pdf_tool pdf_pango_view = { "pango-view",
    "pango1.0-tools" };
static const struct pdf_tool pdf_pdfunite = { "pdfunite", "poppler-utils" };

/* The pages as split into the work folder. */
struct pdf_pages {
	char	*dir;
	int	 npages;
	int	 max_lines;	/* the longest page */
	int	 max_cells;	/* the widest line */
};

/* The first line a failed program wrote to its error file, or "". */
static char *
pdf_first_error(const char *path)
{
	char	 line[256];
	FILE	*f;
	size_t	 len;

	if ((f = fopen(path, "r")) == NULL)
		return (xstrdup(""));
	if (fgets(line, sizeof line, f) == NULL)
		line[0] = '\0';
	fclose(f);
	len = strcspn(line, "\n");
	line[len] = '\0';
	if (len == 0)
		return (xstrdup(""));
	return (xasprintf(": %s", line));
}

/*
 * Runs argv[0] (tool) with its standard error sent to errors.  Returns 0
 * if it ran and exited 0, otherwise -1 with *cause set.
 */
static int
pdf_run(const struct pdf_tool *tool, char **argv, const char *errors,
    char **cause)
{
	posix_spawn_file_actions_t	 fa;
	pid_t				 pid;
	int				 status, err;
	char				*said;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, errors,
	    O_WRONLY|O_CREAT|O_TRUNC, 0600);
	err = posix_spawnp(&pid, tool->program, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (err == ENOENT) {
		*cause = xasprintf("%s is not installed (apt-get install %s)",
		    tool->program, tool->package);
		return (-1);
	}
	if (err != 0) {
		*cause = xasprintf("cannot run %s: %s", tool->program,
		    strerror(err));
		return (-1);
	}

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			*cause = xasprintf("waiting for %s: %s",
			    tool->program, strerror(errno));
			return (-1);
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return (0);

	said = pdf_first_error(errors);
	if (WIFEXITED(status))
		*cause = xasprintf("%s failed (exit status %d)%s",
		    tool->program, WEXITSTATUS(status), said);
	else
		*cause = xasprintf("%s was stopped by signal %d%s",
		    tool->program, WTERMSIG(status), said);
	free(said);
	return (-1);
}

/* Opens page number n (from 1) of the work folder for writing. */
static FILE *
pdf_page_open(struct pdf_pages *p, int n, char **cause)
{
	FILE	*f;
	char	*path;

	path = xasprintf("%s/page-%d.txt", p->dir, n);
	if ((f = fopen(path, "w")) == NULL)
		*cause = xasprintf("cannot write %s: %s", path,
		    strerror(errno));
	free(path);
	return (f);
}

/* Counts the cells of a line just copied, then forgets it. */
static void
pdf_line_end(struct pdf_pages *p, struct buf *line)
{
	int	cells;

	if (line->len == 0)
		return;
	cells = text_width(line->data);
	if (cells > p->max_cells)
		p->max_cells = cells;
	buf_clear(line);
}

/* Closes a page file, counting its lines. */
static int
pdf_page_close(struct pdf_pages *p, FILE *f, int lines, char **cause)
{
	if (fclose(f) != 0) {
		*cause = xasprintf("cannot write a page in %s: %s", p->dir,
		    strerror(errno));
		return (-1);
	}
	p->npages++;
	if (lines > p->max_lines)
		p->max_lines = lines;
	return (0);
}

/*
 * Splits the text at its form feeds into page-N.txt in the work folder.
 * The newline that ends a page's last line is dropped, so that pango-view
 * does not draw an empty line after it; an empty piece after the last
 * form feed is not a page.  The widest line is measured on the way, in
 * case one is wider than the report says.
 */
static int
pdf_split(struct pdf_pages *p, const char *text_path, char **cause)
{
	FILE		*in, *out = NULL;
	struct buf	 line = BUF_INIT;
	int		 ch, pending = 0, lines = 1, empty = 1;

	if ((in = fopen(text_path, "r")) == NULL) {
		*cause = xasprintf("cannot read %s: %s", text_path,
		    strerror(errno));
		return (-1);
	}
	if ((out = pdf_page_open(p, 1, cause)) == NULL)
		goto fail;

	while ((ch = getc(in)) != EOF) {
		if (ch == '\f' || ch == '\n')
			pdf_line_end(p, &line);
		if (ch == '\f') {
			if (pdf_page_close(p, out, lines, cause) != 0) {
				out = NULL;
				goto fail;
			}
			out = pdf_page_open(p, p->npages + 1, cause);
			if (out == NULL)
				goto fail;
			pending = 0;
			lines = 1;
			empty = 1;
			continue;
		}

		empty = 0;
		if (pending) {
			putc('\n', out);
			lines++;
			pending = 0;
		}
		if (ch == '\n')
			pending = 1;
		else {
			putc(ch, out);
			buf_addc(&line, ch);
		}
	}
	pdf_line_end(p, &line);
	buf_free(&line);
	if (ferror(in)) {
		*cause = xasprintf("cannot read %s: %s", text_path,
		    strerror(errno));
		goto fail;
	}
	fclose(in);

	if (empty && p->npages > 0) {
		fclose(out);
		return (0);
	}
	return (pdf_page_close(p, out, lines, cause));

fail:
	buf_free(&line);
	if (out != NULL)
		fclose(out);
	fclose(in);
	return (-1);
}

/*
 * The font size, in tenths of a point, that fits width cells by lines
 * lines on a page short by long points; sets *landscape if turning the
 * paper allows larger letters.  A cell is half an em of PDF_FONT and a
 * line 1.28 ems; one spare cell keeps a full line from wrapping.  In
 * whole tenths of a point, as every other figure in kontor is exact.
 */
static int
pdf_fit(int across, int down, int cells, int lines)
{
	int	by_w = 20 * across / (cells + 1);
	int	by_h = 1000 * down / (lines * 128);

	return (by_w < by_h ? by_w : by_h);
}

static int
pdf_font_size(int width, int lines, int *landscape)
{
	int	short_side = PDF_A4_SHORT - 2 * PDF_MARGIN;
	int	long_side = PDF_A4_LONG - 2 * PDF_MARGIN;
	int	portrait, turned;

	if (width < 1)
		width = 1;
	if (lines < 1)
		lines = 1;
	portrait = pdf_fit(short_side, long_side, width, lines);
	turned = pdf_fit(long_side, short_side, width, lines);
	*landscape = turned > portrait;
	if (*landscape)
		portrait = turned;
	return (portrait > PDF_MAX_TENTHS ? PDF_MAX_TENTHS : portrait);
}

/*
 * Draws each page-N.txt as page-N.pdf.  Pango rounds each letter's
 * advance to a whole point unless told to keep the fractions: at 11.8
 * points a cell of 5.9 would take 6, and a 132-cell line would run past
 * the width and wrap its last letter onto a line of its own, pushing
 * the page's last lines off the paper.
 */
static int
pdf_draw(struct pdf_pages *p, int width, char **cause)
{
	char	*argv[16], *font, *page_w, *page_h, *margin, *in, *out;
	char	*errors;
	int	 n, size, landscape, ret = 0;

	if (p->max_cells > width)
		width = p->max_cells;
	size = pdf_font_size(width, p->max_lines, &landscape);
	font = xasprintf("--font=%s %d.%d", PDF_FONT, size / 10, size % 10);
	page_w = xasprintf("--width=%d", (landscape ? PDF_A4_LONG :
	    PDF_A4_SHORT) - 2 * PDF_MARGIN);
	page_h = xasprintf("--height=%d", (landscape ? PDF_A4_SHORT :
	    PDF_A4_LONG) - 2 * PDF_MARGIN);
	margin = xasprintf("--margin=%d", PDF_MARGIN);
	errors = xasprintf("%s/errors", p->dir);

	for (n = 1; ret == 0 && n <= p->npages; n++) {
		in = xasprintf("%s/page-%d.txt", p->dir, n);
		out = xasprintf("--output=%s/page-%d.pdf", p->dir, n);
		argv[0] = "pango-view";
		argv[1] = "--no-display";
		argv[2] = "--backend=cairo";
		argv[3] = "--dpi=72";
		argv[4] = "--hinting=none";
		argv[5] = "--subpixel-positions";
		argv[6] = "--wrap=char";
		argv[7] = font;
		argv[8] = page_w;
		argv[9] = page_h;
		argv[10] = margin;
		argv[11] = out;
		argv[12] = "--";
		argv[13] = in;
		argv[14] = NULL;
		ret = pdf_run(&pdf_pango_view, argv, errors, cause);
		free(out);
		free(in);
	}

	free(errors);
	free(margin);
	free(page_h);
	free(page_w);
	free(font);
	return (ret);
}

/* Joins page-N.pdf into one file, all.pdf. */
static int
pdf_join(struct pdf_pages *p, char **cause)
{
	char	**argv, *all, *errors, *from;
	int	  n, ret;

	all = xasprintf("%s/all.pdf", p->dir);
	if (p->npages == 1) {
		from = xasprintf("%s/page-1.pdf", p->dir);
		ret = rename(from, all);
		if (ret != 0)
			*cause = xasprintf("cannot rename %s: %s", from,
			    strerror(errno));
		free(from);
		free(all);
		return (ret);
	}

	argv = xreallocarray(NULL, p->npages + 3, sizeof *argv);
	argv[0] = xstrdup("pdfunite");
	for (n = 1; n <= p->npages; n++)
		argv[n] = xasprintf("%s/page-%d.pdf", p->dir, n);
	argv[n++] = all;
	argv[n] = NULL;
	errors = xasprintf("%s/errors", p->dir);
	ret = pdf_run(&pdf_pdfunite, argv, errors, cause);

	free(errors);
	for (n = 0; argv[n] != NULL; n++)
		free(argv[n]);
	free(argv);
	return (ret);
}

/* Removes the work folder and all in it. */
static void
pdf_clean(struct pdf_pages *p)
{
	DIR		*d;
	struct dirent	*e;
	char		*path;

	if ((d = opendir(p->dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			path = xasprintf("%s/%s", p->dir, e->d_name);
			unlink(path);
			free(path);
		}
		closedir(d);
	}
	rmdir(p->dir);
}

int
pdf_convert(const char *text_path, const char *pdf_path, int width,
    const char *title, char **cause)
{
	struct pdf_pages	 p;
	char			*why = NULL, *all;
	int			 ret = -1;

	*cause = NULL;
	if (pdf_path == NULL || *pdf_path == '\0') {
		*cause = xstrdup("a PDF needs a file to go to (-o FILE)");
		return (-1);
	}

	memset(&p, 0, sizeof p);
	p.dir = xasprintf("%s.XXXXXX", pdf_path);
	if (mkdtemp(p.dir) == NULL) {
		*cause = xasprintf("cannot make PDF %s: cannot make a folder "
		    "beside it: %s", pdf_path, strerror(errno));
		free(p.dir);
		return (-1);
	}

	if (pdf_split(&p, text_path, &why) == 0 &&
	    pdf_draw(&p, width, &why) == 0 &&
	    pdf_join(&p, &why) == 0) {
		all = xasprintf("%s/all.pdf", p.dir);
		if (rename(all, pdf_path) == 0)
			ret = 0;
		else
			why = xasprintf("cannot rename %s to %s: %s", all,
			    pdf_path, strerror(errno));
		free(all);
	}
	if (ret != 0) {
		*cause = xasprintf("cannot make PDF of %s: %s",
		    title != NULL ? title : "the report", why);
		free(why);
	}

	pdf_clean(&p);
	free(p.dir);
	return (ret);
}
