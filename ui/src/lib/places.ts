// The window's screens, as the sidebar lists them.

export type Place = "editions" | "board" | "flatplan" | "contributors" | "team" | "settings";
