import { describe, expect, it } from "vitest";
import { backoffSeconds } from "../../queues/retry";

describe("queue retry backoff", () => {
  it.each([
    [0, 2],
    [1, 2],
    [2, 4],
    [3, 8],
    [8, 256],
    [9, 300],
    [20, 300],
  ])("attempt %i waits %i s", (attempts, seconds) => expect(backoffSeconds(attempts)).toBe(seconds));
});
