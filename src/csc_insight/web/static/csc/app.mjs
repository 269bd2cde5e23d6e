// Turns on GOV.UK Frontend's JavaScript (no inline script: the CSP forbids it).
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
