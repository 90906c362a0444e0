/** Headers as a two-column table (credentials arrive masked from the server). */
export function HeadersTable({
  headers,
  caption,
}: {
  headers: Record<string, string>;
  caption: string;
}) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="text-xs text-muted-foreground">No headers.</p>;
  return (
    <div className="overflow-x-auto rounded-md border">
      <table className="w-full text-left text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-muted/50 text-muted-foreground">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Name
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Value
            </th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {entries.map(([name, value]) => (
            <tr key={name}>
              <td className="px-2 py-1.5 align-top font-mono whitespace-nowrap">{name}</td>
              <td className="px-2 py-1.5 font-mono break-all">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
