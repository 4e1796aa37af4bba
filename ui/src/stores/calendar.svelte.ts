// The Calendar screen: which month or week is shown, its deadlines read in
// one call, and moving one by a drag (a due date, an edition's key date)
// from the version shown, with Undo; a refused or stale move says why and
// shows the calendar as it now is.

import type { Backend } from "../lib/backend";
import type { Calendar, CalendarEvent, PublicationId } from "../lib/bindings";
import { weeksOf, step, type CalendarView } from "../lib/calendar";
import { messageOf } from "../lib/errors";
import { formatDate, sundayFirst, todayIso } from "../lib/format";
import { refreshAfterSave, type Notify } from "./notify";

export type CalendarApi = Pick<Backend, "calendar" | "rescheduleDue" | "rescheduleKeyDate" | "exportCalendar" | "openExport">;

export class CalendarStore {
  view = $state<CalendarView>("month");
  /** A day inside what is shown. */
  anchor = $state(todayIso());
  calendar = $state.raw<Calendar | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  private publication: PublicationId | null = null;
  private reads = 0;

  constructor(
    private readonly api: CalendarApi,
    private readonly notify: Notify,
    /** Refreshes what else shows the dates after a move. */
    private readonly changed: () => Promise<void> = async () => {},
  ) {}

  /** The weeks shown, each seven ISO days. */
  get weeks(): string[][] {
    return weeksOf(this.anchor, this.view, sundayFirst());
  }

  async show(publication: PublicationId | null): Promise<void> {
    if (publication !== this.publication) this.calendar = null;
    this.publication = publication;
    await this.load();
  }

  async load(): Promise<void> {
    const publication = this.publication;
    if (!publication) return;
    const weeks = this.weeks;
    const from = weeks[0]![0]!;
    const to = weeks.at(-1)![6]!;
    const mine = ++this.reads;
    try {
      const calendar = await this.api.calendar(publication, from, to);
      if (mine !== this.reads) return;
      this.calendar = calendar;
      this.error = null;
    } catch (e) {
      if (mine === this.reads) this.error = messageOf(e);
    }
  }

  async go(by: 1 | -1): Promise<void> {
    this.anchor = step(this.anchor, this.view, by);
    await this.load();
  }

  async goToday(): Promise<void> {
    this.anchor = todayIso();
    await this.load();
  }

  async setView(view: CalendarView): Promise<void> {
    this.view = view;
    await this.load();
  }

  /**
   * Moves `event` to `date` from the version shown; Undo moves it back from
   * the version saved. Nothing happens for a date it already has or for a
   * deadline the workflow sets (it moves with its edition's dates).
   */
  async move(event: CalendarEvent, date: string): Promise<void> {
    if (event.date === date || event.version === null) return;
    const from = event.date;
    let version: number;
    try {
      version = await this.save(event, event.version, date);
    } catch (e) {
      this.notify.show("error", messageOf(e), 10000);
      await this.load();
      return;
    }
    await refreshAfterSave(this.notify, "The move", async () => {
      await this.load();
      await this.changed();
    });
    this.notify.show("success", `Moved “${event.what}: ${event.title}” to ${formatDate(date)}.`, 8000, {
      label: "Undo",
      run: async () => {
        try {
          await this.save(event, version, from);
        } catch (e) {
          this.notify.show("error", messageOf(e), 10000);
        }
        await this.load();
        await this.changed();
      },
    });
  }

  /** Saves the move: the record's version after it. */
  private async save(event: CalendarEvent, version: number, date: string): Promise<number> {
    if (event.assignment_id) {
      return (await this.api.rescheduleDue(event.assignment_id, version, date)).item.version;
    }
    if (event.key_date) {
      return (await this.api.rescheduleKeyDate(event.edition_id, version, event.key_date, date)).item.version;
    }
    throw new Error("This date follows the workflow: move its edition's dates instead.");
  }

  /** Calendar › Export…: the deadlines as an .ics file, offered to open. */
  async exportIcs(): Promise<void> {
    const publication = this.publication;
    if (!publication) return;
    this.busy = true;
    try {
      const made = await this.api.exportCalendar(publication);
      if (!made) return;
      this.notify.show("success", `Exported ${made.events} deadlines to ${made.path}.`, 10000, {
        label: "Open",
        run: () => void this.api.openExport(made.path).catch((e) => this.notify.show("error", messageOf(e))),
      });
    } catch (e) {
      this.notify.show("error", messageOf(e), 10000);
    } finally {
      this.busy = false;
    }
  }
}
