// A probe for `--bench soak` (PICKBOARD_SOAK_PROBE=tests/bench/probes/markers.js): at every other step, 250 of the
// chart's markers are made, drawn, and at the next step dropped. With PICKBOARD_SOAK_PROBE_WITH=cssom (the default)
// each position is written through the CSSOM (`el.style.left = …`), as React's `style` prop does; with `attribute`,
// as the `style` attribute, as lib/styleAttribute.ts does. On WebKitGTK 2.50 the first grows in a line (the dropped
// markers are never freed) and the second stays flat: docs/benchmarks.md, "the line was a WebKit leak".
const [step, writeWith, done] = arguments;
let host = document.getElementById("probe-host");
if (!host) {
  host = document.createElement("div");
  host.id = "probe-host";
  host.className = "plane-content";
  host.setAttribute("style", "position: fixed; left: 100px; top: 100px; width: 800px; height: 700px; z-index: 9999");
  document.body.append(host);
}
const drawn = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(null), 0)));
if (host.firstChild) {
  host.replaceChildren();
  drawn();
  return;
}
const sides = ["right", "left", "above", "below", "hidden"];
for (let k = 0; k < 250; k++) {
  const marker = document.createElement("button");
  marker.type = "button";
  marker.className = `marker zone-implement marker-label-${sides[k % 5]}`;
  const left = `${((k * 37) % 1000) / 10}%`;
  const top = `${((k * 53) % 1000) / 10}%`;
  if (writeWith === "cssom") {
    marker.style.left = left;
    marker.style.top = top;
    marker.style.transform = "translate(0px, 0px)";
  } else {
    marker.setAttribute("style", `left: ${left}; top: ${top}; transform: translate(0px, 0px)`);
  }
  marker.setAttribute("aria-label", `Idea ${k}, step ${step}, payoff 3, cost/risk 4`);
  marker.dataset.ideaId = String(k);
  const dot = document.createElement("span");
  dot.className = "marker-dot";
  const label = document.createElement("span");
  label.className = "marker-label";
  label.textContent = `Idea number ${k} with a title`;
  marker.append(dot, label);
  host.append(marker);
}
drawn();
