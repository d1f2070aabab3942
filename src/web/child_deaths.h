/*
 * child_deaths: the child death overview panel's pages: the list of cases
 * (/child-deaths, with filters), recording a case (/child-deaths/new), a
 * case with the panel's review, its themes, learning and actions
 * (/child-deaths/{ref}), the panel's own themes (/child-deaths/themes),
 * the national dataset as CSV out (/child-deaths.csv) and in
 * (/child-deaths/import). Only those who may see cases get any
 * (GOV_SQL_SEES_CHILD_DEATH): everyone else is told what they may see
 * instead, the public dashboard.
 */
#ifndef MASA_WEB_CHILD_DEATHS_H
#define MASA_WEB_CHILD_DEATHS_H

#include "http/route.h"

/* This module's routes (http/route.h), for cli/routes.c. */
extern const struct route child_deaths_routes[];

#endif
