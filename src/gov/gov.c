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

enum masa_err gov_commit(struct gov *g, struct masa_error *err)
{
	return store_commit(g->store, err);
}

void gov_rollback(struct gov *g)
{
	store_rollback(g->store);
}
