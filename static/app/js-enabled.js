// Marks the page as scripted before GOV.UK Frontend initialises its components.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
