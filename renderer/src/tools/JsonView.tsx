// A parsed JSON value as a tree: objects and arrays fold with <details> (open to two levels).
function Leaf({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span className="json-string">{JSON.stringify(value)}</span>;
  return <span className="json-literal">{JSON.stringify(value)}</span>;
}

export function JsonView({ value, label, depth = 0 }: { value: unknown; label?: string; depth?: number }) {
  const key = label === undefined ? null : <span className="json-key">{label}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div>
        {key}
        <Leaf value={value} />
      </div>
    );
  }
  const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return (
      <div>
        {key}
        {open}
        {close}
      </div>
    );
  }
  return (
    <details open={depth < 2}>
      <summary>
        {key}
        {open} <span className="muted">{entries.length} {Array.isArray(value) ? 'items' : 'keys'}</span> {close}
      </summary>
      {entries.map(([name, item]) => (
        <JsonView key={name} value={item} label={name} depth={depth + 1} />
      ))}
    </details>
  );
}
