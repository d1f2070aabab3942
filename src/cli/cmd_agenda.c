/*
 * cmd_agenda: what the business unit does before and at a meeting, from
 * the command line: schedule one meeting or a series, move, cancel and set
 * up a meeting (webcast, part two), build its agenda (from the draft, add,
 * reorder, remove, set an item) and publish it; record who came,
 * declarations of interest, late arrivals and early departures, each
 * item's minutes and resolutions, and the minutes' status.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/date.h"
#include "gov/agenda.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"

static int done(struct cli_ctx *ctx, const char *meeting, const char *what)
{
	if (ctx->json)
		json_print(json_pack("{s:s, s:s}", "meeting", meeting, "done",
		                     what),
		           stdout);
	else
		printf("%s: %s\n", meeting, what);
	return 0;
}

/* The meeting named, and (when number is not NULL) its item numbered. */
static enum masa_err meeting_item(struct cli_ctx *ctx, const char *key,
                                  const char *number, struct gov_meeting *m,
                                  struct gov_item *it, struct masa_error *err)
{
	enum masa_err rc;

	if ((rc = cli_open_partnership(ctx, err)) ||
	    (rc = cli_find_meeting(ctx, NULL, key, m, err)))
		return rc;
	if (number == NULL)
		return MASA_OK;
	rc = gov_item_find(&ctx->gov, &ctx->viewer, m->id, number, &ctx->arena,
	                   it, err);
	if (rc == MASA_ERR_NOT_FOUND)
		rc = masa_error_set(err, rc, "item: no item \"%.40s\" at %s",
		                    number, m->key);
	return rc;
}

/* The person with key (0 for NULL or ""). */
static enum masa_err person_id(struct cli_ctx *ctx, const char *field,
                               const char *key, int64_t *id,
                               struct masa_error *err)
{
	struct gov_person p;
	enum masa_err rc;

	*id = 0;
	if (key == NULL || key[0] == '\0')
		return MASA_OK;
	rc = gov_person_find(&ctx->gov, ctx->partnership.id, key, &ctx->arena,
	                     &p, err);
	if (rc == MASA_ERR_NOT_FOUND)
		rc = masa_error_set(err, rc, "%s: no person \"%.60s\"", field,
		                    key);
	*id = p.id;
	return rc;
}

/* The id of item number at m (0 for NULL or ""). */
static enum masa_err item_id(struct cli_ctx *ctx, const char *field,
                             const struct gov_meeting *m, const char *number,
                             int64_t *id, struct masa_error *err)
{
	struct gov_item it;
	enum masa_err rc;

	*id = 0;
	if (number == NULL || number[0] == '\0')
		return MASA_OK;
	rc = gov_item_find(&ctx->gov, &ctx->viewer, m->id, number, &ctx->arena,
	                   &it, err);
	if (rc == MASA_ERR_NOT_FOUND)
		rc = masa_error_set(err, rc, "%s: no item \"%.40s\" at %s",
		                    field, number, m->key);
	*id = it.id;
	return rc;
}

/* Option i as a whole number from 1 to max, or 0 when not given. */
static enum masa_err opt_int(const struct cli_args *args, int i,
                             const char *name, long max, int *out,
                             struct masa_error *err)
{
	long n = 0;
	enum masa_err rc = MASA_OK;

	if (cli_opt(args, i))
		rc = cli_number(name, cli_opt(args, i), 1, max, &n, err);
	*out = (int)n;
	return rc;
}

/* meeting schedule BODY */

enum {
	SCH_DATE,
	SCH_EVERY,
	SCH_WEEKS,
	SCH_WEEKDAY,
	SCH_WEEK,
	SCH_DAY,
	SCH_FROM,
	SCH_UNTIL,
	SCH_COUNT,
	SCH_START,
	SCH_END,
	SCH_LOCATION,
	SCH_NAME,
	SCH_WEBCAST,
};

static const struct cli_option schedule_options[] = {
        [SCH_DATE] = {"date", "DATE", "one meeting on DATE (YYYY-MM-DD)"},
        [SCH_EVERY] = {"every", "HOW",
                       "a series: monthly, bimonthly, quarterly, yearly "
                       "or weeks (with --weeks)"},
        [SCH_WEEKS] = {"weeks", "N", "every N weeks (with --every weeks)"},
        [SCH_WEEKDAY] = {"weekday", "DAY", "monday ... sunday"},
        [SCH_WEEK] = {"week", "WHICH",
                      "first, second, third, fourth or last (weekday) of "
                      "the month"},
        [SCH_DAY] = {"day", "N", "or the Nth day of the month"},
        [SCH_FROM] = {"from", "DATE", "the series starts on or after DATE"},
        [SCH_UNTIL] = {"until", "DATE", "the series ends on or before DATE"},
        [SCH_COUNT] = {"count", "N", "or after N meetings"},
        [SCH_START] = {"start", "HH:MM", "start time"},
        [SCH_END] = {"end", "HH:MM", "end time"},
        [SCH_LOCATION] = {"location", "TEXT", "where"},
        [SCH_NAME] = {"name", "TEXT", "title, when not the body's name"},
        [SCH_WEBCAST] = {"webcast", "URL", "webcast address"},
        {NULL, NULL, NULL},
};

static int run_schedule(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_body body;
	struct gov_series s = {0};
	struct gov_meeting like = {0};
	int64_t *ids;
	size_t n;

	if ((cli_opt(args, SCH_DATE) != NULL) ==
	    (cli_opt(args, SCH_EVERY) != NULL)) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "give --date for one meeting or --every for a "
		               "series");
		return cli_fail(&err);
	}
	if (cli_opt(args, SCH_DATE)) {
		s.every = "once";
		s.from = cli_opt(args, SCH_DATE);
	} else {
		s.every = cli_opt(args, SCH_EVERY);
		s.from = cli_opt(args, SCH_FROM);
		s.until = cli_opt(args, SCH_UNTIL);
		s.weekday = cli_opt(args, SCH_WEEKDAY);
		s.week = cli_opt(args, SCH_WEEK);
		if (s.from == NULL) {
			masa_error_set(&err, MASA_ERR_USAGE,
			               "--from: a series needs its first date");
			return cli_fail(&err);
		}
	}
	if (opt_int(args, SCH_WEEKS, "weeks", 52, &s.weeks, &err) ||
	    opt_int(args, SCH_DAY, "day", 31, &s.day_of_month, &err) ||
	    opt_int(args, SCH_COUNT, "count", GOV_SERIES_MAX, &s.count, &err))
		return cli_fail(&err);
	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    gov_body_find(&ctx->gov, ctx->partnership.id, args->positional[0],
	                  &ctx->arena, &body, &err) != MASA_OK)
		return cli_fail(&err);
	like.body_id = body.id;
	like.name = (char *)cli_opt(args, SCH_NAME);
	like.start_time = (char *)cli_opt(args, SCH_START);
	like.end_time = (char *)cli_opt(args, SCH_END);
	like.location = (char *)cli_opt(args, SCH_LOCATION);
	like.webcast_url = (char *)cli_opt(args, SCH_WEBCAST);
	if (gov_meeting_schedule(&ctx->gov, &like, &s, &ctx->arena, &ids, &n,
	                         &err) != MASA_OK)
		return cli_fail(&err);
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		struct gov_meeting m;
		if (gov_meeting_get(&ctx->gov, ids[i], &ctx->arena, &m, &err) !=
		    MASA_OK) {
			json_decref(list);
			return cli_fail(&err);
		}
		if (ctx->json)
			json_array_append_new(list,
			                      json_pack("{s:s, s:s}", "id",
			                                m.key, "date", m.date));
		else
			printf("scheduled %s (%s)\n", m.key,
			       date_long(&ctx->arena, m.date));
	}
	if (ctx->json)
		json_print(json_pack("{s:o}", "scheduled", list), stdout);
	else
		json_decref(list);
	return 0;
}

const struct cli_command cmd_meeting_schedule = {
        .name = "meeting schedule",
        .arguments = "BODY",
        .summary = "schedule one meeting of a body, or a series (all or "
                   "none)",
        .options = schedule_options,
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_schedule,
};

/* meeting move MEETING */

enum { MOVE_DATE, MOVE_START, MOVE_END, MOVE_LOCATION, MOVE_VERSION };

static const struct cli_option move_options[] = {
        [MOVE_DATE] = {"date", "DATE", "the new date (required)"},
        [MOVE_START] = {"start", "HH:MM", "the new start time"},
        [MOVE_END] = {"end", "HH:MM", "the new end time"},
        [MOVE_LOCATION] = {"location", "TEXT", "the new place"},
        [MOVE_VERSION] = {"version", "N",
                          "refuse if the meeting is no longer at version "
                          "N"},
        {NULL, NULL, NULL},
};

static int run_move(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	long version = 0;

	if (cli_opt(args, MOVE_DATE) == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE, "--date: required");
		return cli_fail(&err);
	}
	if ((cli_opt(args, MOVE_VERSION) &&
	     cli_number("version", cli_opt(args, MOVE_VERSION), 1, LONG_MAX,
	                &version, &err) != MASA_OK) ||
	    meeting_item(ctx, args->positional[0], NULL, &m, NULL, &err) ||
	    gov_meeting_move(&ctx->gov, m.id, version, cli_opt(args, MOVE_DATE),
	                     cli_opt(args, MOVE_START)
	                             ? cli_opt(args, MOVE_START)
	                             : m.start_time,
	                     cli_opt(args, MOVE_END) ? cli_opt(args, MOVE_END)
	                                             : m.end_time,
	                     cli_opt(args, MOVE_LOCATION), &err) != MASA_OK)
		return cli_fail(&err);
	return done(
	        ctx, m.key,
	        arena_printf(&ctx->arena, "moved to %s",
	                     date_long(&ctx->arena, cli_opt(args, MOVE_DATE))));
}

const struct cli_command cmd_meeting_move = {
        .name = "meeting move",
        .arguments = "MEETING",
        .summary = "move a meeting to another date, time or place (its id "
                   "stays)",
        .options = move_options,
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_move,
};

/* meeting cancel MEETING */

static int run_cancel(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;

	if (meeting_item(ctx, args->positional[0], NULL, &m, NULL, &err) ||
	    gov_meeting_cancel(&ctx->gov, m.id, 0, &err) != MASA_OK)
		return cli_fail(&err);
	return done(ctx, m.key, "cancelled");
}

const struct cli_command cmd_meeting_cancel = {
        .name = "meeting cancel",
        .arguments = "MEETING",
        .summary = "cancel a meeting (it is kept, shown as cancelled)",
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_cancel,
};

/* meeting set MEETING */

enum { SET_WEBCAST, SET_EXEMPTION, SET_NO_PART_TWO };

static const struct cli_option set_options[] = {
        [SET_WEBCAST] = {"webcast", "URL", "webcast address (\"\" clears)"},
        [SET_EXEMPTION] = {"part-two", "EXEMPTION",
                           "the meeting has a part two, under EXEMPTION "
                           "(\"Paragraphs 1 and 2 of Schedule 12A ...\")"},
        [SET_NO_PART_TWO] = {"no-part-two", NULL, "it has no part two"},
        {NULL, NULL, NULL},
};

static char *empty_null(const char *s)
{
	return s && s[0] ? (char *)s : NULL;
}

static int run_set(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;

	if (meeting_item(ctx, args->positional[0], NULL, &m, NULL, &err))
		return cli_fail(&err);
	if (cli_opt(args, SET_WEBCAST))
		m.webcast_url = empty_null(cli_opt(args, SET_WEBCAST));
	if (cli_opt(args, SET_EXEMPTION))
		m.part_two_exemption = empty_null(cli_opt(args, SET_EXEMPTION));
	if (cli_opt(args, SET_NO_PART_TWO))
		m.part_two_exemption = NULL;
	if (gov_meeting_update(&ctx->gov, &m, &err) != MASA_OK)
		return cli_fail(&err);
	return done(ctx, m.key, "saved");
}

const struct cli_command cmd_meeting_set = {
        .name = "meeting set",
        .arguments = "MEETING",
        .summary = "set a meeting's webcast address and part two exemption",
        .options = set_options,
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_set,
};

/* agenda add MEETING */

enum { ADD_DRAFT, ADD_TITLE, ADD_NUMBER, ADD_UNDER, ADD_PRESENTER, ADD_PART2 };

static const struct cli_option add_options[] = {
        [ADD_DRAFT] = {"draft", NULL,
                       "add every item masa proposes (see agenda draft)"},
        [ADD_TITLE] = {"title", "TEXT", "or add one item with this title"},
        [ADD_NUMBER] = {"number", "N",
                        "its number (default: the next whole number)"},
        [ADD_UNDER] = {"under", "N", "a sub-item of item N"},
        [ADD_PRESENTER] = {"presenter", "PERSON", "who presents it"},
        [ADD_PART2] = {"part-two", "REASON",
                       "taken in part two (confidential), and why"},
        {NULL, NULL, NULL},
};

static int run_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_item it = {0};

	if ((cli_opt(args, ADD_DRAFT) != NULL) ==
	    (cli_opt(args, ADD_TITLE) != NULL)) {
		masa_error_set(&err, MASA_ERR_USAGE, "give --draft or --title");
		return cli_fail(&err);
	}
	if (meeting_item(ctx, args->positional[0], NULL, &m, NULL, &err))
		return cli_fail(&err);
	if (cli_opt(args, ADD_DRAFT)) {
		size_t added;
		if (gov_agenda_add_draft(&ctx->gov, m.id, &added, &err))
			return cli_fail(&err);
		return done(ctx, m.key,
		            arena_printf(&ctx->arena,
		                         "%zu proposed item%s added", added,
		                         added == 1 ? "" : "s"));
	}
	it.meeting_id = m.id;
	it.title = (char *)cli_opt(args, ADD_TITLE);
	it.number = (char *)cli_opt(args, ADD_NUMBER);
	it.confidential = cli_opt(args, ADD_PART2) != NULL;
	it.part_two_reason = empty_null(cli_opt(args, ADD_PART2));
	if (item_id(ctx, "under", &m, cli_opt(args, ADD_UNDER), &it.parent_id,
	            &err) ||
	    person_id(ctx, "presenter", cli_opt(args, ADD_PRESENTER),
	              &it.presenter_id, &err) ||
	    gov_agenda_add(&ctx->gov, &it, &ctx->arena, &err) != MASA_OK)
		return cli_fail(&err);
	return done(ctx, m.key,
	            arena_printf(&ctx->arena, "item %s added", it.number));
}

const struct cli_command cmd_agenda_add = {
        .name = "agenda add",
        .arguments = "MEETING",
        .summary = "add the proposed items, or one item, to a meeting's "
                   "agenda",
        .options = add_options,
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_add,
};

/* agenda set MEETING NUMBER */

enum { ISET_TITLE, ISET_PRESENTER, ISET_PART2, ISET_OPEN };

static const struct cli_option item_set_options[] = {
        [ISET_TITLE] = {"title", "TEXT", "its title"},
        [ISET_PRESENTER] = {"presenter", "PERSON",
                            "who presents it (\"\" for no one)"},
        [ISET_PART2] = {"part-two", "REASON",
                        "taken in part two (confidential), and why"},
        [ISET_OPEN] = {"open", NULL, "taken in public (part one)"},
        {NULL, NULL, NULL},
};

static int run_item_set(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_item it;

	if (meeting_item(ctx, args->positional[0], args->positional[1], &m, &it,
	                 &err))
		return cli_fail(&err);
	if (cli_opt(args, ISET_TITLE))
		it.title = (char *)cli_opt(args, ISET_TITLE);
	if (cli_opt(args, ISET_PRESENTER) &&
	    person_id(ctx, "presenter", cli_opt(args, ISET_PRESENTER),
	              &it.presenter_id, &err))
		return cli_fail(&err);
	if (cli_opt(args, ISET_PART2)) {
		it.confidential = true;
		it.part_two_reason = empty_null(cli_opt(args, ISET_PART2));
	}
	if (cli_opt(args, ISET_OPEN)) {
		it.confidential = false;
		it.part_two_reason = NULL;
	}
	if (gov_item_update(&ctx->gov, &it, &err) != MASA_OK)
		return cli_fail(&err);
	return done(ctx, m.key,
	            arena_printf(&ctx->arena, "item %s saved", it.number));
}

const struct cli_command cmd_agenda_set = {
        .name = "agenda set",
        .arguments = "MEETING NUMBER",
        .summary = "set an agenda item's title, presenter or part",
        .options = item_set_options,
        .min_positional = 2,
        .max_positional = 2,
        .listing = true,
        .run = run_item_set,
};

/* agenda move MEETING NUMBER */

enum { AMOVE_UP, AMOVE_DOWN };

static const struct cli_option agenda_move_options[] = {
        [AMOVE_UP] = {"up", NULL, "one place earlier"},
        [AMOVE_DOWN] = {"down", NULL, "one place later"},
        {NULL, NULL, NULL},
};

static int run_agenda_move(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_item it;
	bool up = cli_opt(args, AMOVE_UP) != NULL;

	if (up == (cli_opt(args, AMOVE_DOWN) != NULL)) {
		masa_error_set(&err, MASA_ERR_USAGE, "give --up or --down");
		return cli_fail(&err);
	}
	if (meeting_item(ctx, args->positional[0], args->positional[1], &m, &it,
	                 &err) ||
	    gov_agenda_move(&ctx->gov, it.id, up ? -1 : 1, &err) != MASA_OK)
		return cli_fail(&err);
	return done(ctx, m.key,
	            arena_printf(&ctx->arena, "item %s moved %s", it.number,
	                         up ? "up" : "down"));
}

const struct cli_command cmd_agenda_move = {
        .name = "agenda move",
        .arguments = "MEETING NUMBER",
        .summary = "move an agenda item up or down (whole numbers follow)",
        .options = agenda_move_options,
        .min_positional = 2,
        .max_positional = 2,
        .listing = true,
        .run = run_agenda_move,
};

/* agenda remove MEETING NUMBER */

static int run_remove(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_item it;

	if (meeting_item(ctx, args->positional[0], args->positional[1], &m, &it,
	                 &err) ||
	    gov_agenda_remove(&ctx->gov, it.id, &err) != MASA_OK)
		return cli_fail(&err);
	return done(ctx, m.key,
	            arena_printf(&ctx->arena, "item %s removed", it.number));
}

const struct cli_command cmd_agenda_remove = {
        .name = "agenda remove",
        .arguments = "MEETING NUMBER",
        .summary = "remove an agenda item with nothing recorded on it",
        .min_positional = 2,
        .max_positional = 2,
        .listing = true,
        .run = run_remove,
};

/* agenda publish MEETING */

enum { PUB_ON, PUB_WITHDRAW };

static const struct cli_option publish_options[] = {
        [PUB_ON] = {"on", "DATE", "the date it is published (default today)"},
        [PUB_WITHDRAW] = {"withdraw", NULL,
                          "withdraw it (only before the meeting)"},
        {NULL, NULL, NULL},
};

static int run_publish(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	char today[DATE_TEXT_SIZE];
	const char *on = cli_opt(args, PUB_ON);
	bool withdraw = cli_opt(args, PUB_WITHDRAW) != NULL;

	date_format(date_today(), today);
	if (on == NULL)
		on = today;
	if (meeting_item(ctx, args->positional[0], NULL, &m, NULL, &err) ||
	    gov_agenda_publish(&ctx->gov, m.id, 0, withdraw ? NULL : on,
	                       &err) != MASA_OK)
		return cli_fail(&err);
	return done(ctx, m.key,
	            withdraw ? "agenda withdrawn"
	                     : arena_printf(&ctx->arena,
	                                    "agenda published on %s", on));
}

const struct cli_command cmd_agenda_publish = {
        .name = "agenda publish",
        .arguments = "MEETING",
        .summary = "publish a meeting's agenda: everyone then sees its open "
                   "items and their papers",
        .options = publish_options,
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_publish,
};

/* meeting declare MEETING PERSON */

enum { DECL_INTEREST, DECL_ITEM };

static const struct cli_option declare_options[] = {
        [DECL_INTEREST] = {"interest", "TEXT", "what was declared (required)"},
        [DECL_ITEM] = {"item", "N", "the item it was declared on"},
        {NULL, NULL, NULL},
};

static int run_declare(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_declaration d = {0};

	if (cli_opt(args, DECL_INTEREST) == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE, "--interest: required");
		return cli_fail(&err);
	}
	if (meeting_item(ctx, args->positional[0], NULL, &m, NULL, &err) ||
	    person_id(ctx, "person", args->positional[1], &d.person_id, &err) ||
	    item_id(ctx, "item", &m, cli_opt(args, DECL_ITEM), &d.item_id,
	            &err))
		return cli_fail(&err);
	d.meeting_id = m.id;
	d.interest = (char *)cli_opt(args, DECL_INTEREST);
	if (gov_declaration_create(&ctx->gov, &d, &err) != MASA_OK)
		return cli_fail(&err);
	return done(ctx, m.key, "declaration recorded");
}

const struct cli_command cmd_meeting_declare = {
        .name = "meeting declare",
        .arguments = "MEETING PERSON",
        .summary = "record a declaration of interest at a meeting",
        .options = declare_options,
        .min_positional = 2,
        .max_positional = 2,
        .listing = true,
        .run = run_declare,
};

/* meeting arrival MEETING PERSON */

enum { ARR_ARRIVED, ARR_LEFT };

static const struct cli_option arrival_options[] = {
        [ARR_ARRIVED] = {"arrived", "N",
                         "arrived at the start of item N (\"\" clears)"},
        [ARR_LEFT] = {"left", "N", "left during item N (\"\" clears)"},
        {NULL, NULL, NULL},
};

static int run_arrival(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	int64_t person, arrived, left;

	if (meeting_item(ctx, args->positional[0], NULL, &m, NULL, &err) ||
	    person_id(ctx, "person", args->positional[1], &person, &err) ||
	    item_id(ctx, "arrived", &m, cli_opt(args, ARR_ARRIVED), &arrived,
	            &err) ||
	    item_id(ctx, "left", &m, cli_opt(args, ARR_LEFT), &left, &err) ||
	    gov_attendance_at_items(&ctx->gov, m.id, person, arrived, left,
	                            &err) != MASA_OK)
		return cli_fail(&err);
	return done(ctx, m.key, "arrival and departure recorded");
}

const struct cli_command cmd_meeting_arrival = {
        .name = "meeting arrival",
        .arguments = "MEETING PERSON",
        .summary = "record the item at which someone present arrived or "
                   "left",
        .options = arrival_options,
        .min_positional = 2,
        .max_positional = 2,
        .listing = true,
        .run = run_arrival,
};

/*
 * What happened at the meeting, from the command line as from the meeting
 * page's forms: who came, each item's minutes, its resolutions, and the
 * minutes' status.
 */

/* meeting attend MEETING PERSON --status S [--substitute PERSON] */

enum { ATT_STATUS, ATT_SUBSTITUTE };

static const struct cli_option attend_options[] = {
        [ATT_STATUS] = {"status", "STATUS",
                        "present, apologies, absent, in_attendance or "
                        "represented_by (required)"},
        [ATT_SUBSTITUTE] = {"substitute", "PERSON",
                            "who came instead (with represented_by)"},
        {NULL, NULL, NULL},
};

static int run_attend(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_attendee *rows;
	struct gov_attendance at = {0};
	const struct gov_attendance *was = NULL;
	size_t n = 0;
	enum masa_err rc;

	if (cli_opt(args, ATT_STATUS) == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE, "--status: required");
		return cli_fail(&err);
	}
	if (meeting_item(ctx, args->positional[0], NULL, &m, NULL, &err) ||
	    person_id(ctx, "person", args->positional[1], &at.person_id,
	              &err) ||
	    person_id(ctx, "substitute", cli_opt(args, ATT_SUBSTITUTE),
	              &at.substitute_id, &err) ||
	    gov_attendance_list(&ctx->gov, m.id, &ctx->arena, &rows, &n, &err))
		return cli_fail(&err);
	at.meeting_id = m.id;
	at.status = (char *)cli_opt(args, ATT_STATUS);
	for (size_t i = 0; i < n && was == NULL; i++)
		if (rows[i].a.person_id == at.person_id)
			was = &rows[i].a;
	if (was == NULL) {
		rc = gov_attendance_record(&ctx->gov, &at, &err);
	} else {
		at.id = was->id;
		/* Arriving and leaving stay while they still apply. */
		if (strcmp(at.status, "apologies") != 0 &&
		    strcmp(at.status, "absent") != 0) {
			at.arrived_item_id = was->arrived_item_id;
			at.left_item_id = was->left_item_id;
		}
		rc = gov_attendance_update(&ctx->gov, &at, &err);
	}
	if (rc != MASA_OK)
		return cli_fail(&err);
	return done(ctx, m.key, "attendance recorded");
}

const struct cli_command cmd_meeting_attend = {
        .name = "meeting attend",
        .arguments = "MEETING PERSON",
        .summary = "record whether someone came to a meeting (present, "
                   "apologies, represented by...)",
        .options = attend_options,
        .min_positional = 2,
        .max_positional = 2,
        .listing = true,
        .run = run_attend,
};

/* minutes write MEETING ITEM (--text TEXT | --file FILE) */

enum { MIN_TEXT, MIN_FILE };

static const struct cli_option minutes_options[] = {
        [MIN_TEXT] = {"text", "MARKDOWN", "the item's minutes"},
        [MIN_FILE] = {"file", "FILE",
                      "or read them from a Markdown file (\"-\": standard "
                      "input)"},
        {NULL, NULL, NULL},
};

enum { MINUTES_MAX = 1024 * 1024 };

/* Reads path ("-": standard input) whole into a, at most MINUTES_MAX. */
static enum masa_err read_text(const char *path, struct arena *a, char **out,
                               struct masa_error *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *text;
	size_t n;

	if (f == NULL)
		return masa_error_set(err, MASA_ERR_IO,
		                      "--file: cannot read %s: %s", path,
		                      strerror(errno));
	text = arena_alloc(a, MINUTES_MAX + 2);
	n = fread(text, 1, MINUTES_MAX + 1, f);
	if (f != stdin)
		fclose(f);
	if (n > MINUTES_MAX)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "--file: %s is longer than the 1 MB an "
		                      "item's minutes may be",
		                      path);
	text[n] = '\0';
	*out = text;
	return MASA_OK;
}

static int run_minutes_write(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_item it;
	char *text = (char *)cli_opt(args, MIN_TEXT);
	enum masa_err rc;

	if ((text == NULL) == (cli_opt(args, MIN_FILE) == NULL)) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "minutes write: give the minutes with --text or "
		               "--file, not both");
		return cli_fail(&err);
	}
	if (meeting_item(ctx, args->positional[0], args->positional[1], &m, &it,
	                 &err) ||
	    (text == NULL &&
	     read_text(cli_opt(args, MIN_FILE), &ctx->arena, &text, &err)))
		return cli_fail(&err);
	it.minutes = text[0] ? text : NULL;
	it.version = 0;
	rc = gov_begin(&ctx->gov, &err);
	if (rc == MASA_OK)
		rc = gov_end(&ctx->gov, gov_item_update(&ctx->gov, &it, &err),
		             &err);
	if (rc != MASA_OK)
		return cli_fail(&err);
	return done(ctx, m.key,
	            arena_printf(&ctx->arena, "minutes of item %s written",
	                         it.number));
}

const struct cli_command cmd_minutes_write = {
        .name = "minutes write",
        .arguments = "MEETING ITEM",
        .summary = "write (or replace) an item's minutes, in Markdown",
        .options = minutes_options,
        .min_positional = 2,
        .max_positional = 2,
        .listing = true,
        .run = run_minutes_write,
};

/* resolution add MEETING ITEM --text TEXT */

enum { RES_TEXT };

static const struct cli_option resolution_options[] = {
        [RES_TEXT] = {"text", "TEXT",
                      "what was resolved: \"That the report be noted\" "
                      "(required)"},
        {NULL, NULL, NULL},
};

static int run_resolution_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_item it;
	struct gov_resolution *res, r = {0};
	size_t n = 0;
	enum masa_err rc;

	if (cli_opt(args, RES_TEXT) == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE, "--text: required");
		return cli_fail(&err);
	}
	if (meeting_item(ctx, args->positional[0], args->positional[1], &m, &it,
	                 &err))
		return cli_fail(&err);
	r.item_id = it.id;
	r.text = (char *)cli_opt(args, RES_TEXT);
	rc = gov_begin(&ctx->gov, &err);
	if (rc == MASA_OK) {
		rc = gov_resolution_list(&ctx->gov, &ctx->viewer, m.id,
		                         &ctx->arena, &res, &n, &err);
		r.number = 1;
		for (size_t i = 0; rc == MASA_OK && i < n; i++)
			if (res[i].item_id == it.id &&
			    res[i].number >= r.number)
				r.number = res[i].number + 1;
		if (rc == MASA_OK)
			rc = gov_resolution_create(&ctx->gov, &r, &err);
		rc = gov_end(&ctx->gov, rc, &err);
	}
	if (rc != MASA_OK)
		return cli_fail(&err);
	return done(ctx, m.key,
	            arena_printf(&ctx->arena, "resolution (%lld) of item %s",
	                         (long long)r.number, it.number));
}

const struct cli_command cmd_resolution_add = {
        .name = "resolution add",
        .arguments = "MEETING ITEM",
        .summary = "record a resolution of an item (numbered after the "
                   "item's others)",
        .options = resolution_options,
        .min_positional = 2,
        .max_positional = 2,
        .listing = true,
        .run = run_resolution_add,
};

/* minutes status MEETING STATUS [--approved-on D] [--published-on D] */

enum { STAT_APPROVED, STAT_PUBLISHED };

static const struct cli_option status_options[] = {
        [STAT_APPROVED] = {"approved-on", "YYYY-MM-DD",
                           "when the minutes were approved (default: the "
                           "date stored, or today when newly approved)"},
        [STAT_PUBLISHED] = {"published-on", "YYYY-MM-DD",
                            "when they were published (default: the date "
                            "stored, or today when newly published)"},
        {NULL, NULL, NULL},
};

static int run_minutes_status(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	enum masa_err rc;

	if (meeting_item(ctx, args->positional[0], NULL, &m, NULL, &err))
		return cli_fail(&err);
	rc = gov_begin(&ctx->gov, &err);
	if (rc == MASA_OK)
		rc = gov_end(&ctx->gov,
		             gov_meeting_set_minutes(
		                     &ctx->gov, m.id, 0, args->positional[1],
		                     cli_opt(args, STAT_APPROVED),
		                     cli_opt(args, STAT_PUBLISHED), &err),
		             &err);
	if (rc != MASA_OK)
		return cli_fail(&err);
	return done(
	        ctx, m.key,
	        arena_printf(&ctx->arena, "minutes %s", args->positional[1]));
}

const struct cli_command cmd_minutes_status = {
        .name = "minutes status",
        .arguments = "MEETING STATUS",
        .summary = "set a meeting's minutes draft, approved or published "
                   "(published: the public sees them)",
        .options = status_options,
        .min_positional = 2,
        .max_positional = 2,
        .listing = true,
        .run = run_minutes_status,
};
