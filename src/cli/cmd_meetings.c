/*
 * cmd_meetings: lists of meetings and one meeting in full: agenda,
 * attendance, quorum, minutes, resolutions and papers.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"

enum { MEETINGS_FROM, MEETINGS_TO, MEETINGS_LIMIT, MEETINGS_OFFSET };

static const struct cli_option meetings_options[] = {
        [MEETINGS_FROM] = {"from", "DATE", "meetings on or after DATE"},
        [MEETINGS_TO] = {"to", "DATE", "meetings on or before DATE"},
        [MEETINGS_LIMIT] = {"limit", "N", "at most N meetings"},
        [MEETINGS_OFFSET] = {"offset", "N", "skip the first N meetings"},
        {NULL, NULL, NULL},
};

static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static const char *time_range(struct arena *a, const char *start,
                              const char *end)
{
	if (start && end)
		return arena_printf(a, "%s-%s", start, end);
	return start ? start : "";
}

static int run_meetings(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const headings[] = {
	        "ID", "DATE", "TIME", "BODY", "STATUS", "VENUE", NULL};
	struct masa_error err = {0};
	struct gov_body body = {0};
	struct gov_meeting_row *rows;
	long limit = 0, offset = 0;
	size_t n;

	if ((cli_opt(args, MEETINGS_LIMIT) &&
	     cli_number("limit", cli_opt(args, MEETINGS_LIMIT), 1, 1000000,
	                &limit, &err) != MASA_OK) ||
	    (cli_opt(args, MEETINGS_OFFSET) &&
	     cli_number("offset", cli_opt(args, MEETINGS_OFFSET), 0, 100000000,
	                &offset, &err) != MASA_OK))
		return cli_fail(&err);
	if (cli_open_partnership(ctx, &err) != MASA_OK)
		return cli_fail(&err);
	if (args->npositional > 0 &&
	    gov_body_find(&ctx->gov, ctx->partnership.id, args->positional[0],
	                  &ctx->arena, &body, &err) != MASA_OK)
		return cli_fail(&err);
	if (gov_meeting_list(&ctx->gov, ctx->partnership.id, body.id,
	                     cli_opt(args, MEETINGS_FROM),
	                     cli_opt(args, MEETINGS_TO), (int)limit,
	                     (int)offset, &ctx->arena, &rows, &n,
	                     &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++) {
			const struct gov_meeting *m = &rows[i].m;
			json_array_append_new(
			        list,
			        json_pack("{s:s, s:s, s:o, s:s, s:o, s:o, s:o, "
			                  "s:s, "
			                  "s:o}",
			                  "id", m->key, "body",
			                  rows[i].body_short_name, "name",
			                  text_or_null(m->name), "date",
			                  m->date, "start_time",
			                  text_or_null(m->start_time),
			                  "end_time", text_or_null(m->end_time),
			                  "location", text_or_null(m->location),
			                  "status", m->status, "webcast_url",
			                  text_or_null(m->webcast_url)));
		}
		json_print(list, stdout);
		return 0;
	}
	if (n == 0) {
		printf("no meetings%s%s%s%s%s%s\n", body.id ? " of " : "",
		       body.id ? body.short_name : "",
		       cli_opt(args, MEETINGS_FROM) ? " from " : "",
		       cli_opt(args, MEETINGS_FROM)
		               ? cli_opt(args, MEETINGS_FROM)
		               : "",
		       cli_opt(args, MEETINGS_TO) ? " to " : "",
		       cli_opt(args, MEETINGS_TO) ? cli_opt(args, MEETINGS_TO)
		                                  : "");
		return 0;
	}
	struct table *t = table_new(headings);
	for (size_t i = 0; i < n; i++) {
		const struct gov_meeting *m = &rows[i].m;
		const char *cells[] = {
		        m->key,
		        m->date,
		        time_range(&ctx->arena, m->start_time, m->end_time),
		        rows[i].body_short_name,
		        m->status,
		        m->location,
		};
		table_add(t, cells);
	}
	table_print(t, stdout);
	return 0;
}

const struct cli_command cmd_meetings = {
        .name = "meetings",
        .arguments = "[BODY]",
        .summary = "meetings (of one body) by date",
        .options = meetings_options,
        .max_positional = 1,
        .listing = true,
        .run = run_meetings,
};

/* meeting show */

struct shown {
	struct gov_meeting m;
	struct gov_body body;
	struct gov_quorum quorum;
	struct gov_attendee *att;
	struct gov_item *items;
	struct gov_resolution *res;
	struct gov_document *docs;
	struct gov_circulation *circ;
	struct gov_declaration *decl;
	size_t natt, nitems, nres, ndocs, ncirc, ndecl;
};

static enum masa_err load_meeting(struct cli_ctx *ctx, const char *id,
                                  struct shown *s, struct masa_error *err)
{
	struct gov *g = &ctx->gov;
	struct arena *a = &ctx->arena;
	enum masa_err rc;

	rc = gov_meeting_find(g, ctx->partnership.id, id, a, &s->m, err);
	if (rc == MASA_ERR_NOT_FOUND &&
	    strspn(id, "0123456789") == strlen(id) && strlen(id) < 18) {
		struct masa_error probe;
		if (gov_meeting_get(g, strtoll(id, NULL, 10), a, &s->m,
		                    &probe) == MASA_OK &&
		    s->m.partnership_id == ctx->partnership.id)
			rc = MASA_OK;
	}
	if (rc == MASA_ERR_NOT_FOUND)
		return masa_error_set(
		        err, MASA_ERR_NOT_FOUND,
		        "no meeting \"%.60s\": give an id such as "
		        "RLSCB/2014-12-04 (see masa meetings)",
		        id);
	if (rc != MASA_OK ||
	    (rc = gov_body_get(g, s->m.body_id, a, &s->body, err)) ||
	    (rc = gov_meeting_quorum(g, s->m.id, &s->quorum, err)) ||
	    (rc = gov_attendance_list(g, s->m.id, a, &s->att, &s->natt, err)) ||
	    (rc = gov_item_list(g, &ctx->viewer, s->m.id, a, &s->items,
	                        &s->nitems, err)) ||
	    (rc = gov_resolution_list(g, &ctx->viewer, s->m.id, a, &s->res,
	                              &s->nres, err)) ||
	    (rc = gov_document_list(g, &ctx->viewer, s->m.id, a, &s->docs,
	                            &s->ndocs, err)) ||
	    (rc = gov_circulation_list(g, &ctx->viewer, s->m.id, a, &s->circ,
	                               &s->ncirc, err)) ||
	    (rc = gov_declaration_list(g, &ctx->viewer, s->m.id, a, &s->decl,
	                               &s->ndecl, err)))
		return rc;
	return MASA_OK;
}

static const char *person_label(struct arena *a, const char *honorific,
                                const char *name)
{
	return honorific ? arena_printf(a, "%s %s", honorific, name) : name;
}

static const char *item_number(const struct shown *s, int64_t item_id)
{
	for (size_t i = 0; i < s->nitems; i++)
		if (s->items[i].id == item_id)
			return s->items[i].number;
	return NULL;
}

static const char *meeting_key(struct cli_ctx *ctx, int64_t id)
{
	struct gov_meeting m;
	struct masa_error ignored;

	if (gov_meeting_get(&ctx->gov, id, &ctx->arena, &m, &ignored) !=
	    MASA_OK)
		return "a later meeting";
	return m.key;
}

static const char *person_name(struct cli_ctx *ctx, int64_t id)
{
	struct gov_person p;
	struct masa_error ignored;

	if (gov_person_get(&ctx->gov, id, &ctx->arena, &p, &ignored) != MASA_OK)
		return "?";
	return person_label(&ctx->arena, p.honorific_prefix, p.name);
}

static const char *quorum_sentence(struct arena *a, const struct shown *s)
{
	const struct gov_quorum *q = &s->quorum;
	const char *base = arena_printf(a, "%d of %d voting members present",
	                                q->voting_present, q->voting_members);

	if (s->natt == 0)
		return "not known: no attendance was recorded";
	if (!q->has_rule)
		return arena_printf(a, "%s (the body has no quorum rule)",
		                    base);
	return arena_printf(
	        a, "%s; rule: %s; %s%s", base,
	        gov_body_quorum_text(a, &s->body),
	        q->quorate ? "quorate" : "INQUORATE",
	        q->partners_missing
	                ? arena_printf(a,
	                               " (%d safeguarding partner%s "
	                               "not present)",
	                               q->partners_missing,
	                               q->partners_missing == 1 ? "" : "s")
	                : "");
}

/* Prints text with every line indented by pad spaces. */
static void print_indented(const char *text, int pad)
{
	const char *p = text;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > 0)
			printf("%*s%.*s\n", pad, "", (int)len, p);
		else
			printf("\n");
		p += len + (nl ? 1 : 0);
	}
}

/* "minute_taker" -> "minute taker", for people to read. */
static const char *role_words(struct arena *a, const char *role)
{
	char *words = arena_strdup(a, role);

	for (char *p = words; *p; p++)
		if (*p == '_')
			*p = ' ';
	return words;
}

static void print_attendance_group(struct cli_ctx *ctx, const struct shown *s,
                                   const char *title, const char *status)
{
	bool any = false;

	for (size_t i = 0; i < s->natt; i++) {
		const struct gov_attendee *at = &s->att[i];
		bool sub = strcmp(at->a.status, "represented_by") == 0;

		if (!(strcmp(at->a.status, status) == 0 ||
		      (sub && strcmp(status, "present") == 0)))
			continue;
		if (!any)
			printf("\n%s\n", title);
		any = true;
		printf("  %s", person_label(&ctx->arena, at->honorific_prefix,
		                            at->person_name));
		if (at->role != NULL)
			printf(" (%s)", role_words(&ctx->arena, at->role));
		if (sub)
			printf(", represented by %s", at->substitute_name);
		if (at->job_title != NULL)
			printf(": %s", at->job_title);
		if (at->arrived_item != NULL)
			printf("; arrived at item %s", at->arrived_item);
		if (at->left_item != NULL)
			printf("; left at item %s", at->left_item);
		printf("\n");
	}
}

static void print_meeting(struct cli_ctx *ctx, const struct shown *s)
{
	struct arena *a = &ctx->arena;
	const struct gov_meeting *m = &s->m;

	printf("%s (%s)\n", s->body.name, s->body.short_name);
	if (m->name != NULL && strcmp(m->name, s->body.name) != 0 &&
	    strcmp(m->name, arena_printf(a, "%s (%s)", s->body.name,
	                                 s->body.short_name)) != 0)
		printf("%s\n", m->name);
	printf("Meeting %s: %s", m->key, date_long(a, m->date));
	if (m->start_time)
		printf(", %s", time_range(a, m->start_time, m->end_time));
	if (m->location)
		printf(", %s", m->location);
	printf("\nStatus: %s\nQuorum: %s\n", m->status, quorum_sentence(a, s));
	if (m->webcast_url)
		printf("Webcast: %s\n", m->webcast_url);
	if (m->agenda_published_on)
		printf("Agenda published on %s\n",
		       date_long(a, m->agenda_published_on));
	if (m->part_two_exemption)
		printf("Part 2 under: %s\n", m->part_two_exemption);
	print_attendance_group(ctx, s, "Present", "present");
	print_attendance_group(ctx, s, "In attendance", "in_attendance");
	print_attendance_group(ctx, s, "Apologies", "apologies");
	print_attendance_group(ctx, s, "Absent", "absent");
	if (s->ndecl > 0) {
		printf("\nDeclarations of interest\n");
		for (size_t i = 0; i < s->ndecl; i++) {
			const char *num = item_number(s, s->decl[i].item_id);
			printf("  %s%s%s: %s\n",
			       person_name(ctx, s->decl[i].person_id),
			       num ? ", item " : "", num ? num : "",
			       s->decl[i].interest);
		}
	}
	printf("\nAgenda and minutes\n");
	if (s->nitems == 0)
		printf("  (no agenda recorded)\n");
	for (size_t i = 0; i < s->nitems; i++) {
		const struct gov_item *it = &s->items[i];
		printf("\n%s %s", it->number, it->title);
		if (it->confidential)
			printf("  [confidential: press and public "
			       "excluded%s%s]",
			       it->part_two_reason ? "; " : "",
			       it->part_two_reason ? it->part_two_reason : "");
		printf("\n");
		if (it->presenter_id)
			printf("   Presented by %s\n",
			       person_name(ctx, it->presenter_id));
		if (strcmp(it->status, "deferred") == 0)
			printf("   Deferred%s%s\n",
			       it->deferred_to_id ? " to " : "",
			       it->deferred_to_id
			               ? meeting_key(ctx, it->deferred_to_id)
			               : "");
		else if (strcmp(it->status, "withdrawn") == 0)
			printf("   Withdrawn\n");
		if (it->minutes) {
			printf("\n");
			print_indented(it->minutes, 3);
		}
		bool first = true;
		for (size_t r = 0; r < s->nres; r++) {
			if (s->res[r].item_id != it->id)
				continue;
			if (first)
				printf("\n   Resolved:\n");
			first = false;
			printf("   (%lld) %s\n", (long long)s->res[r].number,
			       s->res[r].text);
		}
		for (size_t d = 0; d < s->ndocs; d++) {
			size_t sent = 0;
			if (s->docs[d].item_id != it->id)
				continue;
			for (size_t c = 0; c < s->ncirc; c++)
				sent += s->circ[c].document_id == s->docs[d].id;
			printf("   Paper: %s (%s)", s->docs[d].title,
			       s->docs[d].kind);
			if (sent)
				printf(", circulated to %zu %s", sent,
				       sent == 1 ? "person" : "people");
			if (s->docs[d].url)
				printf(" <%s>", s->docs[d].url);
			printf("\n");
		}
	}
}

static json_t *meeting_json(struct cli_ctx *ctx, const struct shown *s)
{
	const struct gov_meeting *m = &s->m;
	json_t *att = json_array(), *items = json_array(), *decl = json_array();

	for (size_t i = 0; i < s->natt; i++) {
		const struct gov_attendee *at = &s->att[i];
		json_array_append_new(
		        att,
		        json_pack("{s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:o}",
		                  "person", at->person_key, "name",
		                  at->person_name, "honorific_prefix",
		                  text_or_null(at->honorific_prefix), "role",
		                  text_or_null(at->role), "status",
		                  at->a.status, "substitute",
		                  text_or_null(at->substitute_key),
		                  "arrived_at_item",
		                  text_or_null(at->arrived_item),
		                  "left_at_item", text_or_null(at->left_item)));
	}
	for (size_t i = 0; i < s->nitems; i++) {
		const struct gov_item *it = &s->items[i];
		json_t *res = json_array(), *docs = json_array();
		for (size_t r = 0; r < s->nres; r++)
			if (s->res[r].item_id == it->id)
				json_array_append_new(
				        res,
				        json_pack("{s:I, s:s}", "number",
				                  (json_int_t)s->res[r].number,
				                  "text", s->res[r].text));
		for (size_t d = 0; d < s->ndocs; d++)
			if (s->docs[d].item_id == it->id)
				json_array_append_new(
				        docs,
				        json_pack(
				                "{s:s, s:s, s:o}", "title",
				                s->docs[d].title, "kind",
				                s->docs[d].kind, "url",
				                text_or_null(s->docs[d].url)));
		json_array_append_new(
		        items,
		        json_pack(
		                "{s:s, s:o, s:s, s:b, s:o, s:s, s:o, s:o, s:o, "
		                "s:o}",
		                "number", it->number, "parent",
		                text_or_null(item_number(s, it->parent_id)),
		                "title", it->title, "confidential",
		                it->confidential, "part_two_reason",
		                text_or_null(it->part_two_reason), "status",
		                it->status, "deferred_to",
		                it->deferred_to_id
		                        ? json_string(meeting_key(
		                                  ctx, it->deferred_to_id))
		                        : json_null(),
		                "minutes", text_or_null(it->minutes),
		                "resolutions", res, "documents", docs));
	}
	for (size_t i = 0; i < s->ndecl; i++)
		json_array_append_new(
		        decl, json_pack("{s:s, s:o, s:s}", "person",
		                        person_name(ctx, s->decl[i].person_id),
		                        "item",
		                        text_or_null(item_number(
		                                s, s->decl[i].item_id)),
		                        "interest", s->decl[i].interest));
	return json_pack(
	        "{s:s, s:s, s:o, s:s, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:I, "
	        "s:{s:b, s:i, s:i, s:i, s:i, s:b}, s:o, s:o, s:o}",
	        "id", m->key, "body", s->body.short_name, "name",
	        text_or_null(m->name), "date", m->date, "start_time",
	        text_or_null(m->start_time), "end_time",
	        text_or_null(m->end_time), "location",
	        text_or_null(m->location), "status", m->status, "webcast_url",
	        text_or_null(m->webcast_url), "agenda_published_on",
	        text_or_null(m->agenda_published_on), "part_two_exemption",
	        text_or_null(m->part_two_exemption), "version",
	        (json_int_t)m->version, "quorum", "has_rule",
	        s->quorum.has_rule, "voting_members", s->quorum.voting_members,
	        "voting_present", s->quorum.voting_present, "required",
	        s->quorum.required, "partners_missing",
	        s->quorum.partners_missing, "quorate", s->quorum.quorate,
	        "attendance", att, "items", items, "declarations", decl);
}

static int run_meeting_show(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct shown s;

	memset(&s, 0, sizeof s);
	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    load_meeting(ctx, args->positional[0], &s, &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json)
		json_print(meeting_json(ctx, &s), stdout);
	else
		print_meeting(ctx, &s);
	return 0;
}

const struct cli_command cmd_meeting_show = {
        .name = "meeting show",
        .arguments = "ID",
        .summary = "one meeting: attendance, quorum, agenda, minutes, "
                   "resolutions",
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_meeting_show,
};
