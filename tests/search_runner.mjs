// Runs the site's own search code (docs/assets/javascripts/search-core.js) in Node, for the tests.
//   node tests/search_runner.mjs search INDEX.json   stdin: ["query", ...]  → [[{url, title, rank, coverage, sections:[anchor...]}...], ...]
//   node tests/search_runner.mjs stem                stdin: ["word", ...]   → ["stem", ...]
//   node tests/search_runner.mjs squash              stdin: ["text", ...]   → ["text as intents compare it", ...]
import { readFileSync } from "node:fs";

const source = readFileSync(new URL("../docs/assets/javascripts/search-core.js", import.meta.url), "utf8");
const core = await import("data:text/javascript;base64," + Buffer.from(source).toString("base64"));
const input = JSON.parse(readFileSync(0, "utf8"));
const [mode, indexPath] = process.argv.slice(2);

let out;
if (mode === "stem") {
  out = input.map((w) => core.stem(w));
} else if (mode === "squash") {
  out = input.map((w) => core.squash(w));
} else if (mode === "search") {
  const idx = core.prepare(JSON.parse(readFileSync(indexPath, "utf8")));
  out = input.map((q) => core.search(idx, q).map((r) => ({
    url: r.url, title: r.title, rank: r.rank, coverage: r.coverage,
    sections: r.sections.filter((s) => s.inHeading).map((s) => s.anchor),
    terms: core.queryTerms(q, idx).map((t) => t.term),
  })));
} else {
  throw new Error(`unknown mode ${mode}`);
}
process.stdout.write(JSON.stringify(out));
