// While a pack is generating, fetch the panel again every few seconds and show it.
(() => {
  const timer = setInterval(async () => {
    const panel = document.querySelector("[data-pack-panel]");
    if (!panel || !panel.querySelector("[data-pack-in-progress]")) {
      clearInterval(timer);
      return;
    }
    const response = await fetch(panel.dataset.panelUrl, { credentials: "same-origin" });
    if (!response.ok) {
      clearInterval(timer);
      return;
    }
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.querySelector("[data-pack-panel]");
    fresh.querySelectorAll("script").forEach((script) => script.remove());
    panel.replaceWith(fresh);
  }, 3000);
})();
