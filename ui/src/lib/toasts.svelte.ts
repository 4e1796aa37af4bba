// Outcomes of background work, shown briefly in the corner.

export interface Toast {
  id: number;
  kind: "success" | "warning" | "error";
  message: string;
}

export class Toasts {
  items: Toast[] = $state([]);
  #next = 1;

  show(kind: Toast["kind"], message: string, ms = kind === "error" ? 8000 : 4000): number {
    const id = this.#next++;
    this.items = [...this.items, { id, kind, message }];
    setTimeout(() => this.dismiss(id), ms);
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}
