// What the Export dialog asks for an edition's plan (the words are the
// core's, generated into bindings.ts).

import type { ColourBy, ExportFormat, Paper, PlanPart } from "./bindings";

export type ExportChoice = {
  format: ExportFormat;
  paper: Paper;
  parts: PlanPart[];
  colour: ColourBy;
};
