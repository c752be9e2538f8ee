/** What the queue can be told to do, by a key or a button. */
export type QueueCommands = {
  next: () => void;
  previous: () => void;
  approve: () => void;
  approveSuggested: () => void;
  reject: () => void;
  undo: () => void;
  toggleSelect: () => void;
  relabelAny: () => void;
  relabel: (label: string) => void;
  help: () => void;
};

type KeyPress = { key: string; shiftKey: boolean };

type Command = Exclude<keyof QueueCommands, "relabel">;

export type KeyBinding = {
  /** Keys as KeyboardEvent.key, "Shift+" in front where Shift must be held. */
  keys: string[];
  /** How the help and the buttons show it. */
  shown: string;
  what: string;
  command: Command;
};

/** Every shortcut of the queue, in the order the help lists them. A typed label relabels (see bindingFor). */
export const BINDINGS: KeyBinding[] = [
  { keys: ["Enter"], shown: "Enter", what: "approve as the model read it", command: "approve" },
  { keys: ["Shift+Enter"], shown: "Shift+Enter", what: "approve as the visitor suggested", command: "approveSuggested" },
  { keys: ["x", "Backspace", "Delete"], shown: "x", what: "reject (not a character)", command: "reject" },
  { keys: ["/"], shown: "/", what: "relabel as any label (type it, then Enter)", command: "relabelAny" },
  { keys: ["ArrowDown", "ArrowRight"], shown: "↓", what: "next sample (skip this one)", command: "next" },
  { keys: ["ArrowUp", "ArrowLeft"], shown: "↑", what: "previous sample", command: "previous" },
  { keys: [" "], shown: "Space", what: "select for a bulk action", command: "toggleSelect" },
  { keys: ["z"], shown: "z", what: "undo (again: the action before; a bulk action comes back whole)", command: "undo" },
  { keys: ["?", "Shift+?"], shown: "?", what: "show these keys", command: "help" },
];

const name = (e: KeyPress) => (e.shiftKey && e.key.length > 1 ? `Shift+${e.key}` : e.key);

/**
 * The command a key press means, or undefined. The table comes first (so `x` rejects, while `X` relabels as
 * X); any other single character that is a label of the model relabels, folded by the server (c -> C).
 */
export function bindingFor(e: KeyPress, labels: string): ((c: QueueCommands) => void) | undefined {
  const key = name(e);
  const bound = BINDINGS.find((b) => b.keys.includes(key));
  if (bound) return (c) => c[bound.command]();
  if (e.key.length === 1 && (labels.includes(e.key) || labels.includes(e.key.toUpperCase()))) return (c) => c.relabel(e.key);
  return undefined;
}

/** The key a button shows for its command. */
export const keyFor = (command: Command) => BINDINGS.find((b) => b.command === command)?.shown;
