import { describe, expect, it } from "vitest";
import { blankConnect, connectUrl, isServer, parseConnectUrl } from "./team";

describe("the Connect dialog's address", () => {
  it("builds the URL without the password, with the TLS mode", () => {
    const d = { ...blankConnect(), host: " db.pse.example ", database: "pse", user: "mh_ed", password: "s3cret" };
    expect(connectUrl(d)).toEqual({ url: "postgres://mh_ed@db.pse.example:5432/pse?sslmode=verify-full" });
    expect(connectUrl({ ...d, tls: "prefer", port: "6543" })).toEqual({ url: "postgres://mh_ed@db.pse.example:6543/pse" });
  });

  it("names each missing or wrong field", () => {
    const r = connectUrl({ ...blankConnect(), host: "a b", port: "99999" });
    expect("errors" in r && Object.keys(r.errors).sort()).toEqual(["database", "host", "port", "user"]);
  });

  it("reads an invitation's URL back into the fields", () => {
    const d = parseConnectUrl("postgres://mh_hannah_okafor@127.0.0.1:5499/pse?sslmode=disable");
    expect(d).toMatchObject({ user: "mh_hannah_okafor", host: "127.0.0.1", port: "5499", database: "pse", tls: "disable" });
    expect(parseConnectUrl("/home/ed/masthead.db")).toBeNull();
    expect(isServer("postgres://x@h/db")).toBe(true);
    expect(isServer("/tmp/x.db")).toBe(false);
  });
  it("reads nothing from an address with a broken escape", () => {
    expect(parseConnectUrl("postgres://mh_%zz@db.example.org/pse")).toBeNull();
  });
  it("refuses a host that is not a server's name or address, and a security mode it does not know", () => {
    // A %-escaped folder would connect to a local socket with local trust.
    const socket = parseConnectUrl("postgres://mh_h@%2Fvar%2Frun%2Fpostgresql/pse?sslmode=disable");
    expect(socket).not.toBeNull();
    const r = connectUrl(socket!);
    expect("errors" in r && Object.keys(r.errors)).toEqual(["host"]);
    expect(connectUrl({ ...blankConnect(), host: "::1", database: "pse", user: "mh_ed" })).toEqual({
      url: "postgres://mh_ed@[::1]:5432/pse?sslmode=verify-full",
    });
    expect(parseConnectUrl("postgres://mh_h@db.example.org/pse?sslmode=verify-fulll")).toBeNull();
    // No mode named: the dialog's own choice stays.
    expect(parseConnectUrl("postgres://mh_h@db.example.org/pse", "verify-full")?.tls).toBe("verify-full");
    // Half-typed, it is not an address yet.
    expect(parseConnectUrl("postgres://mh@db/")).toBeNull();
  });
});
