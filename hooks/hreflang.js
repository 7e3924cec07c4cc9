// Keeps Material's language selector from fetching `sitemap.xml` next to every
// <link rel="alternate" hreflang> (absolute, per-page links: 404s, or requests to
// the public host from a copy served elsewhere). A module script runs after the
// theme has asked to be told of DOMContentLoaded and before that event, so the
// links are out of the page while the theme looks, and back right after.
// Written into the site by hooks/seo.py.
const links = [...document.querySelectorAll("link[rel=alternate][hreflang]")];
const marks = links.map((link) => {
  const mark = document.createComment("hreflang");
  link.replaceWith(mark);
  return mark;
});
document.addEventListener(
  "DOMContentLoaded",
  () => marks.forEach((mark, i) => mark.replaceWith(links[i])),
  { once: true },
);
