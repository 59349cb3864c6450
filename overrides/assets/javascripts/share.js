// The share button and the "Copy link" link of conference and workshop pages and of the home page's hero
// (overrides/partials/site/share.html, hero.html). Without this script, or in a browser without the Web Share
// API, the plain share links do the work: the pages hold no share button, and the hero's link leads to them.
(() => {
  if (typeof navigator.share === "function") {
    for (const element of document.querySelectorAll("[data-cs-share-url]")) {
      const { csShareTitle: title, csShareUrl: url, csShareLabel: label } = element.dataset;
      // A link (the hero's) opens the share sheet instead; a list of share links gets a button before it.
      let control = element;
      if (element.tagName !== "A") {
        control = document.createElement("button");
        control.type = "button";
        control.className = "md-button cs-share__button";
        control.textContent = label;
        element.prepend(control);
      }
      control.addEventListener("click", event => {
        event.preventDefault();
        // Rejected when the visitor closes the share sheet: nothing to do then.
        navigator.share({ title, url }).catch(() => {});
      });
    }
  }
  if (navigator.clipboard) {
    for (const link of document.querySelectorAll("a[data-cs-copy]")) {
      const status = link.parentElement.querySelector("[data-cs-copied]");
      link.addEventListener("click", event => {
        event.preventDefault();
        navigator.clipboard.writeText(link.href).then(() => {
          if (status) status.textContent = status.dataset.csCopied;
        }, () => {});
      });
    }
  }
})();
