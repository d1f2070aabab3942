/*
 * synthetic: the made-up Northshire partnership (see synthetic.h).
 *
 * The shape: each body has seats, each seat represents an organisation and is
 * held by a succession of people (a new holder every few years, the old
 * membership ending the day before the new one starts). A meeting's
 * attendance is the holders of the seats on its date, with apologies,
 * absences, substitutes from the same organisation and a few guests; its
 * agenda is the standing items plus business items with sub-items, minutes,
 * resolutions, papers and the odd deferral to the body's next meeting. Every
 * rule of docs/interchange.md holds by construction, so `masa load` accepts
 * the document.
 */
#include "gov/synthetic.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/map.h"
#include "core/mem.h"
#include "core/text.h"

/* splitmix64: small, fast and the same on every platform. */
struct rng {
	uint64_t state;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += 0x9E3779B97F4A7C15u);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

/* A number from 0 to n-1. */
static int rng_below(struct rng *r, int n)
{
	return n <= 1 ? 0 : (int)(rng_next(r) % (uint64_t)n);
}

/* True with probability percent/100. */
static bool rng_chance(struct rng *r, int percent)
{
	return rng_below(r, 100) < percent;
}

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const first_names[] = {
        "Aisha",   "Alan",    "Amanda",   "Andrew",  "Angela",  "Anil",
        "Bethan",  "Brian",   "Carol",    "Chloe",   "Claire",  "Colin",
        "Daniel",  "David",   "Deborah",  "Dylan",   "Elaine",  "Emma",
        "Fatima",  "Fiona",   "Gareth",   "Gemma",   "Graham",  "Hannah",
        "Helen",   "Ian",     "Imran",    "Jack",    "James",   "Janet",
        "Jasmine", "Jo",      "John",     "Karen",   "Kate",    "Kevin",
        "Laura",   "Lee",     "Linda",    "Lucy",    "Mark",    "Martin",
        "Mary",    "Michael", "Mohammed", "Natalie", "Neil",    "Nicola",
        "Owen",    "Paul",    "Priya",    "Rachel",  "Rebecca", "Richard",
        "Rob",     "Ruth",    "Sam",      "Sarah",   "Simon",   "Sophie",
        "Stephen", "Sue",     "Tariq",    "Tom",     "Tracey",  "Wendy",
        "Yasmin",  "Zoe"};

static const char *const last_names[] = {
        "Ahmed",    "Allen",    "Atkinson", "Bailey",   "Baker",    "Bell",
        "Bennett",  "Brown",    "Carter",   "Chapman",  "Clarke",   "Cooper",
        "Davies",   "Dixon",    "Edwards",  "Evans",    "Fletcher", "Foster",
        "Gill",     "Graham",   "Green",    "Hall",     "Harris",   "Hill",
        "Holmes",   "Hughes",   "Hussain",  "Jackson",  "James",    "Johnson",
        "Jones",    "Kaur",     "Khan",     "King",     "Lee",      "Lewis",
        "Marshall", "Martin",   "Mason",    "Mills",    "Mitchell", "Moore",
        "Morgan",   "Morris",   "Murphy",   "Noble",    "O'Brien",  "Owen",
        "Parker",   "Patel",    "Pearson",  "Phillips", "Price",    "Rahman",
        "Reid",     "Richards", "Roberts",  "Robinson", "Scott",    "Shaw",
        "Singh",    "Smith",    "Stevens",  "Taylor",   "Thomas",   "Thompson",
        "Turner",   "Walker",   "Ward",     "Watson",   "White",    "Williams",
        "Wilson",   "Wood",     "Wright",   "Young"};

static const char *const honorifics[] = {"Mr", "Ms", "Mrs", "Dr", "Miss"};

struct org_spec {
	const char *name;
	const char *classification;
	const char *part;
	int people; /* how many of its staff the partnership knows */
};

static const struct org_spec org_specs[] = {
        {"Northshire County Council", "local_authority", "safeguarding_partner",
         60},
        {"Northshire Integrated Care Board", "health", "safeguarding_partner",
         36},
        {"Northshire Police", "police", "safeguarding_partner", 48},
        {"Northshire Hospitals NHS Foundation Trust", "health",
         "relevant_agency", 20},
        {"Northshire Community Health NHS Trust", "health", "relevant_agency",
         16},
        {"Northshire and Wolds Mental Health NHS Trust", "health",
         "relevant_agency", 16},
        {"East Coast Ambulance Service", "health", "relevant_agency", 6},
        {"Northshire Fire and Rescue Service", "fire", "relevant_agency", 8},
        {"Probation Service, Northshire", "probation", "relevant_agency", 12},
        {"Northshire Youth Justice Service", "local_authority",
         "relevant_agency", 10},
        {"Cafcass", "court", "relevant_agency", 6},
        {"Northshire Police and Crime Commissioner", "government", "other", 4},
        {"Department for Education", "government", "other", 2},
        {"Northshire Primary Heads' Association", "education", "education", 8},
        {"Northshire Secondary Heads' Forum", "education", "education", 8},
        {"Castlegate Academy Trust", "education", "education", 6},
        {"Riverside Multi-Academy Trust", "education", "education", 6},
        {"St Aidan's Catholic Academy Trust", "education", "education", 5},
        {"Northshire College", "education", "education", 6},
        {"Moorland Special School", "education", "education", 4},
        {"Northshire Early Years Network", "education", "education", 5},
        {"Independent Schools of Northshire", "education", "education", 4},
        {"Northshire Voluntary Action", "voluntary", "other", 8},
        {"Northshire Women's Aid", "voluntary", "other", 5},
        {"Children's Society, Northshire", "voluntary", "other", 5},
        {"Barnardo's Northshire", "voluntary", "other", 5},
        {"Northshire Young Carers", "voluntary", "other", 4},
        {"Northshire Housing Partnership", "other", "relevant_agency", 6},
        {"Northshire Faith Forum", "voluntary", "other", 4},
        {"Northshire Sports Partnership", "voluntary", "other", 4},
        {"Healthwatch Northshire", "voluntary", "other", 4},
        {"Northshire Drug and Alcohol Service", "health", "relevant_agency", 6},
        {"Border Force, Northern Region", "government", "relevant_agency", 3},
        {"British Transport Police", "police", "relevant_agency", 4},
        {"National Crime Agency", "police", "relevant_agency", 3},
        {"Northshire District Councils", "local_authority", "relevant_agency",
         10},
        {"Northshire Public Health", "local_authority", "relevant_agency", 10},
        {"Northshire Family Courts", "court", "other", 3},
        {"Lay members", "other", "other", 8},
        {"Independent Scrutiny", "other", "other", 3},
};

/* The table's staff counts, scaled to about 500 people in all. */
static int org_people(const struct org_spec *o)
{
	return o->people * 13 / 10;
}

static const char *const job_titles[] = {
        "Director of Children's Services",
        "Head of Safeguarding",
        "Designated Nurse for Safeguarding Children",
        "Named Doctor",
        "Detective Chief Inspector",
        "Detective Superintendent",
        "Head of Service, Early Help",
        "Service Manager",
        "Safeguarding Lead",
        "Head Teacher",
        "Principal",
        "Assistant Director",
        "Chief Executive",
        "Partnership Manager",
        "Business Officer",
        "Quality Assurance Manager",
        "Team Manager",
        "Senior Practitioner",
        "Training Coordinator",
        "Lay Member",
        "Independent Scrutineer",
        "Public Health Consultant",
        "Youth Justice Manager",
        "Head of Education Safeguarding"};

/* A body: its quorum and how often it meets. */
struct body_spec {
	const char *short_name;
	const char *name;
	const char *classification;
	int parent; /* index into the table, or -1 */
	int per_year;
	int seats;
	int life_years; /* 0: the whole span; else a task group that ends */
	int quorum_count;
	const char *quorum_fraction;
	bool partners;
};

static const struct body_spec body_specs[] = {
        {"COG", "Chief Officers' Group", "chief_officers_group", -1, 4, 8, 0, 0,
         NULL, true},
        {"EXEC", "Safeguarding Children Executive", "executive", 0, 6, 16, 0, 5,
         NULL, true},
        {"NSCP", "Northshire Safeguarding Children Partnership Board", "board",
         0, 4, 34, 0, 0, "1/3", true},
        {"WSP", "Wider Safeguarding Partnership", "wider_partnership", 0, 2, 40,
         0, 0, NULL, false},
        {"CYPSC", "Children and Young People's Scrutiny Committee",
         "scrutiny_committee", -1, 8, 14, 0, 0, "1/4", false},
        {"QAP", "Quality Assurance and Performance Group", "subgroup", 1, 10,
         22, 0, 0, "1/3", false},
        {"CSPR", "Child Safeguarding Practice Review Panel", "panel", 1, 12, 14,
         0, 4, NULL, true},
        {"CDOP", "Child Death Overview Panel", "panel", 1, 8, 16, 0, 5, NULL,
         false},
        {"EXPL", "Exploitation and Missing Group", "subgroup", 1, 10, 24, 0, 0,
         "1/3", false},
        {"LT", "Learning and Training Group", "subgroup", 1, 8, 18, 0, 0, "1/3",
         false},
        {"EH", "Early Help Partnership Group", "subgroup", 1, 8, 24, 0, 0,
         "1/3", false},
        {"EDU", "Education Safeguarding Forum", "subgroup", 1, 6, 30, 0, 0,
         "1/4", false},
        {"HLTH", "Health Safeguarding Group", "subgroup", 1, 10, 18, 0, 0,
         "1/3", false},
        {"DA", "Domestic Abuse and Children Group", "subgroup", 1, 6, 20, 0, 0,
         "1/3", false},
        {"NEG", "Neglect Strategy Group", "subgroup", 1, 6, 18, 0, 0, "1/3",
         false},
        {"VOICE", "Voice of the Child Group", "subgroup", 1, 6, 16, 0, 0, "1/4",
         false},
        {"MASH", "Multi-Agency Safeguarding Hub Board", "subgroup", 1, 8, 14, 0,
         4, NULL, false},
        {"CPP", "Corporate Parenting Panel", "panel", 4, 8, 16, 0, 0, "1/3",
         false},
        {"YJB", "Youth Justice Management Board", "board", 1, 6, 18, 0, 0,
         "1/3", false},
        {"CEXP", "Contextual Safeguarding Panel", "panel", 8, 12, 14, 0, 4,
         NULL, false},
        {"MACE", "Missing and Child Exploitation Panel", "panel", 8, 12, 16, 0,
         4, NULL, false},
        {"AUD", "Multi-Agency Audit Group", "subgroup", 5, 10, 12, 0, 3, NULL,
         false},
        {"DATA", "Data and Intelligence Group", "subgroup", 5, 6, 12, 0, 3,
         NULL, false},
        {"SSA", "Safeguarding Self-Assessment Panel", "panel", 5, 4, 12, 0, 3,
         NULL, false},
        {"TNA", "Training Needs Analysis Group", "subgroup", 9, 4, 10, 0, 3,
         NULL, false},
        {"PUB", "Communications and Engagement Group", "subgroup", 1, 4, 12, 0,
         0, "1/3", false},
        {"LOC-N", "North Locality Safeguarding Forum", "subgroup", 3, 6, 24, 0,
         0, "1/4", false},
        {"LOC-S", "South Locality Safeguarding Forum", "subgroup", 3, 6, 24, 0,
         0, "1/4", false},
        {"LOC-E", "East Locality Safeguarding Forum", "subgroup", 3, 6, 24, 0,
         0, "1/4", false},
        {"LOC-W", "West Locality Safeguarding Forum", "subgroup", 3, 6, 24, 0,
         0, "1/4", false},
        {"LOC-C", "Coast Locality Safeguarding Forum", "subgroup", 3, 6, 22, 0,
         0, "1/4", false},
        {"SUDI", "Safer Sleep Task and Finish Group", "subgroup", 7, 8, 10, 2,
         3, NULL, false},
        {"ONLINE", "Online Safety Task and Finish Group", "subgroup", 8, 8, 10,
         2, 3, NULL, false},
        {"THRESH", "Thresholds Review Task and Finish Group", "subgroup", 1, 8,
         12, 2, 3, NULL, false},
        {"ESCAL", "Escalation Protocol Task and Finish Group", "subgroup", 1, 8,
         10, 2, 3, NULL, false},
        {"SEND", "SEND Safeguarding Task and Finish Group", "subgroup", 11, 8,
         12, 2, 3, NULL, false},
        {"DIGI", "Case Recording Systems Task and Finish Group", "subgroup", 5,
         8, 10, 3, 3, NULL, false},
        {"FUND", "Funding Arrangements Task and Finish Group", "subgroup", 0, 6,
         8, 2, 3, NULL, false},
        {"ANNUAL", "Annual Report Editorial Group", "subgroup", 1, 4, 8, 0, 3,
         NULL, false},
        {"ICS", "Integrated Care Safeguarding Forum", "subgroup", 12, 6, 16, 0,
         0, "1/3", false},
};

static const char *const venues[] = {"County Hall, Committee Room 1",
                                     "County Hall, Committee Room 3",
                                     "Police Headquarters, Conference Suite",
                                     "Northshire ICB, Boardroom",
                                     "Northshire College, Training Centre",
                                     "Online (Microsoft Teams)",
                                     "Civic Centre, Room 2",
                                     "Moorland Centre"};

static const char *const business_titles[] = {
        "Performance report: quarter {Q}",
        "Multi-agency audit: neglect",
        "Multi-agency audit: exploitation",
        "Rapid review findings",
        "Local child safeguarding practice review: progress on recommendations",
        "Child death overview panel annual report",
        "Training programme and evaluation",
        "Safeguarding self-assessment: challenge session outcomes",
        "Early help strategy refresh",
        "Thresholds document review",
        "Missing children: return home interviews",
        "Exploitation risk assessment tool",
        "Domestic abuse notifications to schools",
        "Voice of the child: feedback from the youth forum",
        "Partner funding contributions",
        "Annual report: draft for approval",
        "Business plan progress",
        "Risk register",
        "Escalation and resolution of professional disagreements",
        "Elective home education update",
        "Private fostering awareness",
        "Safer sleep campaign",
        "Online safety messages for parents",
        "Section 11 audit results",
        "Learning from national reviews",
        "Inspection preparation",
        "Data and intelligence dashboard",
        "Workforce development update",
        "Allegations against staff: LADO annual report",
        "Neglect strategy: impact measures"};

static const char *const sentence_starts[] = {
        "The group received the report and discussed",
        "Members noted the progress on",
        "Partners challenged the pace of improvement in",
        "The chair asked for assurance about",
        "Health colleagues reported a rise in referrals linked to",
        "Police colleagues described the work under way on",
        "The council's lead set out the findings on",
        "Education representatives raised concerns about",
        "The independent scrutineer reflected on",
        "The business manager summarised the position on",
        "It was agreed that further audit work was needed on",
        "Members welcomed the improvement shown in"};

static const char *const sentence_objects[] = {
        "timeliness of assessments",
        "children missing from education",
        "the quality of supervision",
        "information sharing at the front door",
        "the voice of the child in plans",
        "repeat child protection plans",
        "placements far from home",
        "multi-agency attendance at strategy meetings",
        "training take-up across agencies",
        "the response to adolescents at risk of exploitation",
        "recording of ethnicity and culture",
        "the use of chronologies",
        "escalation between agencies",
        "the early help offer in the localities",
        "the recommendations of the last practice review"};

static const char *const sentence_ends[] = {
        "and asked for an update at the next meeting.",
        "and agreed the actions proposed in the report.",
        "noting that the data needed validation before publication.",
        "and asked partners to share the learning with their staff.",
        "and recognised the pressure on frontline teams.",
        "and asked the chair to write to the agencies concerned.",
        "and agreed to add it to the risk register.",
        "and thanked the author for a clear report."};

static const char *const resolution_texts[] = {
        "That the report be noted.",
        "That the recommendations in the report be approved.",
        "That an update be provided to the next meeting.",
        "That the chair write to partner agencies to seek assurance.",
        "That the learning be shared through the training programme.",
        "That the item be escalated to the Executive.",
        "That the revised document be published on the partnership's website.",
        "That a task and finish group be set up to take the work forward."};

static const char *const declaration_texts[] = {
        "Governor of a school named in the report",
        "Family member employed by the provider discussed",
        "Trustee of a voluntary organisation that receives partnership funding",
        "Previously involved in the case as a practitioner"};

static const char *const document_kinds[] = {"report", "paper", "presentation",
                                             "plan", "minutes"};

struct person {
	const char *key;
	const char *name;
	int org;
};

/* One holder of a seat, from start to end (day numbers; end inclusive). */
struct tenure {
	int person;
	date_days start, end;
	const char *role;
};

struct seat {
	int org;
	const char *role;
	struct tenure *tenures;
	int ntenures;
};

struct body {
	const struct body_spec *spec;
	date_days founding, dissolution; /* dissolution < 0: still running */
	struct seat *seats;
	int nseats;
	date_days *meetings; /* dates, ascending */
	int nmeetings;
	struct meeting_info *info; /* what each meeting left for its actions */
};

/* What a meeting leaves behind for the actions raised and updated at it. */
struct meeting_info {
	bool held;
	const char *key;
	const char *date;
	date_days day;
	int *present; /* people present */
	int npresent;
	int business_from, business_to; /* its business items' numbers */
};

struct gen {
	struct rng rng;
	struct arena a;
	struct map keys; /* person keys in use */
	struct person *people;
	int npeople;
	int *org_first, *org_count; /* people of organisation i */
	struct body bodies[COUNT(body_specs)];
	date_days start, end;
};

static char *day_text(struct arena *a, date_days d)
{
	char buf[DATE_TEXT_SIZE];

	date_format(d, buf);
	return arena_strdup(a, buf);
}

/* The weekday on or after d. */
static date_days weekday_on_or_after(date_days d)
{
	while (date_weekday(d) >= 5)
		d++;
	return d;
}

static void make_people(struct gen *g, json_t *orgs, json_t *people)
{
	int total = 0;

	for (int i = 0; i < COUNT(org_specs); i++)
		total += org_people(&org_specs[i]);
	g->people = arena_alloc(&g->a, (size_t)total * sizeof *g->people);
	g->org_first = arena_alloc(&g->a, sizeof(int) * COUNT(org_specs));
	g->org_count = arena_alloc(&g->a, sizeof(int) * COUNT(org_specs));
	for (int i = 0; i < COUNT(org_specs); i++) {
		const struct org_spec *o = &org_specs[i];
		char *org_key = text_slugify(&g->a, o->name);

		json_array_append_new(
		        orgs, json_pack("{s:s, s:s, s:s, s:s}", "id", org_key,
		                        "name", o->name, "classification",
		                        o->classification, "part", o->part));
		g->org_first[i] = g->npeople;
		g->org_count[i] = org_people(o);
		for (int k = 0; k < org_people(o); k++) {
			const char *first = first_names[rng_below(
			        &g->rng, COUNT(first_names))];
			const char *last = last_names[rng_below(
			        &g->rng, COUNT(last_names))];
			char *name = arena_printf(&g->a, "%s %s", first, last);
			char *key = text_slugify(&g->a, name);
			json_t *p;

			for (int n = 2; !map_put(&g->keys, key, 1); n++)
				key = arena_printf(&g->a, "%s-%d",
				                   text_slugify(&g->a, name),
				                   n);
			p = json_pack("{s:s, s:s}", "id", key, "name", name);
			if (rng_chance(&g->rng, 60))
				json_object_set_new(
				        p, "honorific_prefix",
				        json_string(honorifics[rng_below(
				                &g->rng, COUNT(honorifics))]));
			json_object_set_new(
			        p, "job_title",
			        json_string(job_titles[rng_below(
			                &g->rng, COUNT(job_titles))]));
			json_object_set_new(p, "organization",
			                    json_string(org_key));
			json_object_set_new(
			        p, "email",
			        json_string(arena_printf(
			                &g->a, "%s@example.org", key)));
			json_array_append_new(people, p);
			g->people[g->npeople].key = key;
			g->people[g->npeople].name = name;
			g->people[g->npeople].org = i;
			g->npeople++;
		}
	}
}

/* True when person holds any seat of b at some day from start to end. */
static bool in_body(const struct body *b, int person, date_days start,
                    date_days end)
{
	for (int s = 0; s < b->nseats; s++)
		for (int t = 0; t < b->seats[s].ntenures; t++) {
			const struct tenure *tn = &b->seats[s].tenures[t];
			if (tn->person == person && tn->start <= end &&
			    tn->end >= start)
				return true;
		}
	return false;
}

/* The organisation a seat of body index bi, seat s, represents. */
static int seat_org(struct gen *g, int bi, int s)
{
	/* The three safeguarding partners hold the first seats of every body.
	 */
	if (s < 3)
		return s;
	if (strcmp(body_specs[bi].short_name, "EDU") == 0 && s < 20)
		return 13 + rng_below(&g->rng, 9);
	return 3 + rng_below(&g->rng, COUNT(org_specs) - 3);
}

static const char *seat_role(struct gen *g, int s, int nseats)
{
	if (s == 0)
		return "chair";
	if (s == 1)
		return "vice_chair";
	if (s == nseats - 1)
		return "minute_taker";
	if (s == nseats - 2)
		return "officer";
	if (s % 9 == 4)
		return "advisor";
	if (s % 13 == 6)
		return "lay_member";
	if (s % 11 == 7 && rng_chance(&g->rng, 50))
		return "co_optee";
	return "member";
}

static void make_bodies(struct gen *g, json_t *bodies, json_t *memberships)
{
	date_days span = g->end - g->start;

	for (int bi = 0; bi < COUNT(body_specs); bi++) {
		const struct body_spec *spec = &body_specs[bi];
		struct body *b = &g->bodies[bi];
		json_t *o;

		b->spec = spec;
		b->founding = g->start;
		b->dissolution = -1;
		if (spec->life_years > 0) {
			date_days life = spec->life_years * 365;
			b->founding =
			        g->start +
			        rng_below(&g->rng,
			                  (int)(span > life ? span - life : 1));
			if (b->founding + life < g->end)
				b->dissolution = b->founding + life;
		}
		o = json_pack("{s:s, s:s, s:s}", "short_name", spec->short_name,
		              "name", spec->name, "classification",
		              spec->classification);
		if (spec->parent >= 0)
			json_object_set_new(
			        o, "parent",
			        json_string(
			                body_specs[spec->parent].short_name));
		json_object_set_new(o, "founding_date",
		                    json_string(day_text(&g->a, b->founding)));
		if (b->dissolution >= 0)
			json_object_set_new(
			        o, "dissolution_date",
			        json_string(day_text(&g->a, b->dissolution)));
		if (spec->quorum_count || spec->quorum_fraction ||
		    spec->partners) {
			json_t *q = json_object();
			if (spec->quorum_count)
				json_object_set_new(
				        q, "count",
				        json_integer(spec->quorum_count));
			if (spec->quorum_fraction)
				json_object_set_new(
				        q, "fraction",
				        json_string(spec->quorum_fraction));
			if (spec->partners)
				json_object_set_new(q, "safeguarding_partners",
				                    json_true());
			json_object_set_new(o, "quorum", q);
		}
		json_object_set_new(
		        o, "terms_of_reference",
		        json_string(arena_printf(
		                &g->a,
		                "The %s oversees its part of the partnership's "
		                "business plan, reports to its parent body and "
		                "meets about %d times a year.",
		                spec->name, spec->per_year)));
		json_array_append_new(bodies, o);

		/* Seats and their holders. */
		date_days last = b->dissolution >= 0 ? b->dissolution : g->end;
		b->nseats = spec->seats * 3 / 2;
		b->seats = arena_alloc(&g->a,
		                       sizeof *b->seats * (size_t)b->nseats);
		for (int s = 0; s < b->nseats; s++) {
			struct seat *st = &b->seats[s];
			int cap = 32;
			date_days at = b->founding;

			st->org = seat_org(g, bi, s);
			st->role = seat_role(g, s, b->nseats);
			st->tenures =
			        arena_alloc(&g->a, sizeof *st->tenures * cap);
			while (at <= last && st->ntenures < cap) {
				date_days end = at + 365 * 2 +
				                rng_below(&g->rng, 365 * 4);
				int person = -1;

				if (end > last)
					end = last;
				for (int tries = 0; tries < 40 && person < 0;
				     tries++) {
					int c = g->org_first[st->org] +
					        rng_below(
					                &g->rng,
					                g->org_count[st->org]);
					if (!in_body(b, c, at, end))
						person = c;
				}
				for (int c = 0; c < g->npeople && person < 0;
				     c++)
					if (!in_body(b, c, at, end))
						person = c;
				st->tenures[st->ntenures++] = (struct tenure){
				        person, at, end, st->role};
				at = end + 1;
			}
		}
		/* Memberships, seat by seat. */
		for (int s = 0; s < b->nseats; s++) {
			const struct seat *st = &b->seats[s];
			for (int t = 0; t < st->ntenures; t++) {
				const struct tenure *tn = &st->tenures[t];
				json_t *m = json_pack(
				        "{s:s, s:s, s:s, s:s, s:s}", "person",
				        g->people[tn->person].key, "body",
				        spec->short_name, "role", tn->role,
				        "on_behalf_of",
				        text_slugify(&g->a,
				                     org_specs[st->org].name),
				        "start_date",
				        day_text(&g->a, tn->start));
				bool open_ended =
				        b->dissolution < 0 && tn->end >= g->end;
				if (!open_ended)
					json_object_set_new(
					        m, "end_date",
					        json_string(day_text(&g->a,
					                             tn->end)));
				json_array_append_new(memberships, m);
			}
		}
		/* Meeting dates, evenly spread with a little jitter. */
		date_days life = last - b->founding;
		int n = (int)((long)spec->per_year * 5 * life / (4 * 365));
		b->meetings =
		        arena_alloc(&g->a, sizeof(date_days) * (size_t)(n + 1));
		b->info = arena_alloc(&g->a, sizeof *b->info * (size_t)(n + 1));
		for (int k = 0; k < n; k++) {
			date_days d = b->founding + 7 +
			              (date_days)k * life / n +
			              rng_below(&g->rng, 7);
			d = weekday_on_or_after(d);
			if (d > last || (b->nmeetings > 0 &&
			                 d <= b->meetings[b->nmeetings - 1]))
				continue;
			b->meetings[b->nmeetings++] = d;
		}
	}
}

/* The holder of each seat of b on day d, or -1. */
static int holder_on(const struct seat *st, date_days d, const char **role)
{
	for (int t = 0; t < st->ntenures; t++)
		if (st->tenures[t].start <= d && st->tenures[t].end >= d) {
			*role = st->tenures[t].role;
			return st->tenures[t].person;
		}
	return -1;
}

static char *minutes_text(struct gen *g, int paragraphs)
{
	struct buf b;
	char *out;

	buf_init(&b, 1 << 16);
	for (int p = 0; p < paragraphs; p++) {
		int sentences = 2 + rng_below(&g->rng, 3);
		if (p > 0)
			buf_puts(&b, "\n\n", NULL);
		for (int s = 0; s < sentences; s++)
			buf_printf(&b, NULL, "%s%s %s %s", s ? " " : "",
			           sentence_starts[rng_below(
			                   &g->rng, COUNT(sentence_starts))],
			           sentence_objects[rng_below(
			                   &g->rng, COUNT(sentence_objects))],
			           sentence_ends[rng_below(
			                   &g->rng, COUNT(sentence_ends))]);
	}
	out = arena_strdup(&g->a, buf_str(&b));
	buf_free(&b);
	return out;
}

static char *business_title(struct gen *g, date_days d)
{
	const char *t =
	        business_titles[rng_below(&g->rng, COUNT(business_titles))];
	const char *q = strstr(t, "{Q}");
	int y, m, dd;

	if (q == NULL)
		return arena_strdup(&g->a, t);
	date_to_ymd(d, &y, &m, &dd);
	return arena_printf(&g->a, "%.*sQ%d %d", (int)(q - t), t,
	                    (m - 1) / 3 + 1, y);
}

/* Adds a business item with its minutes, resolutions and papers. */
static json_t *business_item(struct gen *g, const char *number, date_days d,
                             const int *present, int npresent, bool panel)
{
	json_t *it = json_pack("{s:s, s:s}", "number", number, "title",
	                       business_title(g, d));

	if (npresent > 0 && rng_chance(&g->rng, 40))
		json_object_set_new(
		        it, "presenter",
		        json_string(
		                g->people[present[rng_below(&g->rng, npresent)]]
		                        .key));
	if (panel && rng_chance(&g->rng, 25))
		json_object_set_new(it, "confidential", json_true());
	json_object_set_new(
	        it, "minutes",
	        json_string(minutes_text(g, 1 + rng_below(&g->rng, 2))));
	if (rng_chance(&g->rng, 30)) {
		json_t *res = json_array();
		int n = 1 + rng_below(&g->rng, 3);
		int first = rng_below(&g->rng, COUNT(resolution_texts));
		for (int r = 0; r < n; r++)
			json_array_append_new(
			        res,
			        json_pack("{s:i, s:s}", "number", r + 1, "text",
			                  resolution_texts
			                          [(first + r) %
			                           COUNT(resolution_texts)]));
		json_object_set_new(it, "resolutions", res);
	}
	if (rng_chance(&g->rng, 40)) {
		json_t *doc = json_pack(
		        "{s:s, s:s}", "title",
		        json_string_value(json_object_get(it, "title")), "kind",
		        document_kinds[rng_below(&g->rng,
		                                 COUNT(document_kinds))]);
		if (npresent > 0 && rng_chance(&g->rng, 25)) {
			json_t *circ = json_array();
			int n = 3 + rng_below(&g->rng, 6);
			int from = rng_below(&g->rng, npresent);
			const char *sent = day_text(&g->a, d - 7);
			if (n > npresent)
				n = npresent;
			for (int k = 0; k < n; k++)
				json_array_append_new(
				        circ,
				        json_pack("{s:s, s:s}", "person",
				                  g->people[present[(from + k) %
				                                    npresent]]
				                          .key,
				                  "sent_on", sent));
			json_object_set_new(doc, "circulation", circ);
		}
		json_object_set_new(it, "documents", json_pack("[o]", doc));
	}
	return it;
}

static void make_meeting(struct gen *g, int bi, int k, json_t *meetings)
{
	struct body *b = &g->bodies[bi];
	const struct body_spec *spec = b->spec;
	date_days d = b->meetings[k];
	char *date = day_text(&g->a, d);
	json_t *m, *att, *agenda;
	int *used =
	        arena_alloc(&g->a, sizeof(int) * (size_t)(b->nseats * 2 + 8));
	int *present =
	        arena_alloc(&g->a, sizeof(int) * (size_t)(b->nseats + 8));
	int nused = 0, npresent = 0;
	int roll = rng_below(&g->rng, 100);
	const char *status = roll < 3   ? "cancelled"
	                     : roll < 5 ? "inquorate"
	                     : roll < 6 ? "adjourned"
	                                : "held";
	bool cancelled = strcmp(status, "cancelled") == 0;
	int start = 9 * 60 + 30 + 30 * rng_below(&g->rng, 10);

	m = json_pack("{s:s, s:s, s:s}", "id",
	              arena_printf(&g->a, "%s/%s", spec->short_name, date),
	              "body", spec->short_name, "date", date);
	json_object_set_new(m, "start_time",
	                    json_string(arena_printf(&g->a, "%02d:%02d",
	                                             start / 60, start % 60)));
	json_object_set_new(
	        m, "end_time",
	        json_string(arena_printf(&g->a, "%02d:%02d", (start + 120) / 60,
	                                 (start + 120) % 60)));
	json_object_set_new(
	        m, "location",
	        json_string(venues[rng_below(&g->rng, COUNT(venues))]));
	json_object_set_new(m, "status", json_string(status));
	/* Minutes approved at about the next meeting, published a week on. */
	if (!cancelled) {
		json_object_set_new(m, "minutes_status",
		                    json_string("published"));
		json_object_set_new(m, "minutes_approved_on",
		                    json_string(day_text(&g->a, d + 42)));
		json_object_set_new(m, "minutes_published_on",
		                    json_string(day_text(&g->a, d + 49)));
	}
	if (strcmp(spec->classification, "scrutiny_committee") == 0)
		json_object_set_new(
		        m, "webcast_url",
		        json_string(arena_printf(
		                &g->a,
		                "https://northshire.example.org/webcasts/%s",
		                date)));

	/* Attendance: the seat holders, then substitutes and guests. */
	att = json_array();
	for (int s = 0; s < b->nseats && !cancelled; s++) {
		const char *role = NULL;
		int p = holder_on(&b->seats[s], d, &role);
		int r = rng_below(&g->rng, 100);
		json_t *row;

		if (p < 0)
			continue;
		used[nused++] = p;
		row = json_pack("{s:s}", "person", g->people[p].key);
		if (r < 74 || s == 0) {
			json_object_set_new(row, "status",
			                    json_string("present"));
			present[npresent++] = p;
		} else if (r < 88) {
			json_object_set_new(row, "status",
			                    json_string("apologies"));
		} else if (r < 93) {
			json_object_set_new(row, "status",
			                    json_string("absent"));
		} else {
			/* A colleague from the same organisation comes instead.
			 */
			int org = g->people[p].org, sub = -1;
			for (int tries = 0; tries < 10 && sub < 0; tries++) {
				int c = g->org_first[org] +
				        rng_below(&g->rng, g->org_count[org]);
				bool taken = in_body(b, c, d, d);
				for (int u = 0; u < nused && !taken; u++)
					taken = used[u] == c;
				if (!taken)
					sub = c;
			}
			if (sub < 0) {
				json_object_set_new(row, "status",
				                    json_string("apologies"));
			} else {
				json_object_set_new(
				        row, "status",
				        json_string("represented_by"));
				json_object_set_new(
				        row, "substitute",
				        json_string(g->people[sub].key));
				used[nused++] = sub;
			}
		}
		json_array_append_new(att, row);
	}
	for (int guests = cancelled ? 0 : rng_below(&g->rng, 3); guests > 0;
	     guests--) {
		int c = rng_below(&g->rng, g->npeople);
		bool taken = in_body(b, c, d, d);
		for (int u = 0; u < nused && !taken; u++)
			taken = used[u] == c;
		if (taken)
			continue;
		used[nused++] = c;
		json_array_append_new(att, json_pack("{s:s, s:s}", "person",
		                                     g->people[c].key, "status",
		                                     "in_attendance"));
	}

	/* Agenda: standing items, business with sub-items, closing items. */
	agenda = json_array();
	json_array_append_new(
	        agenda,
	        json_pack("{s:s, s:s, s:s}", "number", "1", "title",
	                  "Welcome, introductions and apologies", "minutes",
	                  "The chair welcomed members and noted the "
	                  "apologies received."));
	json_array_append_new(agenda,
	                      json_pack("{s:s, s:s}", "number", "2", "title",
	                                "Declarations of interest"));
	json_array_append_new(
	        agenda,
	        json_pack("{s:s, s:s, s:s}", "number", "3", "title",
	                  "Minutes of the previous meeting and matters arising",
	                  "minutes",
	                  "The minutes were agreed as a correct record. Open "
	                  "actions were reviewed and carried forward."));
	int business = 4 + rng_below(&g->rng, 4);
	bool panel = strcmp(spec->classification, "panel") == 0;
	int num = 4;
	const char *deferred_to =
	        k + 1 < b->nmeetings
	                ? arena_printf(&g->a, "%s/%s", spec->short_name,
	                               day_text(&g->a, b->meetings[k + 1]))
	                : NULL;
	const char *declared_on = NULL;
	for (int i = 0; i < business; i++, num++) {
		char *number = arena_printf(&g->a, "%d", num);
		json_t *it =
		        business_item(g, number, d, present, npresent, panel);

		if (deferred_to && rng_chance(&g->rng, 3)) {
			json_object_del(it, "minutes");
			json_object_del(it, "resolutions");
			json_object_set_new(it, "status",
			                    json_string("deferred"));
			json_object_set_new(it, "deferred_to",
			                    json_string(deferred_to));
		} else if (rng_chance(&g->rng, 20)) {
			json_t *subs = json_array();
			int n = 2 + rng_below(&g->rng, 3);
			for (int s = 1; s <= n; s++)
				json_array_append_new(
				        subs,
				        business_item(
				                g,
				                arena_printf(&g->a, "%d.%d",
				                             num, s),
				                d, present, npresent, panel));
			json_object_set_new(it, "items", subs);
		}
		if (declared_on == NULL && npresent > 0 &&
		    rng_chance(&g->rng, 1))
			declared_on = number;
		json_array_append_new(agenda, it);
	}
	json_array_append_new(agenda, json_pack("{s:s, s:s}", "number",
	                                        arena_printf(&g->a, "%d", num),
	                                        "title", "Any other business"));
	json_array_append_new(agenda,
	                      json_pack("{s:s, s:s}", "number",
	                                arena_printf(&g->a, "%d", num + 1),
	                                "title", "Date of the next meeting"));
	if (!cancelled && npresent > 2) {
		/* Someone arrives late, someone leaves early. */
		size_t rows = json_array_size(att);
		for (size_t r = 0; r < rows; r++) {
			json_t *row = json_array_get(att, r);
			if (strcmp(json_string_value(
			                   json_object_get(row, "status")),
			           "present") != 0)
				continue;
			if (rng_chance(&g->rng, 4))
				json_object_set_new(row, "arrived_at_item",
				                    json_string("4"));
			else if (rng_chance(&g->rng, 4))
				json_object_set_new(
				        row, "left_at_item",
				        json_string(arena_printf(&g->a, "%d",
				                                 num - 1)));
		}
	}
	if (!cancelled)
		json_object_set_new(m, "attendance", att);
	else
		json_decref(att);
	json_object_set_new(m, "agenda", agenda);
	if (declared_on != NULL)
		json_object_set_new(
		        m, "declarations",
		        json_pack("[{s:s, s:s, s:s}]", "person",
		                  g->people[present[0]].key, "item",
		                  declared_on, "interest",
		                  declaration_texts[rng_below(
		                          &g->rng, COUNT(declaration_texts))]));
	b->info[k] = (struct meeting_info){
	        .held = strcmp(status, "held") == 0,
	        .key = json_string_value(json_object_get(m, "id")),
	        .date = date,
	        .day = d,
	        .present = present,
	        .npresent = npresent,
	        .business_from = 4,
	        .business_to = num - 1,
	};
	json_array_append_new(meetings, m);
}

static const char *const action_verbs[] = {
        "to circulate the report to all partners",
        "to write to the agencies concerned for assurance",
        "to bring an update on progress to the next meeting",
        "to share the learning through the training programme",
        "to confirm the data with the performance team",
        "to arrange a challenge session with the lead agency",
        "to review the multi-agency procedure and report back",
        "to add the risk to the partnership's risk register",
        "to agree the revised timescales with the chair",
        "to provide the figures broken down by locality"};

/* The first held meeting of b after k, or -1. */
static int next_held(const struct body *b, int k)
{
	for (int j = k + 1; j < b->nmeetings; j++)
		if (b->info[j].held)
			return j;
	return -1;
}

static json_t *person_ref(struct gen *g, int person)
{
	return json_pack("{s:s}", "person", g->people[person].key);
}

/*
 * The actions raised at b's held meetings, about 35 a meeting: owners from
 * those present, carried forward at the next meetings until discharged (or
 * closed or superseded) one to five meetings on, a few reassigned on the
 * way, and the last ones still open.
 */
static void make_actions(struct gen *g, int bi, json_t *actions)
{
	const struct body *b = &g->bodies[bi];

	for (int k = 0; k < b->nmeetings; k++) {
		const struct meeting_info *mi = &b->info[k];
		int n;

		if (!mi->held || mi->npresent == 0)
			continue;
		n = 25 + rng_below(&g->rng, 21);
		for (int number = 1; number <= n; number++) {
			int first =
			        mi->present[rng_below(&g->rng, mi->npresent)];
			int roll = rng_below(&g->rng, 100);
			int owner_a = first, owner_b = -1;
			json_t *owners = json_array(), *updates = json_array();
			json_t *act;
			int next = next_held(b, k);
			int lasting = 1 + rng_below(&g->rng, 5);
			const char *status = "open";

			if (roll < 3) {
				json_array_append_new(
				        owners,
				        json_pack("{s:b}", "all_members", 1));
				owner_a = -1;
			} else if (roll < 5) {
				json_array_append_new(
				        owners,
				        json_pack(
				                "{s:s}", "organization",
				                text_slugify(
				                        &g->a,
				                        org_specs
				                                [g->people[first]
				                                         .org]
				                                        .name)));
				owner_a = -1;
			} else {
				json_array_append_new(owners,
				                      person_ref(g, first));
				if (roll < 20 && mi->npresent > 1) {
					owner_b = mi->present[rng_below(
					        &g->rng, mi->npresent)];
					if (owner_b == first)
						owner_b = -1;
					else
						json_array_append_new(
						        owners,
						        person_ref(g, owner_b));
				}
			}
			act = json_pack(
			        "{s:s, s:s, s:s, s:s, s:i, s:s, s:o}", "id",
			        arena_printf(&g->a, "%s/%d", mi->key, number),
			        "body", b->spec->short_name, "meeting", mi->key,
			        "item",
			        arena_printf(
			                &g->a, "%d",
			                mi->business_from +
			                        rng_below(
			                                &g->rng,
			                                mi->business_to -
			                                        mi->business_from +
			                                        1)),
			        "number", number, "details",
			        arena_printf(
			                &g->a, "%s %s.",
			                owner_a >= 0 ? g->people[owner_a].name
			                             : "Partners",
			                action_verbs[rng_below(
			                        &g->rng, COUNT(action_verbs))]),
			        "owners", owners);
			if (next >= 0 && rng_chance(&g->rng, 30))
				json_object_set_new(
				        act, "due_meeting",
				        json_string(b->info[next].key));
			else if (rng_chance(&g->rng, 85))
				json_object_set_new(
				        act, "due_date",
				        json_string(day_text(
				                &g->a,
				                mi->day + 28 +
				                        rng_below(&g->rng,
				                                  57))));
			/* Its life at the meetings that follow. */
			for (int j = next, seen = 0; j >= 0;
			     j = next_held(b, j), seen++) {
				const struct meeting_info *at = &b->info[j];
				json_t *u;

				if (seen + 1 == lasting) {
					int end = rng_below(&g->rng, 100);
					status = end < 90   ? "discharged"
					         : end < 96 ? "closed"
					                    : "superseded";
					u = json_pack(
					        "{s:s, s:s, s:s, s:s}", "date",
					        at->date, "meeting", at->key,
					        "text", "Reported complete.",
					        "status", status);
					json_array_append_new(updates, u);
					break;
				}
				if (seen == 0 && owner_a >= 0 && owner_b < 0 &&
				    at->npresent > 1 &&
				    rng_chance(&g->rng, 5)) {
					int other = at->present[rng_below(
					        &g->rng, at->npresent)];
					if (other != owner_a) {
						u = json_pack(
						        "{s:s, s:s, s:s, "
						        "s:[o], s:[o]}",
						        "date", at->date,
						        "meeting", at->key,
						        "text",
						        arena_printf(
						                &g->a,
						                "%s to follow "
						                "up in "
						                "replacement "
						                "of %s",
						                g->people[other]
						                        .name,
						                g->people[owner_a]
						                        .name),
						        "owners_added",
						        person_ref(g, other),
						        "owners_removed",
						        person_ref(g, owner_a));
						json_array_append_new(updates,
						                      u);
						owner_a = other;
						continue;
					}
				}
				u = json_pack(
				        "{s:s, s:s, s:s, s:s}", "date",
				        at->date, "meeting", at->key, "kind",
				        "carried_forward", "text",
				        arena_printf(
				                &g->a,
				                "Still open at %s: carried "
				                "forward to the next meeting",
				                at->key));
				json_array_append_new(updates, u);
			}
			json_object_set_new(act, "status", json_string(status));
			if (json_array_size(updates) > 0)
				json_object_set_new(act, "updates", updates);
			else
				json_decref(updates);
			json_array_append_new(actions, act);
		}
	}
}

struct meeting_ref {
	date_days date;
	int body, index;
};

static int by_date(const void *x, const void *y)
{
	const struct meeting_ref *a = x, *b = y;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return a->body - b->body;
}

enum masa_err synthetic_generate(int years, uint64_t seed, bool with_actions,
                                 json_t **out, struct masa_error *err)
{
	struct gen *g;
	json_t *doc, *orgs, *people, *bodies, *memberships, *meetings, *actions;
	struct meeting_ref *refs;
	int nrefs = 0, total = 0;

	*out = NULL;
	if (years < SYNTHETIC_MIN_YEARS || years > SYNTHETIC_MAX_YEARS)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "years: %d is not between %d and %d",
		                      years, SYNTHETIC_MIN_YEARS,
		                      SYNTHETIC_MAX_YEARS);
	g = xcalloc(1, sizeof *g);
	g->rng.state = seed;
	g->end = date_from_ymd(2026, 3, 31);
	g->start = date_from_ymd(2026 - years, 4, 1);

	orgs = json_array();
	people = json_array();
	bodies = json_array();
	memberships = json_array();
	meetings = json_array();
	make_people(g, orgs, people);
	make_bodies(g, bodies, memberships);

	for (int bi = 0; bi < COUNT(body_specs); bi++)
		total += g->bodies[bi].nmeetings;
	refs = xcalloc((size_t)total + 1, sizeof *refs);
	for (int bi = 0; bi < COUNT(body_specs); bi++)
		for (int k = 0; k < g->bodies[bi].nmeetings; k++)
			refs[nrefs++] = (struct meeting_ref){
			        g->bodies[bi].meetings[k], bi, k};
	qsort(refs, (size_t)nrefs, sizeof *refs, by_date);
	for (int i = 0; i < nrefs; i++)
		make_meeting(g, refs[i].body, refs[i].index, meetings);
	free(refs);
	actions = json_array();
	for (int bi = 0; with_actions && bi < COUNT(body_specs); bi++)
		make_actions(g, bi, actions);

	doc = json_pack(
	        "{s:s, s:i, s:{s:s, s:s, s:s}, s:o, s:o, s:o, s:o, s:o, s:o, "
	        "s:[]}",
	        "format", "masa-interchange", "version", 3, "partnership", "id",
	        "northshire", "name",
	        "Northshire Safeguarding Children Partnership", "area",
	        "Northshire (synthetic)", "organizations", orgs, "people",
	        people, "bodies", bodies, "memberships", memberships,
	        "meetings", meetings, "actions", actions, "programme");
	map_free(&g->keys);
	arena_free(&g->a);
	free(g);
	*out = doc;
	return MASA_OK;
}
