/** A reason from the engine: text with `quoted` parts shown as code. */
export function Reason({ text, className }: { text: string; className?: string }) {
  const parts = text.split('`');
  return (
    <span className={className}>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code
            key={i}
            className="rounded bg-slate-100 px-1 font-mono text-[0.85em] break-all dark:bg-slate-700/60"
          >
            {part}
          </code>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </span>
  );
}
