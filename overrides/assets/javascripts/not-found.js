// GitHub Pages answers every missing address with /404.html (Arabic): an address under another language's folder
// is sent to that language's page. The folders and pages come from the script element's data-redirects.
(function () {
  var path = location.pathname;
  var redirects = JSON.parse(document.currentScript.getAttribute("data-redirects"));
  for (var folder in redirects) {
    if (path.indexOf(folder) === 0 && path !== redirects[folder]) {
      location.replace(redirects[folder]);
      return;
    }
  }
})();
