"""MkDocs hooks, one concern per file, each listed under `hooks:` in mkdocs.yml.

- reload.py: every build (and every rebuild under `make serve`) imports
  calculators/ and macros/ afresh, so an edit shows on the first save;
- nav.py: the calculators' entries in the navigation, from the registry and
  each calculator page's front matter (`nav: {order, title}`);
- runtime.py: the Pyodide runtime, the calculators zip and the snapshot in the site;
- offline.py: the service worker and the list of files it keeps ahead;
- security.py: each page's Content-Security-Policy;
- text.py: Chinese line joins and glossary tooltips in each page's HTML.
- figures.py: a fact of calculators/figures.toml past its re-check date, printed as a
  warning after the build (never a failure).

MkDocs loads each file once per process. Because reload.py forgets calculators/
and macros/ before every build, a hook imports them inside its functions, never
at the top of the file (a module kept from an earlier build would be stale).
"""
