// Tell GOV.UK Frontend's CSS that JavaScript runs, before the page is drawn.
// An external file, not an inline <script>, so the CSP can forbid inline scripts.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
