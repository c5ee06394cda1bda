/** A field people never see and bots fill in: off-screen, out of the tab order and hidden from assistive technology. */
export function Honeypot({ id, label }: { id: string; label: string }) {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor={id}>{label}</label>
      <input type="text" id={id} name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
