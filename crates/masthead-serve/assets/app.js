// Masthead for contributors: small comforts over plain HTML forms, which
// work without this script. A file dropped on a draft's area goes into its
// file input; a notice after a form takes the focus, so a screen reader
// says what happened.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const area of document.querySelectorAll("[data-drop]")) {
    const input = area.querySelector("input[type=file]");
    if (!input) continue;
    area.addEventListener("dragover", (e) => {
      e.preventDefault();
      area.classList.add("over");
    });
    area.addEventListener("dragleave", () => area.classList.remove("over"));
    area.addEventListener("drop", (e) => {
      e.preventDefault();
      area.classList.remove("over");
      if (e.dataTransfer && e.dataTransfer.files.length > 0) {
        input.files = e.dataTransfer.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }
  for (const form of document.querySelectorAll("form")) {
    form.addEventListener("submit", () => {
      const button = form.querySelector("button[type=submit]:focus, button[type=submit]");
      // One send per click: a second click while the first is on its way
      // would only be refused as the same file.
      if (form.classList.contains("upload") && button) {
        setTimeout(() => { button.disabled = true; button.textContent = "Sending…"; }, 0);
      }
    });
  }
  // A button that cannot be taken back asks first (without this script,
  // it does not: the editor can still be told).
  for (const button of document.querySelectorAll("button[data-confirm]")) {
    button.addEventListener("click", (e) => {
      if (!window.confirm(button.dataset.confirm)) e.preventDefault();
    });
  }
  const notice = document.querySelector("[data-notice]");
  if (notice) notice.focus();
});
