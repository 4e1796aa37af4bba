// Outcomes of background work, shown briefly in the corner.

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Toast {
  id: number;
  kind: "success" | "warning" | "error";
  message: string;
  action?: ToastAction;
}

export class Toasts {
  static readonly MAX = 3;
  items: Toast[] = $state([]);
  #next = 1;

  show(kind: Toast["kind"], message: string, ms = kind === "error" ? 8000 : 4000, action?: ToastAction): number {
    const id = this.#next++;
    // At most three at once (the oldest goes first): a burst of outcomes
    // never covers the window. Toasts.svelte shows the newest on top.
    this.items = [...this.items, action ? { id, kind, message, action } : { id, kind, message }].slice(-Toasts.MAX);
    setTimeout(() => this.dismiss(id), ms);
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}
