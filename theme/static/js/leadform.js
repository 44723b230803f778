/* Lead form enhancement; the plain HTML form works without it. Fills the utm_*
   fields and sends with fetch, so the reader stays on the article. */
(() => {
  "use strict";

  const UTM_FIELDS = ["utm_source", "utm_medium", "utm_campaign"];
  const MESSAGES = {
    sent: "Thank you, we received your request. A person will read it and contact you, usually within one business day.",
    invalid: "Please correct the fields marked below and send the form again.",
    busy: "You have sent several requests in a short time. Please wait a few minutes and try again.",
    failed: "Sorry, we could not send your request. Please try again in a few minutes.",
    offline: "Sorry, we could not reach our server. Check your connection and try again.",
  };

  // utm_* from the query string; page_url keeps only those parameters.
  function fillTracking(form) {
    const params = new URLSearchParams(window.location.search);
    const kept = new URLSearchParams();
    for (const name of UTM_FIELDS) {
      const value = params.get(name);
      const input = form.elements.namedItem(name);
      if (value && input) {
        input.value = value.slice(0, 200);
        kept.set(name, value);
      }
    }
    const pageUrl = form.elements.namedItem("page_url");
    if (pageUrl) {
      const query = kept.toString();
      const here = window.location.origin + window.location.pathname;
      pageUrl.value = (query ? here + "?" + query : here).slice(0, 2000);
    }
  }

  function formData(form) {
    const data = {};
    for (const [name, value] of new FormData(form)) {
      data[name] = name === "consent" ? true : value;
    }
    return data;
  }

  function setStatus(form, text, isError) {
    const status = form.querySelector(".leadform-status");
    status.textContent = text;
    status.classList.toggle("is-error", Boolean(isError));
  }

  function clearErrors(form) {
    for (const node of form.querySelectorAll(".field-error, .error-summary")) node.remove();
    for (const input of form.querySelectorAll("[aria-invalid]")) {
      input.removeAttribute("aria-invalid");
      const ids = (input.getAttribute("aria-describedby") || "")
        .split(" ")
        .filter((id) => id && id !== input.id + "-error");
      if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
      else input.removeAttribute("aria-describedby");
    }
  }

  // Each message beside its field, as the server's 422 page does.
  function showErrors(form, errors) {
    const unplaced = [];
    let first = null;
    for (const [name, messages] of Object.entries(errors || {})) {
      const input = form.elements.namedItem(name);
      const text = [].concat(messages).join(" ");
      if (!input || !input.id || input.type === "hidden") {
        unplaced.push(text);
        continue;
      }
      const error = document.createElement("p");
      error.className = "field-error";
      error.id = input.id + "-error";
      error.textContent = text;
      input.insertAdjacentElement("beforebegin", error);
      input.setAttribute("aria-invalid", "true");
      const described = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", described ? described + " " + error.id : error.id);
      first = first || input;
    }
    setStatus(form, [MESSAGES.invalid].concat(unplaced).join(" "), true);
    if (first) first.focus();
  }

  async function send(event) {
    const form = event.currentTarget;
    event.preventDefault();
    clearErrors(form);
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    setStatus(form, "Sending\u2026", false);
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(formData(form)),
      });
      if (response.status === 201) {
        form.reset();
        fillTracking(form);
        setStatus(form, MESSAGES.sent, false);
      } else if (response.status === 422) {
        const body = await response.json().catch(() => ({}));
        showErrors(form, body.errors);
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
    fillTracking(form);
    form.addEventListener("submit", send);
  }
})();
