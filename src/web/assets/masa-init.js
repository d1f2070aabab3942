// Starts GOV.UK Frontend's components (menu toggle, error summary focus,
// details...). Every page works without it.
import { initAll } from "/static/govuk-frontend.min.js";

initAll();
