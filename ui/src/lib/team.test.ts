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
});
