/** What a signed-in user sees on an editor page their role does not open (the actions refuse them too). */
export function NotAllowed({ heading, reason }: { heading: string; reason: string }) {
  return (
    <div className="container narrow">
      <h1>{heading}</h1>
      <p>{reason}</p>
    </div>
  );
}
