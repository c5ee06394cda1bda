/** What a contributor sees on the editor's open-day pages (the actions and routes refuse them too). */
export function NotAllowed({ heading }: { heading: string }) {
  return (
    <div className="container narrow">
      <h1>{heading}</h1>
      <p>Only editors and administrators can manage open days and see registrations.</p>
    </div>
  );
}
