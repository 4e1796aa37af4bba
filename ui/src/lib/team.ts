// A team server's address as the Connect dialog shows it, and back.

export type TlsChoice = "verify-full" | "require" | "prefer" | "disable";

export interface ConnectDraft {
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  tls: TlsChoice;
  /** Keep the password in ~/.pgpass (PostgreSQL's own file), never in Masthead's settings. */
  remember: boolean;
}

export function blankConnect(): ConnectDraft {
  return { host: "", port: "5432", database: "", user: "", password: "", tls: "verify-full", remember: false };
}

/** The URL the core reads (no password: that is passed apart). */
export function connectUrl(d: ConnectDraft): { url: string } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const host = d.host.trim();
  const port = d.port.trim() || "5432";
  const database = d.database.trim();
  const user = d.user.trim();
  if (!host) errors["host"] = "Type the server's name or address, e.g. db.example.org.";
  // A name, an IPv4 address or an IPv6 one: nothing else reaches the URL
  // (a %-escaped "/" would make it a local socket folder, not a server).
  else if (!/^[A-Za-z0-9.-]+$/.test(host) && !/^[0-9A-Fa-f:.]+$/.test(host))
    errors["host"] = "Type the server's name (letters, digits, dots and hyphens, e.g. db.example.org) or its IP address.";
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)
    errors["port"] = "The port is a number from 1 to 65535 (PostgreSQL's is 5432).";
  if (!database) errors["database"] = "Type the database's name, as whoever runs the server gave it.";
  if (!user) errors["user"] = "Type your login, as in the invitation (e.g. mh_hannah_okafor).";
  if (Object.keys(errors).length > 0) return { errors };
  const h = host.includes(":") ? `[${host}]` : host;
  const tls = d.tls === "prefer" ? "" : `?sslmode=${d.tls}`;
  return { url: `postgres://${encodeURIComponent(user)}@${h}:${port}/${encodeURIComponent(database)}${tls}` };
}

/** The dialog's fields from a URL (the last server, or an invitation's);
 * `tls` is kept when the address names no security mode. */
export function parseConnectUrl(url: string, tls: TlsChoice = "prefer"): ConnectDraft | null {
  const m = /^postgres(?:ql)?:\/\/(?:([^:@/]*)(?::[^@/]*)?@)?(\[[^\]]+\]|[^:/?]*)(?::(\d+))?\/([^?]+)(?:\?(.*))?$/i.exec(
    url.trim(),
  );
  if (!m) return null;
  const query = new URLSearchParams(m[5] ?? "");
  const mode = query.get("sslmode");
  // No mode is PostgreSQL's own default ("prefer"); one Masthead does not
  // know is refused rather than read as something weaker.
  const known: Record<string, TlsChoice> = {
    "verify-full": "verify-full",
    "verify-ca": "verify-full",
    require: "require",
    prefer: "prefer",
    disable: "disable",
  };
  const chosen = mode === null ? tls : known[mode];
  if (chosen === undefined) return null;
  let user: string, database: string;
  try {
    user = decodeURIComponent(m[1] ?? "");
    database = decodeURIComponent(m[4] ?? "");
  } catch {
    return null; // a malformed %-escape
  }
  return {
    user,
    host: (m[2] ?? "").replace(/^\[|\]$/g, ""),
    port: m[3] ?? "5432",
    database,
    password: "",
    tls: chosen,
    remember: false,
  };
}

export function isServer(path: string | undefined | null): boolean {
  return /^postgres(ql)?:\/\//i.test(path ?? "");
}
