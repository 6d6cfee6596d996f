// What the page's document says about itself, beyond what Streamlit writes: its language (<html lang>,
// so a screen reader reads Korean with a Korean voice) and, for a chart wider than its column, a name
// and a Tab stop, so a keyboard can scroll it (axe: scrollable-region-focusable; WCAG 2.1.1).
function markWideCharts(label) {
  for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    const wide = chart.scrollWidth > chart.clientWidth + 1;
    if (wide && chart.getAttribute("tabindex") !== "0") {
      chart.setAttribute("tabindex", "0");
      chart.setAttribute("role", "region");
      chart.setAttribute("aria-label", label);
    } else if (!wide && chart.hasAttribute("tabindex")) {
      for (const a of ["tabindex", "role", "aria-label"]) chart.removeAttribute(a);
    }
  }
}

export default function ({ data }) {
  document.documentElement.lang = data.lang;
  const state = (window.__nnvizDocument ??= { label: data.wide, pending: false });
  state.label = data.wide;  // a change of language relabels them
  if (!state.observer) {
    // Charts draw (and redraw) after this runs, and a window can be resized: check once a frame at most.
    const check = () => {
      if (state.pending) return;
      state.pending = true;
      requestAnimationFrame(() => { state.pending = false; markWideCharts(state.label); });
    };
    state.observer = new MutationObserver(check);
    state.observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener("resize", check);
  }
  for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"][tabindex="0"]')) {
    chart.setAttribute("aria-label", state.label);
  }
  markWideCharts(state.label);
}
