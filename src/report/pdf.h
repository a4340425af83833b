/*
 * pdf.h: a report's pages as a PDF file, for those who want a file to
 * mail, made by a well-kept converter (see pdf.c and docs/printing.md).
 */
#ifndef KONTOR_PDF_H
#define KONTOR_PDF_H

/*
 * Turns the UTF-8 text pages in text_path (form feeds between pages,
 * width cells wide) into pdf_path, written whole or not at all.  Returns
 * 0, or -1 with *cause set (allocated).
 */
int	pdf_convert(const char *text_path, const char *pdf_path, int width,
	    const char *title, char **cause);

#endif
