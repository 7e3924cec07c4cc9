// A second worker that unpacks one zstd stream for calc-worker.js (Pyodide's wasm as it arrives), so
// that the decoding (a few hundred milliseconds of JavaScript for the 9.6 MB wasm; more on a phone)
// runs on its own thread beside the worker's own start (the boot message, Pyodide's scripts) instead
// of holding it up. The decoder is fzstd, copied beside Pyodide by the build (hooks/runtime.py).
//
// Messages out: "ready" (the decoder has loaded), then the unpacked stream in pieces (Uint8Array,
// transferred), then "done"; or {error} for bytes that are no zstd or a stream cut short.
// Messages in: the packed stream in pieces (Uint8Array, transferred), then "end".
import { Decompress } from "../../pyodide/fzstd.mjs";

let failed = false;
const decoder = new Decompress((data) => {
  if (!data.length) return;
  const piece = data.slice(); // the decoder keeps its window in the buffer it hands out
  self.postMessage(piece, [piece.buffer]);
});

self.onmessage = ({ data }) => {
  if (failed) return;
  try {
    if (data === "end") {
      decoder.push(new Uint8Array(0), true); // throws if the stream stopped short
      self.postMessage("done");
    } else {
      decoder.push(data, false);
    }
  } catch (err) {
    failed = true;
    self.postMessage({ error: String(err) });
  }
};
self.postMessage("ready");
