// Review signal of the two readers (review.ts): the compositional reader (compose/) reads the clause, by its
// parts alone, into another reading than the one written (that reading is given: recognise() has it, no import of it).
import type { ReviewSignal } from "./review-signal.js";

export const READER_SIGNALS: readonly ReviewSignal[] = [
  {
    // only a reading of its own counts: the compositional reader's to-do says nothing (it refuses a fifth of what the patterns read right)
    name: "readers-differ",
    weight: 1,
    check: (_t, bodies, _ctx, _f, _text, byParts) => {
      const other = byParts();
      return other.kind === "rules" && other.bodies.join(" / ") !== bodies.join(" / ") ? `逐条拆读的读法（${other.bodies.join("；")}）与写入的规则不一致` : undefined;
    },
  },
];
