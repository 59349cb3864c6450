// The share button and the "Copy link" link of conference and workshop pages and of the home page's hero
// (overrides/partials/site/share.html, hero.html). Without this script, or in a browser without the Web Share
// API, the plain share links do the work: the button stays hidden and the hero's link leads to them.
(() => {
  const canShare = typeof navigator.share === "function";
  for (const element of document.querySelectorAll("[data-cs-share-url]")) {
    if (!canShare) continue;
    element.hidden = false;
    element.addEventListener("click", event => {
      event.preventDefault();
      // Rejected when the visitor closes the share sheet: nothing to do then.
      navigator.share({ title: element.dataset.csShareTitle, url: element.dataset.csShareUrl }).catch(() => {});
    });
  }
  for (const link of document.querySelectorAll("a[data-cs-copy]")) {
    if (!navigator.clipboard) continue;
    const status = link.parentElement.querySelector("[data-cs-copied]");
    link.addEventListener("click", event => {
      event.preventDefault();
      navigator.clipboard.writeText(link.href).then(() => {
        if (status) status.textContent = status.dataset.csCopied;
      }, () => {});
    });
  }
})();
