import { formatTime, isoDateTime } from "@/lib/dates";
import type { SessionWithPlaces } from "@/lib/open-days/public";

export type ProgrammeSession = Pick<SessionWithPlaces, "id" | "title" | "description" | "startsAt" | "endsAt" | "room" | "placesLeft">;

/**
 * The day's programme: each session's time, room and its own places left.
 * On phones app/globals.css draws each row as a stacked block; the explicit
 * roles keep it a table for screen readers (some browsers drop table
 * semantics when its CSS display changes), and data-label names each value.
 */
export function ProgrammeTable({ sessions, caption = "Programme" }: { sessions: ProgrammeSession[]; caption?: string }) {
  if (sessions.length === 0) return <p>The detailed programme will be published soon.</p>;
  const captionId = `programme-caption-${sessions[0]!.id}`;
  return (
    <div className="table-scroll">
      <table className="programme" role="table" aria-labelledby={captionId}>
        <caption id={captionId}>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">Time</th>
            <th scope="col" role="columnheader">Session</th>
            <th scope="col" role="columnheader">Room</th>
            <th scope="col" role="columnheader">Places left</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {sessions.map((s) => (
            <tr key={s.id} role="row">
              <td role="cell" data-label="Time">
                <time dateTime={isoDateTime(s.startsAt)}>{formatTime(s.startsAt)}</time>–<time dateTime={isoDateTime(s.endsAt)}>{formatTime(s.endsAt)}</time>
              </td>
              <th scope="row" role="rowheader">
                {s.title}
                {s.description && <div className="meta">{s.description}</div>}
              </th>
              <td role="cell" data-label="Room">{s.room || "To be confirmed"}</td>
              <td role="cell" data-label="Places left">{s.placesLeft === null ? "No booking limit" : s.placesLeft === 0 ? "Full (waiting list)" : s.placesLeft}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
