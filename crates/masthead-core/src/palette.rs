//! The status palette, defined once: the UI's CSS (written by the
//! masthead-bindings crate) and the PDF take their colours from this table,
//! so a status looks the same everywhere.

/// A palette token with a pale fill, a strong edge and a readable text colour,
/// for the light and the dark theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusColour {
    pub token: &'static str,
    pub fill: &'static str,
    pub edge: &'static str,
    pub text: &'static str,
    pub dark_fill: &'static str,
    pub dark_edge: &'static str,
    pub dark_text: &'static str,
}

pub const STATUS_COLOURS: &[StatusColour] = &[
    colour(
        "slate", "#f1f5f9", "#64748b", "#334155", "#1e293b", "#94a3b8", "#e2e8f0",
    ),
    colour(
        "rose", "#fff1f2", "#e11d48", "#9f1239", "#3b0d1a", "#fb7185", "#fecdd3",
    ),
    colour(
        "amber", "#fffbeb", "#d97706", "#92400e", "#3a2506", "#fbbf24", "#fde68a",
    ),
    colour(
        "sky", "#f0f9ff", "#0284c7", "#075985", "#082f49", "#38bdf8", "#bae6fd",
    ),
    colour(
        "violet", "#f5f3ff", "#7c3aed", "#5b21b6", "#2a1650", "#a78bfa", "#ddd6fe",
    ),
    colour(
        "green", "#f0fdf4", "#16a34a", "#166534", "#0a2e19", "#4ade80", "#bbf7d0",
    ),
    colour(
        "teal", "#f0fdfa", "#0d9488", "#115e59", "#06302d", "#2dd4bf", "#99f6e4",
    ),
    colour(
        "deep-green", "#ecfdf3", "#14532d", "#14532d", "#052e16", "#22c55e", "#86efac",
    ),
    colour(
        "grey", "#f4f4f5", "#a1a1aa", "#52525b", "#27272a", "#71717a", "#a1a1aa",
    ),
];

const fn colour(
    token: &'static str,
    fill: &'static str,
    edge: &'static str,
    text: &'static str,
    dark_fill: &'static str,
    dark_edge: &'static str,
    dark_text: &'static str,
) -> StatusColour {
    StatusColour {
        token,
        fill,
        edge,
        text,
        dark_fill,
        dark_edge,
        dark_text,
    }
}
