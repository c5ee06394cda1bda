import { formatTime, isoDateTime } from "@/lib/dates";

export type ProgrammeSession = {
  id: number;
  title: string;
  description: string;
  startsAt: number;
  endsAt: number;
  room: string;
  placesLeft: number | null;
};

/** The day's programme: each session's time, room and its own places left. */
export function ProgrammeTable({ sessions, caption = "Programme" }: { sessions: ProgrammeSession[]; caption?: string }) {
  if (sessions.length === 0) return <p>The detailed programme will be published soon.</p>;
  return (
    <div className="table-scroll">
      <table className="programme">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Session</th>
            <th scope="col">Room</th>
            <th scope="col">Places left</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>
                <time dateTime={isoDateTime(s.startsAt)}>{formatTime(s.startsAt)}</time>–<time dateTime={isoDateTime(s.endsAt)}>{formatTime(s.endsAt)}</time>
              </td>
              <th scope="row">
                {s.title}
                {s.description && <div className="meta">{s.description}</div>}
              </th>
              <td>{s.room || "To be confirmed"}</td>
              <td>{s.placesLeft === null ? "No booking limit" : s.placesLeft === 0 ? "Full (waiting list)" : s.placesLeft}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
