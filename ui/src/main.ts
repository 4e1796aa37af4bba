import { mount } from "svelte";
import "./lib/styles.css";
import App from "./App.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("The page has no #app element");

export default mount(App, { target });
