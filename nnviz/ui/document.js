// What the page's document says about itself, beyond what Streamlit writes: its language (<html lang>,
// so a screen reader reads Korean with a Korean voice); whether the page's column is narrow (a phone),
// told to Python so charts of several panels stack them; and, for a chart still wider than its column,
// a name and a Tab stop, so a keyboard can scroll it (axe: scrollable-region-focusable; WCAG 2.1.1).

// Below this width of the main column (px) the multi-panel charts stack their panels (nnviz.ui.narrow).
const NARROW_BELOW = 800;

function isNarrow() {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  return (main ? main.clientWidth : window.innerWidth) < NARROW_BELOW;
}
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

export default function ({ data, setStateValue }) {
  document.documentElement.lang = data.lang;
  const state = (window.__nnvizDocument ??= { label: data.wide, pending: false });
  state.label = data.wide;  // a change of language relabels them
  state.tell = () => {
    const narrow = isNarrow();
    if (narrow !== data.narrow) setStateValue("narrow", narrow);  // a rerun only when it changes
  };
  state.tell();
  if (!state.observer) {
    // Charts draw (and redraw) after this runs, and a window can be resized: check once a frame at most.
    const check = () => {
      if (state.pending) return;
      state.pending = true;
      requestAnimationFrame(() => { state.pending = false; markWideCharts(state.label); });
    };
    state.observer = new MutationObserver(check);
    state.observer.observe(document.body, { childList: true, subtree: true });
    let resized;
    window.addEventListener("resize", () => {
      check();
      clearTimeout(resized);
      resized = setTimeout(() => state.tell(), 300);  // once the window has settled
    });
  }
  for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"][tabindex="0"]')) {
    chart.setAttribute("aria-label", state.label);
  }
  markWideCharts(state.label);
}
