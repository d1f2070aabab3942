// Marks the page as having JavaScript before it is drawn, as GOV.UK
// Frontend's template does inline (masa's Content-Security-Policy allows no
// inline script, so this is a file loaded first thing in <body>).
document.body.className +=
  " js-enabled" +
  ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
