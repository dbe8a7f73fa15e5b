// Start GOV.UK Frontend's components (character count, conditional reveals,
// error summary focus, double-click protection). The form works without this.
import { initAll } from './govuk-frontend.min.js'

initAll()
