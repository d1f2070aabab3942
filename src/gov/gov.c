/*
 * gov: the domain context and its transactions (see gov.h).
 */
#include "gov/gov.h"

void gov_init(struct gov *g, struct store *s, const char *actor)
{
	g->store = s;
	g->actor = actor;
	g->bulk = false;
}

enum masa_err gov_begin(struct gov *g, struct masa_error *err)
{
	return store_begin(g->store, err);
}

enum masa_err gov_begin_read(struct gov *g, struct masa_error *err)
{
	return store_begin_read(g->store, err);
}

enum masa_err gov_commit(struct gov *g, struct masa_error *err)
{
	return store_commit(g->store, err);
}

void gov_rollback(struct gov *g)
{
	store_rollback(g->store);
}

enum masa_err gov_end(struct gov *g, enum masa_err rc, struct masa_error *err)
{
	enum masa_err commit;

	if (rc != MASA_OK)
		gov_rollback(g);
	commit = gov_commit(g, rc == MASA_OK ? err : NULL);
	return rc != MASA_OK ? rc : commit;
}
