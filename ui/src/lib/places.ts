// The window's screens, as the sidebar lists them.

export type Place = "dashboard" | "calendar" | "editions" | "board" | "flatplan" | "contributors" | "team" | "trash" | "settings";
