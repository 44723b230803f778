/* Lead form enhancement; the plain HTML form works without it. Checks the form in
   words (beside each field, and a summary with links at the top), fills the utm_*
   fields and sends with fetch, so the reader stays on the page and reads the
   confirmation in the form's place. */
(() => {
  "use strict";

  // Worded as the service words them, so both checks read alike.
  const MESSAGES = {
    required: "This field is required.",
    checkbox: "Please agree to let us store your details so we can reply.",
    email: "Not a valid email address.",
    url: "Not a web address: it must start with http:// or https://.",
    digits: "Must be a whole number, digits only.",
    busy: "You have sent several requests in a short time. Please wait a few minutes and try again.",
    failed: "Sorry, we could not send your request. Please try again in a few minutes.",
    offline: "Sorry, we could not reach our server. Check your connection and try again.",
  };

  function make(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className || "";
    node.textContent = text || "";
    return node;
  }

  // utm_* from the query string; page_url keeps only those parameters.
  function fillTracking(form) {
    const params = new URLSearchParams(location.search);
    const kept = new URLSearchParams();
    for (const name of ["utm_source", "utm_medium", "utm_campaign"]) {
      const value = params.get(name);
      const input = form.elements.namedItem(name);
      if (value && input) {
        input.value = value.slice(0, 200);
        kept.set(name, value);
      }
    }
    const pageUrl = form.elements.namedItem("page_url");
    const query = kept.toString();
    if (pageUrl) pageUrl.value = (location.origin + location.pathname + (query ? "?" + query : "")).slice(0, 2000);
  }

  function setStatus(form, text, isError) {
    const status = form.querySelector(".leadform-status");
    status.textContent = text;
    status.classList.toggle("is-error", Boolean(isError));
  }

  // What is wrong with one control, in words, or "".
  function problem(control) {
    const validity = control.validity;
    if (control.type === "checkbox") return validity.valueMissing ? MESSAGES.checkbox : "";
    if (control.required && !control.value.trim()) return MESSAGES.required;
    if (validity.typeMismatch) return MESSAGES[control.type] || control.validationMessage;
    if (validity.patternMismatch) return MESSAGES.digits;
    return validity.valid ? "" : control.validationMessage;
  }

  function clearErrors(form) {
    for (const node of form.querySelectorAll(".field-error, .error-summary")) node.remove();
    for (const control of form.querySelectorAll("[aria-invalid]")) {
      control.removeAttribute("aria-invalid");
      const ids = control.getAttribute("aria-describedby").replace(control.id + "-error", "").trim();
      if (ids) control.setAttribute("aria-describedby", ids);
      else control.removeAttribute("aria-describedby");
    }
  }

  // Each message beside its field and, as on the service's 422 page, a summary at
  // the top of the form linking to each field; focus moves to the summary.
  function showErrors(form, errors) {
    clearErrors(form);
    const list = make("ul");
    for (const control of form.elements) {
      const messages = errors[control.name];
      if (!messages || !control.id || control.type === "hidden") continue;
      delete errors[control.name];
      const text = [].concat(messages).join(" ");
      const error = make("p", "field-error", text);
      error.id = control.id + "-error";
      control.before(error);
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-describedby",
        ((control.getAttribute("aria-describedby") || "") + " " + error.id).trim());
      const label = form.querySelector(`label[for="${control.id}"]`).cloneNode(true);
      for (const optional of label.querySelectorAll(".optional")) optional.remove();
      const name = control.type === "checkbox" ? "Consent" : label.textContent.trim();
      const link = make("a", "", name + ": " + text);
      link.href = "#" + control.id;
      list.append(make("li"));
      list.lastChild.append(link);
    }
    for (const text of Object.values(errors).flat()) list.append(make("li", "", text));
    const summary = make("div", "error-summary");
    summary.id = form.id + "-errors";
    summary.tabIndex = -1;
    summary.setAttribute("role", "alert");
    summary.append(make("p", "error-summary-title",
      "Please correct the following and send the form again:"), list);
    // A link focuses its field and shows the field's label, not only the box.
    summary.addEventListener("click", (event) => {
      const link = event.target.closest("a");
      const target = link && document.getElementById(link.hash.slice(1));
      if (!target) return;
      event.preventDefault();
      target.closest(".field").scrollIntoView();
      target.focus({ preventScroll: true });
    });
    form.prepend(summary);
    setStatus(form, "");
    summary.focus();
  }

  // The confirmation takes the form's place, in view and focused, so a phone
  // shows it whole rather than an emptied form with the text under it.
  function done(form) {
    const confirmation = document.getElementById(form.id + "-done");
    form.reset();
    setStatus(form, "");
    for (const node of form.parentNode.querySelectorAll("form, .leadform-next")) node.hidden = true;
    confirmation.hidden = false;
    confirmation.scrollIntoView({ block: "center" });
    confirmation.focus({ preventScroll: true });
  }

  async function send(event) {
    const form = event.currentTarget;
    event.preventDefault();
    const errors = {};
    for (const control of form.elements) {
      const text = control.willValidate && control.id ? problem(control) : "";
      if (text) errors[control.name] = [text];
    }
    if (Object.keys(errors).length) return showErrors(form, errors);
    clearErrors(form);
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    setStatus(form, "Sending\u2026");
    const data = {};
    for (const [name, value] of new FormData(form)) data[name] = name === "consent" || value;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(data),
      });
      if (response.status === 201) {
        done(form);
      } else if (response.status === 422) {
        const body = await response.json().catch(() => ({}));
        showErrors(form, body.errors || {});
      } else {
        setStatus(form, response.status === 429 ? MESSAGES.busy : MESSAGES.failed, true);
      }
    } catch (error) {
      setStatus(form, MESSAGES.offline, true);
    } finally {
      button.disabled = false;
    }
  }

  if (!window.fetch || !window.URLSearchParams || !window.FormData) return;
  for (const form of document.querySelectorAll("form[data-leadform]")) {
    form.noValidate = true;
    fillTracking(form);
    form.addEventListener("submit", send);
  }
})();
