/* The thank-you page: name the article the visitor came from, when the browser
   says (a same-origin referrer); the page lists every article either way. */
(() => {
  "use strict";
  const back = document.querySelector(".thanks-back");
  let from;
  try {
    from = new URL(document.referrer);
  } catch (error) {
    return;
  }
  if (!back || from.origin !== location.origin) return;
  for (const link of document.querySelectorAll(".thanks-articles a")) {
    if (link.pathname === from.pathname) {
      const to = back.querySelector("a");
      to.href = link.href;
      to.textContent = link.textContent;
      back.hidden = false;
      return;
    }
  }
})();
