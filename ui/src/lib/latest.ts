// Only the newest answer counts: when the user clicks through pieces faster
// than the database answers, a late answer for an earlier click must never
// replace the one for the latest click.

export class Latest {
  private counter = 0;

  /** Runs `load`; resolves to its value, or to `undefined` when a newer run (or `cancel`) came since. */
  async run<T>(load: () => Promise<T>): Promise<T | undefined> {
    const mine = ++this.counter;
    const value = await load();
    return mine === this.counter ? value : undefined;
  }

  /** Makes every answer still on its way stale. */
  cancel(): void {
    this.counter++;
  }
}
