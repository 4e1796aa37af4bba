import { mount } from "svelte";
import "./lib/styles.css";
import App from "./App.svelte";
import { backend } from "./lib/backend";
import { setLocale } from "./lib/format";

const target = document.getElementById("app");
if (!target) throw new Error("The page has no #app element");

// Dates and numbers follow the locale the core resolved (the PDF's rule),
// set before the first screen is drawn; without an answer, the fallback.
void backend
  .appLocale()
  .then(setLocale, () => undefined)
  .then(() => mount(App, { target }));
