// The window's screens, as the sidebar lists them.

export type Place = "dashboard" | "editions" | "board" | "flatplan" | "contributors" | "team" | "trash" | "settings";
