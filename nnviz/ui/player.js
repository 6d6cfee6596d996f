// The training player: play/pause and a slider over an animation's frames, run in the browser.
//
// Charts that follow it carry every frame's data and a Vega parameter (data.param) bound to a hidden
// range input; showing a frame sets those inputs, so Vega redraws in place with no trip to the
// server. The step is sent to Python (trigger "step") only when the learner stops: pause, the end,
// or letting go of the slider. Then the rest of the view (tables, text) catches up. Keys held or
// pressed in a row on the slider send one step once they settle (each would be a full rerun).
// Play/pause is stated one way: the button's name says what a press does ("Play" or "Pause").
// Icons as SVG: the play and pause glyphs are missing from many fonts.
const icon = (path) => `<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="${path}"/></svg>`;
const PLAY = icon("M8 5v14l11-7z");
const PAUSE = icon("M6 19h4V5H6v14zm8-14v14h4V5h-4z");
const SETTLE_MS = 400; // quiet time after the last key on the slider before its step goes to Python

export default function ({ parentElement, data, setTriggerValue }) {
  const root = parentElement.querySelector(".nnviz-player");
  const button = root.querySelector("button");
  const slider = root.querySelector("input");
  const label = root.querySelector(".nnviz-step");
  root.querySelector(".nnviz-label").textContent = data.labels.slider;
  const steps = data.steps; // in slider order; data.frames[i] is the charts' frame for position i
  const last = steps.length - 1;
  const fmt = new Intl.NumberFormat(data.locale);
  // One state per mounted player, kept across reruns (new data arrive with every rerun).
  const state = root.__nnviz || (root.__nnviz = { timer: null, frame: data.index, settle: null });
  const valuetext = (frame) => data.labels.valuetext
    .replace("{step}", fmt.format(steps[frame])).replace("{last}", fmt.format(steps[last]));

  const inputs = () => document.querySelectorAll(`.vega-bindings input[name="${data.param}"]`);
  const show = (frame) => {
    state.frame = frame;
    slider.value = frame;
    label.textContent = `${fmt.format(steps[frame])} / ${fmt.format(steps[last])}`;
    slider.setAttribute("aria-valuetext", valuetext(frame)); // the step, not the frame's index
    root.dataset.frame = frame; // read by the browser tests and the benchmark
    for (const el of inputs()) {
      el.value = data.frames[frame];
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
  };
  const draw = () => {
    const playing = state.timer !== null;
    button.innerHTML = playing ? PAUSE : PLAY;
    button.append(playing ? data.labels.pause : data.labels.play);
    document.body.classList.toggle("nnviz-playing", playing); // fades what the player does not animate
  };
  const stop = () => {
    if (state.timer !== null) clearInterval(state.timer);
    clearTimeout(state.settle);
    state.timer = state.settle = null;
    draw();
    setTriggerValue("step", steps[state.frame]);
  };
  const tick = () => (state.frame >= last ? stop() : show(state.frame + 1));
  const play = () => {
    if (state.frame >= last) show(0); // replay from the start
    state.timer = setInterval(tick, 1000 / data.fps);
    draw();
  };

  slider.max = last;
  slider.setAttribute("aria-label", data.labels.slider);
  button.onclick = () => (state.timer === null ? play() : stop());
  slider.oninput = () => {
    if (state.timer !== null) { clearInterval(state.timer); state.timer = null; draw(); }
    show(Number(slider.value));
  };
  const send = () => {
    clearTimeout(state.settle);
    state.settle = null;
    setTriggerValue("step", steps[state.frame]);
  };
  slider.onchange = () => {
    clearTimeout(state.settle);
    state.settle = setTimeout(send, SETTLE_MS);
  };
  if (state.timer === null) {
    show(data.index); // a rerun (new settings or a new step) sets the frame
  } else {
    // still playing through a rerun (say, new settings): go on with this run's frames
    clearInterval(state.timer);
    state.frame = Math.min(state.frame, last);
    state.timer = setInterval(tick, 1000 / data.fps);
  }
  draw();
  return () => {
    if (state.timer !== null) clearInterval(state.timer);
    if (state.settle !== null) send(); // unmounted before the keys settled: the step still counts
    document.body.classList.remove("nnviz-playing");
  };
}
