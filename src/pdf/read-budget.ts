// A wall-clock budget for reading one document. pdf.js works in short time slices, so a
// timer can fire mid-page: it then destroys the document, which stops pdf.js at its next
// slice; the reader also checks the budget between pages and between OCR calls (a single
// OCR call cannot be interrupted, so its input size is capped instead).
import { PdfRejectedError } from "./errors";

export class ReadBudget {
  private readonly deadline: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  expired = false;

  constructor(
    readonly ms: number,
    onExpiry: () => void,
  ) {
    this.deadline = Date.now() + ms;
    this.timer = setTimeout(() => {
      this.expired = true;
      onExpiry();
    }, ms);
  }

  get error(): PdfRejectedError {
    return new PdfRejectedError(
      "READ_TIME_EXCEEDED",
      `Reading the document took longer than its ${Math.round(this.ms / 1000)} s budget`,
      { budget_ms: this.ms },
    );
  }

  /** Throws once the budget is spent. */
  check(): void {
    if (this.expired || Date.now() >= this.deadline) {
      this.expired = true;
      throw this.error;
    }
  }

  /** Milliseconds left before the budget is spent. */
  remainingMs(): number {
    return this.deadline - Date.now();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** Lets other requests on this isolate run between two heavy steps. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
