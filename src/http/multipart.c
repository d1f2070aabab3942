/*
 * multipart: reading a multipart/form-data body (see multipart.h).
 */
#define _GNU_SOURCE /* memmem */
#include "http/multipart.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char FORM_DATA[] = "multipart/form-data";

bool multipart_is_form(const char *content_type)
{
	return content_type != NULL &&
	       strncasecmp(content_type, FORM_DATA, sizeof FORM_DATA - 1) ==
	               0 &&
	       (content_type[sizeof FORM_DATA - 1] == ';' ||
	        content_type[sizeof FORM_DATA - 1] == ' ' ||
	        content_type[sizeof FORM_DATA - 1] == '\0');
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * The value of parameter name (e.g. "boundary", "filename") in a header
 * value of the form "type; a=b; c=\"d\"", copied into a; NULL if absent or
 * malformed. Only whole parameter names match ("name" is not "filename").
 */
static const char *header_param(const char *v, size_t len, const char *name,
                                struct arena *a)
{
	size_t nlen = strlen(name);
	size_t i = 0;

	while (i < len) {
		/* to the next ';' outside quotes */
		bool quoted = false;
		while (i < len && (quoted || v[i] != ';')) {
			if (v[i] == '"')
				quoted = !quoted;
			i++;
		}
		if (i >= len)
			return NULL;
		i++; /* the ';' */
		while (i < len && is_space(v[i]))
			i++;
		if (len - i > nlen && strncasecmp(v + i, name, nlen) == 0 &&
		    v[i + nlen] == '=') {
			size_t s = i + nlen + 1, e;
			if (s < len && v[s] == '"') {
				s++;
				e = s;
				while (e < len && v[e] != '"')
					e++;
				if (e >= len)
					return NULL; /* unterminated */
			} else {
				e = s;
				while (e < len && v[e] != ';' &&
				       !is_space(v[e]))
					e++;
			}
			return arena_strndup(a, v + s, e - s);
		}
	}
	return NULL;
}

/* Reads one part's headers (hdr, n bytes, lines split by CRLF). */
static enum masa_err part_headers(const char *hdr, size_t n, struct arena *a,
                                  struct multipart_part *p,
                                  struct masa_error *err)
{
	static const char CD[] = "content-disposition:";
	static const char CT[] = "content-type:";
	size_t i = 0;
	bool disposition = false;

	while (i < n) {
		const char *eol = memmem(hdr + i, n - i, "\r\n", 2);
		size_t end = eol ? (size_t)(eol - hdr) : n;
		const char *line = hdr + i;
		size_t ll = end - i;
		if (ll >= sizeof CD - 1 &&
		    strncasecmp(line, CD, sizeof CD - 1) == 0) {
			const char *v = line + sizeof CD - 1;
			size_t vl = ll - (sizeof CD - 1);
			while (vl > 0 && is_space(*v)) {
				v++;
				vl--;
			}
			if (vl < 9 || strncasecmp(v, "form-data", 9) != 0)
				return masa_error_set(
				        err, MASA_ERR_INVALID,
				        "form: a part is not form-data");
			disposition = true;
			p->name = header_param(v, vl, "name", a);
			p->filename = header_param(v, vl, "filename", a);
		} else if (ll >= sizeof CT - 1 &&
		           strncasecmp(line, CT, sizeof CT - 1) == 0) {
			const char *v = line + sizeof CT - 1;
			size_t vl = ll - (sizeof CT - 1);
			while (vl > 0 && is_space(*v)) {
				v++;
				vl--;
			}
			p->content_type = arena_strndup(a, v, vl);
		}
		i = end + 2;
	}
	if (!disposition || p->name == NULL || p->name[0] == '\0')
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "form: a part has no field name");
	return MASA_OK;
}

enum masa_err multipart_parse(const char *content_type, const char *body,
                              size_t len, struct arena *a,
                              void (*take)(const struct multipart_part *part,
                                           void *data),
                              void *data, struct masa_error *err)
{
	const char *boundary;
	char delim[MULTIPART_BOUNDARY_MAX + 5];
	size_t dlen, pos, parts = 0;
	const char *at;

	if (!multipart_is_form(content_type))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "form: not multipart/form-data");
	boundary =
	        header_param(content_type, strlen(content_type), "boundary", a);
	if (boundary == NULL || boundary[0] == '\0' ||
	    strlen(boundary) > MULTIPART_BOUNDARY_MAX)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "form: the boundary is missing or too "
		                      "long");
	/* "\r\n--boundary": the first one may come without the CRLF. */
	dlen = (size_t)snprintf(delim, sizeof delim, "\r\n--%s", boundary);
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0) {
		pos = dlen - 2;
	} else {
		at = memmem(body, len, delim, dlen);
		if (at == NULL)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "form: no part starts");
		pos = (size_t)(at - body) + dlen;
	}
	for (;;) {
		struct multipart_part p = {0};
		const char *hend;
		size_t hstart;
		enum masa_err rc;

		if (len - pos >= 2 && body[pos] == '-' && body[pos + 1] == '-')
			return MASA_OK; /* the closing delimiter */
		/* transport padding, then CRLF */
		while (pos < len && is_space(body[pos]))
			pos++;
		if (len - pos < 2 || body[pos] != '\r' || body[pos + 1] != '\n')
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "form: a part is malformed");
		pos += 2;
		if (++parts > MULTIPART_MAX_PARTS)
			return masa_error_set(err, MASA_ERR_LIMIT,
			                      "form: more than %d fields",
			                      MULTIPART_MAX_PARTS);
		hstart = pos;
		if (len - pos >= 2 && body[pos] == '\r' &&
		    body[pos + 1] == '\n')
			hend = body + pos; /* no headers */
		else {
			size_t look = len - pos;
			if (look > MULTIPART_HEADERS_MAX + 4)
				look = MULTIPART_HEADERS_MAX + 4;
			hend = memmem(body + pos, look, "\r\n\r\n", 4);
			if (hend == NULL)
				return masa_error_set(
				        err, MASA_ERR_INVALID,
				        "form: a part's headers are too long "
				        "or unfinished");
			hend += 2; /* keep the last header's CRLF */
		}
		rc = part_headers(body + hstart, (size_t)(hend - body) - hstart,
		                  a, &p, err);
		if (rc != MASA_OK)
			return rc;
		pos = (size_t)(hend - body) + 2;
		at = memmem(body + pos, len - pos, delim, dlen);
		if (at == NULL)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "form: a part does not end");
		p.data = body + pos;
		p.size = (size_t)(at - body) - pos;
		if (p.filename == NULL)
			p.value = arena_strndup(a, p.data, p.size);
		take(&p, data);
		pos = (size_t)(at - body) + dlen;
	}
}
