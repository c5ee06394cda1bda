/** What a contributor sees on the editor's event pages (the actions refuse them too). */
export function EventsNotAllowed({ heading }: { heading: string }) {
  return (
    <div className="container narrow">
      <h1>{heading}</h1>
      <p>Only editors and administrators can manage events.</p>
    </div>
  );
}
